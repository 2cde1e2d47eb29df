// Column mapping: which header is which contact field, and one row's cells read through a
// mapping. Known exports (Google, Outlook, LinkedIn, Mailchimp, HubSpot, Eventbrite,
// listmonk) are recognised by their headers; other files by header synonyms in English and
// Norwegian. Pure and shared, so the import screen and the pipeline agree; the user can
// change every suggestion, and a changed mapping is remembered by the header signature.

import type { CodedMessage, MessageCode, MessageParams } from '../contract/dto.ts';
import { toNfc } from '../email/text.ts';
import { parseDate } from './dates.ts';
import { fieldForHeader, LAYOUTS, layoutField, normalizeHeader } from './layouts.ts';
import { matchSourceWords } from './sources.ts';
import { parseBasis, parseFlag, parseListStatus, splitAddresses, splitFullName, splitTags } from './values.ts';

export { normalizeHeader } from './layouts.ts';
export { splitFullName } from './values.ts';
export { parseDate } from './dates.ts';

export const FIELD_KEYS = [
  'email', 'otherEmails', 'firstName', 'lastName', 'fullName', 'company', 'title', 'phone', 'city', 'country', 'tags',
  'note', 'source', 'collectedAt', 'basis', 'consent', 'optInTime', 'confirmTime', 'listStatus', 'ignore',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** The columns of vCard and MECARD records, in order (the readers' CARD_HEADERS). */
export const CARD_FIELDS = ['email', 'otherEmails', 'firstName', 'lastName', 'fullName', 'company', 'title', 'phone', 'city', 'country', 'tags', 'note'] as const satisfies readonly FieldKey[];

export const LAYOUT_IDS = ['google-contacts', 'google-contacts-legacy', 'outlook', 'linkedin', 'mailchimp', 'hubspot', 'eventbrite', 'listmonk', 'vcard', 'mecard'] as const;

export interface ColumnMapping {
  /** A LAYOUT_IDS entry, or null for a file of no known layout. */
  layout: string | null;
  /** One field per header index. */
  fields: FieldKey[];
}

export interface RowConsent {
  /** A SourceKind, from the cell's words. */
  source: string | null;
  /** ISO date. */
  collectedAt: string | null;
  basis: 'explicit' | 'implicit' | null;
  consent: boolean | null;
  /** ISO dates. */
  optInTime: string | null;
  confirmTime: string | null;
  listStatus: 'subscribed' | 'unsubscribed' | 'cleaned' | 'pending' | null;
  /** ISO date the list status took effect, where the file says (Mailchimp's UNSUB_TIME, CLEAN_TIME). */
  listStatusTime: string | null;
  /** Cells that could not be read; the header names the column. */
  problems: ConsentProblem[];
}

/** A consent cell that could not be read: `message` in English, and its code and values (value…) for the UI. */
export interface ConsentProblem {
  column: string;
  message: string;
  code: MessageCode;
  params: MessageParams;
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

/**
 * A stable key for "files with these headers": trimmed, spaces collapsed, lower case,
 * Unicode-normalized, joined as a JSON array (so no header text can fake a boundary).
 */
export function headerSignature(headers: string[]): string {
  return JSON.stringify(headers.map((h) => h.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()));
}

function isCardHeaders(headers: string[]): boolean {
  return headers.length === CARD_FIELDS.length && headers.every((h, i) => h === CARD_FIELDS[i]);
}

/**
 * The suggested mapping for a file's headers. `format` (the reader's) tells vCard from
 * MECARD records, whose headers are the same canonical fields. Only one column is 'email':
 * the first (Google's "E-mail 1 - Value"); other address columns become 'otherEmails'.
 */
/** A cell that is an address and nothing else: enough to suggest a column, not to check one (rows are checked in full). */
const LOOKS_LIKE_ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/**
 * The column whose sample cells are mostly addresses, among those no header named, for a file
 * whose e-mail column has a name Tillit does not know ("Kontakt"); -1 when none is.
 */
function addressColumn(fields: readonly FieldKey[], sampleRows: readonly (readonly string[])[]): number {
  let best = -1;
  let bestCount = 0;
  fields.forEach((field, i) => {
    if (field !== 'ignore') return;
    const cells = sampleRows.map((row) => (row[i] ?? '').trim()).filter((cell) => cell !== '');
    const addresses = cells.filter((cell) => LOOKS_LIKE_ADDRESS.test(cell)).length;
    if (addresses * 2 > cells.length && addresses > bestCount) {
      best = i;
      bestCount = addresses;
    }
  });
  return best;
}

/**
 * The suggested field per header: a known layout's, else the header's meaning. When no header
 * is the e-mail address, the sample rows (the first of the file) may show which column is.
 */
export function suggestMapping(headers: string[], format?: string, sampleRows: readonly (readonly string[])[] = []): ColumnMapping {
  if (isCardHeaders(headers) && format !== 'csv' && format !== 'xlsx') {
    return { layout: format === 'mecard' ? 'mecard' : 'vcard', fields: [...CARD_FIELDS] };
  }
  const normalized = headers.map(normalizeHeader);
  const present = new Set(normalized);
  const layout = LAYOUTS.find((l) => l.detect(present)) ?? null;
  const fields = normalized.map((h): FieldKey => (layout ? layoutField(layout, h) : undefined) ?? fieldForHeader(h, layout === null));
  let seenEmail = false;
  for (let i = 0; i < fields.length; i++) {
    if (fields[i] !== 'email') continue;
    if (seenEmail) fields[i] = 'otherEmails';
    seenEmail = true;
  }
  if (!seenEmail) {
    const column = addressColumn(fields, sampleRows);
    if (column >= 0) fields[column] = 'email';
  }
  return { layout: layout?.id ?? null, fields };
}

function emptyRow(): MappedRow {
  return {
    email: '', otherEmails: '', firstName: '', lastName: '', company: '', title: '', phone: '', city: '', country: '', tags: [], note: '',
    consent: { source: null, collectedAt: null, basis: null, consent: null, optInTime: null, confirmTime: null, listStatus: null, listStatusTime: null, problems: [] },
  };
}

/** A Mailchimp export's status is the export's: UNSUB_TIME and CLEAN_TIME columns are in the unsubscribed and cleaned exports only. */
function mailchimpStatus(headers: string[]): RowConsent['listStatus'] {
  const normalized = headers.map(normalizeHeader);
  if (normalized.includes('cleantime')) return 'cleaned';
  if (normalized.includes('unsubtime')) return 'unsubscribed';
  return 'subscribed';
}

/**
 * One row's cells through a mapping, trimmed and read: several addresses in a cell are
 * split (first = the address); a full name fills first and last name when both are empty;
 * dates, yes/no flags, bases, statuses and source words are read, and what cannot be read
 * is a problem naming its column, never a guess.
 */
export function applyMapping(headers: string[], values: string[], mapping: ColumnMapping): MappedRow {
  const row = emptyRow();
  const consent = row.consent;
  const layout = LAYOUTS.find((l) => l.id === mapping.layout);
  const usDates = layout?.usDates ?? false;
  const emails: string[] = [];
  let fullName = '';
  const problem = (column: string, { text, code, params }: Required<CodedMessage>): void => {
    consent.problems.push({ column, message: text, code, params });
  };
  if (mapping.layout === 'mailchimp') consent.listStatus = mailchimpStatus(headers);

  for (let i = 0; i < mapping.fields.length; i++) {
    const field = mapping.fields[i]!;
    // NFC: a Mac export writes "å" as a + ring; stored composed, it looks the same and is found the same way.
    const value = toNfc((values[i] ?? '').trim());
    const header = headers[i] || `Column ${i + 1}`;
    if (value === '' || field === 'ignore') continue;
    switch (field) {
      case 'email': {
        // The mapped address column comes first, whatever its position.
        const [first = '', ...rest] = splitAddresses(value);
        if (!row.email) row.email = first;
        emails.push(...rest);
        break;
      }
      case 'otherEmails':
        emails.push(...splitAddresses(value));
        break;
      case 'fullName':
        if (!fullName) fullName = value;
        break;
      case 'tags':
        row.tags.push(...splitTags(value));
        break;
      case 'source': {
        const match = matchSourceWords(value);
        if (match.source) consent.source = match.source;
        else problem(header, match.problem ?? cellProblem('not-a-source', value, `“${value}” is not a source Tillit knows`));
        break;
      }
      case 'collectedAt':
      case 'optInTime':
      case 'confirmTime': {
        const parsed = parseDate(value, usDates);
        if (parsed.date) consent[field] ??= parsed.date;
        else problem(header, parsed.problem ?? cellProblem('not-a-date', value, `“${value}” is not a date`));
        break;
      }
      case 'basis': {
        const basis = parseBasis(value);
        if (basis === undefined) problem(header, cellProblem('basis-unknown', value, `“${value}” is neither explicit nor implicit consent`));
        else consent.basis = basis;
        break;
      }
      case 'consent': {
        const flag = parseFlag(value);
        if (flag === undefined) problem(header, cellProblem('flag-unknown', value, `“${value}” is not a yes or a no`));
        else consent.consent = flag;
        break;
      }
      case 'listStatus':
        readListStatus(header, value, usDates, consent, problem);
        break;
      default:
        // Plain text fields: the first non-empty column wins (Outlook has several phones).
        if (row[field] === '') row[field] = value;
    }
  }
  if (fullName && row.firstName === '' && row.lastName === '') Object.assign(row, splitFullName(fullName));
  const primary = row.email.toLowerCase();
  const others = [...new Set(emails.map((e) => e.trim()).filter((e) => e !== '' && e.toLowerCase() !== primary))];
  row.otherEmails = others.join('; ');
  row.tags = [...new Set(row.tags)];
  return row;
}

/** A cell's problem: the English text, and its code with the cell's value for the UI. */
function cellProblem(code: MessageCode, value: string, text: string): Required<CodedMessage> {
  return { text, code, params: { value } };
}

function readListStatus(header: string, value: string, usDates: boolean, consent: RowConsent, problem: (column: string, p: Required<CodedMessage>) => void): void {
  const h = normalizeHeader(header);
  // Mailchimp's UNSUB_TIME / CLEAN_TIME: the status is the column's, the cell is its time,
  // which dates the withdrawal or bounce (not the day of the import).
  if (h === 'unsubtime' || h === 'cleantime') {
    consent.listStatus = h === 'unsubtime' ? 'unsubscribed' : 'cleaned';
    const parsed = parseDate(value, usDates);
    if (parsed.date) consent.listStatusTime = parsed.date;
    else problem(header, parsed.problem ?? cellProblem('not-a-date', value, `“${value}” is not a date`));
    return;
  }
  // HubSpot's "Unsubscribed from all email" is a yes/no.
  if (h.includes('unsubscribed')) {
    const flag = parseFlag(value);
    if (flag === undefined) problem(header, cellProblem('flag-unknown', value, `“${value}” is not a yes or a no`));
    else if (flag) consent.listStatus = 'unsubscribed';
    return;
  }
  const status = parseListStatus(value);
  if (status === undefined) {
    problem(header, cellProblem('status-unknown', value, `“${value}” is not a list status Tillit knows (subscribed, unsubscribed, cleaned or pending)`));
    return;
  }
  if (status.problem) problem(header, status.problem);
  if (status.status) consent.listStatus = status.status;
}
