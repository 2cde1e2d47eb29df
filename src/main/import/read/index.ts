// Reading contact files: sniff what a file is (format, encoding, delimiter, preamble,
// header, preview), then stream its records in batches with bounded memory. Every problem
// that stops an import is an ImportFileError naming the file and, where it applies, the row
// and column; a problem with one record travels on that record (RawRecord.error) so the
// pipeline can reject it with its reason and go on.
//
// Formats: delimited text (csv.ts), vCard and badge-scan files (card-file.ts), .xlsx
// (xlsx.ts, loaded only when needed). Bytes become text in decode.ts, never in a parser.

import fs from 'node:fs';
import path from 'node:path';
import { binaryError, binarySignature, hasNulBytes } from './binary.ts';
import { detectCardFormat, readCardRecords, sniffCardText } from './card-file.ts';
import { readCsvRecords, sniffCsvText } from './csv.ts';
import { createDecoder, detectBom, detectUtf16WithoutBom, isTextEncoding, isValidUtf8, normalizeEncodingName, type TextEncodingName } from './decode.ts';
import { ImportFileError, openError, type RecordError } from './errors.ts';
import { formatSize, LIMITS } from './limits.ts';
import { fileSource, type ByteSource } from './source.ts';
import { CARD_HEADERS } from './vcard.ts';

export { ImportFileError, type ImportFileErrorCode, type RecordError } from './errors.ts';
export { CARD_HEADERS } from './vcard.ts';
export { LIMITS } from './limits.ts';

export type FileFormat = 'csv' | 'vcard' | 'mecard' | 'xlsx';
export const FILE_FORMATS: readonly FileFormat[] = ['csv', 'vcard', 'mecard', 'xlsx'];

export interface SniffOverrides {
  /** A text encoding (utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252, iso-8859-1; common aliases accepted). */
  encoding?: string;
  /** One character; "tab" and "\t" mean a tab. */
  delimiter?: string;
  /** An .xlsx sheet by name. */
  sheet?: string;
  format?: FileFormat;
}

export interface SniffResult {
  format: FileFormat;
  /** 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1' (chosen by the user only) | 'binary' (xlsx) */
  encoding: string;
  /** ',' ';' '\t' '|' (or a delimiter the user chose) for csv; null otherwise. */
  delimiter: string | null;
  /** Lines (csv) or sheet rows (xlsx) before the header: LinkedIn's "Notes:", Excel's "sep=;". */
  preambleLines: number;
  /** Column headers as in the file, trimmed (vcard/mecard: CARD_HEADERS). Trailing nameless, empty columns are ''. */
  headers: string[];
  /** xlsx sheet names in workbook order, else []. */
  sheets: string[];
  sheet: string | null;
  /** The first data rows (up to 20), for the preview. */
  sampleRows: string[][];
  /** Things the user may want to know about how the file was read. */
  notes?: string[];
}

export interface RawRecord {
  /**
   * Where the user finds the record. csv: the 1-based physical line the record starts on
   * (the header is line preambleLines + 1; blank lines count). xlsx: the sheet's row number.
   * vcard: the line of the card's BEGIN:VCARD. mecard: the line of the scan.
   */
  rowNumber: number;
  /** Cell values aligned with SniffResult.headers (vcard/mecard: CARD_HEADERS). */
  values: string[];
  /** The record as written: csv, the original line(s); vcard, the card (photos left out); xlsx, the cells as a CSV line. */
  raw: string;
  /** A problem with this record alone (a ragged row, an unclosed card); the pipeline rejects it with this reason. */
  error?: RecordError;
}

export interface ReadOptions {
  /** Aborting ends the generator early (the caller checks `signal.aborted` after the loop). */
  signal?: AbortSignal;
  /** Records per batch: 1–5000, default 2000. */
  batchSize?: number;
  onBytes?: (bytesRead: number, totalBytes: number) => void;
}

function fileSize(filePath: string, name: string): number {
  let size: number;
  try {
    const stat = fs.statSync(filePath);
    // Checked before opening: opening a named pipe would wait for a writer.
    if (!stat.isFile()) throw new ImportFileError('not-a-file', name, 'this is not a file');
    // Opened, not only stat'ed: a file may be listed but not readable (a folder macOS
    // protects, a file another program locks), and that is best said before any reading.
    fs.closeSync(fs.openSync(filePath, 'r'));
    size = stat.size;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw openError(name, error);
  }
  if (size === 0) throw new ImportFileError('empty', name, 'the file is empty (0 bytes)');
  if (size > LIMITS.maxFileBytes) {
    const limit = formatSize(LIMITS.maxFileBytes);
    throw new ImportFileError('too-large', name, `the file is larger than ${limit}; split it into smaller files and import them one by one`, { params: { size: limit } });
  }
  return size;
}

