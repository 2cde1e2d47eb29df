// The consent ledger: append-only (the database refuses UPDATE and DELETE), hash-chained.
// Each row's hash covers its own fields and the previous row's hash, so a row edited, removed
// or inserted behind the app's back breaks the chain at that row.

import crypto from 'node:crypto';
import type { LedgerEvent } from '../../shared/consent/index.ts';
import type { Basis, EventKind, IsoDate, SourceKind } from '../../shared/consent/vocabulary.ts';
import type Database from 'better-sqlite3';
import { sqlLiteral, statement, type DB } from './open.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface NewEvent {
  contactId: number;
  kind: EventKind;
  date: IsoDate;
  source?: SourceKind | null;
  basis?: Basis | null;
  brand?: string | null;
  supersedes?: number | null;
  importId?: number | null;
  evidenceId?: number | null;
  note?: string | null;
}

/** The columns the rules engine reads. */
interface EngineRow {
  id: number;
  contact_id: number;
  kind: string;
  date: string;
  source: string | null;
  basis: string | null;
  brand: string | null;
  supersedes: number | null;
}

interface EventRow extends EngineRow {
  import_id: number | null;
  evidence_id: number | null;
  note_sha256: string | null;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

function sha256(text: string): string {
  return crypto.hash('sha256', text, 'hex'); // one-shot: half the cost of createHash at a million events
}

/**
 * The canonical text a row's hash is computed from: these fields, in this order, joined by
 * U+001F, with '' for null. The format is fixed forever (ledger.test.ts holds known hashes).
 */
function chainText(row: Omit<EventRow, 'hash'>): string {
  const sep = '\u001f';
  return (
    `${row.prev_hash}${sep}${row.id}${sep}${row.contact_id}${sep}${row.kind}${sep}${row.date}${sep}${row.source ?? ''}${sep}` +
    `${row.basis ?? ''}${sep}${row.brand ?? ''}${sep}${row.supersedes ?? ''}${sep}${row.import_id ?? ''}${sep}${row.evidence_id ?? ''}${sep}` +
    `${row.note_sha256 ?? ''}${sep}${row.recorded_at}`
  );
}

/**
 * Appends events in order and returns their ids. Call inside a write transaction: the chain
 * head is read once and extended in memory, which is only safe with a single writer.
 */
export function appendEvents(db: DB, events: readonly NewEvent[], recordedAt: string = new Date().toISOString()): number[] {
  if (events.length === 0) return [];
  return new LedgerAppender(db, recordedAt).append(events);
}

/** What every event of one import shares: written into the insert statement instead of bound per row. */
export interface SharedEventFields {
  importId: number;
  evidenceId: number | null;
}

/**
 * Appends events across many calls in one write transaction (an import's batches), keeping
 * the chain head in memory. Events carrying the `shared` import and evidence ids, with no
 * note and no supersedes, go through a statement with those values and the recording time
 * written in, so each row binds 8 values instead of 14.
 */
export class LedgerAppender {
  private prevHash: string;
  private nextId: number;
  private readonly recordedAt: string;
  private readonly shared: SharedEventFields | null;
  private readonly insert: Database.Statement;
  private readonly insertNote: Database.Statement;
  private readonly insertShared: Database.Statement | null;

