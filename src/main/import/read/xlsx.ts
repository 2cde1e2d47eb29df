// .xlsx spreadsheets, streamed row by row through exceljs's streaming reader.
//
// exceljs's WorkbookReader reads the ZIP front to back; Excel writes sharedStrings.xml AFTER
// the sheets, so the reader would copy every sheet to a temp file before reading a row, and
// it decodes each XML chunk on its own, turning a UTF-8 character split between two chunks
// into U+FFFD (the papaparse trap again). So Tillit opens the ZIP itself (zip.ts), feeds the
// reader's part parsers the parts in the order they are needed — workbook, shared strings,
// styles, then the one sheet asked for — as text decoded by a streaming TextDecoder, and
// stops after the preview rows when sniffing. Those part parsers (_parseWorkbook,
// _parseSharedStrings, _parseStyles, _parseWorksheet) are exceljs internals: the version is
// pinned in package.json, and xlsx.test.ts fails loudly if an upgrade changes them.
//
// exceljs is large, so index.ts loads this module only for spreadsheets.

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FileErrorCode } from '../../../shared/contract/dto.ts';
import { ImportFileError, type RecordError } from './errors.ts';
import { checkHeaders, valueUnderUnnamed, valueWithoutHeader } from './headers.ts';
import { formatSize, LIMITS, XLSX_LIMITS, type XlsxLimits } from './limits.ts';
import { cellText, mailtoAddress } from './xlsx-cell.ts';
import { SHARED_STRINGS_BUDGET_BYTES, SharedStrings, SharedStringsLimitError, sharedStringText, type SharedStringItem } from './xlsx-shared-strings.ts';
import { XmlShapeError, XmlShapeGuard } from './xlsx-xml-guard.ts';
import { openZipEntry, readZipDirectory, readZipEntry, ZipSizeError, type ZipEntry } from './zip.ts';

export interface XlsxSheet {
  name: string;
  /** Path of the sheet's XML inside the ZIP. */
  path: string;
  hidden: boolean;
}

export interface XlsxSniff {
  sheets: string[];
  sheet: string;
  headers: string[];
  /** Sheet row of the header. */
  headerRow: number;
  sampleRows: string[][];
  notes: string[];
}

export interface XlsxRecord {
  rowNumber: number;
  values: string[];
  raw: string;
  error?: RecordError;
}

/** The exceljs internals driven here (see the top of the file). */
interface ReaderInternals {
  _parseWorkbook(entry: Readable): Promise<void>;
  /** With `sharedStrings: 'emit'`: each <si> in order. */
  _parseSharedStrings(entry: Readable): AsyncIterable<{ index: number; text: SharedStringItem }>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

const SMALL_PART_BYTES = 64 * 1024 * 1024;

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    const entity = e.toLowerCase();
    if (entity === 'amp') return '&';
    if (entity === 'lt') return '<';
    if (entity === 'gt') return '>';
    if (entity === 'quot') return '"';
    if (entity === 'apos') return "'";
    const code = entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) map.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ''));
  return map;
}

/** Relationship id → target path, resolved against the folder of the part that owns them. */
function relationships(xml: string, baseFolder: string): Map<string, { target: string; external: boolean }> {
  const map = new Map<string, { target: string; external: boolean }>();
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const id = a.get('Id');
    const target = a.get('Target');
    if (!id || target === undefined) continue;
    const external = a.get('TargetMode') === 'External';
    map.set(id, { target: external || target.startsWith('/') ? target.replace(/^\//, '') : `${baseFolder}${target}`, external });
  }
  return map;
}

/** A UTF-8 byte stream as a stream of strings, decoded across chunk boundaries, its XML's shape checked (xlsx-xml-guard.ts). */
function utf8Text(bytes: Readable, guard: XmlShapeGuard): Readable {
  async function* decode(): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of bytes as AsyncIterable<Buffer>) {
      const text = decoder.decode(chunk, { stream: true });
      guard.check(text);
      if (text) yield text;
    }
    const rest = decoder.decode();
    guard.check(rest);
    if (rest) yield rest;
  }
  const text = Readable.from(decode());
  text.on('close', () => bytes.destroy());
  return text;
}

