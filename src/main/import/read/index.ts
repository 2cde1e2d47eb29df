// Reading contact files: sniff what a file is (format, encoding, delimiter, preamble,
// header), then stream its records in batches with bounded memory. Every problem is an
// ImportFileError naming the file, and the row and column where they apply.

import fs from 'node:fs';
import path from 'node:path';
import { CsvTokenizer, detectLayout, parseCsvText, type CsvRecord } from './csv.ts';
import { createDecoder, detectBom, detectUtf16WithoutBom, ENCODINGS, type TextEncodingName } from './decode.ts';
import { ImportFileError } from './errors.ts';
import { CARD_HEADERS, parseScanText, parseVcardText, type CardRecord } from './vcard.ts';

export { ImportFileError } from './errors.ts';

export type FileFormat = 'csv' | 'vcard' | 'mecard' | 'xlsx';

export interface SniffOverrides {
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  format?: FileFormat;
}

export interface SniffResult {
  format: FileFormat;
  /** 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1' | 'binary' (xlsx) */
  encoding: string;
  delimiter: string | null;
  /** Lines skipped before the header (LinkedIn's "Notes:"). */
  preambleLines: number;
  headers: string[];
  sheets: string[];
  sheet: string | null;
  /** The first data rows, for the preview. */
  sampleRows: string[][];
  /** Physical line of the header (csv), 0 otherwise. */
  headerLine: number;
  /** Human notes about the sniff (renamed empty headers, say). */
  notes: string[];
}

export interface RawRecord {
  /** Where the user finds it: csv: the line the record starts on; xlsx: the sheet row; cards: the BEGIN line. */
  rowNumber: number;
  values: string[];
  raw: string;
  /** A problem with this record (a ragged row); the pipeline rejects it with this reason. */
  error?: string;
}

export interface ReadOptions {
  signal?: AbortSignal;
  batchSize?: number;
  onBytes?: (bytesRead: number, totalBytes: number) => void;
}

const SAMPLE_BYTES = 256 * 1024;
const MAX_FILE_BYTES = 2 * 1024 ** 3;
const MAX_CARD_FILE_BYTES = 100 * 1024 ** 2;
const FORBIDDEN_HEADERS = new Set(['__proto__', 'constructor', 'prototype']);

