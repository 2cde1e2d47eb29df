// The rejected rows as a CSV the user can fix in a spreadsheet and import again. Built here
// from the preview or report (no server call), reasons in the UI's language; the shared writer
// neutralizes formula cells.

import type { RejectedRow } from '../../../shared/contract/dto.ts';
import { csvDocument } from '../../../shared/export/csv.ts';
import { rejectedReason } from '../../components/messages.ts';

export function rejectedRowsCsv(rows: readonly RejectedRow[]): string {
  return csvDocument(
    ['row', 'reason', 'raw'],
    rows.map((r) => [r.rowNumber, rejectedReason(r, { withoutRow: true }), r.raw]),
  );
}

export function rejectedFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]+$/, '')}-rejected.csv`;
}
