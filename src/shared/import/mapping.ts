// Column mapping: which header is which contact field. Known export layouts (Google,
// Outlook, LinkedIn, Mailchimp, HubSpot, Eventbrite, listmonk) are recognised by their
// headers; otherwise English and Norwegian synonyms. Pure and shared, so the import screen
// and the pipeline agree.

import { parseDate } from './dates.ts';
import { mapSourceWords } from './sources.ts';

export const FIELD_KEYS = [
  'email', 'otherEmails', 'firstName', 'lastName', 'fullName', 'company', 'title', 'phone', 'city', 'country', 'tags',
  'note', 'source', 'collectedAt', 'basis', 'consent', 'optInTime', 'confirmTime', 'listStatus', 'ignore',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export interface ColumnMapping {
  layout: string | null;
  /** One field per header. */
  fields: FieldKey[];
}

export interface RowConsent {
  source: string | null;
  collectedAt: string | null;
  basis: 'explicit' | 'implicit' | null;
  consent: boolean | null;
  optInTime: string | null;
  confirmTime: string | null;
  listStatus: 'subscribed' | 'unsubscribed' | 'cleaned' | 'pending' | null;
  problems: { column: string; message: string }[];
}

export interface MappedRow {
  email: string;
  otherEmails: string;
  firstName: string;
  lastName: string;
  company: string;
  title: string;
  phone: string;
  city: string;
  country: string;
  tags: string[];
  note: string;
  consent: RowConsent;
}

/** Lower-case letters and digits only: "E-mail 1 - Value" → "email1value". */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().normalize('NFC').replace(/[^a-z0-9æøåäöü]/g, '');
}

export function headerSignature(headers: string[]): string {
  return headers.map(normalizeHeader).join('|');
}

const SYNONYMS: Record<string, FieldKey> = {};
function synonyms(field: FieldKey, words: string[]): void {
  for (const w of words) SYNONYMS[normalizeHeader(w)] = field;
}
synonyms('email', ['email', 'e-mail', 'email address', 'e-mail address', 'epost', 'e-post', 'epostadresse', 'e-postadresse', 'mail', 'primary email', 'e-mail 1 - value', 'emailadresse']);
synonyms('otherEmails', ['e-mail 2 - value', 'e-mail 3 - value', 'e-mail 2 address', 'e-mail 3 address', 'other email', 'secondary email', 'annen e-post']);
synonyms('firstName', ['first name', 'firstname', 'given name', 'fornavn', 'first']);
synonyms('lastName', ['last name', 'lastname', 'family name', 'surname', 'etternavn', 'last']);
synonyms('fullName', ['name', 'full name', 'fullname', 'navn', 'fullt navn', 'display name', 'contact name', 'kontaktperson']);
synonyms('company', ['company', 'company name', 'organization', 'organisation', 'organization name', 'organization 1 - name', 'firma', 'bedrift', 'selskap', 'organisasjon', 'arbeidsgiver', 'firmanavn']);
synonyms('title', ['job title', 'jobtitle', 'position', 'stilling', 'tittel', 'organization title', 'organization 1 - title', 'role', 'rolle']);
synonyms('phone', ['phone', 'phone number', 'telephone', 'mobile', 'mobile phone', 'mobil', 'mobilnummer', 'telefon', 'telefonnummer', 'tlf', 'phone 1 - value', 'business phone', 'cell phone', 'sms']);
synonyms('city', ['city', 'town', 'sted', 'poststed', 'by', 'locality', 'business city', 'home city', 'kommune']);
synonyms('country', ['country', 'country/region', 'land', 'business country/region', 'home country/region']);
synonyms('tags', ['tags', 'tag', 'labels', 'group membership', 'categories', 'kategorier', 'etiketter', 'grupper']);
synonyms('note', ['note', 'notes', 'notat', 'notater', 'kommentar', 'comment', 'comments', 'merknad']);
synonyms('source', ['source', 'kilde', 'lead source', 'origin', 'opprinnelse', 'consent source', 'samtykkekilde']);
synonyms('collectedAt', ['signup date', 'collected at', 'collected', 'dato', 'date', 'created at', 'innsamlet', 'registrert', 'optin date', 'consent date', 'samtykkedato', 'påmeldt', 'order date', 'connected on']);
synonyms('basis', ['basis', 'consent type', 'samtykketype', 'consent basis']);
synonyms('consent', ['consent', 'samtykke', 'opt-in', 'optin', 'marketing consent', 'accepts marketing', 'nyhetsbrev', 'newsletter', 'subscribed', 'ønsker nyhetsbrev']);
synonyms('optInTime', ['optin_time', 'opt-in time']);
synonyms('confirmTime', ['confirm_time', 'confirm time']);

