// Checking a header row before any data is read. papaparse silently renames duplicate
// headers and drops a "__proto__" one; here they stop the import with the columns named, so
// the user fixes the file instead of importing data under the wrong name.

import type { HeaderProblem, MessageParams } from '../../../shared/contract/dto.ts';
import { ImportFileError, type RecordError } from './errors.ts';

export interface CheckedHeaders {
  headers: string[];
  /** Trailing columns without a name (a spreadsheet's stray delimiters); their cells must stay empty. */
  unnamed: number[];
  notes: string[];
}

/** The form two headers are compared in: "E-mail " and "e-mail" are the same column name. */
function comparable(header: string): string {
  return header.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function list(columns: number[]): string {
  if (columns.length === 1) return `column ${columns[0]}`;
  return `columns ${columns.slice(0, -1).join(', ')} and ${columns[columns.length - 1]}`;
}

/** The columns as the UI's translations name them: "{{columns}} and {{last}}", or "{{last}}" alone when `count` is 1. */
function listParams(columns: number[]): MessageParams {
  return { count: columns.length, columns: columns.slice(0, -1).join(', '), last: columns[columns.length - 1]! };
}

/**
 * Trims the headers and checks them: no "__proto__", no two alike, no empty name — except
 * empty trailing columns whose sample cells are all empty (Excel writes "a;b;c;;" when
 * cleared cells were once used); those are kept, nameless, and a row with a value in one of
 * them is reported by the reader.
 */
export function checkHeaders(file: string, raw: string[], row: number, sampleRows: string[][]): CheckedHeaders {
  const headers = raw.map((h) => h.replace(/^\uFEFF/, '').trim());
  const problems: string[] = [];
  const parts: HeaderProblem[] = [];
  const problemColumns: number[] = [];

  let lastNamed = headers.length - 1;
  while (lastNamed >= 0 && headers[lastNamed] === '') lastNamed--;
  const unnamed: number[] = [];
  const empty: number[] = [];
  for (let i = 0; i < headers.length; i++) {
    if (headers[i] !== '') continue;
    const trailingAndEmpty = i > lastNamed && sampleRows.every((r) => (r[i] ?? '').trim() === '');
    if (trailingAndEmpty) unnamed.push(i + 1);
    else empty.push(i + 1);
  }
  if (lastNamed < 0) {
    throw new ImportFileError('empty-header', file, 'the header row is empty; the first row of the list must name its columns', { row });
  }
  if (empty.length > 0) {
    problems.push(`${list(empty)} ${empty.length === 1 ? 'has' : 'have'} no name`);
    parts.push({ code: 'header-unnamed', params: listParams(empty) });
    problemColumns.push(...empty);
  }

  const proto = headers.flatMap((h, i) => (h.toLowerCase() === '__proto__' ? [i + 1] : []));
  if (proto.length > 0) {
    problems.push(`${list(proto)} ${proto.length === 1 ? 'is' : 'are'} called “__proto__”, which cannot be a column name`);
    parts.push({ code: 'header-proto', params: listParams(proto) });
    problemColumns.push(...proto);
  }

  const byName = new Map<string, number[]>();
  headers.forEach((h, i) => {
    if (h === '') return;
    const key = comparable(h);
    byName.set(key, [...(byName.get(key) ?? []), i + 1]);
  });
  for (const columns of byName.values()) {
    if (columns.length < 2) continue;
    const name = headers[columns[0]! - 1]!;
    problems.push(`${list(columns)} have the same name, “${name}”`);
    parts.push({ code: 'header-duplicate', params: { ...listParams(columns), name } });
    problemColumns.push(...columns.slice(1));
  }

  if (problems.length > 0) {
    throw new ImportFileError(
      'bad-headers',
      file,
      `the header row has problems: ${problems.join('; ')}. Give every column its own name (or delete the column) and import again`,
      { row, column: Math.min(...problemColumns), parts },
    );
  }
  const notes = unnamed.length > 0 ? [`${list(unnamed)} at the end of the header ${unnamed.length === 1 ? 'has' : 'have'} no name and no values; ignored`] : [];
  return { headers, unnamed, notes };
}

/** A row's problem when it has a value under a nameless column, else null. */
export function valueUnderUnnamed(values: string[], unnamed: readonly number[], row: number): RecordError | null {
  for (const column of unnamed) {
    if ((values[column - 1] ?? '').trim() !== '') return valueWithoutHeader(row, column);
  }
  return null;
}

/** A value in a column the header does not name (a nameless one, or one right of the header). */
export function valueWithoutHeader(row: number, column: number): RecordError {
  return { text: `row ${row} has a value in column ${column}, which has no header`, code: 'value-without-header', params: { row, column } };
}
