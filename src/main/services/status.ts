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

/** Re-evaluates the given contacts as of the cached date. Call inside the write transaction. */
export function recomputeContacts(db: DB, ids: Iterable<number>, today: IsoDate): void {
  const settings = readSettings(db);
  const asOf = settings.statusesAsOf ?? today;
  const select = statement(db, 'SELECT id, email FROM contacts WHERE id = ?');
  const updates: StatusUpdate[] = [];
  for (const id of ids) {
    const contact = select.get(id) as { id: number; email: string } | undefined;
    if (contact) updates.push(toUpdate(id, evaluateContact(db, contact, asOf, settings)));
  }
  writeStatuses(db, updates);
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
