// Every reader error code, from a real bad input: the code, where (row, column), the values
// the UI needs to say it in another language (params, and a bad header row's parts), and the
// English message, which must not change (the CLI prints it; the English UI shows it).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { FILE_ERROR_CODES, HEADER_PROBLEM_CODES, type FileErrorCode, type HeaderProblem, type MessageParams } from '../../../shared/contract/dto.ts';
import { sniffCardText } from './card-file.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { openError } from './errors.ts';
import { checkHeaders } from './headers.ts';
import { readSource, sniffFile, sniffSource, type FileFormat, type SniffResult } from './index.ts';
import { fileSource } from './source.ts';
import { failure, readFile } from './test-helpers.ts';
import { storedZip } from '../../../../test/helpers/zip.ts';
import { craftedXlsx, hugeTextStrings, nestedSheet, part, sharedStringsOf, sheetOf, WORKBOOK } from '../../../../test/helpers/xlsx-craft.ts';
import { XLSX_LIMITS, type XlsxLimits } from './limits.ts';
import { sniffXlsx } from './xlsx.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-errors-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string): string => path.resolve(import.meta.dirname, '../../../../test/fixtures/import', name);

function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

async function workbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const p = path.join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}

/** A ZIP of stored entries, as a file; `method` other than 0 claims a compression nobody supports. */
function zip(name: string, entries: [string, string][], method = 0): string {
  return file(name, storedZip(entries, method));
}

/** Reads a text file's records with a sniff result the pipeline would never make. */
async function readWith(p: string, sniff: Partial<SniffResult>): Promise<void> {
  const base: SniffResult = { format: 'csv', encoding: 'utf-8', delimiter: ',', preambleLines: 0, headers: ['email'], sheets: [], sheet: null, sampleRows: [] };
  for await (const _ of readSource(fileSource(p, fs.statSync(p).size), { ...base, ...sniff })) void _;
}

/** Sniffs a crafted spreadsheet with some caps made small (and the shared strings' memory budget). */
function sniffSmall(name: string, content: Buffer, limits: Partial<XlsxLimits>, budgetBytes?: number): Promise<unknown> {
  return sniffXlsx(file(name, content), name, undefined, { ...XLSX_LIMITS, ...limits }, budgetBytes);
}

const GiB = 1024 ** 3;

/** A call that throws at once, as the promise the table runs (a throw in the executor rejects it). */
/** A symbolic link to itself: opening it fails with ELOOP, even for root. */
function selfLink(name: string): string {
  const link = path.join(dir, name);
  fs.symlinkSync(link, link);
  return link;
}

