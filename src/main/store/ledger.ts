// The consent ledger: append-only (the database refuses UPDATE and DELETE), hash-chained.
// Each row's hash covers its own fields, the previous row's hash, the address of its contact
// and the content of its evidence (ledger-chain.ts), so a row edited, removed or inserted, a
// contact id re-pointed or evidence reworded behind the app's back breaks the chain there.
// Checking it is ledger-verify.ts.

import type { LedgerEvent } from '../../shared/consent/index.ts';
import type { Basis, EventKind, IsoDate, SourceKind } from '../../shared/consent/vocabulary.ts';
import type Database from 'better-sqlite3';
import { chainTextV2, GENESIS_HASH, identityDigest, sha256, type ChainRow } from './ledger-chain.ts';
import { sqlLiteral, statement, type DB } from './open.ts';

export { GENESIS_HASH } from './ledger-chain.ts';

/**
 * Workspace records: rows of the chain that are not consent events of a contact. They keep
 * contact_id 0 (no contact has it), except an erasure, which names the erased contact.
 *  - evidence: an evidence row was added (its content digest is in the hash);
 *  - settings: the policy or brand changed (detail: the new settings);
 *  - erasure: a contact was erased on request (detail: the files replaced or removed);
 *  - baseline: the user accepted a broken ledger as it stands (detail: why, what was found);
 *  - chain-upgrade: what events of format 1 did not cover (migration 003).
 */
export const RECORD_KINDS = ['evidence', 'settings', 'erasure', 'baseline', 'chain-upgrade'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

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
  /** identityDigest() of the contact; looked up when not given. */
  identity?: string;
}

/** A consent event or a workspace record, as the appender takes them. */
export interface NewLedgerRow extends Omit<NewEvent, 'kind'> {
  kind: EventKind | RecordKind;
  /** A record's detail, stored as JSON. */
  detail?: unknown;
}

/** The columns the rules engine reads. */
type EngineRow = Pick<ChainRow, 'id' | 'contact_id' | 'kind' | 'date' | 'source' | 'basis' | 'brand' | 'supersedes'>;

/**
 * Appends events in order and returns their ids. Call inside a write transaction: the chain
 * head is read once and extended in memory, which is only safe with a single writer.
 */
export function appendEvents(db: DB, events: readonly NewLedgerRow[], recordedAt: string = new Date().toISOString()): number[] {
  if (events.length === 0) return [];
  return new LedgerAppender(db, recordedAt).append(events);
}

/** Appends one workspace record (see RECORD_KINDS) and returns its id. */
export function appendRecord(
  db: DB,
  kind: RecordKind,
  recordedAt: string,
  fields: { contactId?: number; evidenceId?: number | null; detail?: unknown; identity?: string } = {},
): number {
  const [id] = appendEvents(
    db,
    [{ contactId: fields.contactId ?? 0, kind, date: recordedAt.slice(0, 10), evidenceId: fields.evidenceId ?? null, detail: fields.detail, identity: fields.identity }],
    recordedAt,
  );
  return id!;
}

/** The identity digest of a stored contact ('' for workspace records, contact id 0). */
export function contactIdentity(db: DB, contactId: number): string {
  if (contactId === 0) return '';
  const row = statement(db, 'SELECT email, email_key FROM contacts WHERE id = ?').get(contactId) as { email: string; email_key: string } | undefined;
  if (!row) throw new Error(`ledger: no contact ${contactId} to record an event for`);
  return identityDigest(row.email, row.email_key);
}

/** The digest stored with an evidence row (computed when it was inserted). */
function storedEvidenceDigest(db: DB, evidenceId: number | null): string {
  if (evidenceId === null) return '';
  const digest = statement(db, 'SELECT digest FROM evidence WHERE id = ?').pluck().get(evidenceId) as string | null | undefined;
  if (digest === undefined || digest === null) throw new Error(`ledger: evidence ${evidenceId} has no digest`);
  return digest;
}

/** What every event of one import shares: written into the insert statement instead of bound per row. */
export interface SharedEventFields {
  importId: number;
  evidenceId: number | null;
}

/**
 * Appends events across many calls in one write transaction (an import's batches), keeping
 * the chain head in memory. Events carrying the `shared` import and evidence ids, with no
 * note, detail or supersedes, go through a statement with those values and the recording
 * time written in, so each row binds 8 values instead of 15.
 */
export class LedgerAppender {
  private prevHash: string;
  private nextId: number;
  private readonly db: DB;
  private readonly recordedAt: string;
  private readonly shared: SharedEventFields | null;
  private readonly sharedEvidenceDigest: string;
  private readonly insert: Database.Statement;
  private readonly insertNote: Database.Statement;
  private readonly insertShared: Database.Statement | null;

  constructor(db: DB, recordedAt: string, shared: SharedEventFields | null = null) {
    this.db = db;
    this.recordedAt = recordedAt;
    this.shared = shared;
    this.insert = statement(
      db,
      `INSERT INTO consent_events (id, contact_id, kind, date, source, basis, brand, supersedes, import_id, evidence_id, note_sha256, recorded_at, prev_hash, hash, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertNote = statement(db, 'INSERT INTO event_notes (event_id, note) VALUES (?, ?)');
    const head = statement(db, 'SELECT id, hash FROM consent_events ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
    this.prevHash = head?.hash ?? GENESIS_HASH;
    this.nextId = (head?.id ?? 0) + 1;
    this.sharedEvidenceDigest = shared ? storedEvidenceDigest(db, shared.evidenceId) : '';
    this.insertShared = shared
      ? db.prepare(
          `INSERT INTO consent_events (id, contact_id, kind, date, source, basis, brand, supersedes, import_id, evidence_id, note_sha256, recorded_at, prev_hash, hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ${sqlLiteral(shared.importId)}, ${sqlLiteral(shared.evidenceId)}, NULL, ${sqlLiteral(recordedAt)}, ?, ?)`,
        )
      : null;
  }

  append(events: readonly NewLedgerRow[]): number[] {
    const ids: number[] = [];
    for (const event of events) {
      const note = event.note?.trim() ? event.note.trim() : null;
      const row: ChainRow = {
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
        detail: event.detail === undefined ? null : JSON.stringify(event.detail),
      };
      const sharedInsert = this.shared !== null && this.isShared(row, this.shared) ? this.insertShared : null;
      const identity = event.identity ?? contactIdentity(this.db, row.contact_id);
      const evidence = sharedInsert ? this.sharedEvidenceDigest : storedEvidenceDigest(this.db, row.evidence_id);
      const hash = sha256(chainTextV2(row, identity, evidence));
      if (sharedInsert) {
        sharedInsert.run(row.id, row.contact_id, row.kind, row.date, row.source, row.basis, row.brand, row.prev_hash, hash);
      } else {
        this.insert.run(
          row.id, row.contact_id, row.kind, row.date, row.source, row.basis, row.brand, row.supersedes,
          row.import_id, row.evidence_id, row.note_sha256, row.recorded_at, row.prev_hash, hash, row.detail,
        );
      }
      if (note !== null) this.insertNote.run(row.id, note);
      ids.push(row.id);
      this.prevHash = hash;
      this.nextId += 1;
    }
    return ids;
  }

  private isShared(row: ChainRow, shared: SharedEventFields): boolean {
    return (
      row.import_id === shared.importId && row.evidence_id === shared.evidenceId && row.supersedes === null && row.note_sha256 === null && row.detail === null
    );
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
