// Plain aligned columns for the human-readable CLI output.

import type { CliIO } from './main.ts';

export function printTable(io: CliIO, header: string[], rows: string[][]): void {
  if (rows.length === 0) {
    io.stdout('(none)\n');
    return;
  }
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join('  ').trimEnd();
  io.stdout(`${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const row of rows) io.stdout(`${line(row)}\n`);
}
