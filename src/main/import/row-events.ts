// Which ledger events one imported row stands for: the batch's defaults (source, date,
// basis, brand), overridden by the row's own consent columns where the file has them.

import type { RowConsent } from '../../shared/import/mapping.ts';
import type { Basis, IsoDate, SourceKind } from '../../shared/consent/vocabulary.ts';
import { isSourceKind } from '../../shared/consent/vocabulary.ts';
import type { NewEvent } from '../store/ledger.ts';

export interface BatchDefaults {
  source: SourceKind;
  collectedAt: IsoDate;
  basis: Basis | null;
  brand: string | null;
}

export type RowEvent = Omit<NewEvent, 'contactId' | 'importId' | 'evidenceId'>;

/** Date part of an ISO date or timestamp. */
function dateOf(value: string | null): IsoDate | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

export function eventsForRow(consent: RowConsent, batch: BatchDefaults): RowEvent[] {
  const events: RowEvent[] = [];
  const source = consent.source && isSourceKind(consent.source) ? consent.source : batch.source;
  const collectedAt = dateOf(consent.collectedAt) ?? batch.collectedAt;
  // A double opt-in time (Mailchimp's OPTIN_TIME/CONFIRM_TIME) is explicit consent on that day.
  const confirmed = dateOf(consent.confirmTime) ?? dateOf(consent.optInTime);
  if (consent.consent !== false) {
    const basis: Basis = consent.basis ?? (confirmed || consent.consent === true ? 'explicit' : (batch.basis ?? 'implicit'));
    events.push({ kind: 'opt-in', date: confirmed ?? collectedAt, source, basis, brand: batch.brand });
  }
  // Dated when it happened where the file says (Mailchimp's UNSUB_TIME), else when collected.
  const statusDate = dateOf(consent.listStatusTime) ?? collectedAt;
  if (consent.listStatus === 'unsubscribed') events.push({ kind: 'withdrawal', date: statusDate });
  if (consent.listStatus === 'cleaned') events.push({ kind: 'hard-bounce', date: statusDate });
  return events;
}

export function isSuppression(event: RowEvent): boolean {
  return event.kind === 'withdrawal' || event.kind === 'hard-bounce' || event.kind === 'complaint';
}
