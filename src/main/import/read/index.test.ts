import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecords, sniffFile, type RawRecord, type SniffOverrides } from './index.ts';
import { failure, readFile } from './test-helpers.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const fixtures = path.resolve(import.meta.dirname, '../../../../test/fixtures/import');

function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

async function readAll(p: string, overrides?: SniffOverrides): Promise<RawRecord[]> {
  return (await readFile(p, overrides)).records;
}


describe('sniffFile overrides', () => {
  const csv = file('plain.csv', 'email;name,x\r\na@x.no;A,1\r\n');

  it('takes a delimiter, "tab" as a tab, and refuses a bad one', async () => {
    // Both "," and ";" give two columns in every row: a tie goes to the comma.
    expect((await sniffFile(csv)).headers).toEqual(['email;name', 'x']);
    expect((await sniffFile(csv, { delimiter: ';' })).headers).toEqual(['email', 'name,x']);
    expect((await sniffFile(file('tabs.csv', 'a\tb\n1\t2\n'), { delimiter: 'tab' })).delimiter).toBe('\t');
    expect(await failure(() => sniffFile(csv, { delimiter: ';;' }))).toMatchObject({ code: 'bad-delimiter' });
  });

  it('takes an encoding by its common names, and refuses an unknown one', async () => {
    const latin = file('latin.csv', iconv.encode('navn;e-post\nØdegård;o@x.no\n', 'windows-1252'));
    expect(await sniffFile(latin, { encoding: 'cp1252' })).toMatchObject({ encoding: 'windows-1252', headers: ['navn', 'e-post'] });
    expect(await sniffFile(latin, { encoding: 'latin1' })).toMatchObject({ encoding: 'iso-8859-1', sampleRows: [['Ødegård', 'o@x.no']] });
    expect(await failure(() => sniffFile(latin, { encoding: 'ebcdic' }))).toMatchObject({ code: 'unknown-encoding', message: 'latin.csv: unknown encoding “ebcdic”; use utf-8, utf-16le, utf-16be or windows-1252' });
  });

  it('takes a format: a vCard read as CSV if asked; a text file is not an .xlsx; a ZIP is never text', async () => {
    const vcf = path.join(fixtures, 'vcard-4.0.vcf');
    expect((await sniffFile(vcf, { format: 'csv' })).format).toBe('csv');
    expect(await failure(() => sniffFile(csv, { format: 'xlsx' }))).toMatchObject({ code: 'not-xlsx' });
    expect(await failure(() => sniffFile(path.join(fixtures, 'not-xlsx.zip'), { format: 'csv' }))).toMatchObject({ code: 'binary-zip' });
  });
});

