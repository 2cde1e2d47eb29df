// Every warned row of an import, counted by kind, listed (the first REPORT_WARNED_LIMIT) and,
// in a commit, stored in import_warnings (migration 005) with what the user did about it in
// the preview: accepted the warnings, or corrected the address ('typo-fixed'). Rows without
// warnings (nearly all) cost one length check.

import { REPORT_WARNED_LIMIT, type CodedMessage, type RowOutcome, type WarnedRow, type WarningSummary } from '../../shared/contract/dto.ts';
import { AppError } from '../../shared/contract/envelope.ts';
import { detachedCopy } from '../../shared/email/text.ts';
import { statement, type DB } from '../store/open.ts';
import type { RowDetails } from './prepare.ts';

type Resolution = 'open' | 'accepted' | 'fixed';

export class WarningCollector {
  private readonly summary: WarningSummary = { rows: 0, byKind: {}, accepted: 0, fixed: 0, list: [] };
  private readonly accepted: ReadonlySet<number>;
  private readonly insert: ((importId: number, rowNumber: number, contactId: number, outcome: string, warnings: string, resolution: Resolution) => void) | null;
  private readonly importId: number | null;

  constructor(accepted: readonly number[], store: { db: DB; importId: number } | null) {
    this.accepted = new Set(accepted);
    this.importId = store?.importId ?? null;
    if (store) {
      const insert = statement(store.db, 'INSERT INTO import_warnings (import_id, row_number, contact_id, outcome, warnings, resolution) VALUES (?, ?, ?, ?, ?, ?)');
      this.insert = (...values) => void insert.run(...values);
    } else {
      this.insert = null;
    }
  }

  /** One row that will not be rejected; `contactId` is the contact it lands on (a commit only). */
  add(rowNumber: number, row: RowDetails, outcome: Exclude<RowOutcome, 'reject'>, warnings: readonly CodedMessage[], contactId: number | null): void {
    if (warnings.length === 0) return;
    let fixed = false;
    let open = 0;
    for (const w of warnings) {
      if (w.code === 'typo-fixed') fixed = true;
      else open += 1;
    }
    const accepted = open > 0 && this.accepted.has(rowNumber);
    const resolution: Resolution = open === 0 ? 'fixed' : accepted ? 'accepted' : 'open';
    const s = this.summary;
    if (fixed) s.fixed += 1;
    if (accepted) s.accepted += 1;
    else if (open > 0) {
      s.rows += 1;
      for (const w of warnings) if (w.code && w.code !== 'typo-fixed') s.byKind[w.code] = (s.byKind[w.code] ?? 0) + 1;
    }
    if (s.list.length < REPORT_WARNED_LIMIT) {
      // Copies: the row's strings may be slices of a whole batch's text (prepared-codec.ts).
      const name = [row.firstName, row.lastName].filter(Boolean).join(' ');
      s.list.push({ rowNumber, email: detachedCopy(row.email), name: detachedCopy(name), company: detachedCopy(row.company), outcome, warnings: [...warnings], accepted });
    }
    if (this.insert && contactId !== null) this.insert(this.importId!, rowNumber, contactId, outcome, JSON.stringify(warnings), resolution);
  }

  result(): WarningSummary {
    return this.summary;
  }
}

/** A committed import's warned rows in row order, a page at a time (the contact's stored address and name). */
export function warnedRowsOf(db: DB, importId: number, afterRow: number, limit: number): WarnedRow[] {
  if (!statement(db, 'SELECT 1 FROM imports WHERE id = ?').get(importId)) throw new AppError('not-found', `No import with id ${importId}.`);
  const rows = statement(
    db,
    `SELECT w.row_number, c.email, c.first_name, c.last_name, c.company, w.outcome, w.warnings, w.resolution
     FROM import_warnings w JOIN contacts c ON c.id = w.contact_id
     WHERE w.import_id = ? AND w.row_number > ? ORDER BY w.row_number LIMIT ?`,
  ).all(importId, afterRow, limit) as {
    row_number: number;
    email: string;
    first_name: string;
    last_name: string;
    company: string;
    outcome: WarnedRow['outcome'];
    warnings: string;
    resolution: Resolution;
  }[];
  return rows.map((r) => ({
    rowNumber: r.row_number,
    email: r.email,
    name: [r.first_name, r.last_name].filter(Boolean).join(' '),
    company: r.company,
    outcome: r.outcome,
    warnings: JSON.parse(r.warnings) as CodedMessage[],
    accepted: r.resolution === 'accepted',
  }));
}