function checkOverrides(name: string, overrides: SniffOverrides): { encoding?: TextEncodingName; delimiter?: string } {
  const checked: { encoding?: TextEncodingName; delimiter?: string } = {};
  if (overrides.format !== undefined && !FILE_FORMATS.includes(overrides.format)) {
    const format = String(overrides.format);
    const formats = FILE_FORMATS.join(', ');
    throw new ImportFileError('unknown-format', name, `unknown format “${format}”; use one of ${formats}`, { params: { format, formats } });
  }
  if (overrides.encoding !== undefined) {
    const encoding = normalizeEncodingName(overrides.encoding);
    if (!encoding) {
      throw new ImportFileError('unknown-encoding', name, `unknown encoding “${overrides.encoding}”; use utf-8, utf-16le, utf-16be or windows-1252`, { params: { encoding: overrides.encoding } });
    }
    checked.encoding = encoding;
  }
  if (overrides.delimiter !== undefined) {
    const d = /^(tab|\\t)$/i.test(overrides.delimiter) ? '\t' : overrides.delimiter;
    if (d.length !== 1 || d === '"' || d === '\r' || d === '\n') {
      throw new ImportFileError('bad-delimiter', name, `“${overrides.delimiter}” cannot be a delimiter; use one character such as , ; | or tab`, { params: { delimiter: overrides.delimiter } });
    }
    checked.delimiter = d;
  }
  return checked;
}

/** The text encoding: the user's choice, a BOM, UTF-16's NUL pattern, else UTF-8 if the whole file is valid UTF-8, else windows-1252. */
async function chooseEncoding(source: ByteSource, head: Uint8Array, forced: TextEncodingName | undefined): Promise<TextEncodingName> {
  if (forced) return forced;
  const marked = detectBom(head) ?? detectUtf16WithoutBom(head);
  if (marked) return marked;
  if (hasNulBytes(head)) throw binaryError(source.name, 'other');
  return (await isValidUtf8(source)) ? 'utf-8' : 'windows-1252';
}

/** Sniffs a text source (csv, vcard, mecard); `xlsx` files go through sniffFile. */
export async function sniffSource(source: ByteSource, overrides: SniffOverrides = {}): Promise<SniffResult> {
  const name = source.name;
  const checked = checkOverrides(name, overrides);
  if (source.size === 0) throw new ImportFileError('empty', name, 'the file is empty (0 bytes)');
  const head = await source.head(LIMITS.sniffBytes);
  const complete = head.length >= source.size;
  const kind = binarySignature(head);
  if (kind) throw binaryError(name, kind);
  if (overrides.format === 'xlsx') throw new ImportFileError('not-xlsx', name, 'this is not an .xlsx spreadsheet (it does not start like one); choose another format');

  const encoding = await chooseEncoding(source, head, checked.encoding);
  let text: string;
  try {
    const decoder = createDecoder(encoding);
    text = decoder.write(head) + (complete ? decoder.end() : '');
  } catch {
    throw new ImportFileError('bad-encoding', name, `the start of the file is not valid ${encoding} text; choose another encoding, such as windows-1252`, { params: { encoding } });
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    if (complete) throw new ImportFileError('blank', name, 'the file has nothing in it but blank space');
    const size = formatSize(LIMITS.sniffBytes);
    throw new ImportFileError('blank-start', name, `the first ${size} of the file are blank`, { params: { size } });
  }

  const format = overrides.format ?? detectCardFormat(text) ?? 'csv';
  const base = { format, encoding, sheets: [], sheet: null };
  if (format === 'vcard' || format === 'mecard') {
    return { ...base, delimiter: null, preambleLines: 0, headers: [...CARD_HEADERS], sampleRows: sniffCardText(name, format, text, complete), notes: [] };
  }
  const csv = sniffCsvText(name, text, complete, checked.delimiter);
  return { ...base, delimiter: csv.delimiter, preambleLines: csv.preambleLines, headers: csv.headers, sampleRows: csv.sampleRows, notes: csv.notes };
}