/** What a ZIP file without a workbook is instead. */
function notXlsxError(name: string, entries: Map<string, ZipEntry>): ImportFileError {
  const names = [...entries.keys()];
  const error = (code: FileErrorCode, message: string): ImportFileError => new ImportFileError(code, name, message);
  if (names.some((n) => n === 'content.xml') && names.includes('mimetype')) {
    return error('not-xlsx-opendocument', 'this is an OpenDocument file (LibreOffice/OpenOffice .ods or .odt), not an .xlsx spreadsheet. Save it as .xlsx or CSV and import that');
  }
  if (names.some((n) => n.startsWith('word/'))) return error('not-xlsx-word', 'this is a Word document (.docx), not a spreadsheet. Save the list as .xlsx or CSV and import that');
  if (names.some((n) => n.startsWith('ppt/'))) return error('not-xlsx-powerpoint', 'this is a PowerPoint file (.pptx), not a spreadsheet. Save the list as .xlsx or CSV and import that');
  if (names.some((n) => n.startsWith('Index/') || n.endsWith('.iwa'))) return error('not-xlsx-numbers', 'this is an Apple Numbers file. Export it as Excel (.xlsx) or CSV and import that');
  return error('not-xlsx-zip', 'this is a ZIP archive, not an .xlsx spreadsheet. Unpack it and import the file inside, or save the list as .xlsx or CSV');
}

/** A cap of limits.ts that the spreadsheet went past, as the reader error that names it. */
function overLimit(name: string, error: unknown): ImportFileError | null {
  const inside = 'inside the spreadsheet';
  if (error instanceof ZipSizeError) {
    const part = error.entry;
    if (error.kind === 'lying') {
      const message = `${part} ${inside} unpacks to more than the ${error.limit} bytes its header declares; the file is damaged, or was built to mislead`;
      return new ImportFileError('xlsx-part-lies', name, message, { params: { part, declared: error.limit } });
    }
    const size = formatSize(error.limit);
    const message = `${part} ${inside} unpacks to more than ${size}; no contact list is that large (the file is damaged, or was built to fill the memory)`;
    return new ImportFileError('xlsx-part-too-large', name, message, { params: { part, size } });
  }
  if (error instanceof XlsxTotalError) {
    const size = formatSize(error.limit);
    return new ImportFileError('xlsx-too-large', name, `the parts of the spreadsheet unpack to more than ${size} in all; no contact list is that large`, { params: { size } });
  }
  if (error instanceof XmlShapeError) {
    const part = error.part;
    if (error.kind === 'depth') {
      const message = `${part} ${inside} nests its XML more than ${error.limit} levels deep; no spreadsheet needs that (the file was built to fill the memory?)`;
      return new ImportFileError('xlsx-xml-too-deep', name, message, { params: { part, max: error.limit } });
    }
    const size = formatSize(error.limit);
    return new ImportFileError('xlsx-xml-too-long', name, `${part} ${inside} has an XML text or tag longer than ${size}; no cell holds that much`, { params: { part, size } });
  }
  if (error instanceof SharedStringsLimitError) {
    const table = 'the shared-string table of the spreadsheet (xl/sharedStrings.xml)';
    if (error.kind === 'count') {
      return new ImportFileError('xlsx-too-many-strings', name, `${table} holds more than ${error.limit} texts; no contact list has that many`, { params: { max: error.limit } });
    }
    const size = formatSize(error.limit);
    if (error.kind === 'chars') return new ImportFileError('xlsx-strings-too-long', name, `${table} holds more than ${size} of text; no contact list has that much`, { params: { size } });
    return new ImportFileError('xlsx-strings-spill-full', name, `${table} needs more than ${size} of temporary disk space; no contact list needs that much`, { params: { size } });
  }
  return null;
}

/** All parts together unpacked to more than the total cap. */
class XlsxTotalError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`the parts unpack to more than ${limit} bytes in all`);
    this.limit = limit;
  }
}

/** The spreadsheet's parts cannot be read; `detail` (from the ZIP or XML reader) stays in English. */
function unreadable(name: string, error: unknown): ImportFileError {
  const limit = overLimit(name, error) ?? overLimit(name, (error as { cause?: unknown }).cause);
  if (limit) return limit;
  const detail = (error as Error).message;
  return new ImportFileError('bad-xlsx', name, `the spreadsheet cannot be read: ${detail}`, { params: { detail } });
}

export class XlsxFile {
  readonly sheets: XlsxSheet[];
  private readonly filePath: string;
  private readonly name: string;
  private readonly entries: Map<string, ZipEntry>;
  private readonly date1904: boolean;
  private readonly limits: XlsxLimits;
  /** Bytes inflated so far, all parts together (a part read twice counts once). */
  private inflated = 0;