interface Layout {
  id: string;
  /** Normalized headers that must all be present. */
  requires: string[];
  /** Layout-specific meanings, over the synonyms. */
  fields: Record<string, FieldKey>;
  /** Dates in this layout are US month/day. */
  usDates?: boolean;
}

const LAYOUTS: Layout[] = [
  {
    id: 'mailchimp',
    requires: ['emailaddress', 'optintime'],
    fields: { emailaddress: 'email', optintime: 'optInTime', confirmtime: 'confirmTime', unsubtime: 'listStatus', cleantime: 'listStatus', tags: 'tags', notes: 'note' },
  },
  { id: 'linkedin', requires: ['connectedon', 'url', 'emailaddress'], fields: { emailaddress: 'email', position: 'title', connectedon: 'collectedAt' } },
  { id: 'hubspot', requires: ['recordid', 'email'], fields: { companyname: 'company', jobtitle: 'title', phonenumber: 'phone', countryregion: 'country', createdate: 'collectedAt' }, usDates: true },
  { id: 'eventbrite', requires: ['order', 'tickettype', 'email'], fields: { orderdate: 'collectedAt', order: 'ignore' }, usDates: true },
  { id: 'listmonk', requires: ['uuid', 'email', 'attributes', 'status'], fields: { name: 'fullName', status: 'listStatus', createdat: 'collectedAt', attributes: 'ignore', uuid: 'ignore' } },
  {
    id: 'google-contacts',
    requires: ['firstname', 'email1value', 'organizationname'],
    fields: { email1value: 'email', email2value: 'otherEmails', email3value: 'otherEmails', organizationname: 'company', organizationtitle: 'title', phone1value: 'phone', labels: 'tags', notes: 'note', email1label: 'ignore' },
  },
  {
    id: 'google-contacts-legacy',
    requires: ['givenname', 'familyname', 'email1value'],
    fields: { email1value: 'email', email2value: 'otherEmails', organization1name: 'company', organization1title: 'title', phone1value: 'phone', groupmembership: 'tags', name: 'fullName' },
  },
  {
    id: 'outlook',
    requires: ['emailaddress', 'emaildisplayname'],
    fields: { emailaddress: 'email', email2address: 'otherEmails', email3address: 'otherEmails', title: 'ignore', jobtitle: 'title', businesscity: 'city', businesscountryregion: 'country', mobilephone: 'phone', businessphone: 'phone', categories: 'tags', notes: 'note' },
    usDates: true,
  },
];

export const CARD_LAYOUT_HEADERS = ['email', 'otherEmails', 'firstName', 'lastName', 'fullName', 'company', 'title', 'phone', 'city', 'country', 'tags', 'note'];

export function suggestMapping(headers: string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  if (headers.length === CARD_LAYOUT_HEADERS.length && headers.every((h, i) => h === CARD_LAYOUT_HEADERS[i])) {
    return { layout: 'vcard', fields: [...CARD_LAYOUT_HEADERS] as FieldKey[] };
  }
  const layout = LAYOUTS.find((l) => l.requires.every((r) => normalized.includes(r))) ?? null;
  const fields = normalized.map((h): FieldKey => layout?.fields[h] ?? SYNONYMS[h] ?? 'ignore');
  // One address column: the first 'email' wins, later ones are other addresses.
  let seenEmail = false;
  for (let i = 0; i < fields.length; i++) {
    if (fields[i] !== 'email') continue;
    if (seenEmail) fields[i] = 'otherEmails';
    seenEmail = true;
  }
  // Several phone columns: keep the first.
  let seenPhone = false;
  for (let i = 0; i < fields.length; i++) {
    if (fields[i] !== 'phone') continue;
    if (seenPhone) fields[i] = 'ignore';
    seenPhone = true;
  }
  return { layout: layout?.id ?? null, fields };
}

const YES = new Set(['yes', 'y', 'ja', 'j', 'true', '1', 'x', '✓', '✔', 'opted in', 'subscribed', 'samtykker', 'ok']);
const NO = new Set(['no', 'n', 'nei', 'false', '0', 'opted out', 'unsubscribed', '-']);

