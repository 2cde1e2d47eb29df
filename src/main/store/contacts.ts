// Contacts: one row per normalized address, with its cached status (evaluated as of the
// date in settings.statuses_as_of) so that listing a million contacts needs no evaluation.

import type { ContactSummary, DetailField } from '../../shared/contract/dto.ts';
import type { IsoDate, Status } from '../../shared/consent/vocabulary.ts';
import type Database from 'better-sqlite3';
import { sqlLiteral, statement, type DB } from './open.ts';

// The contract's DetailField names the same fields (the UI shows which import set each one).
export const CONTACT_FIELDS = ['firstName', 'lastName', 'company', 'title', 'phone', 'city', 'country', 'otherEmails', 'note'] as const satisfies readonly DetailField[];
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const FIELD_COLUMNS: Record<ContactField, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  company: 'company',
  title: 'title',
  phone: 'phone',
  city: 'city',
  country: 'country',
  otherEmails: 'other_emails',
  note: 'note',
};

export interface ContactRow {
  id: number;
  email: string;
  email_key: string;
  first_name: string;
  last_name: string;
  company: string;
  title: string;
  phone: string;
  city: string;
  country: string;
  other_emails: string;
  note: string;
  tags: string;
  field_sources: string;
  status: string;
  reasons: string;
  consent_expires_at: string | null;
  created_import_id: number | null;
  removed_at: string | null;
  created_at: string;
  updated_at: string;
}

