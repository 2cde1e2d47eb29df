// Builders for ledger events in tests: short rows, every field explicit in the result.

import type { LedgerEvent } from './types.ts';
import type { Basis, EventKind, IsoDate, SourceKind } from './vocabulary.ts';

type Extra = Partial<Pick<LedgerEvent, 'brand' | 'supersedes' | 'source' | 'basis'>>;

/** An opt-in from a source; implicit unless said otherwise. */
export function optIn(id: number, source: SourceKind, date: IsoDate, basis: Basis | null = 'implicit', extra: Extra = {}): LedgerEvent {
  return { id, kind: 'opt-in', date, source, basis, brand: null, supersedes: null, ...extra };
}

/** Any other event (withdrawal, complaint, hard-bounce, reconfirmation, membership-end, void, note). */
export function event(id: number, kind: EventKind, date: IsoDate, extra: Extra = {}): LedgerEvent {
  return { id, kind, date, source: null, basis: null, brand: null, supersedes: null, ...extra };
}
