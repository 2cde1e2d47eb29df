// The half of an import that needs no database: map each record the reader gives to contact
// fields, check the address, work out the row's ledger events and the status a new contact
// would get. pipeline.ts then settles each prepared row against the store and writes it.
//
// A big import reads and prepares in a worker thread while its own thread writes
// (prepared-batches.ts); the rows cross in a compact encoding (prepared-codec.ts), because
// cloning these objects cost as much as preparing them.

import { evaluate, POLICIES, type Evaluation, type LedgerEvent } from '../../shared/consent/index.ts';
import type { CodedMessage } from '../../shared/contract/dto.ts';
import type { IsoDate } from '../../shared/consent/vocabulary.ts';
import { checkEmail } from '../../shared/email/index.ts';
import { detachedCopy } from '../../shared/email/text.ts';
import { isInertAddress, isInertPhone } from '../../shared/export/formula.ts';
import { applyMapping, type ColumnMapping, type MappedRow } from '../../shared/import/mapping.ts';
import { emailHash } from '../services/consent.ts';
import type { Settings } from '../store/settings.ts';
import type { RawRecord } from './read/index.ts';
import { eventsForRow, type BatchDefaults, type RowEvent } from './row-events.ts';

export interface PrepareContext {
  headers: string[];
  mapping: ColumnMapping;
  batch: BatchDefaults;
  settings: Settings;
  /** The date new contacts' statuses are evaluated for. */
  asOf: IsoDate;
  /** emailHash() of every erased address: such rows are refused. */
  erased: readonly string[];
  /** Addresses the user corrected in the preview, by row number (a plain object: it crosses to the worker). */
  fixes?: Readonly<Record<number, string>>;
}

/**
 * What the writing half needs of a mapped row: the contact's details. (The row's consent
 * cells have become its events by then, so they stay with the preparing half.)
 */
export type RowDetails = Omit<MappedRow, 'consent'>;

/** A row that will not become a contact: its reason, and the text to fix it from (both its own copies: a report keeps them). */
export interface RefusedRow {
  rowNumber: number;
  refused: CodedMessage;
  raw: string;
  row: RowDetails | null;
}

/** A row with a valid address, ready to be added, merged or counted as a duplicate. */
export interface AcceptedRow {
  rowNumber: number;
  refused: null;
  row: RowDetails;
  key: string;
  display: string;
  warnings: CodedMessage[];
  events: RowEvent[];
  /** The status the address gets if it is new. */
  evaluation: Pick<Evaluation, 'status' | 'reasons' | 'expiresAt'>;
  /**
   * An earlier row may have had this address. Only one bit per hash of an address is kept
   * (a million addresses would not fit the worker's heap), so the pipeline settles it:
   * against the store's unique index, or in a dry run against a temporary table.
   */
  maybeSeen: boolean;
  /** The record's text, kept only when maybeSeen (a duplicate row is stored with it). */
  raw: string | null;
}

export type PreparedRow = RefusedRow | AcceptedRow;

export class RowPreparer {
  private readonly context: PrepareContext;
  private readonly erased: ReadonlySet<string>;
  /** One bit per 26-bit hash of a key (8 MiB): at a million addresses ~1.5 % of new ones look seen and cost one index lookup. */
  private readonly seenBits = new Uint8Array(1 << 23);

  private readonly fixes: ReadonlyMap<number, string> | null;

  constructor(context: PrepareContext) {
    this.context = context;
    this.erased = new Set(context.erased);
    const fixes = Object.entries(context.fixes ?? {});
    this.fixes = fixes.length > 0 ? new Map(fixes.map(([row, email]) => [Number(row), email])) : null;
  }

  /** Applies the user's correction of this row's address, if any; returns the address it replaced. */
  private fix(row: MappedRow, rowNumber: number): string | undefined {
    const email = this.fixes!.get(rowNumber);
    if (email === undefined || email === row.email) return undefined;
    const from = row.email;
    row.email = email;
    return from;
  }