export function toSummary(row: ContactRow): ContactSummary {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    company: row.company,
    title: row.title,
    phone: row.phone,
    city: row.city,
    country: row.country,
    tags: JSON.parse(row.tags) as string[],
    status: row.status as Status,
    reasons: JSON.parse(row.reasons) as string[],
    consentExpiresAt: row.consent_expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getContactRow(db: DB, id: number): ContactRow | undefined {
  return statement(db, 'SELECT * FROM contacts WHERE id = ? AND removed_at IS NULL').get(id) as ContactRow | undefined;
}

export function findContactByKey(db: DB, emailKey: string): ContactRow | undefined {
  return statement(db, 'SELECT * FROM contacts WHERE email_key = ?').get(emailKey) as ContactRow | undefined;
}

export interface ContactQuery {
  status?: readonly Status[];
  search?: string;
  /** Only contacts whose cached consent ends on or before this date. */
  expiresBy?: IsoDate;
  /** Only contacts with an open warning from a committed import (import_warnings). */
  warned?: boolean;
  sort: 'added' | 'name' | 'email' | 'status' | 'updated' | 'expires';
  offset: number;
  limit: number;
}

const ORDER_BY: Record<ContactQuery['sort'], string> = {
  // Ids only grow, so the newest contact has the highest: the rowid order, no sort needed.
  added: 'id DESC',
  name: 'last_name COLLATE NOCASE, first_name COLLATE NOCASE, email_key',
  email: 'email_key',
  status: 'status, last_name COLLATE NOCASE, first_name COLLATE NOCASE, email_key',
  updated: 'updated_at DESC, id DESC',
  expires: 'consent_expires_at, last_name COLLATE NOCASE, first_name COLLATE NOCASE, email_key',
};

/**
 * A GLOB pattern that finds `text` anywhere, whatever its case, in every script: SQLite's
 * LIKE folds ASCII letters only, so "ødegård" would not find "Ødegård". Each cased letter
 * becomes a class of its two forms ([øØ]); GLOB's own special characters match themselves.
 */
export function containsPattern(text: string): string {
  return `*${equalsPattern(text)}*`;
}

/** A GLOB pattern that matches exactly `text`, whatever its case (see containsPattern). */
export function equalsPattern(text: string): string {
  let pattern = '';
  for (const char of text.normalize('NFC')) {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (lower !== upper && [...lower].length === 1 && [...upper].length === 1) pattern += `[${lower}${upper}]`;
    else if (char === '*' || char === '?' || char === '[') pattern += `[${char}]`;
    else pattern += char;
  }
  return pattern;
}

/** The words of a search, in NFC (so a decomposed "å" typed on a Mac is the stored "å"). */
export function searchWords(search: string | undefined): string[] {
  return (search ?? '').normalize('NFC').split(/\s+/u).filter((word) => word !== '');
}

/** Contacts with an open warning from an import that is not undone. */
export const HAS_OPEN_WARNING = `EXISTS (SELECT 1 FROM import_warnings w JOIN imports i ON i.id = w.import_id
  WHERE w.contact_id = contacts.id AND w.resolution = 'open' AND i.state = 'committed')`;

function whereClause(query: Pick<ContactQuery, 'status' | 'search' | 'expiresBy' | 'warned'>): { sql: string; params: unknown[] } {
  const parts = ['removed_at IS NULL'];
  const params: unknown[] = [];
  if (query.warned) parts.push(HAS_OPEN_WARNING);
  if (query.expiresBy !== undefined) {
    parts.push('consent_expires_at IS NOT NULL AND consent_expires_at <= ?');
    params.push(query.expiresBy);
  }
  if (query.status && query.status.length > 0) {
    parts.push(`status IN (${query.status.map(() => '?').join(', ')})`);
    params.push(...query.status);
  }
  // Every word must be found in the address, a name or the company: "Ingrid Løvås" finds her
  // (first and last name) and "Løvås Ingrid" too, but not every other Ingrid.
  for (const word of searchWords(query.search)) {
    const pattern = containsPattern(word);
    parts.push('(email_key GLOB ? OR first_name GLOB ? OR last_name GLOB ? OR company GLOB ?)');
    params.push(pattern, pattern, pattern, pattern);
  }
  return { sql: parts.join(' AND '), params };
}

/**
 * The order of a page: with a search of two words or more, people whose whole name is the
 * search come first (either way round), then the chosen order.
 */
function orderClause(query: Pick<ContactQuery, 'search' | 'sort'>): { sql: string; params: unknown[] } {
  const words = searchWords(query.search);
  if (words.length < 2) return { sql: ORDER_BY[query.sort], params: [] };
  const whole = equalsPattern(words.join(' '));
  return {
    sql: `CASE WHEN (first_name || ' ' || last_name) GLOB ? OR (last_name || ' ' || first_name) GLOB ? THEN 0 ELSE 1 END, ${ORDER_BY[query.sort]}`,
    params: [whole, whole],
  };
}

/** A page of contacts by their cached status. */
export function listContactRows(db: DB, query: ContactQuery): { total: number; rows: ContactRow[] } {
  const where = whereClause(query);
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM contacts WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
  const order = orderClause(query);
  const rows = db
    .prepare(`SELECT * FROM contacts WHERE ${where.sql} ORDER BY ${order.sql} LIMIT ? OFFSET ?`)
    .all(...where.params, ...order.params, query.limit, query.offset) as ContactRow[];
  return { total, rows };
}

/** Every live contact matching a search, in the given order, one at a time (for as-of queries and exports). */
export function* iterateContactRows(db: DB, query: Pick<ContactQuery, 'search' | 'sort'>, chunk = 5000): Generator<ContactRow> {
  const where = whereClause({ search: query.search });
  // Chunked by offset on a stable order so that no statement stays open while callers write.
  for (let offset = 0; ; offset += chunk) {
    const rows = db
      .prepare(`SELECT * FROM contacts WHERE ${where.sql} ORDER BY ${ORDER_BY[query.sort]}, id LIMIT ? OFFSET ?`)
      .all(...where.params, chunk, offset) as ContactRow[];
    yield* rows;
    if (rows.length < chunk) return;
  }
}

export function countByStatus(db: DB): { total: number; byStatus: Map<string, number> } {
  const rows = db.prepare('SELECT status, COUNT(*) AS n FROM contacts WHERE removed_at IS NULL GROUP BY status').all() as {
    status: string;
    n: number;
  }[];
  return { total: rows.reduce((sum, r) => sum + r.n, 0), byStatus: new Map(rows.map((r) => [r.status, r.n])) };
}

export interface StatusUpdate {
  id: number;
  status: Status;
  reasons: readonly string[];
  expiresAt: IsoDate | null;
}

export function writeStatuses(db: DB, updates: readonly StatusUpdate[]): void {
  const update = statement(db, 'UPDATE contacts SET status = ?, reasons = ?, consent_expires_at = ? WHERE id = ?');
  for (const u of updates) update.run(u.status, JSON.stringify(u.reasons), u.expiresAt, u.id);
}

/** A new contact as an import writes it. */
export interface NewContact {
  email: string;
  emailKey: string;
  fields: Readonly<Record<ContactField, string>>;
  tags: readonly string[];
  status: Status;
  reasons: readonly string[];
  expiresAt: string | null;
}

/**
 * Writes an import's new contacts. Every bound value costs about 0.1 µs, which is most of
 * the insert at a million rows, so empty fields are left to the column default and the
 * import's id and time are written into the SQL: one statement per set of filled fields
 * (a file has a handful), prepared on first use. Which fields were filled is also what
 * field_sources records, so it is written in too.
 */
export class ContactInserter {
  private readonly db: DB;
  private readonly importId: number;
  private readonly now: string;
  private readonly byShape = new Map<number, Database.Statement>();

  constructor(db: DB, importId: number, now: string) {
    this.db = db;
    this.importId = importId;
    this.now = now;
  }

  insert(contact: NewContact): number {
    let shape = 0;
    const values: unknown[] = [contact.email, contact.emailKey];
    CONTACT_FIELDS.forEach((field, i) => {
      const value = contact.fields[field];
      if (value !== '') {
        shape |= 1 << i;
        values.push(value);
      }
    });
    values.push(contact.status, JSON.stringify(contact.reasons));
    if (contact.tags.length > 0) values.push(JSON.stringify(contact.tags));
    if (contact.expiresAt !== null) values.push(contact.expiresAt);
    shape |= (contact.tags.length > 0 ? 1 : 0) << CONTACT_FIELDS.length;
    shape |= (contact.expiresAt !== null ? 1 : 0) << (CONTACT_FIELDS.length + 1);
    let insert = this.byShape.get(shape);
    if (!insert) this.byShape.set(shape, (insert = this.prepare(shape)));
    return Number(insert.run(values).lastInsertRowid);
  }

  private prepare(shape: number): Database.Statement {
    const filled = CONTACT_FIELDS.filter((_, i) => (shape & (1 << i)) !== 0);
    const hasTags = (shape & (1 << CONTACT_FIELDS.length)) !== 0;
    const hasExpiry = (shape & (1 << (CONTACT_FIELDS.length + 1))) !== 0;
    const sources = JSON.stringify(Object.fromEntries(filled.map((field) => [field, this.importId])));
    const columns = ['email', 'email_key', ...filled.map((field) => FIELD_COLUMNS[field]), 'status', 'reasons'];
    if (hasTags) columns.push('tags');
    if (hasExpiry) columns.push('consent_expires_at');
    const now = sqlLiteral(this.now);
    return this.db.prepare(
      `INSERT INTO contacts (${columns.join(', ')}, field_sources, created_import_id, created_at, updated_at)
       VALUES (${columns.map(() => '?').join(', ')}, ${sqlLiteral(sources)}, ${sqlLiteral(this.importId)}, ${now}, ${now})`,
    );
  }
}