function parseFlag(value: string): boolean | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return undefined;
}

function parseBasis(value: string): 'explicit' | 'implicit' | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  if (['explicit', 'eksplisitt', 'express', 'double opt-in', 'double optin', 'confirmed'].includes(v)) return 'explicit';
  if (['implicit', 'implisitt', 'implied'].includes(v)) return 'implicit';
  return undefined;
}

function parseListStatus(header: string, value: string): RowConsent['listStatus'] | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  const h = normalizeHeader(header);
  if (h === 'unsubtime') return 'unsubscribed';
  if (h === 'cleantime') return 'cleaned';
  if (['subscribed', 'enabled', 'active', 'aktiv'].includes(v)) return 'subscribed';
  if (['unsubscribed', 'blocklisted', 'blacklisted', 'avmeldt', 'opted out'].includes(v)) return 'unsubscribed';
  if (['cleaned', 'bounced', 'hard bounce'].includes(v)) return 'cleaned';
  if (['pending', 'unconfirmed'].includes(v)) return 'pending';
  return undefined;
}

/** "Nordmann, Ola" or "Ola Nordmann" into first and last name. */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const name = full.trim().replace(/\s+/g, ' ');
  if (name === '') return { firstName: '', lastName: '' };
  const comma = name.indexOf(',');
  if (comma !== -1) return { lastName: name.slice(0, comma).trim(), firstName: name.slice(comma + 1).trim() };
  const space = name.lastIndexOf(' ');
  if (space === -1) return { firstName: name, lastName: '' };
  return { firstName: name.slice(0, space), lastName: name.slice(space + 1) };
}

function splitTags(value: string): string[] {
  return value
    .split(/:::|[,;]/)
    .map((t) => t.replace(/^\*\s*/, '').trim())
    .filter((t) => t !== '' && t.toLowerCase() !== 'mycontacts');
}

export function applyMapping(headers: string[], values: string[], mapping: ColumnMapping): MappedRow {
  const row: MappedRow = {
    email: '', otherEmails: '', firstName: '', lastName: '', company: '', title: '', phone: '', city: '', country: '', tags: [], note: '',
    consent: { source: null, collectedAt: null, basis: null, consent: null, optInTime: null, confirmTime: null, listStatus: null, problems: [] },
  };
  const usDates = LAYOUTS.find((l) => l.id === mapping.layout)?.usDates ?? false;
  const others: string[] = [];
  let fullName = '';
  const problem = (column: string, message: string): void => {
    row.consent.problems.push({ column, message });
  };
  for (let i = 0; i < mapping.fields.length; i++) {
    const field = mapping.fields[i]!;
    const value = (values[i] ?? '').trim();
    const header = headers[i] ?? `Column ${i + 1}`;
    if (value === '' || field === 'ignore') continue;
    switch (field) {
      case 'email':
        row.email = value;
        break;
      case 'otherEmails':
        others.push(value);
        break;
      case 'fullName':
        fullName = value;
        break;
      case 'tags':
        row.tags.push(...splitTags(value));
        break;
      case 'source': {
        const source = mapSourceWords(value);
        if (source) row.consent.source = source;
        else problem(header, `“${value}” is not a source Tillit knows; the batch's source is used`);
        break;
      }
      case 'collectedAt':
      case 'optInTime':
      case 'confirmTime': {
        const parsed = parseDate(value, usDates);
        if (parsed.date) row.consent[field] = parsed.date;
        else problem(header, parsed.problem ?? `“${value}” is not a date`);
        break;
      }
      case 'basis': {
        const basis = parseBasis(value);
        if (basis === undefined) problem(header, `“${value}” is neither explicit nor implicit`);
        else row.consent.basis = basis;
        break;
      }
      case 'consent': {
        const flag = parseFlag(value);
        if (flag === undefined) problem(header, `“${value}” is not a yes or a no`);
        else row.consent.consent = flag;
        break;
      }
      case 'listStatus': {
        const status = parseListStatus(header, value);
        if (status === undefined) problem(header, `“${value}” is not a list status Tillit knows`);
        else if (status !== null) row.consent.listStatus = status;
        break;
      }
      default:
        // Plain text fields: the first non-empty column wins.
        if (row[field] === '') row[field] = value;
    }
  }
  if (fullName && row.firstName === '' && row.lastName === '') Object.assign(row, splitFullName(fullName));
  row.otherEmails = others.join('; ');
  return row;
}
