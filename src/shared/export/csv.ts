// Writing CSV for spreadsheets and e-mail tools. Written by hand (not papaparse's unparse)
// because the formula guard must see the first character of every cell, multi-line ones too,
// and must leave the cells an e-mail tool matches on exactly as they are (formula.ts).

import { neutralizeFormula } from './formula.ts';

export { neutralizeFormula } from './formula.ts';

/**
 * A cell written exactly as given, never neutralized: an address or phone number the caller
 * has shown no spreadsheet runs (isInertAddress / isInertPhone), or one that must be exact
 * whatever a spreadsheet does with it (an address on the suppression list).
 */
export interface ExactCell {
  exact: string;
}

export function exact(value: string): ExactCell {
  return { exact: value };
}

export type Cell = string | number | null | undefined | ExactCell;

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function text(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return cell.exact;
  return neutralizeFormula(String(cell));
}

/** One CSV line (CRLF-terminated, RFC 4180): text cells neutralized, exact cells as given, quoted as needed. */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map((c) => quote(text(c))).join(',')}\r\n`;
}

export function csvDocument(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  let out = csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
}