  private constructor(filePath: string, name: string, entries: Map<string, ZipEntry>, sheets: XlsxSheet[], date1904: boolean, limits: XlsxLimits) {
    this.filePath = filePath;
    this.name = name;
    this.entries = entries;
    this.sheets = sheets;
    this.date1904 = date1904;
    this.limits = limits;
  }

  /**
   * Opens the ZIP and lists the sheets in workbook order; errors say what the file is instead.
   * `limits`: the caps of limits.ts (tests make them small).
   */
  static async open(filePath: string, name: string, limits: XlsxLimits = XLSX_LIMITS): Promise<XlsxFile> {
    let entries: Map<string, ZipEntry>;
    try {
      entries = await readZipDirectory(filePath);
    } catch (error) {
      const detail = (error as Error).message;
      throw new ImportFileError('bad-zip', name, `the file starts like a ZIP or .xlsx file but cannot be opened: ${detail}`, { params: { detail } });
    }
    const declared = [...entries.values()].reduce((sum, entry) => sum + entry.size, 0);
    if (declared > limits.totalBytes) throw overLimit(name, new XlsxTotalError(limits.totalBytes))!;
    const workbookEntry = entries.get('xl/workbook.xml');
    if (!workbookEntry) throw notXlsxError(name, entries);
    try {
      const small = Math.min(SMALL_PART_BYTES, limits.partBytes);
      const workbookXml = (await readZipEntry(filePath, workbookEntry, small)).toString('utf8');
      const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
      const rels = relsEntry ? relationships((await readZipEntry(filePath, relsEntry, small)).toString('utf8'), 'xl/') : new Map<string, { target: string; external: boolean }>();
      const sheets: XlsxSheet[] = [];
      for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
        const a = attributes(m[0]);
        const rel = rels.get(a.get('r:id') ?? '');
        const sheetName = a.get('name');
        if (!sheetName || !rel || !entries.has(rel.target)) continue;
        sheets.push({ name: sheetName, path: rel.target, hidden: (a.get('state') ?? 'visible') !== 'visible' });
      }
      const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml);
      return new XlsxFile(filePath, name, entries, sheets, date1904, limits);
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw unreadable(name, error);
    }
  }

  /** The sheet by name; by default the first visible one. */
  pick(sheetName: string | null | undefined): XlsxSheet {
    if (this.sheets.length === 0) throw new ImportFileError('no-sheets', this.name, 'the spreadsheet has no sheets');
    if (sheetName) {
      const found = this.sheets.find((s) => s.name === sheetName);
      if (!found) {
        const message = `there is no sheet called “${sheetName}” (the sheets are: ${this.sheets.map((s) => `“${s.name}”`).join(', ')})`;
        throw new ImportFileError('no-sheet', this.name, message, { params: { sheet: sheetName, sheets: this.sheets.map((s) => s.name).join(', ') } });
      }
      return found;
    }
    return this.sheets.find((s) => !s.hidden) ?? this.sheets[0]!;
  }

  /** A part's text; `again`: a part read before (the sheet, once for its links), not counted twice in the total. */
  private async part(path: string, onProgress?: (fraction: number) => void, again = false): Promise<Readable | null> {
    const entry = this.entries.get(path);
    if (!entry) return null;
    const onPacked = onProgress && entry.compressedSize > 0 ? (read: number) => onProgress(read / entry.compressedSize) : undefined;
    const onInflated = again
      ? undefined
      : (bytes: number): void => {
          this.inflated += bytes;
          if (this.inflated > this.limits.totalBytes) throw new XlsxTotalError(this.limits.totalBytes);
        };
    const bytes = await openZipEntry(this.filePath, entry, { maxBytes: this.limits.partBytes, onInflated }, onPacked);
    return utf8Text(bytes, new XmlShapeGuard(path, this.limits.xmlDepth, this.limits.xmlRunChars));
  }

  /** mailto: links of a sheet, by cell reference ("D5"). Hyperlinks come after the rows in a sheet's XML, so they are collected first. */
  private async mailtoLinks(sheet: XlsxSheet): Promise<Map<string, string>> {
    const links = new Map<string, string>();
    const slash = sheet.path.lastIndexOf('/');
    const relsPath = `${sheet.path.slice(0, slash)}/_rels/${sheet.path.slice(slash + 1)}.rels`;
    const relsEntry = this.entries.get(relsPath);
    if (!relsEntry) return links;
    const rels = relationships((await readZipEntry(this.filePath, relsEntry, Math.min(SMALL_PART_BYTES, this.limits.partBytes))).toString('utf8'), '');
    const mailto = new Map([...rels].filter(([, r]) => r.external && /^mailto:/i.test(r.target)));
    if (mailto.size === 0) return links;
    const text = await this.part(sheet.path, undefined, true);
    if (!text) return links;
    let carry = '';
    for await (const chunk of text as AsyncIterable<string>) {
      const buffer = carry + chunk;
      let consumed = 0;
      for (const m of buffer.matchAll(/<(?:\w+:)?hyperlink\b[^>]*>/g)) {
        const a = attributes(m[0]);
        const rel = mailto.get(a.get('r:id') ?? '');
        const address = rel ? mailtoAddress(rel.target) : null;
        if (address) for (const ref of expandRange(a.get('ref') ?? '')) links.set(ref, address);
        consumed = m.index + m[0].length;
      }
      // Keep an unfinished tag for the next chunk.
      const open = buffer.lastIndexOf('<');
      carry = open >= consumed ? buffer.slice(open) : '';
    }
    return links;
  }

  /**
   * The rows of one sheet as text, with their sheet row numbers; empty rows are skipped.
   * `onProgress`: share of the sheet read. `sharedStringsBudgetBytes`: how much of the
   * shared-string table stays in memory (xlsx-shared-strings.ts; tests make it tiny).
   */
  async *rows(
    sheet: XlsxSheet,
    onProgress?: (fraction: number) => void,
    sharedStringsBudgetBytes: number = SHARED_STRINGS_BUDGET_BYTES,
  ): AsyncGenerator<{ row: number; cells: string[] }> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(this.filePath, {
      worksheets: 'emit',
      // Emitted, not cached: the table is kept here, with bounded memory, and the sheet's
      // cells come as { sharedString: index }.
      sharedStrings: 'emit',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as ReaderInternals;
    const links = await this.mailtoLinks(sheet);
    const workbook = await this.part('xl/workbook.xml');
    if (workbook) await reader._parseWorkbook(workbook);
    const { sharedStrings: maxCount, sharedStringChars: maxChars, spillBytes: maxSpillBytes } = this.limits;
    const strings = new SharedStrings(sharedStringsBudgetBytes, { maxCount, maxChars, maxSpillBytes });
    try {
      const stringsPart = await this.part('xl/sharedStrings.xml');
      if (stringsPart) for await (const item of reader._parseSharedStrings(stringsPart)) strings.add(sharedStringText(item.text));
      const styles = await this.part('xl/styles.xml');
      if (styles) await reader._parseStyles(styles);
      const sheetText = await this.part(sheet.path, onProgress);
      if (!sheetText) return;
      yield* this.sheetRows(reader, sheetText, links, strings);
    } finally {
      strings.close();
    }
  }

  private async *sheetRows(
    reader: ReaderInternals,
    sheetText: Readable,
    links: ReadonlyMap<string, string>,
    strings: SharedStrings,
  ): AsyncGenerator<{ row: number; cells: string[] }> {
    try {
      for (const { eventType, value } of reader._parseWorksheet(sheetText, '1')) {
        if (eventType !== 'worksheet') continue;
        for await (const row of value) {
          const cells: string[] = [];
          let chars = 0;
          row.eachCell({ includeEmpty: false }, (cell, column) => {
            if (column > LIMITS.maxColumns) {
              const message = `row ${row.number} has cells beyond column ${LIMITS.maxColumns}; no contact list is that wide`;
              throw new ImportFileError('sheet-too-many-columns', this.name, message, { row: row.number, column, params: { row: row.number, max: LIMITS.maxColumns } });
            }
            const value = sharedStringOf(cell.value, strings);
            if (value === null) return; // an empty shared string is an empty cell, as eachCell skips others
            const link = links.get(cell.address);
            const text = (link ?? cellText(value, cell.numFmt, this.date1904)).trim();
            if (text.length > LIMITS.maxFieldChars) {
              const size = formatSize(LIMITS.maxFieldChars);
              throw new ImportFileError('cell-too-long', this.name, `a cell holds more than ${size} of text`, { row: row.number, column, params: { size } });
            }
            chars += text.length;
            while (cells.length < column - 1) cells.push('');
            cells[column - 1] = text;
          });
          if (chars > LIMITS.maxRecordChars) {
            const size = formatSize(LIMITS.maxRecordChars);
            throw new ImportFileError('sheet-row-too-long', this.name, `this row holds more than ${size} of text`, { row: row.number, params: { size } });
          }
          if (cells.some((c) => c !== '')) yield { row: row.number, cells };
        }
      }
    } finally {
      sheetText.destroy();
    }
  }
}

