// Erasure's copy of an .xlsx original: the rows holding the address are gone from every
// sheet (and from the shared strings and hyperlinks), every other row and part is kept.

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { redactXlsx } from './redact-xlsx.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/import');
const KEY = 'ola@nordmann.no';

/** Every part of the archive, unpacked, as text (stored and deflated entries). */
function partsText(zip: Buffer): string {
  let text = '';
  let p = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  while (p !== -1 && zip.readUInt32LE(p) === 0x04034b50) {
    const method = zip.readUInt16LE(p + 8);
    const packedSize = zip.readUInt32LE(p + 18);
    const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
    const packed = zip.subarray(start, start + packedSize);
    text += (method === 8 ? zlib.inflateRawSync(packed) : packed).toString('utf8');
    p = start + packedSize;
  }
  return text;
}

function cellText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null && 'text' in value && typeof value.text === 'string') return value.text;
  return '';
}

async function rowsOf(data: Buffer): Promise<Record<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  book.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(cellText)));
    out[sheet.name] = rows;
  });
  return out;
}

describe('redactXlsx', () => {
  it('removes the rows with the address from every sheet, with its shared strings and hyperlinks; keeps the rest', async () => {
    const book = new ExcelJS.Workbook();
    const kunder = book.addWorksheet('Kunder');
    kunder.addRows([
      ['E-post', 'Navn', 'Notat'],
      ['kari@example.no', 'Kari Hansen', 'fast kunde'],
      ['Ola@Nordmann.no', 'Ola Nordmann', 'ring etter 16'],
      ['kola@nordmann.no', 'Kola', 'not the same person'],
      ['per@example.no', 'Per', `kontakt også ${KEY}`],
    ]);
    kunder.getCell('A6').value = { text: 'skriv til Ola', hyperlink: `mailto:${KEY}` };
    kunder.getCell('A7').value = 'siri@example.no';
    const messe = book.addWorksheet('Messe');
    messe.addRows([['email'], [KEY], ['anne@berg.no']]);
    const original = Buffer.from(await book.xlsx.writeBuffer());
    const holdsKey = (t: string): boolean => /(^|[^a-z0-9._%+-])ola@nordmann\.no(?![a-z0-9-])/i.test(t);
    expect(holdsKey(partsText(original))).toBe(true);

    const result = redactXlsx(original, KEY);
    expect(result.removed).toBe(4);
    expect(result.residual).toEqual([]);
    expect(holdsKey(partsText(result.data))).toBe(false);
    // Their other cells go too: name and note were shared strings only their row used.
    for (const gone of ['Ola Nordmann', 'ring etter 16', 'skriv til Ola']) expect(partsText(result.data)).not.toContain(gone);
    expect(await rowsOf(result.data)).toEqual({
      Kunder: [['E-post', 'Navn', 'Notat'], ['kari@example.no', 'Kari Hansen', 'fast kunde'], ['kola@nordmann.no', 'Kola', 'not the same person'], ['siri@example.no']],
      Messe: [['email'], ['anne@berg.no']],
    });
  });

  it('returns the original bytes when the address is not in the workbook; finds one in the real fixture', async () => {
    const fixture = fs.readFileSync(path.join(FIXTURES, 'contacts.xlsx'));
    expect(redactXlsx(fixture, 'nobody@nowhere.example').data).toBe(fixture);
    const sheets = await rowsOf(fixture);
    const first = Object.values(sheets)[0]!;
    const address = first.flat().find((cell) => /@/.test(cell))!;
    const result = redactXlsx(fixture, address.toLowerCase().trim());
    expect(result.removed).toBe(1);
    const after = Object.values(await rowsOf(result.data))[0]!;
    expect(after).toEqual(first.filter((row) => !row.includes(address)));
  });
});