export async function sniffFile(filePath: string, overrides: SniffOverrides = {}): Promise<SniffResult> {
  const name = path.basename(filePath);
  const size = fileSize(filePath, name);
  const source = fileSource(filePath, size);
  const head = await source.head(8);
  const kind = binarySignature(head);
  if (kind === 'zip' && (overrides.format === undefined || overrides.format === 'xlsx')) {
    checkOverrides(name, overrides);
    const { sniffXlsx } = await import('./xlsx.ts');
    const x = await sniffXlsx(filePath, name, overrides.sheet);
    return {
      format: 'xlsx',
      encoding: 'binary',
      delimiter: null,
      preambleLines: x.headerRow - 1,
      headers: x.headers,
      sheets: x.sheets,
      sheet: x.sheet,
      sampleRows: x.sampleRows,
      notes: x.notes,
    };
  }
  return sniffSource(source, overrides);
}

/** Records of a text source in groups as they are decoded (csv, vcard, mecard). */
function textRecords(source: ByteSource, sniff: SniffResult, onBytes?: (bytesRead: number) => void): AsyncGenerator<RawRecord[]> {
  if (!isTextEncoding(sniff.encoding)) {
    throw new ImportFileError('not-text-encoding', source.name, `“${sniff.encoding}” is not a text encoding`, { params: { encoding: sniff.encoding } });
  }
  if (sniff.format === 'vcard' || sniff.format === 'mecard') return readCardRecords(source, sniff.encoding, sniff.format, onBytes);
  if (sniff.format !== 'csv') {
    throw new ImportFileError('unknown-text-format', source.name, `unknown format “${String(sniff.format)}”`, { params: { format: String(sniff.format) } });
  }
  return readCsvRecords(source, sniff.encoding, sniff.delimiter ?? ',', sniff.headers, sniff.preambleLines + 1, onBytes);
}

/** Regroups records into batches of `batchSize`; ends early when the signal aborts. */
async function* batches(groups: AsyncIterable<RawRecord[]>, batchSize: number, signal: AbortSignal | undefined): AsyncGenerator<RawRecord[]> {
  let batch: RawRecord[] = [];
  for await (const group of groups) {
    if (signal?.aborted) return;
    for (const record of group) {
      batch.push(record);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
        if (signal?.aborted) return;
      }
    }
  }
  if (batch.length > 0) yield batch;
}

function batchSizeOf(options: ReadOptions): number {
  const n = Math.floor(options.batchSize ?? LIMITS.defaultBatchSize);
  return Number.isFinite(n) ? Math.min(LIMITS.maxBatchSize, Math.max(LIMITS.minBatchSize, n)) : LIMITS.defaultBatchSize;
}

/** Reads a text source's records (tests inject sources cut into any chunks). */
export async function* readSource(source: ByteSource, sniff: SniffResult, options: ReadOptions = {}): AsyncGenerator<RawRecord[]> {
  const onBytes = options.onBytes ? (read: number) => options.onBytes!(read, source.size) : undefined;
  yield* batches(textRecords(source, sniff, onBytes), batchSizeOf(options), options.signal);
}

async function* xlsxRecords(filePath: string, name: string, sniff: SniffResult, total: number, options: ReadOptions): AsyncGenerator<RawRecord[]> {
  const { readXlsxRecords } = await import('./xlsx.ts');
  const onBytes = options.onBytes ? (fraction: number) => options.onBytes!(Math.round(fraction * total), total) : undefined;
  for await (const record of readXlsxRecords(filePath, name, sniff.sheet, sniff.headers, sniff.preambleLines + 1, onBytes)) yield [record];
}

/**
 * The data records of a sniffed file, in batches, streamed: memory holds one batch and one
 * chunk of the file, never the file. Errors that stop the import are ImportFileErrors.
 */
export async function* readRecords(filePath: string, sniff: SniffResult, options: ReadOptions = {}): AsyncGenerator<RawRecord[]> {
  const name = path.basename(filePath);
  const size = fileSize(filePath, name);
  if (sniff.format === 'xlsx') yield* batches(xlsxRecords(filePath, name, sniff, size, options), batchSizeOf(options), options.signal);
  else yield* readSource(fileSource(filePath, size), sniff, options);
}
