// Which ledger events are in force on a date, and what "later" means between two events.

import type { LedgerEvent } from './types.ts';
import type { IsoDate } from './vocabulary.ts';

/** Later = a later date; on the same date, recorded later (higher id). */
export function isLater(event: LedgerEvent, than: LedgerEvent): boolean {
  return event.date > than.date || (event.date === than.date && event.id > than.id);
}

function byDateThenId(a: LedgerEvent, b: LedgerEvent): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

/**
 * The events in force as of a date, oldest first (by date, then id).
 *  - An event dated after `asOf` has not happened yet on that date: it is left out.
 *  - A superseded event is left out, whatever the superseding event's own date: a correction
 *    fixes the record, so looking back after the fact uses the corrected record. A 'void'
 *    only cancels; a superseding event of another kind replaces (and counts if in force).
 *  - A cancelled event cancels nothing: voiding a void (undoing an undo) restores the
 *    original. Links to the same or a later id are malformed and ignored.
 * Ids are unique per contact, so the result does not depend on the input's order.
 */
export function effectiveEvents(events: readonly LedgerEvent[], asOf: IsoDate): LedgerEvent[] {
  const newestFirst = [...events].sort((a, b) => b.id - a.id);
  const cancelled = new Set<number>();
  const inForce: LedgerEvent[] = [];
  for (const event of newestFirst) {
    if (cancelled.has(event.id)) continue;
    if (event.supersedes !== null && event.supersedes < event.id) cancelled.add(event.supersedes);
    if (event.kind !== 'void' && event.date <= asOf) inForce.push(event);
  }
  return inForce.sort(byDateThenId);
}
