// What an import will do to consent, said before anything is written: the status each new or
// merged contact will have as of the statuses' date, with the reason most of each status
// share, and how the batch's own evidence (source, date, basis) is judged on its own — so the
// preview can say "a purchase dated 2024-06-01 counts until 2026-06-01: everyone needs
// re-confirmation today" before the import, not after.

import { evaluate, POLICIES, type Evaluation, type ReasonCode, type Status } from '../../shared/consent/index.ts';
import type { IsoDate } from '../../shared/consent/vocabulary.ts';
import type { ConsentForecast } from '../../shared/contract/dto.ts';
import type { Settings } from '../store/settings.ts';
import { eventsForContact } from '../store/ledger.ts';
import type { DB } from '../store/open.ts';
import { statement } from '../store/open.ts';
import { provisional } from './prepare.ts';
import { eventsForRow, type BatchDefaults, type RowEvent } from './row-events.ts';

/** An ordinary address for judging the batch alone (not a role mailbox, not invalid). */
const SOMEONE = 'someone@example.com';

export class ConsentForecaster {
  private readonly byStatus = new Map<Status, number>();
  private readonly reasons = new Map<Status, Map<ReasonCode, number>>();
  private readonly settings: Settings;
  private readonly asOf: IsoDate;

  constructor(settings: Settings, asOf: IsoDate) {
    this.settings = settings;
    this.asOf = asOf;
  }

  /** Counts one contact's status (a new one's, or a stored one's after the import). */
  add(status: Status, reason: ReasonCode | undefined): void {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    if (reason === undefined) return;
    let counts = this.reasons.get(status);
    if (!counts) this.reasons.set(status, (counts = new Map<ReasonCode, number>()));
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }

  /** A stored contact in a dry run: its stored events plus the row's, as the commit would leave them. */
  addMerged(db: DB, contact: { id: number; email: string }, rowEvents: readonly RowEvent[]): void {
    const stored = eventsForContact(db, contact.id);
    const events = [...stored, ...provisional(rowEvents, stored.at(-1)?.id ?? 0)];
    const { status, reasons } = this.evaluate(contact.email, events);
    this.add(status, reasons[0]);
  }

  /** Stored contacts after a commit: their statuses as recomputed. */
  addStored(db: DB, ids: Iterable<number>): void {
    const select = statement(db, 'SELECT status, reasons FROM contacts WHERE id = ?');
    for (const id of ids) {
      const row = select.get(id) as { status: Status; reasons: string } | undefined;
      if (row) this.add(row.status, (JSON.parse(row.reasons) as ReasonCode[])[0]);
    }
  }

  result(batch: BatchDefaults): ConsentForecast {
    const events = eventsForRow({ source: null, collectedAt: null, basis: null, consent: null, optInTime: null, confirmTime: null, listStatus: null, listStatusTime: null, problems: [] }, batch);
    const today = this.evaluate(SOMEONE, provisional(events));
    // The window the batch's consent opened, judged on the day it was collected.
    const opened = this.evaluate(SOMEONE, provisional(events), batch.collectedAt);
    const mainReason: ConsentForecast['mainReason'] = {};
    for (const [status, counts] of this.reasons) {
      mainReason[status] = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    }
    return {
      asOf: this.asOf,
      byStatus: Object.fromEntries(this.byStatus),
      mainReason,
      batch: {
        source: batch.source,
        collectedAt: batch.collectedAt,
        basis: batch.basis,
        status: today.status,
        reason: today.reasons[0] ?? null,
        expiresAt: opened.expiresAt,
      },
    };
  }

  private evaluate(email: string, events: Parameters<typeof evaluate>[1], asOf: IsoDate = this.asOf): Evaluation {
    return evaluate(email, events, POLICIES[this.settings.policy], { asOf, workspaceBrand: this.settings.brand });
  }
}