  constructor(db: DB, recordedAt: string, shared: SharedEventFields | null = null) {
    this.recordedAt = recordedAt;
    this.shared = shared;
    this.insert = statement(
      db,
      `INSERT INTO consent_events (id, contact_id, kind, date, source, basis, brand, supersedes, import_id, evidence_id, note_sha256, recorded_at, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertNote = statement(db, 'INSERT INTO event_notes (event_id, note) VALUES (?, ?)');
    const head = statement(db, 'SELECT id, hash FROM consent_events ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
    this.prevHash = head?.hash ?? GENESIS_HASH;
    this.nextId = (head?.id ?? 0) + 1;
    this.insertShared = shared
      ? db.prepare(
          `INSERT INTO consent_events (id, contact_id, kind, date, source, basis, brand, supersedes, import_id, evidence_id, note_sha256, recorded_at, prev_hash, hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ${sqlLiteral(shared.importId)}, ${sqlLiteral(shared.evidenceId)}, NULL, ${sqlLiteral(recordedAt)}, ?, ?)`,
        )
      : null;
  }

  append(events: readonly NewEvent[]): number[] {
    const ids: number[] = [];
    for (const event of events) {
      const note = event.note?.trim() ? event.note.trim() : null;
      const row: Omit<EventRow, 'hash'> = {
        id: this.nextId,
        contact_id: event.contactId,
        kind: event.kind,
        date: event.date,
        source: event.source ?? null,
        basis: event.basis ?? null,
        brand: event.brand ?? null,
        supersedes: event.supersedes ?? null,
        import_id: event.importId ?? null,
        evidence_id: event.evidenceId ?? null,
        note_sha256: note === null ? null : sha256(note),
        recorded_at: this.recordedAt,
        prev_hash: this.prevHash,
      };
      const hash = sha256(chainText(row));
      if (this.insertShared && this.isShared(row, this.shared!)) {
        this.insertShared.run(row.id, row.contact_id, row.kind, row.date, row.source, row.basis, row.brand, row.prev_hash, hash);
      } else {
        this.insert.run(
          row.id, row.contact_id, row.kind, row.date, row.source, row.basis, row.brand, row.supersedes,
          row.import_id, row.evidence_id, row.note_sha256, row.recorded_at, row.prev_hash, hash,
        );
      }
      if (note !== null) this.insertNote.run(row.id, note);
      ids.push(row.id);
      this.prevHash = hash;
      this.nextId += 1;
    }
    return ids;
  }

  private isShared(row: Omit<EventRow, 'hash'>, shared: SharedEventFields): boolean {
    return row.import_id === shared.importId && row.evidence_id === shared.evidenceId && row.supersedes === null && row.note_sha256 === null;
  }
}

const EVENT_COLUMNS = 'id, contact_id, kind, date, source, basis, brand, supersedes';

function toLedgerEvent(row: EngineRow): LedgerEvent {
  // Values were validated against the vocabulary before they were written.
  return {
    id: row.id,
    kind: row.kind as EventKind,
    date: row.date,
    source: row.source as SourceKind | null,
    basis: row.basis as Basis | null,
    brand: row.brand,
    supersedes: row.supersedes,
  };
}

export function eventsForContact(db: DB, contactId: number): LedgerEvent[] {
  const rows = statement(db, `SELECT ${EVENT_COLUMNS} FROM consent_events WHERE contact_id = ? ORDER BY id`).all(contactId) as EngineRow[];
  return rows.map(toLedgerEvent);
}

/** Events of every contact whose id is in [fromId, toId], grouped by contact. */
export function eventsForContactRange(db: DB, fromId: number, toId: number): Map<number, LedgerEvent[]> {
  const rows = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM consent_events WHERE contact_id BETWEEN ? AND ? ORDER BY contact_id, id`)
    .all(fromId, toId) as EngineRow[];
  const byContact = new Map<number, LedgerEvent[]>();
  for (const row of rows) {
    let list = byContact.get(row.contact_id);
    if (!list) byContact.set(row.contact_id, (list = []));
    list.push(toLedgerEvent(row));
  }
  return byContact;
}

export interface EventDetailRow extends LedgerEvent {
  contactId: number;
  importId: number | null;
  evidenceId: number | null;
  note: string | null;
  recordedAt: string;
  supersededBy: number | null;
}

export function eventDetailsForContact(db: DB, contactId: number): EventDetailRow[] {
  const rows = db
    .prepare(
      `SELECT e.${EVENT_COLUMNS.split(', ').join(', e.')}, e.import_id, e.evidence_id, e.recorded_at, n.note,
              (SELECT MIN(s.id) FROM consent_events s WHERE s.supersedes = e.id) AS superseded_by
       FROM consent_events e LEFT JOIN event_notes n ON n.event_id = e.id
       WHERE e.contact_id = ? ORDER BY e.id`,
    )
    .all(contactId) as (EngineRow & {
    import_id: number | null;
    evidence_id: number | null;
    recorded_at: string;
    note: string | null;
    superseded_by: number | null;
  })[];
  return rows.map((row) => ({
    ...toLedgerEvent(row),
    contactId: row.contact_id,
    importId: row.import_id,
    evidenceId: row.evidence_id,
    note: row.note,
    recordedAt: row.recorded_at,
    supersededBy: row.superseded_by,
  }));
}

export interface VerifyResult {
  intact: boolean;
  checked: number;
  /** The first event whose row does not match the chain, and why. */
  firstBroken: { id: number; reason: string } | null;
}

/** Recomputes the whole chain. Reads in id order with an iterator, so memory stays flat. */
export function verifyLedger(db: DB): VerifyResult {
  const rows = db.prepare('SELECT * FROM consent_events ORDER BY id').iterate() as IterableIterator<EventRow>;
  const noteOf = db.prepare('SELECT note FROM event_notes WHERE event_id = ?').pluck();
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  for (const row of rows) {
    const broken = (reason: string): VerifyResult => ({ intact: false, checked, firstBroken: { id: row.id, reason } });
    if (row.id !== expectedId) {
      return { intact: false, checked, firstBroken: { id: expectedId, reason: `event ${expectedId} is missing (next is ${row.id})` } };
    }
    if (row.prev_hash !== prevHash) return broken('its link to the previous event does not match');
    const { hash, ...rest } = row;
    if (sha256(chainText(rest)) !== hash) return broken('its contents were changed after it was recorded');
    if (row.note_sha256 !== null) {
      const note = noteOf.get(row.id) as string | undefined;
      if (note !== undefined && sha256(note) !== row.note_sha256) return broken('its note was changed after it was recorded');
      if (note === undefined && !isErasedContact(db, row.contact_id)) return broken('its note was removed');
    }
    prevHash = hash;
    expectedId += 1;
    checked += 1;
  }
  return { intact: true, checked, firstBroken: null };
}

function isErasedContact(db: DB, contactId: number): boolean {
  return statement(db, 'SELECT 1 FROM erasures WHERE contact_id = ?').get(contactId) !== undefined;
}