describe('sniffing', () => {
  it('reads a file larger than the sample: 20 preview rows, the sample cut inside a character and a quoted field', async () => {
    const rows = Array.from({ length: 8000 }, (_, i) => `p${i}@x.no,"Ødegård ${i}\nlinje to"`);
    // Pad the header (its spaces are trimmed) until byte 256 Ki, where the sample ends, is inside "å".
    const content = Array.from({ length: 40 }, (_, pad) => Buffer.from(`email,note${' '.repeat(pad)}\n${rows.join('\n')}\n`)).find((b) => b[256 * 1024]! >= 0x80 && b[256 * 1024]! < 0xc0)!;
    expect(content.subarray(256 * 1024 - 1, 256 * 1024 + 1).toString('utf8')).toBe('å');
    const p = file('large.csv', content);
    const sniff = await sniffFile(p);
    expect(sniff.sampleRows).toHaveLength(20);
    expect(sniff.sampleRows[19]).toEqual(['p19@x.no', 'Ødegård 19\nlinje to']);
    const records = await readAll(p);
    expect(records).toHaveLength(8000);
    // Each record has a two-line cell: one spreadsheet row each.
    expect(records[7999]).toEqual({ rowNumber: 2 + 7999, values: ['p7999@x.no', 'Ødegård 7999\nlinje to'], raw: 'p7999@x.no,"Ødegård 7999\nlinje to"' });
  });

  it('finds UTF-16 without a BOM, and windows-1252 only past the sample', async () => {
    const be = file('be.txt', iconv.encode('Navn\tE-post\r\nÅse\tase@x.no\r\n', 'utf-16be'));
    expect(await sniffFile(be)).toMatchObject({ encoding: 'utf-16be', delimiter: '\t', headers: ['Navn', 'E-post'], sampleRows: [['Åse', 'ase@x.no']] });
    const late = file('late.csv', Buffer.concat([Buffer.from(`email,name\n${'a@x.no,A\n'.repeat(40_000)}`), iconv.encode('o@x.no,Ødegård\n', 'windows-1252')]));
    expect((await sniffFile(late)).encoding).toBe('windows-1252');
    const records = await readAll(late);
    expect(records[records.length - 1]!.values).toEqual(['o@x.no', 'Ødegård']);
  });

  it('refuses a file over 2 GiB before reading it', async () => {
    const p = path.join(dir, 'huge.csv');
    fs.writeFileSync(p, 'email\n');
    fs.truncateSync(p, 2 * 1024 ** 3 + 1); // sparse: takes no disk space
    const error = await failure(() => sniffFile(p));
    expect(error).toMatchObject({ code: 'too-large', message: 'huge.csv: the file is larger than 2 GiB; split it into smaller files and import them one by one' });
    fs.rmSync(p);
  });

  it('a missing file or a folder is an ImportFileError too', async () => {
    expect(await failure(() => sniffFile(path.join(dir, 'nope.csv')))).toMatchObject({
      code: 'file-missing',
      message: 'nope.csv: the file is not there any more (moved, renamed or deleted?); choose it again',
    });
    expect(await failure(() => sniffFile(dir))).toMatchObject({ code: 'not-a-file' });
  });

  it('a named pipe is not a file, and is not opened (that would wait for a writer)', async () => {
    const pipe = path.join(dir, 'pipe.csv');
    execFileSync('mkfifo', [pipe]);
    expect(await failure(() => sniffFile(pipe))).toMatchObject({ code: 'not-a-file', message: 'pipe.csv: this is not a file' });
  });

  it('reports progress in bytes up to the file size', async () => {
    const p = path.join(fixtures, 'outlook.csv');
    const sniff = await sniffFile(p);
    const seen: [number, number][] = [];
    for await (const _ of readRecords(p, sniff, { onBytes: (read, total) => seen.push([read, total]) })) void _;
    const size = fs.statSync(p).size;
    expect(seen.at(-1)).toEqual([size, size]);
    expect(seen.every(([read, total], i) => total === size && (i === 0 || read >= seen[i - 1]![0]))).toBe(true);
  });
});

describe('modules', () => {
  it('load and run under plain Node (type stripping), the way the import worker loads them', () => {
    const script = `
      const { sniffFile, readRecords } = await import(${JSON.stringify(path.resolve(import.meta.dirname, 'index.ts'))});
      const { suggestMapping } = await import(${JSON.stringify(path.resolve(import.meta.dirname, '../../../shared/import/mapping.ts'))});
      const out = [];
      for (const name of ['contacts.xlsx', 'android-2.1.vcf', 'linkedin-connections.csv']) {
        const file = ${JSON.stringify(fixtures)} + '/' + name;
        const sniff = await sniffFile(file);
        let rows = 0;
        for await (const batch of readRecords(file, sniff)) rows += batch.length;
        out.push([name, sniff.format, suggestMapping(sniff.headers, sniff.format).layout, rows]);
      }
      console.log(JSON.stringify(out));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([
      ['contacts.xlsx', 'xlsx', null, 3],
      ['android-2.1.vcf', 'vcard', 'vcard', 2],
      ['linkedin-connections.csv', 'csv', 'linkedin', 2],
    ]);
  });
});
