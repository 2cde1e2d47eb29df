// Delimited text (CSV, semicolon CSV from Norwegian Excel, tab-separated "Unicode text"):
// sniffing a sample for the layout and header, and streaming the data records.

import type { ByteSource } from './source.ts';
import { detectCsvLayout } from './csv-layout.ts';
import { CsvTokenizer, type CsvRecord } from './csv-tokenizer.ts';
import { decodeText, type TextEncodingName } from './decode.ts';
import { ImportFileError, type RecordError } from './errors.ts';
import { checkHeaders, valueUnderUnnamed } from './headers.ts';
import { LIMITS } from './limits.ts';

export interface CsvSniff {
  delimiter: string;
  preambleLines: number;
  headers: string[];
  sampleRows: string[][];
  notes: string[];
}

export interface CsvDataRecord {
  rowNumber: number;
  values: string[];
  raw: string;
  error?: RecordError;
}

/**
 * Layout, header and preview rows of a sample (the decoded start of the file; `complete`
 * when it is all of it). Structural errors in the sample stop here, before any reading.
 */
export function sniffCsvText(file: string, sample: string, complete: boolean, forcedDelimiter?: string): CsvSniff {
  const layout = detectCsvLayout(sample, complete, forcedDelimiter);
  const tokenizer = new CsvTokenizer(layout.delimiter, file);
  const records = tokenizer.push(sample, complete).filter((r) => r.line >= layout.headerLine);
  const header = records[0];
  if (!header) {
    if (complete) throw new ImportFileError('only-blank-rows', file, 'the file has no rows (only blank lines)');
    throw new ImportFileError('no-header', file, 'no header row was found at the start of the file');
  }
  const data = records.slice(1, 1 + LIMITS.sampleRows);
  const checked = checkHeaders(file, header.fields, header.line, data.map((r) => r.fields));
  if (complete && data.length === 0) {
    throw new ImportFileError('no-rows', file, 'the file has a header row but no rows to import', { row: header.line });
  }
  return {
    delimiter: layout.delimiter,
    preambleLines: header.line - 1,
    headers: checked.headers,
    sampleRows: data.map((r) => r.fields),
    notes: checked.notes,
  };
}

function toDataRecord(record: CsvRecord, headers: readonly string[], unnamed: readonly number[]): CsvDataRecord {
  // Numbered as a spreadsheet shows the file (a multi-line cell is one row), as the user will look it up.
  const row = record.row;
  const result: CsvDataRecord = { rowNumber: row, values: record.fields, raw: record.raw };
  const width = headers.length;
  const n = record.fields.length;
  let error = record.error;
  if (n !== width) {
    // `count`: the UI's translations pick "field" or "fields" by it.
    error = { text: `row ${row} has ${n} field${n === 1 ? '' : 's'}, the header has ${width}`, code: 'ragged-row', params: { row, count: n, width } };
  }
  error ??= valueUnderUnnamed(record.fields, unnamed, row) ?? undefined;
  if (error !== undefined) result.error = error;
  return result;
}

/**
 * Data records after the header at line `headerLine`, streamed: one chunk of text and the
 * records it completes are in memory at a time.
 */
export async function* readCsvRecords(
  source: ByteSource,
  encoding: TextEncodingName,
  delimiter: string,
  headers: readonly string[],
  headerLine: number,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<CsvDataRecord[]> {
  const tokenizer = new CsvTokenizer(delimiter, source.name);
  const unnamed = headers.flatMap((h, i) => (h === '' ? [i + 1] : []));
  const take = (records: CsvRecord[]): CsvDataRecord[] => {
    const out: CsvDataRecord[] = [];
    for (const r of records) if (r.line > headerLine) out.push(toDataRecord(r, headers, unnamed));
    return out;
  };
  for await (const text of decodeText(source, encoding, onBytes)) {
    const records = take(tokenizer.push(text));
    if (records.length > 0) yield records;
  }
  const last = take(tokenizer.push('', true));
  if (last.length > 0) yield last;
}
