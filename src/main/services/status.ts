// Keeping cached statuses true: after events change, when the date rolls over, and when the
// policy or brand changes. Evaluation itself is the pure engine in src/shared/consent.

import { evaluate, POLICIES, type Evaluation, type LedgerEvent } from '../../shared/consent/index.ts';
import type { IsoDate } from '../../shared/consent/vocabulary.ts';
import { eventsForContact, eventsForContactRange } from '../store/ledger.ts';
import { writeStatuses, type StatusUpdate } from '../store/contacts.ts';
import { readSettings, writeSetting, type Settings } from '../store/settings.ts';
import { statement, type DB } from '../store/open.ts';

export function evaluateWith(settings: Settings, email: string, events: readonly LedgerEvent[], asOf: IsoDate): Evaluation {
  return evaluate(email, events, POLICIES[settings.policy], { asOf, workspaceBrand: settings.brand });
}

export function evaluateContact(db: DB, contact: { id: number; email: string }, asOf: IsoDate, settings = readSettings(db)): Evaluation {
  return evaluateWith(settings, contact.email, eventsForContact(db, contact.id), asOf);
}

function toUpdate(id: number, evaluation: Evaluation): StatusUpdate {
  return { id, status: evaluation.status, reasons: evaluation.reasons, expiresAt: evaluation.expiresAt };
}

/** Contacts handled per step when many are re-evaluated: a range of ids read in two queries. */
const RANGE_STEP = 20_000;

/**
 * Re-evaluates the given contacts as of the cached date, writing only statuses that changed.
 * Call inside the write transaction. Where the ids are dense (an import that merged into most of
 * a big store) they are read a range at a time, as recomputeAll does: a query per contact took
 * 19 s for 929,055 contacts, and holding every update until the end took 100 MB.
 */
export function recomputeContacts(db: DB, ids: Iterable<number>, today: IsoDate): void {
  const settings = readSettings(db);
  const asOf = settings.statusesAsOf ?? today;
  const sorted = Int32Array.from(ids).sort();
  const selectOne = statement(db, 'SELECT id, email, status, reasons, consent_expires_at FROM contacts WHERE id = ?');
  const selectRange = statement(db, 'SELECT id, email, status, reasons, consent_expires_at FROM contacts WHERE id BETWEEN ? AND ? ORDER BY id');
  for (let start = 0; start < sorted.length; ) {
    // The ids within one step of the first: dense enough, read as a range; else one by one.
    const from = sorted[start]!;
    let end = start;
    while (end < sorted.length && sorted[end]! < from + RANGE_STEP) end += 1;
    const chunk = sorted.subarray(start, end);
    const to = chunk[chunk.length - 1]!;
    const updates: StatusUpdate[] = [];
    const reevaluate = (contact: CachedStatus, events: readonly LedgerEvent[]): void => {
      const update = toUpdate(contact.id, evaluateWith(settings, contact.email, events, asOf));
      if (changed(contact, update)) updates.push(update);
    };
    if (chunk.length * 8 >= to - from + 1) {
      const wanted = new Set(chunk);
      const events = eventsForContactRange(db, from, to);
      for (const contact of selectRange.all(from, to) as CachedStatus[]) {
        if (wanted.has(contact.id)) reevaluate(contact, events.get(contact.id) ?? []);
      }
    } else {
      for (const id of chunk) {
        const contact = selectOne.get(id) as CachedStatus | undefined;
        if (contact) reevaluate(contact, eventsForContact(db, id));
      }
    }
    writeStatuses(db, updates);
    start = end;
  }
}

interface CachedStatus {
  id: number;
  email: string;
  status: string;
  reasons: string;
  consent_expires_at: string | null;
}

/** Whether the evaluation differs from what the contact row holds (most do not, after a brand or date change). */
function changed(row: CachedStatus, update: StatusUpdate): boolean {
  return row.status !== update.status || row.consent_expires_at !== update.expiresAt || row.reasons !== JSON.stringify(update.reasons);
}

/**
 * Re-evaluates every contact, in id ranges so memory stays flat, in one transaction. Only
 * statuses that changed are written: rewriting a million unchanged rows was most of the time.
 */
export function recomputeAll(db: DB, asOf: IsoDate, onProgress?: (done: number, total: number) => void): void {
  const settings = readSettings(db);
  const { total, maxId } = db.prepare('SELECT COUNT(*) AS total, COALESCE(MAX(id), 0) AS maxId FROM contacts').get() as {
    total: number;
    maxId: number;
  };
  const selectRange = db.prepare('SELECT id, email, status, reasons, consent_expires_at FROM contacts WHERE id BETWEEN ? AND ? ORDER BY id');
  const step = 20_000;
  let done = 0;
  db.transaction(() => {
    for (let from = 1; from <= maxId; from += step) {
      const to = from + step - 1;
      const contacts = selectRange.all(from, to) as CachedStatus[];
      const events = eventsForContactRange(db, from, to);
      const updates: StatusUpdate[] = [];
      for (const contact of contacts) {
        const update = toUpdate(contact.id, evaluateWith(settings, contact.email, events.get(contact.id) ?? [], asOf));
        if (changed(contact, update)) updates.push(update);
      }
      writeStatuses(db, updates);
      done += contacts.length;
      onProgress?.(done, total);
    }
    writeSetting(db, 'statuses_as_of', asOf);
  })();
}

/**
 * Brings cached statuses to `today`. Only two things change a status with time: implicit
 * consent expiring, and events dated in the future becoming effective; so only those
 * contacts are re-evaluated. A clock that went backwards gets a full recompute.
 */
export function ensureStatusesCurrent(db: DB, today: IsoDate): void {
  // A read-only workspace shows the statuses cached when it was last written (they cannot be stored).
  if (db.readonly) return;
  const { statusesAsOf } = readSettings(db);
  if (statusesAsOf === today) return;
  if (statusesAsOf === null || statusesAsOf > today) {
    recomputeAll(db, today);
    return;
  }
  db.transaction(() => {
    const expiring = db
      .prepare('SELECT id FROM contacts WHERE consent_expires_at > ? AND consent_expires_at <= ?')
      .pluck()
      .all(statusesAsOf, today) as number[];
    const dated = db
      .prepare('SELECT DISTINCT contact_id FROM consent_events WHERE date > ? AND date <= ?')
      .pluck()
      .all(statusesAsOf, today) as number[];
    writeSetting(db, 'statuses_as_of', today);
    recomputeContacts(db, new Set([...expiring, ...dated]), today);
  })();
}
