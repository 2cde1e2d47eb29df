// Writing CSV for spreadsheets and e-mail tools. Written by hand (not papaparse's unparse)
// because the formula guard must see the first character of every cell, multi-line ones too.

/** Characters that make Excel, LibreOffice or Google Sheets run a cell as a formula. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Prefixes a cell that a spreadsheet would execute with an apostrophe (OWASP CSV injection). */
export function neutralizeFormula(cell: string): string {
  return cell.length > 0 && FORMULA_START.has(cell[0]!) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One CSV line (CRLF-terminated, RFC 4180) with every cell neutralized and quoted as needed. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map((c) => quote(neutralizeFormula(c === null || c === undefined ? '' : String(c)))).join(',')}\r\n`;
}

export function csvDocument(header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>): string {
  let out = csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
}
