// .xlsx spreadsheets through exceljs: pick the sheet, the first non-empty row is the header,
// cells become the text a person sees (dates as YYYY-MM-DD, formulas as their result).

import ExcelJS from 'exceljs';
import { ImportFileError } from './errors.ts';
import type { RawRecord, SniffResult } from './index.ts';

async function openWorkbook(filePath: string, name: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(filePath);
  } catch (error) {
    throw new ImportFileError('bad-xlsx', name, `this is a ZIP file but not a readable .xlsx spreadsheet (${(error as Error).message})`);
  }
  return workbook;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell as the text a person sees. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value) {
      const text = typeof value.text === 'string' ? value.text : cellText(value.text);
      return text || value.hyperlink.replace(/^mailto:/i, '');
    }
    if ('result' in value) return cellText(value.result);
    if ('error' in value) return '';
  }
  return '';
}

function rowValues(row: ExcelJS.Row, width: number): string[] {
  const values: string[] = [];
  for (let c = 1; c <= width; c++) values.push(cellText(row.getCell(c).value).trim());
  return values;
}

function pickSheet(workbook: ExcelJS.Workbook, name: string, sheet: string | undefined | null): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw new ImportFileError('no-sheets', name, 'the spreadsheet has no sheets');
  if (sheet) {
    const found = sheets.find((s) => s.name === sheet);
    if (!found) throw new ImportFileError('no-sheet', name, `there is no sheet called “${sheet}” (sheets: ${sheets.map((s) => s.name).join(', ')})`);
    return found;
  }
  return sheets[0]!;
}

function headerRow(worksheet: ExcelJS.Worksheet): ExcelJS.Row | null {
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    if (row.actualCellCount > 0) return row;
  }
  return null;
}

export async function sniffXlsx(filePath: string, name: string, sheet: string | undefined): Promise<SniffResult> {
  const workbook = await openWorkbook(filePath, name);
  const worksheet = pickSheet(workbook, name, sheet);
  const header = headerRow(worksheet);
  if (!header) throw new ImportFileError('empty', name, `the sheet “${worksheet.name}” is empty`);
  const width = worksheet.columnCount;
  const headers = rowValues(header, width).map((h, i) => h || `Column ${i + 1}`);
  const sampleRows: string[][] = [];
  for (let r = header.number + 1; r <= worksheet.rowCount && sampleRows.length < 20; r++) {
    const row = worksheet.getRow(r);
    if (row.actualCellCount > 0) sampleRows.push(rowValues(row, width));
  }
  if (sampleRows.length === 0) throw new ImportFileError('no-rows', name, `the sheet “${worksheet.name}” has a header but no rows to import`, header.number);
  return {
    format: 'xlsx',
    encoding: 'binary',
    delimiter: null,
    preambleLines: header.number - 1,
    headers,
    sheets: workbook.worksheets.map((s) => s.name),
    sheet: worksheet.name,
    sampleRows,
    headerLine: header.number,
    notes: [],
  };
}

export async function* readXlsxRecords(filePath: string, name: string, sniff: SniffResult, batchSize: number): AsyncGenerator<RawRecord[]> {
  const workbook = await openWorkbook(filePath, name);
  const worksheet = pickSheet(workbook, name, sniff.sheet);
  const width = sniff.headers.length;
  let batch: RawRecord[] = [];
  for (let r = sniff.headerLine + 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    if (row.actualCellCount === 0) continue;
    const values = rowValues(row, width);
    batch.push({ rowNumber: r, values, raw: values.join('\t') });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