function readHead(filePath: string, bytes: number): Buffer {
  const fd = fs.openSync(filePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Streams the whole file through a strict UTF-8 decoder; false at the first invalid byte. */
async function isValidUtf8(filePath: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

async function detectEncoding(filePath: string, name: string, head: Buffer): Promise<TextEncodingName> {
  const bom = detectBom(head) ?? detectUtf16WithoutBom(head);
  if (bom) return bom;
  if (head.includes(0)) {
    throw new ImportFileError('binary', name, 'this is not a text file (it contains binary data). Save it as CSV (comma or semicolon separated), vCard or .xlsx and try again.');
  }
  return (await isValidUtf8(filePath)) ? 'utf-8' : 'windows-1252';
}

function checkHeaders(name: string, headers: string[], headerLine: number): { headers: string[]; notes: string[] } {
  const notes: string[] = [];
  const named = headers.map((h, i) => {
    const trimmed = h.trim();
    if (trimmed !== '') return trimmed;
    notes.push(`column ${i + 1} has no header; it is called “Column ${i + 1}”`);
    return `Column ${i + 1}`;
  });
  const forbidden = named.findIndex((h) => FORBIDDEN_HEADERS.has(h));
  if (forbidden !== -1) {
    throw new ImportFileError('bad-header', name, `the header “${named[forbidden]}” is not allowed as a column name; rename it`, headerLine, forbidden + 1);
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < named.length; i++) {
    const key = named[i]!.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new ImportFileError('duplicate-header', name, `columns ${first + 1} and ${i + 1} have the same header “${named[i]}”; rename one of them`, headerLine, i + 1);
    }
    seen.set(key, i);
  }
  return { headers: named, notes };
}

export async function sniffFile(filePath: string, overrides: SniffOverrides = {}): Promise<SniffResult> {
  const name = path.basename(filePath);
  const size = fs.statSync(filePath).size;
  if (size === 0) throw new ImportFileError('empty', name, 'the file is empty');
  if (size > MAX_FILE_BYTES) throw new ImportFileError('too-large', name, 'the file is larger than 2 GiB; split it into smaller files');
  const head = readHead(filePath, SAMPLE_BYTES);

  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (overrides.format === 'xlsx' || (isZip && overrides.format === undefined)) {
    // exceljs is large: loaded only for spreadsheets.
    const { sniffXlsx } = await import('./xlsx.ts');
    return sniffXlsx(filePath, name, overrides.sheet);
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new ImportFileError('old-excel', name, 'this is an old Excel file (.xls). Open it in Excel or LibreOffice and save it as .xlsx or CSV');
  }

  let encoding: TextEncodingName;
  if (overrides.encoding !== undefined) {
    if (!(ENCODINGS as readonly string[]).includes(overrides.encoding)) {
      throw new ImportFileError('bad-encoding', name, `unknown encoding “${overrides.encoding}”; use one of ${ENCODINGS.join(', ')}`);
    }
    encoding = overrides.encoding as TextEncodingName;
  } else {
    encoding = await detectEncoding(filePath, name, head);
  }
  let text: string;
  try {
    const decoder = createDecoder(encoding);
    text = decoder.write(head) + (size <= SAMPLE_BYTES ? decoder.end() : '');
  } catch {
    throw new ImportFileError('bad-encoding', name, `the file is not valid ${encoding}; choose another encoding`);
  }
  if (text.trim() === '') throw new ImportFileError('empty', name, 'the file has no text in it');

  const firstLine = text.trimStart().split(/\r\n|\r|\n/, 1)[0] ?? '';
  const format: FileFormat =
    overrides.format ?? (/^BEGIN:VCARD/i.test(firstLine) ? 'vcard' : /^MECARD:/i.test(firstLine) ? 'mecard' : 'csv');
  const base = { format, encoding, sheets: [], sheet: null, notes: [] as string[] };
  if (format === 'vcard' || format === 'mecard') {
    const records = format === 'vcard' ? parseVcardText(text) : parseScanText(text);
    return { ...base, delimiter: null, preambleLines: 0, headers: [...CARD_HEADERS], sampleRows: records.slice(0, 20).map((r) => r.values), headerLine: 0 };
  }

  const complete = size <= SAMPLE_BYTES;
  const layout = detectLayout(text, complete);
  const delimiter = overrides.delimiter ?? layout.delimiter;
  const sampleText = complete ? text : text.slice(0, Math.max(text.lastIndexOf('\n'), 0));
  let records: CsvRecord[];
  try {
    records = parseCsvText(sampleText, delimiter, name).filter((r) => r.line >= layout.headerLine);
  } catch (error) {
    if (error instanceof ImportFileError && complete) throw error;
    records = [];
  }
  const header = records[0];
  if (!header) throw new ImportFileError('no-header', name, 'no header row was found');
  const checked = checkHeaders(name, header.fields, header.line);
  if (complete && records.length === 1) {
    throw new ImportFileError('no-rows', name, 'the file has a header but no rows to import', header.line);
  }
  return {
    ...base,
    delimiter,
    preambleLines: header.line - 1,
    headers: checked.headers,
    sampleRows: records.slice(1, 21).map((r) => r.fields),
    headerLine: header.line,
    notes: checked.notes,
  };
}

function recordFromCsv(record: CsvRecord, width: number): RawRecord {
  const result: RawRecord = { rowNumber: record.line, values: record.fields, raw: record.raw };
  if (record.fields.length !== width) {
    result.error = `row ${record.line} has ${record.fields.length} field${record.fields.length === 1 ? '' : 's'}, the header has ${width}`;
  }
  return result;
}

function recordFromCard(record: CardRecord): RawRecord {
  return { rowNumber: record.line, values: record.values, raw: record.raw, ...(record.error ? { error: record.error } : {}) };
}

export async function* readRecords(filePath: string, sniff: SniffResult, options: ReadOptions = {}): AsyncGenerator<RawRecord[]> {
  const name = path.basename(filePath);
  const batchSize = options.batchSize ?? 2000;
  const total = fs.statSync(filePath).size;

  if (sniff.format === 'xlsx') {
    const { readXlsxRecords } = await import('./xlsx.ts');
    yield* readXlsxRecords(filePath, name, sniff, batchSize);
    options.onBytes?.(total, total);
    return;
  }
  if (sniff.format === 'vcard' || sniff.format === 'mecard') {
    if (total > MAX_CARD_FILE_BYTES) throw new ImportFileError('too-large', name, 'vCard and scan files over 100 MB are not supported; split the file');
    const decoder = createDecoder(sniff.encoding as TextEncodingName);
    const text = decoder.write(fs.readFileSync(filePath)) + decoder.end();
    const records = (sniff.format === 'vcard' ? parseVcardText(text) : parseScanText(text)).map(recordFromCard);
    for (let i = 0; i < records.length; i += batchSize) yield records.slice(i, i + batchSize);
    options.onBytes?.(total, total);
    return;
  }

  const decoder = createDecoder(sniff.encoding as TextEncodingName);
  const tokenizer = new CsvTokenizer(sniff.delimiter ?? ',', name);
  const width = sniff.headers.length;
  let batch: RawRecord[] = [];
  let bytesRead = 0;
  const take = (records: CsvRecord[]): void => {
    for (const record of records) if (record.line > sniff.headerLine) batch.push(recordFromCsv(record, width));
  };
  const stream = fs.createReadStream(filePath, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) return;
      bytesRead += chunk.length;
      let text: string;
      try {
        text = decoder.write(chunk);
      } catch {
        throw new ImportFileError('bad-encoding', name, `the file is not valid ${sniff.encoding} near byte ${bytesRead - chunk.length}; choose another encoding (such as windows-1252)`);
      }
      take(tokenizer.push(text));
      options.onBytes?.(bytesRead, total);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    take(tokenizer.push(decoder.end(), true));
  } finally {
    stream.destroy();
  }
  if (batch.length > 0) yield batch;
}