/**
 * A cell's value with a shared-string reference resolved. An empty string, and a reference
 * the table does not have (a damaged file), are null: an empty cell, as Excel shows it.
 */
function sharedStringOf(value: ExcelJS.CellValue, strings: SharedStrings): ExcelJS.CellValue {
  if (value === null || typeof value !== 'object' || !('sharedString' in value)) return value;
  return strings.get((value as { sharedString: number }).sharedString) || null;
}

/** A link's cells: "D5", or a one-column range "D2:D4" → D2, D3, D4 (at most 100,000); other ranges count for their first cell. */
function expandRange(ref: string): string[] {
  const [from, to] = ref.split(':');
  if (!from) return [];
  if (!to) return [from];
  const a = /^([A-Z]+)(\d+)$/.exec(from);
  const b = /^([A-Z]+)(\d+)$/.exec(to);
  if (!a || !b || a[1] !== b[1]) return [from];
  const first = Number(a[2]);
  const last = Math.min(Number(b[2]), first + 100_000);
  const refs: string[] = [];
  for (let r = first; r <= last; r++) refs.push(`${a[1]}${r}`);
  return refs;
}

/** CSV text of a row's cells, kept as a rejected row's raw text. */
function rawLine(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

function readFailure(name: string, error: unknown): unknown {
  if (error instanceof ImportFileError) return error;
  return unreadable(name, error);
}

/** `limits` and `sharedStringsBudgetBytes`: tests make them small. */
export async function sniffXlsx(
  filePath: string,
  name: string,
  sheetName: string | undefined,
  limits: XlsxLimits = XLSX_LIMITS,
  sharedStringsBudgetBytes: number = SHARED_STRINGS_BUDGET_BYTES,
): Promise<XlsxSniff> {
  const file = await XlsxFile.open(filePath, name, limits);
  const sheet = file.pick(sheetName);
  let header: { row: number; cells: string[] } | null = null;
  const sample: string[][] = [];
  try {
    for await (const row of file.rows(sheet, undefined, sharedStringsBudgetBytes)) {
      if (!header) header = row;
      else sample.push(row.cells);
      if (sample.length >= LIMITS.sampleRows) break;
    }
  } catch (error) {
    throw readFailure(name, error);
  }
  if (!header) throw new ImportFileError('empty-sheet', name, `the sheet “${sheet.name}” is empty`, { params: { sheet: sheet.name } });
  const checked = checkHeaders(name, header.cells, header.row, sample);
  if (sample.length === 0) {
    throw new ImportFileError('no-sheet-rows', name, `the sheet “${sheet.name}” has a header row but no rows to import`, { row: header.row, params: { sheet: sheet.name } });
  }
  const width = checked.headers.length;
  return {
    sheets: file.sheets.map((s) => s.name),
    sheet: sheet.name,
    headers: checked.headers,
    headerRow: header.row,
    sampleRows: sample.map((cells) => Array.from({ length: width }, (_, i) => cells[i] ?? '')),
    notes: checked.notes,
  };
}

/**
 * The data rows below the header. Cells right of the header's last column have no name: a
 * value there is the record's error (like a ragged CSV row), not silently dropped.
 */
export async function* readXlsxRecords(
  filePath: string,
  name: string,
  sheetName: string | null,
  headers: readonly string[],
  headerRow: number,
  onProgress?: (fraction: number) => void,
): AsyncGenerator<XlsxRecord> {
  const file = await XlsxFile.open(filePath, name);
  const sheet = file.pick(sheetName);
  const width = headers.length;
  const unnamed = headers.flatMap((h, i) => (h === '' ? [i + 1] : []));
  try {
    for await (const { row, cells } of file.rows(sheet, onProgress)) {
      if (row <= headerRow) continue;
      const record: XlsxRecord = { rowNumber: row, values: Array.from({ length: width }, (_, i) => cells[i] ?? ''), raw: rawLine(cells) };
      const beyond = cells.findIndex((c, i) => i >= width && c !== '');
      const problem = beyond !== -1 ? valueWithoutHeader(row, beyond + 1) : valueUnderUnnamed(record.values, unnamed, row);
      if (problem) record.error = problem;
      yield record;
    }
  } catch (error) {
    throw readFailure(name, error);
  }
}
