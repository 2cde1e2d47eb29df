// Export profiles: the headers each e-mail tool's importer expects, and how a mailable
// contact fills them. Only contacts mailable as of the export date reach these functions.

import type { ExportProfileId } from '../contract/requests.ts';
import type { Basis, IsoDate, SourceKind, Status } from '../consent/vocabulary.ts';
import { exact, type Cell } from './csv.ts';

export interface ExportContact {
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  title: string;
  phone: string;
  city: string;
  country: string;
  tags: readonly string[];
  status: Status;
  basis: Basis | null;
  source: SourceKind | null;
  consentDate: IsoDate | null;
  consentExpiresAt: IsoDate | null;
}

export interface ExportProfile {
  id: ExportProfileId;
  label: string;
  header: readonly string[];
  /** Whether the profile writes the phone number (files.ts leaves out one that cannot be both exact and safe). */
  phone: boolean;
  /** The row's cells: the address and phone exact (files.ts decides they may be), the rest text. */
  row(contact: ExportContact): Cell[];
}

function fullName(c: ExportContact): string {
  return [c.firstName, c.lastName].filter(Boolean).join(' ');
}

/** HubSpot's "Legal basis for processing contact's data" values. */
function hubspotLegalBasis(c: ExportContact): string {
  return c.status === 'explicit' ? 'Freely given consent from contact' : 'Legitimate interest – existing customer';
}

export const EXPORT_PROFILE_TABLE: Record<ExportProfileId, ExportProfile> = {
  mailchimp: {
    id: 'mailchimp',
    label: 'Mailchimp',
    header: ['Email Address', 'First Name', 'Last Name', 'Company', 'Phone Number', 'Tags'],
    phone: true,
    row: (c) => [exact(c.email), c.firstName, c.lastName, c.company, exact(c.phone), c.tags.join(',')],
  },
  hubspot: {
    id: 'hubspot',
    label: 'HubSpot',
    header: ['Email', 'First Name', 'Last Name', 'Company Name', 'Job Title', 'Phone Number', 'City', 'Country/Region', "Legal basis for processing contact's data"],
    phone: true,
    row: (c) => [exact(c.email), c.firstName, c.lastName, c.company, c.title, exact(c.phone), c.city, c.country, hubspotLegalBasis(c)],
  },
  brevo: {
    id: 'brevo',
    label: 'Brevo',
    header: ['EMAIL', 'FIRSTNAME', 'LASTNAME'],
    phone: false,
    row: (c) => [exact(c.email), c.firstName, c.lastName],
  },
  listmonk: {
    id: 'listmonk',
    label: 'listmonk',
    header: ['email', 'name', 'attributes'],
    phone: false,
    row: (c) => [
      exact(c.email),
      fullName(c),
      JSON.stringify({
        company: c.company || undefined,
        consent: { status: c.status, basis: c.basis, source: c.source, date: c.consentDate, expires: c.consentExpiresAt },
      }),
    ],
  },
  generic: {
    id: 'generic',
    label: 'Generic CSV',
    header: ['email', 'first_name', 'last_name', 'company', 'title', 'phone', 'city', 'country', 'tags', 'consent_status', 'consent_basis', 'consent_source', 'consent_date', 'consent_expires_at'],
    phone: true,
    row: (c) => [
      exact(c.email), c.firstName, c.lastName, c.company, c.title, exact(c.phone), c.city, c.country, c.tags.join(';'),
      c.status, c.basis ?? '', c.source ?? '', c.consentDate ?? '', c.consentExpiresAt ?? '',
    ],
  },
};