/** An error as Node's fs gives it for a system error code. */
function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: open 'kunder'`), { code, errno: -1, syscall: 'open' });
}

function sync(run: () => unknown): () => Promise<unknown> {
  return () => new Promise((resolve) => resolve(run()));
}

const SAVE = 'Save the list as CSV (comma or semicolon separated), vCard (.vcf) or Excel (.xlsx) and import that file.';

interface Case {
  code: FileErrorCode;
  run: () => Promise<unknown>;
  message: string;
  row?: number | null;
  column?: number | null;
  params?: MessageParams;
  parts?: HeaderProblem[];
}

const cases: [string, Case][] = [
  ['a file of 0 bytes', { code: 'empty', run: () => sniffFile(file('empty.csv', '')), message: 'empty.csv: the file is empty (0 bytes)' }],
  ['an empty text source', { code: 'empty', run: () => sniffSource(fileSource(file('none.csv', ''), 0)), message: 'none.csv: the file is empty (0 bytes)' }],
  ['only blank space', { code: 'blank', run: () => sniffFile(file('blank.csv', ' \r\n\t\n')), message: 'blank.csv: the file has nothing in it but blank space' }],
  [
    'a blank sample',
    {
      code: 'blank-start',
      run: () => sniffFile(file('blank-start.csv', `${' '.repeat(300 * 1024)}\nemail\na@x.no\n`)),
      message: 'blank-start.csv: the first 256 KiB of the file are blank',
      params: { size: '256 KiB' },
    },
  ],
  ['only delimiters', { code: 'only-blank-rows', run: () => sniffFile(file('delimiters.csv', ',,,\n,,,\n')), message: 'delimiters.csv: the file has no rows (only blank lines)' }],
  [
    'an empty sheet',
    {
      code: 'empty-sheet',
      run: async () => sniffFile(await workbook('empty.xlsx', (wb) => void wb.addWorksheet('Tom'))),
      message: 'empty.xlsx: the sheet “Tom” is empty',
      params: { sheet: 'Tom' },
    },
  ],
  [
    'a sample of delimiters only',
    {
      code: 'no-header',
      run: () => sniffFile(file('no-header.csv', `${',,,,\n'.repeat(60_000)}email\na@x.no\n`)),
      message: 'no-header.csv: no header row was found at the start of the file',
    },
  ],
  [
    'a header of empty names',
    {
      code: 'empty-header',
      run: sync(() => checkHeaders('list.csv', ['', ' '], 1, [])),
      message: 'list.csv (row 1): the header row is empty; the first row of the list must name its columns',
      row: 1,
    },
  ],
  ['a header without rows', { code: 'no-rows', run: () => sniffFile(fixture('header-only.csv')), message: 'header-only.csv (row 1): the file has a header row but no rows to import', row: 1 }],
  [
    'a sheet with a header only',
    {
      code: 'no-sheet-rows',
      run: async () => sniffFile(await workbook('header-only.xlsx', (wb) => void wb.addWorksheet('Ark1').addRow(['email']))),
      message: 'header-only.xlsx (row 1): the sheet “Ark1” has a header row but no rows to import',
      row: 1,
      params: { sheet: 'Ark1' },
    },
  ],
  ['a vCard file without cards', { code: 'no-vcards', run: sync(() => sniffCardText('cards.vcf', 'vcard', '\n', true)), message: 'cards.vcf: the file has no vCards in it' }],
  ['a scan file without scans', { code: 'no-scans', run: sync(() => sniffCardText('scans.txt', 'mecard', '', true)), message: 'scans.txt: the file has no scans in it' }],
  [
    'a header with a nameless, a "__proto__" and a repeated column',
    {
      code: 'bad-headers',
      run: () => sniffFile(file('headers.csv', 'Email,,__proto__,email\na,b,c,d\n')),
      message:
        'headers.csv (row 1, column 2): the header row has problems: column 2 has no name; column 3 is called “__proto__”, which cannot be a column name; ' +
        'columns 1 and 4 have the same name, “Email”. Give every column its own name (or delete the column) and import again',
      row: 1,
      column: 2,
      parts: [
        { code: 'header-unnamed', params: { count: 1, columns: '', last: 2 } },
        { code: 'header-proto', params: { count: 1, columns: '', last: 3 } },
        { code: 'header-duplicate', params: { count: 2, columns: '1', last: 4, name: 'Email' } },
      ],
    },
  ],
  [
    'a header with several of each',
    {
      code: 'bad-headers',
      run: () => sniffFile(file('headers-2.csv', 'a,,,__proto__,__PROTO__,b,A,a\n1,2,3,4,5,6,7,8\n')),
      message:
        'headers-2.csv (row 1, column 2): the header row has problems: columns 2 and 3 have no name; columns 4 and 5 are called “__proto__”, which cannot be a column name; ' +
        'columns 1, 7 and 8 have the same name, “a”; columns 4 and 5 have the same name, “__proto__”. Give every column its own name (or delete the column) and import again',
      row: 1,
      column: 2,
      parts: [
        { code: 'header-unnamed', params: { count: 2, columns: '2', last: 3 } },
        { code: 'header-proto', params: { count: 2, columns: '4', last: 5 } },
        { code: 'header-duplicate', params: { count: 3, columns: '1, 7', last: 8, name: 'a' } },
        { code: 'header-duplicate', params: { count: 2, columns: '4', last: 5, name: '__proto__' } },
      ],
    },
  ],
  [
    'NUL bytes',
    {
      code: 'binary',
      run: () => sniffFile(file('nul.csv', `email\n\0${'x'.repeat(100)}`)),
      message: `nul.csv: this is not a text file (it contains binary data). ${SAVE}`,
    },
  ],
  ['an image', { code: 'binary-image', run: () => sniffFile(fixture('binary.png')), message: `binary.png: this is an image, not a contact list. ${SAVE}` }],
  [
    'a PDF',
    { code: 'binary-pdf', run: () => sniffFile(file('list.pdf', '%PDF-1.7\n%âãÏÓ\n')), message: `list.pdf: this is a PDF document; Tillit cannot read contacts from a PDF. ${SAVE}` },
  ],
  [
    'a gzip file',
    {
      code: 'binary-gzip',
      run: () => sniffFile(file('list.csv.gz', zlib.gzipSync('email\na@x.no\n'))),
      message: 'list.csv.gz: this is a compressed (gzip) file. Unpack it first, then import the file inside.',
    },
  ],
  [
    'an RTF document',
    { code: 'binary-rtf', run: () => sniffFile(file('list.rtf', '{\\rtf1\\ansi email\\par a@x.no}')), message: `list.rtf: this is a Rich Text (RTF) document, not plain text. ${SAVE}` },
  ],
  [
    'a ZIP read as text',
    {
      code: 'binary-zip',
      run: () => sniffFile(fixture('not-xlsx.zip'), { format: 'csv' }),
      message: 'not-xlsx.zip: this is a ZIP archive, not a spreadsheet. Unpack it and import the file inside, or save the list as .xlsx or CSV.',
    },
  ],
  [
    'an old Excel file',
    {
      code: 'old-excel',
      run: () => sniffFile(fixture('old-excel.xls')),
      message:
        'old-excel.xls: this is an old-style Excel file (.xls) — or a password-protected spreadsheet. Open it in Excel or LibreOffice (removing any password) and save it as .xlsx or CSV.',
    },
  ],
  [
    'a text file read as .xlsx',
    {
      code: 'not-xlsx',
      run: () => sniffFile(file('text.csv', 'email\na@x.no\n'), { format: 'xlsx' }),
      message: 'text.csv: this is not an .xlsx spreadsheet (it does not start like one); choose another format',
    },
  ],
  [
    'an OpenDocument file',
    {
      code: 'not-xlsx-opendocument',
      run: () => sniffFile(fixture('spreadsheet.ods')),
      message: 'spreadsheet.ods: this is an OpenDocument file (LibreOffice/OpenOffice .ods or .odt), not an .xlsx spreadsheet. Save it as .xlsx or CSV and import that',
    },
  ],
  [
    'a Word document',
    {
      code: 'not-xlsx-word',
      run: () => sniffFile(zip('list.docx', [['word/document.xml', '<w:document/>']])),
      message: 'list.docx: this is a Word document (.docx), not a spreadsheet. Save the list as .xlsx or CSV and import that',
    },
  ],
  [
    'a PowerPoint file',
    {
      code: 'not-xlsx-powerpoint',
      run: () => sniffFile(zip('list.pptx', [['ppt/presentation.xml', '<p:presentation/>']])),
      message: 'list.pptx: this is a PowerPoint file (.pptx), not a spreadsheet. Save the list as .xlsx or CSV and import that',
    },
  ],
  [
    'an Apple Numbers file',
    {
      code: 'not-xlsx-numbers',
      run: () => sniffFile(zip('list.numbers', [['Index/Document.iwa', 'x']])),
      message: 'list.numbers: this is an Apple Numbers file. Export it as Excel (.xlsx) or CSV and import that',
    },
  ],
  [
    'a ZIP of other files',
    {
      code: 'not-xlsx-zip',
      run: () => sniffFile(fixture('not-xlsx.zip')),
      message: 'not-xlsx.zip: this is a ZIP archive, not an .xlsx spreadsheet. Unpack it and import the file inside, or save the list as .xlsx or CSV',
    },
  ],
  [
    'a cut-off .xlsx',
    {
      code: 'bad-zip',
      run: () => {
        const whole = fs.readFileSync(fixture('contacts.xlsx'));
        return sniffFile(file('cut.xlsx', whole.subarray(0, whole.length - 200)));
      },
      message: 'cut.xlsx: the file starts like a ZIP or .xlsx file but cannot be opened: no ZIP directory found (the file is damaged or incomplete)',
      params: { detail: 'no ZIP directory found (the file is damaged or incomplete)' },
    },
  ],
  [
    'a workbook packed in an unknown way',
    {
      code: 'bad-xlsx',
      run: () => sniffFile(zip('packed.xlsx', [['xl/workbook.xml', '<workbook/>']], 99)),
      message: 'packed.xlsx: the spreadsheet cannot be read: xl/workbook.xml uses an unsupported compression method (99)',
      params: { detail: 'xl/workbook.xml uses an unsupported compression method (99)' },
    },
  ],
  [
    'a workbook without sheets',
    { code: 'no-sheets', run: () => sniffFile(zip('nosheets.xlsx', [['xl/workbook.xml', '<workbook><sheets/></workbook>']])), message: 'nosheets.xlsx: the spreadsheet has no sheets' },
  ],
  [
    'a sheet that is not there',
    {
      code: 'no-sheet',
      run: () => sniffFile(fixture('contacts.xlsx'), { sheet: 'Ark3' }),
      message: 'contacts.xlsx: there is no sheet called “Ark3” (the sheets are: “Kunder”, “Leverandører”)',
      params: { sheet: 'Ark3', sheets: 'Kunder, Leverandører' },
    },
  ],
  [
    'a file over 2 GiB',
    {
      code: 'too-large',
      run: () => {
        const p = file('huge.csv', 'email\n');
        fs.truncateSync(p, 2 * 1024 ** 3 + 1); // sparse: takes no disk space
        return sniffFile(p).finally(() => fs.rmSync(p));
      },
      message: 'huge.csv: the file is larger than 2 GiB; split it into smaller files and import them one by one',
      params: { size: '2 GiB' },
    },
  ],
  [
    'windows-1252 read as UTF-8',
    {
      code: 'bad-encoding',
      run: () => sniffFile(fixture('outlook.csv'), { encoding: 'utf-8' }),
      message: 'outlook.csv: the start of the file is not valid utf-8 text; choose another encoding, such as windows-1252',
      params: { encoding: 'utf-8' },
    },
  ],
  [
    'a bad byte past the sample',
    {
      code: 'bad-encoding-at',
      // The bad byte is at 420,006: in the seventh 64 KiB chunk, which starts at byte 393,216.
      run: () => readFile(file('late-byte.csv', Buffer.concat([Buffer.from(`email\n${'a@x.no\n'.repeat(60_000)}`), Buffer.from([0xff, 0x0a])])), { encoding: 'utf-8' }),
      message: 'late-byte.csv: the file is not valid utf-8 text (an invalid byte sequence near byte 393216); choose another encoding, such as windows-1252',
      params: { encoding: 'utf-8', offset: 393216 },
    },
  ],
  [
    'a quote never closed',
    {
      code: 'unterminated-quote',
      run: () => readFile(fixture('unterminated-quote.csv')),
      message:
        'unterminated-quote.csv (row 5, column 3): a quoted field opens here and is never closed (a " is missing), so the rest of the file would be read as one field. Add the missing quote and import again',
      row: 5,
      column: 3,
    },
  ],
  [
    'a field over 64 KiB',
    {
      code: 'field-too-long',
      run: () => readFile(fixture('long-field.csv')),
      message: 'long-field.csv (row 2, column 2): a field is longer than 64 KiB of text; no contact field is that long',
      row: 2,
      column: 2,
      params: { size: '64 KiB' },
    },
  ],
  [
    'a cell over 64 KiB',
    {
      code: 'cell-too-long',
      run: async () =>
        sniffFile(
          await workbook('long-cell.xlsx', (wb) => {
            const sheet = wb.addWorksheet('Ark1');
            sheet.addRow(['email', 'note']);
            sheet.addRow(['a@x.no', 'x'.repeat(70_000)]);
          }),
        ),
      message: 'long-cell.xlsx (row 2, column 2): a cell holds more than 64 KiB of text',
      row: 2,
      column: 2,
      params: { size: '64 KiB' },
    },
  ],
  [
    'a CSV row over 1 MiB',
    {
      code: 'record-too-long',
      run: () => {
        const header = Array.from({ length: 17 }, (_, i) => `c${i}`).join(',');
        return readFile(file('long-row.csv', `${header}\n${Array.from({ length: 17 }, () => 'x'.repeat(62_000)).join(',')}\n`));
      },
      message: 'long-row.csv (row 2): this row is longer than 1 MiB of text; no contact row is that long',
      row: 2,
      params: { size: '1 MiB' },
    },
  ],
  [
    'a vCard line over 1 MiB',
    {
      code: 'line-too-long',
      run: () => readFile(file('long-line.vcf', `BEGIN:VCARD\nNOTE:${'x'.repeat(1_100_000)}\nEND:VCARD\n`)),
      message: 'long-line.vcf (row 2): this line is longer than 1 MiB of text; no contact is that long',
      row: 2,
      params: { size: '1 MiB' },
    },
  ],
  [
    'a vCard over 1 MiB',
    {
      code: 'card-too-long',
      run: () => readFile(file('long-card.vcf', `BEGIN:VCARD\n${`NOTE:${'x'.repeat(60_000)}\n`.repeat(20)}END:VCARD\n`)),
      message: 'long-card.vcf (row 1): card 1 is longer than 1 MiB of text (not counting photos); is END:VCARD missing?',
      row: 1,
      params: { card: 1, size: '1 MiB' },
    },
  ],
  [
    'a sheet row over 1 MiB',
    {
      code: 'sheet-row-too-long',
      run: async () =>
        sniffFile(
          await workbook('long-row.xlsx', (wb) => {
            const sheet = wb.addWorksheet('Ark1');
            sheet.addRow(Array.from({ length: 17 }, (_, i) => `c${i}`));
            sheet.addRow(Array.from({ length: 17 }, (_, i) => `${i}${'x'.repeat(62_000)}`));
          }),
        ),
      message: 'long-row.xlsx (row 2): this row holds more than 1 MiB of text',
      row: 2,
      params: { size: '1 MiB' },
    },
  ],
  [
    'a CSV row of 1001 columns',
    {
      code: 'too-many-columns',
      run: () => readFile(fixture('wide-row.csv')),
      message: 'wide-row.csv (row 2, column 1001): this row has more than 1000 columns; no contact list is that wide — is the delimiter right?',
      row: 2,
      column: 1001,
      params: { max: 1000 },
    },
  ],
  [
    'a sheet row of 1001 columns',
    {
      code: 'sheet-too-many-columns',
      run: async () =>
        sniffFile(
          await workbook('wide.xlsx', (wb) => {
            const sheet = wb.addWorksheet('Ark1');
            sheet.addRow(Array.from({ length: 1001 }, (_, i) => `c${i}`));
            sheet.addRow(['a']);
          }),
        ),
      message: 'wide.xlsx (row 1, column 1001): row 1 has cells beyond column 1000; no contact list is that wide',
      row: 1,
      column: 1001,
      params: { row: 1, max: 1000 },
    },
  ],
  ['a folder', { code: 'not-a-file', run: () => sniffFile(dir), message: `${path.basename(dir)}: this is not a file` }],
  [
    'a file that is not there',
    {
      code: 'file-missing',
      run: () => sniffFile(path.join(dir, 'nope.csv')),
      message: 'nope.csv: the file is not there any more (moved, renamed or deleted?); choose it again',
    },
  ],
  [
    'a link that points at itself',
    { code: 'cannot-open', run: () => sniffFile(selfLink('loop.csv')), message: 'loop.csv: the file cannot be opened (ELOOP)', params: { reason: 'ELOOP' } },
  ],
  // Root reads any file and Linux has no file locks that refuse a reader, so these two are
  // the system's errors as Node reports them (a folder macOS protects; a file Windows locks).
  [
    'a file Tillit may not read',
    {
      code: 'no-permission',
      run: sync(() => {
        throw openError('kunder.csv', systemError('EPERM'));
      }),
      message:
        'kunder.csv: Tillit is not allowed to read the file (on a Mac: System Settings › Privacy & Security › Files and Folders); allow it, or copy the file to another folder and import the copy',
    },
  ],
  [
    'a file another program holds',
    {
      code: 'file-in-use',
      run: sync(() => {
        throw openError('kunder.xlsx', systemError('EBUSY'));
      }),
      message: 'kunder.xlsx: another program is using the file; close it there (Excel?) and try again',
    },
  ],
  [
    'an unknown format',
    {
      code: 'unknown-format',
      run: () => sniffFile(file('format.csv', 'email\na@x.no\n'), { format: 'pdf' as FileFormat }),
      message: 'format.csv: unknown format “pdf”; use one of csv, vcard, mecard, xlsx',
      params: { format: 'pdf', formats: 'csv, vcard, mecard, xlsx' },
    },
  ],
  [
    'a spreadsheet read as text',
    {
      code: 'unknown-text-format',
      run: () => readWith(file('sheet.csv', 'email\na@x.no\n'), { format: 'xlsx' }),
      message: 'sheet.csv: unknown format “xlsx”',
      params: { format: 'xlsx' },
    },
  ],
  [
    'a sheet whose ZIP directory says it unpacks to 1.5 GiB',
    {
      code: 'xlsx-part-too-large',
      run: () => sniffFile(file('big-part.xlsx', craftedXlsx({ ...sheetOf(3), declaredSize: 1.5 * GiB }))),
      message: 'big-part.xlsx: xl/worksheets/sheet1.xml inside the spreadsheet unpacks to more than 1 GiB; no contact list is that large (the file is damaged, or was built to fill the memory)',
      params: { part: 'xl/worksheets/sheet1.xml', size: '1 GiB' },
    },
  ],
  [
    'a shared-string table that declares 100 bytes and unpacks to 10 MB (a lying header)',
    {
      code: 'xlsx-part-lies',
      run: () => sniffFile(file('lying.xlsx', craftedXlsx(hugeTextStrings(10_000_000, 100)))),
      message: 'lying.xlsx: xl/sharedStrings.xml inside the spreadsheet unpacks to more than the 100 bytes its header declares; the file is damaged, or was built to mislead',
      params: { part: 'xl/sharedStrings.xml', declared: 100 },
    },
  ],
  [
    'a workbook part that unpacks to more than it declares',
    {
      code: 'xlsx-part-lies',
      run: () => sniffFile(file('lying-workbook.xlsx', craftedXlsx({ ...WORKBOOK, declaredSize: 20 }))),
      message: 'lying-workbook.xlsx: xl/workbook.xml inside the spreadsheet unpacks to more than the 20 bytes its header declares; the file is damaged, or was built to mislead',
      params: { part: 'xl/workbook.xml', declared: 20 },
    },
  ],
  [
    'parts that declare more than 2 GiB in all',
    {
      code: 'xlsx-too-large',
      run: () => sniffFile(file('total.xlsx', craftedXlsx({ ...part('xl/media/a.png', 'a'), declaredSize: 1.1 * GiB }, { ...part('xl/media/b.png', 'b'), declaredSize: 1.1 * GiB }))),
      message: 'total.xlsx: the parts of the spreadsheet unpack to more than 2 GiB in all; no contact list is that large',
      params: { size: '2 GiB' },
    },
  ],
  [
    'a sheet nested 1,000 elements deep',
    {
      code: 'xlsx-xml-too-deep',
      run: () => sniffFile(file('deep.xlsx', craftedXlsx(nestedSheet(1000)))),
      message: 'deep.xlsx: xl/worksheets/sheet1.xml inside the spreadsheet nests its XML more than 100 levels deep; no spreadsheet needs that (the file was built to fill the memory?)',
      params: { part: 'xl/worksheets/sheet1.xml', max: 100 },
    },
  ],
  [
    'a shared string of 2 million characters, packed into 3 KB',
    {
      code: 'xlsx-xml-too-long',
      run: () => sniffFile(file('long-text.xlsx', craftedXlsx(hugeTextStrings(2_000_000)))),
      message: 'long-text.xlsx: xl/sharedStrings.xml inside the spreadsheet has an XML text or tag longer than 1 MiB; no cell holds that much',
      params: { part: 'xl/sharedStrings.xml', size: '1 MiB' },
    },
  ],
  [
    'more shared strings than the cap',
    {
      code: 'xlsx-too-many-strings',
      run: () => sniffSmall('many-strings.xlsx', craftedXlsx(), { sharedStrings: 2 }),
      message: 'many-strings.xlsx: the shared-string table of the spreadsheet (xl/sharedStrings.xml) holds more than 2 texts; no contact list has that many',
      params: { max: 2 },
    },
  ],
  [
    'more shared-string text than the cap',
    {
      code: 'xlsx-strings-too-long',
      run: () => sniffSmall('much-text.xlsx', craftedXlsx(sharedStringsOf(['email', 'x'.repeat(2000), 'a@x.no'])), { sharedStringChars: 1024 }),
      message: 'much-text.xlsx: the shared-string table of the spreadsheet (xl/sharedStrings.xml) holds more than 1 KiB of text; no contact list has that much',
      params: { size: '1 KiB' },
    },
  ],
  [
    'a shared-string table that would grow its temporary file past the cap',
    {
      code: 'xlsx-strings-spill-full',
      run: () =>
        sniffSmall('spill.xlsx', craftedXlsx(sharedStringsOf(['email', 'a@x.no', 'b@x.no', ...Array.from({ length: 40 }, (_, i) => `${i}`.repeat(900))])), { spillBytes: 16 * 1024 }, 0),
      message: 'spill.xlsx: the shared-string table of the spreadsheet (xl/sharedStrings.xml) needs more than 16 KiB of temporary disk space; no contact list needs that much',
      params: { size: '16 KiB' },
    },
  ],
  [
    'an unknown encoding',
    {
      code: 'unknown-encoding',
      run: () => sniffFile(file('encoding.csv', 'email\na@x.no\n'), { encoding: 'ebcdic' }),
      message: 'encoding.csv: unknown encoding “ebcdic”; use utf-8, utf-16le, utf-16be or windows-1252',
      params: { encoding: 'ebcdic' },
    },
  ],
  [
    'two characters as the delimiter',
    {
      code: 'bad-delimiter',
      run: () => sniffFile(file('delimiter.csv', 'email\na@x.no\n'), { delimiter: ';;' }),
      message: 'delimiter.csv: “;;” cannot be a delimiter; use one character such as , ; | or tab',
      params: { delimiter: ';;' },
    },
  ],
  [
    'a quote as the tokenizer’s delimiter',
    {
      code: 'bad-delimiter',
      run: sync(() => new CsvTokenizer('"', 'quote.csv')),
      message: 'quote.csv: “"” cannot be a delimiter; use one character such as , ; | or a tab',
      params: { delimiter: '"' },
    },
  ],
  [
    'a spreadsheet’s encoding for text',
    {
      code: 'not-text-encoding',
      run: () => readWith(file('binary-encoding.csv', 'email\na@x.no\n'), { encoding: 'binary' }),
      message: 'binary-encoding.csv: “binary” is not a text encoding',
      params: { encoding: 'binary' },
    },
  ],
];

describe('reader errors', () => {
  it.each(cases)('%s', async (_name, expected) => {
    const error = await failure(expected.run);
    expect({ code: error.code, message: error.message, row: error.row, column: error.column, params: error.params, parts: error.parts }).toEqual({
      code: expected.code,
      message: expected.message,
      row: expected.row ?? null,
      column: expected.column ?? null,
      params: expected.params ?? {},
      parts: expected.parts,
    });
  }, 30_000);

  it.each([
    ['ENOENT', 'file-missing'],
    ['ENOTDIR', 'file-missing'],
    ['EACCES', 'no-permission'],
    ['EPERM', 'no-permission'],
    ['EBUSY', 'file-in-use'],
    ['EISDIR', 'not-a-file'],
    ['EIO', 'cannot-open'],
  ])('the system error %s when opening a file is %s', (systemCode, code) => {
    expect(openError('kunder.csv', systemError(systemCode)).code).toBe(code);
  });

  it('cover every reader error code, and every part of a bad header row', () => {
    expect(new Set(cases.map(([, c]) => c.code))).toEqual(new Set(FILE_ERROR_CODES));
    expect(new Set(cases.flatMap(([, c]) => c.parts ?? []).map((p) => p.code))).toEqual(new Set(HEADER_PROBLEM_CODES));
  });
});
