import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { sniffFile, type RawRecord } from './index.ts';
import { cellText, dateText, isDateFormat, mailtoAddress, numberText } from './xlsx-cell.ts';
import { XlsxFile } from './xlsx.ts';
import { failure, readFile } from './test-helpers.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function workbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function readAll(file: string, sheet?: string): Promise<RawRecord[]> {
  return (await readFile(file, sheet ? { sheet } : {}, { batchSize: 500 })).records;
}


describe('cell text', () => {
  it('numbers as shown: no float noise, zero-padded formats, fixed decimals, percent', () => {
    expect(numberText(0.1 + 0.2, undefined)).toBe('0.3');
    expect(numberText(4791234567, 'General')).toBe('4791234567');
    expect(numberText(150, '0000')).toBe('0150');
    expect(numberText(1234.5, '0.00')).toBe('1234.50');
    expect(numberText(0.125, '0.0%')).toBe('12.5%');
    expect(numberText(Number.NaN, undefined)).toBe('');
  });

  it('dates from date formats only', () => {
    expect(isDateFormat('dd.mm.yyyy')).toBe(true);
    expect(isDateFormat('[$-414]d. mmmm yyyy;@')).toBe(true);
    expect(isDateFormat('#,##0 "kr"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(cellText(45356, 'yyyy-mm-dd', false)).toBe('2024-03-05');
    expect(cellText(43894, 'yyyy-mm-dd', true)).toBe('2024-03-05');
    expect(dateText(new Date(Date.UTC(2024, 2, 5, 9, 5, 7)))).toBe('2024-03-05 09:05:07');
  });

  it('rich text, formulas, errors, booleans, hyperlinks', () => {
    expect(cellText({ richText: [{ text: 'Ola ' }, { text: 'Nordmann' }] }, undefined, false)).toBe('Ola Nordmann');
    expect(cellText({ formula: 'A1+1', result: 45356 }, 'dd.mm.yyyy', false)).toBe('2024-03-05');
    expect(cellText({ formula: 'A1', result: { error: '#N/A' } }, undefined, false)).toBe('#N/A');
    expect(cellText({ formula: 'A1', date1904: false }, undefined, false)).toBe('');
    expect(cellText(true, undefined, false)).toBe('TRUE');
    expect(cellText({ text: 'Send', hyperlink: 'mailto:ola%40x.no?subject=Hei' }, undefined, false)).toBe('ola@x.no');
    expect(cellText({ text: 'Nettside', hyperlink: 'https://x.no' }, undefined, false)).toBe('Nettside');
    expect(mailtoAddress('MAILTO:kari@x.no')).toBe('kari@x.no');
    expect(mailtoAddress('https://x.no')).toBeNull();
  });
});

describe('.xlsx reading', () => {
  it('uses the exceljs internals it drives (pinned version; an upgrade that changes them fails here)', () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path.join(dir, 'none.xlsx'), {}) as unknown as Record<string, unknown>;
    for (const method of ['_parseWorkbook', '_parseSharedStrings', '_parseStyles', '_parseWorksheet']) expect(typeof reader[method]).toBe('function');
  });

  // 40,000 rows: enough shared-string text that exceljs's own streaming reader, which decodes
  // each chunk separately, turns some characters into U+FFFD (8 rows when measured).
  it('keeps non-ASCII text whole across chunk boundaries', async () => {
    const names = ['Åse Ødegård', 'Bjørn Æsøy', '李伟', 'Zoë Ñúñez', '😀 Smilefjes', 'Ærlig Øystein Ås'];
    const file = await workbook('unicode.xlsx', (wb) => {
      const sheet = wb.addWorksheet('Ark1');
      sheet.addRow(['Navn', 'E-post']);
      for (let i = 0; i < 40_000; i++) sheet.addRow([`${names[i % names.length]} ${i}`, `p${i}@example.no`]);
    });
    const records = await readAll(file);
    expect(records).toHaveLength(40_000);
    for (let i = 0; i < 40_000; i++) expect(records[i]!.values).toEqual([`${names[i % names.length]} ${i}`, `p${i}@example.no`]);
    expect(records.some((r) => r.values[0]!.includes('\uFFFD'))).toBe(false);
  });

  it('a shared-string table over its memory budget is read back from disk: the same rows', async () => {
    const file = await workbook('spilled.xlsx', (wb) => {
      const sheet = wb.addWorksheet('Kunder');
      sheet.addRow(['E-post', 'Navn', 'By', 'Merknad']);
      for (let i = 0; i < 3000; i++) {
        // Cities repeat (lookups behind the read-ahead window); rich text and links are cells too.
        const note = i % 7 === 0 ? { richText: [{ text: 'Ring ' }, { font: { bold: true }, text: 'før 12' }] } : `merknad ${i}`;
        const address = i % 11 === 0 ? { text: `Skriv til p${i}`, hyperlink: `mailto:p${i}@example.no` } : `p${i}@example.no`;
        sheet.addRow([address, `Kunde Ødegård ${i}`, ['Tromsø', 'Bergen', 'Ås'][i % 3], note]);
      }
    });
    const xlsx = await XlsxFile.open(file, 'spilled.xlsx');
    const sheet = xlsx.pick(undefined);
    const rowsWith = async (budget?: number): Promise<{ row: number; cells: string[] }[]> => {
      const rows: { row: number; cells: string[] }[] = [];
      for await (const row of xlsx.rows(sheet, undefined, budget)) rows.push(row);
      return rows;
    };
    const inMemory = await rowsWith();
    expect(inMemory).toHaveLength(3001);
    expect(inMemory[1]).toEqual({ row: 2, cells: ['p0@example.no', 'Kunde Ødegård 0', 'Tromsø', 'Ring før 12'] });
    expect(await rowsWith(0)).toEqual(inMemory);
    expect(await rowsWith(2000)).toEqual(inMemory);
  });

  it('reads workbooks written by a streaming writer too (inline strings, other part order)', async () => {
    const file = path.join(dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = writer.addWorksheet('Liste');
    sheet.addRow(['E-post', 'Navn']).commit();
    sheet.addRow(['ola@x.no', 'Ola Ødegård']).commit();
    await writer.commit();
    expect(await readAll(file)).toEqual([{ rowNumber: 2, values: ['ola@x.no', 'Ola Ødegård'], raw: 'ola@x.no,Ola Ødegård' }]);
  });

  it('defaults to the first visible sheet', async () => {
    const file = await workbook('hidden.xlsx', (wb) => {
      const hidden = wb.addWorksheet('Skjult', { state: 'hidden' });
      hidden.addRow(['x', 'y']);
      hidden.addRow(['1', '2']);
      const visible = wb.addWorksheet('Synlig');
      visible.addRow(['email', 'name']);
      visible.addRow(['a@x.no', 'A']);
    });
    const sniff = await sniffFile(file);
    expect([sniff.sheets, sniff.sheet, sniff.headers]).toEqual([['Skjult', 'Synlig'], 'Synlig', ['email', 'name']]);
  });

  it('a value right of the header is that row’s error; empty rows are skipped', async () => {
    const file = await workbook('wide.xlsx', (wb) => {
      const sheet = wb.addWorksheet('Ark1');
      sheet.addRow(['email', 'name']);
      sheet.addRow(['a@x.no', 'A']);
      sheet.addRow([]);
      sheet.addRow(['b@x.no', 'B', '', 'stray']);
    });
    expect(await readAll(file)).toEqual([
      { rowNumber: 2, values: ['a@x.no', 'A'], raw: 'a@x.no,A' },
      {
        rowNumber: 4,
        values: ['b@x.no', 'B'],
        raw: 'b@x.no,B,,stray',
        error: { text: 'row 4 has a value in column 4, which has no header', code: 'value-without-header', params: { row: 4, column: 4 } },
      },
    ]);
  });

  it('an empty sheet, a header without rows, bad headers and too many columns are errors', async () => {
    const empty = await workbook('empty.xlsx', (wb) => void wb.addWorksheet('Tom'));
    expect(await failure(() => sniffFile(empty))).toMatchObject({ code: 'empty-sheet', message: 'empty.xlsx: the sheet “Tom” is empty' });
    const headerOnly = await workbook('header-only.xlsx', (wb) => void wb.addWorksheet('Ark1').addRow(['email']));
    expect(await failure(() => sniffFile(headerOnly))).toMatchObject({ code: 'no-sheet-rows', row: 1 });
    const duplicate = await workbook('dup.xlsx', (wb) => {
      const s = wb.addWorksheet('Ark1');
      s.addRow(['email', 'Email', '', 'name']);
      s.addRow(['a', 'b', 'c', 'd']);
    });
    expect(await failure(() => sniffFile(duplicate))).toMatchObject({ code: 'bad-headers', row: 1, column: 2 });
    const wide = await workbook('wide-header.xlsx', (wb) => {
      const s = wb.addWorksheet('Ark1');
      s.addRow(Array.from({ length: 1001 }, (_, i) => `c${i}`));
      s.addRow(['a']);
    });
    expect(await failure(() => sniffFile(wide))).toMatchObject({ code: 'sheet-too-many-columns', row: 1, column: 1001 });
  });

  it('a damaged .xlsx is a clear error', async () => {
    const file = path.join(dir, 'cut.xlsx');
    const whole = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../test/fixtures/import/contacts.xlsx'));
    fs.writeFileSync(file, whole.subarray(0, whole.length - 200));
    const error = await failure(() => sniffFile(file));
    expect(error.code).toBe('bad-zip');
    expect(error.message).toMatch(/^cut\.xlsx: the file starts like a ZIP or \.xlsx file but cannot be opened/);
  });
});