  prepare(record: RawRecord): PreparedRow {
    const { rowNumber } = record;
    if (record.error) return refuse(record, null, record.error);
    const row = applyMapping(this.context.headers, record.values, this.context.mapping);
    // A correction replaces the file's address before it is checked; the row remembers the original.
    const fixedFrom = this.fixes === null ? undefined : this.fix(row, rowNumber);
    if (!row.email.trim()) return refuse(record, row, { text: `row ${rowNumber}: no e-mail address`, code: 'no-email', params: { row: rowNumber } });
    const check = checkEmail(row.email);
    if (!check.valid) {
      const text = `row ${rowNumber}: ${check.message ?? 'invalid e-mail address'}`;
      const params = { row: rowNumber, address: detachedCopy(check.display) };
      return refuse(record, row, check.problem ? { text, code: `email-${check.problem}`, params } : { text });
    }
    const key = check.normalized;
    if (this.erased.size > 0 && this.erased.has(emailHash(key))) {
      const text = `row ${rowNumber}: this address was erased on request; it is not imported again`;
      return refuse(record, row, { text, code: 'erased', params: { row: rowNumber } });
    }

    const warnings: CodedMessage[] = row.consent.problems.map((p) => ({ text: `${p.column}: ${p.message}`, code: p.code, params: { ...p.params, column: p.column } }));
    if (check.suggestion) warnings.push({ text: `did you mean ${check.suggestion}?`, code: 'typo', params: { suggestion: check.suggestion } });
    if (check.role) warnings.push({ text: 'role address (shared mailbox): cannot give consent', code: 'role' });
    if (check.disposable) warnings.push({ text: 'disposable address', code: 'disposable' });
    // Never altered in an export, so one a spreadsheet might run is flagged here (export/formula.ts).
    if (!isInertAddress(check.display)) warnings.push(formulaAddressWarning(check.display));
    if (!isInertPhone(row.phone)) warnings.push(formulaPhoneWarning(row.phone));
    if (fixedFrom !== undefined) warnings.push({ text: `address corrected from ${fixedFrom}`, code: 'typo-fixed', params: { from: fixedFrom } });
    const events = eventsForRow(row.consent, this.context.batch);
    const { settings, asOf } = this.context;
    const { status, reasons, expiresAt } = evaluate(check.display, provisional(events), POLICIES[settings.policy], { asOf, workspaceBrand: settings.brand });
    const maybeSeen = this.remember(key);
    return {
      rowNumber,
      refused: null,
      row,
      key,
      display: check.display,
      warnings,
      events,
      evaluation: { status, reasons, expiresAt },
      maybeSeen,
      raw: maybeSeen ? detachedCopy(record.raw) : null,
    };
  }

  /** Whether the key (possibly) came up before; remembers it. */
  private remember(key: string): boolean {
    const hash = hash26(key);
    const mask = 1 << (hash & 7);
    const byte = hash >>> 3;
    const seen = (this.seenBits[byte]! & mask) !== 0;
    this.seenBits[byte] = this.seenBits[byte]! | mask;
    return seen;
  }
}

function firstCharacter(text: string): string {
  return [...text.trimStart()][0] ?? '';
}

export function formulaAddressWarning(typed: string): CodedMessage {
  const address = detachedCopy(typed);
  const first = firstCharacter(address);
  return {
    text:
      `“${address}” starts with “${first}”, so a spreadsheet could run it as a formula; an address is never changed, ` +
      'so exports leave it out of send-ready files (the report says so) and keep it exactly on the suppression list',
    code: 'formula-address',
    params: { address, first },
  };
}

export function formulaPhoneWarning(typed: string): CodedMessage {
  const phone = detachedCopy(typed);
  const first = firstCharacter(phone);
  return {
    text:
      `the phone number “${phone}” starts with “${first}” and holds more than digits, spaces and + ( ) - . /, ` +
      'so a spreadsheet could run it as a formula; a phone number is never changed, so exports leave it out',
    code: 'formula-phone',
    params: { phone, first },
  };
}

/** Row events with stand-in ids (after `afterId`: a stored contact's last event), to evaluate a contact before it is written. */
export function provisional(events: readonly RowEvent[], afterId = 0): LedgerEvent[] {
  return events.map((e, i) => ({
    id: afterId + i + 1,
    kind: e.kind,
    date: e.date,
    source: e.source ?? null,
    basis: e.basis ?? null,
    brand: e.brand ?? null,
    supersedes: null,
  }));
}

/** FNV-1a folded to 26 bits: a cheap fingerprint of an address key. */
function hash26(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> 26)) & 0x3ffffff;
}

/** A refused row. Copies, not slices: a rejected row is kept, and a slice of the file's text would keep the whole decoded chunk alive. */
function refuse(record: RawRecord, row: MappedRow | null, reason: CodedMessage): RefusedRow {
  return { rowNumber: record.rowNumber, refused: { ...reason, text: detachedCopy(reason.text) }, raw: detachedCopy(record.raw), row };
}
