// Plain aligned columns for the human-readable CLI output. Cells are escaped before they are
// measured (escape.ts), so a name with control characters neither reaches the terminal raw
// nor shifts the columns.

import { escapeInline, fitCell } from './escape.ts';
import type { CliIO } from './main.ts';

export function printTable(io: CliIO, header: string[], rows: string[][]): void {
  if (rows.length === 0) {
    io.stdout('(none)\n');
    return;
  }
  // A loop, not Math.max(...rows): a million arguments overflow the stack.
  const widths = header.map((h) => h.length);
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, escapeInline(row[i] ?? '').length);
  }
  for (let i = 0; i < widths.length; i++) widths[i] = Math.min(40, widths[i]!);
  const line = (cells: string[]): string => cells.map((c, i) => fitCell(c, widths[i]!).padEnd(widths[i]!)).join('  ').trimEnd();
  io.stdout(`${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const row of rows) io.stdout(`${line(row)}\n`);
}
