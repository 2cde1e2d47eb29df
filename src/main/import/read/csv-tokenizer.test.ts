import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, parseCsvText, type CsvLimits } from './csv-tokenizer.ts';
import { ImportFileError } from './errors.ts';
import { LIMITS } from './limits.ts';

/** The same text pushed in pieces cut at the given offsets. */
function parseInPieces(text: string, cuts: number[], delimiter = ',', limits: CsvLimits = LIMITS) {
  const tokenizer = new CsvTokenizer(delimiter, 'test.csv', limits);
  const records = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    records.push(...tokenizer.push(text.slice(start, cut)));
    start = Math.max(start, cut);
  }
  records.push(...tokenizer.push(text.slice(start), true));
  return records;
}

function errorOf(run: () => unknown): ImportFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

/** A minimal RFC 4180 writer for the round-trip property. */
function writeCsv(rows: string[][], delimiter: string, eol: string): string {
  const quote = (v: string): string => (v === '' || /["\r\n]/.test(v) || v.includes(delimiter) || v.trim() !== v ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
}

describe('CsvTokenizer', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, keeping raw text, start lines and spreadsheet rows', () => {
    const text = 'email,note\r\nola@x.no,"Hei, ""Ola""\r\nandre linje"\r\n\r\nkari@x.no,ok\r\n';
    expect(parseCsvText(text, ',')).toEqual([
      { fields: ['email', 'note'], raw: 'email,note', line: 1, row: 1 },
      { fields: ['ola@x.no', 'Hei, "Ola"\r\nandre linje'], raw: 'ola@x.no,"Hei, ""Ola""\r\nandre linje"', line: 2, row: 2 },
      // A spreadsheet shows the two-line cell as one row, and the blank line as row 3.
      { fields: ['kari@x.no', 'ok'], raw: 'kari@x.no,ok', line: 5, row: 4 },
    ]);
  });

  it('accepts LF, CRLF and lone CR line ends, and a last line without one', () => {
    expect(parseCsvText('a;b\nc;d\r\ne;f\rg;h', ';').map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'a', 'b'],
      [2, 'c', 'd'],
      [3, 'e', 'f'],
      [4, 'g', 'h'],
    ]);
  });

  it('keeps empty fields, a trailing delimiter, and leading zeros and formulas as text', () => {
    expect(parseCsvText('01234,,=SUM(A1),\n', ',')[0]!.fields).toEqual(['01234', '', '=SUM(A1)', '']);
  });

  it('skips rows of nothing but delimiters and blanks, counting their lines', () => {
    expect(parseCsvText('a,b\n,\n  ,  \n\nc,d\n', ',').map((r) => r.line)).toEqual([1, 5]);
  });

  it('drops spaces after a closing quote, and flags other text there without losing it', () => {
    const [spaced, stray] = parseCsvText('"a"  ,b\n"Eve "the" Berg",c\n', ',');
    expect(spaced).toEqual({ fields: ['a', 'b'], raw: '"a"  ,b', line: 1, row: 1 });
    expect(stray!.fields).toEqual(['Eve the" Berg"', 'c']);
    expect(stray!.error).toEqual({ text: expect.stringMatching(/^row 2, column 1: text follows the closing quote/), code: 'text-after-quote', params: { row: 2, column: 1 } });
  });

  it('blocks an unterminated quote, naming the row and column where it opened', () => {
    const text = 'email,note\na@x.no,"fine\nstill fine"\nb@x.no,"never closed\nc@x.no,x\nd@x.no,y\n';
    const error = errorOf(() => parseInPieces(text, [5, 30, 41]));
    expect(error.code).toBe('unterminated-quote');
    expect([error.row, error.column]).toEqual([4, 2]);
    expect(error.message).toMatch(/^test\.csv \(row 4, column 2\): a quoted field opens here and is never closed/);
  });

  it('stops at more columns than the limit, naming the row', () => {
    const limits = { ...LIMITS, maxColumns: 3 };
    expect(parseCsvText('a,b,c\n', ',', 'f', limits)).toHaveLength(1);
    const error = errorOf(() => parseCsvText('a,b,c\n1,2,3,4\n', ',', 'f', limits));
    expect([error.code, error.row, error.column]).toEqual(['too-many-columns', 2, 4]);
  });

  it('stops at an over-long unquoted field as soon as it is seen, without the rest of the file', () => {
    const limits = { ...LIMITS, maxFieldChars: 10, maxRecordChars: 100 };
    const tokenizer = new CsvTokenizer(',', 'f', limits);
    tokenizer.push('a,b\nx,');
    const error = errorOf(() => tokenizer.push('0123456789012'));
    expect([error.code, error.row, error.column]).toEqual(['field-too-long', 2, 2]);
  });

  it('tells an over-long quoted field from an unterminated quote, holding neither in memory', () => {
    const limits = { ...LIMITS, maxFieldChars: 10, maxRecordChars: 1000 };
    const long = `h1,h2\nok,"${'y'.repeat(50)}""${'z'.repeat(50)}"\nnext,row\n`;
    // Cut everywhere, including between the two quotes of "".
    for (const cut of [14, 20, 60, 61, 62, 63, 80]) {
      const error = errorOf(() => parseInPieces(long, [cut], ',', limits));
      expect([error.code, error.row, error.column]).toEqual(['field-too-long', 2, 2]);
    }
    const open = `h1,h2\nok,ok\nbad,"${'y'.repeat(50)}\n${'z'.repeat(50)}\n`;
    const error = errorOf(() => parseInPieces(open, [20, 40], ',', limits));
    expect([error.code, error.row, error.column]).toEqual(['unterminated-quote', 3, 2]);
  });

  it('stops at a record longer than the limit', () => {
    const limits = { ...LIMITS, maxFieldChars: 10, maxRecordChars: 30 };
    const error = errorOf(() => parseInPieces(`h\n${'aaaaaaaaa,'.repeat(5)}\n`, [3, 20], ',', limits));
    expect([error.code, error.row]).toEqual(['record-too-long', 2]);
  });

  it('refuses a quote or a line break as the delimiter', () => {
    expect(() => new CsvTokenizer('"', 'f')).toThrow(/cannot be a delimiter/);
    expect(() => new CsvTokenizer('\n', 'f')).toThrow(/cannot be a delimiter/);
  });
});

// Cells with everything that is hard in CSV: delimiters, quotes, CR, LF, non-ASCII, formulas.
const cell = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('', ',', ';', '\t', '"', '""', '\r\n', '\n', '\r', '=SUM(A1)', '01234', 'Ødegård', '李伟', '😀', ' padded '),
  fc.array(fc.constantFrom('a', ',', '"', '\n', '\r', 'ø', ' ', ';'), { maxLength: 8 }).map((a) => a.join('')),
);
const table = fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }));
/** Rows of only empty/blank fields are not records (they hold nothing to import). */
const withData = (rows: string[][]): string[][] => rows.filter((r) => r.some((c) => c.trim() !== ''));

describe('CsvTokenizer properties', () => {
  it('reads back any table written as CSV (write-then-read), for every delimiter and line end', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(',', ';', '\t', '|'), fc.constantFrom('\n', '\r\n'), (rows, delimiter, eol) => {
        const read = parseCsvText(writeCsv(rows, delimiter, eol), delimiter);
        expect(read.map((r) => r.fields)).toEqual(withData(rows));
        expect(read.every((r) => r.error === undefined)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same records however the text is cut into chunks', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n', '\r'), fc.array(fc.nat(), { maxLength: 12 }), (rows, eol, rawCuts) => {
        const text = writeCsv(rows, ',', eol);
        const cuts = rawCuts.map((c) => c % (text.length + 1));
        expect(parseInPieces(text, cuts)).toEqual(parseCsvText(text, ','));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with papaparse on well-formed CSV (header: false, no dynamic typing)', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const text = writeCsv(rows, ',', eol);
        const papa = Papa.parse<string[]>(text, { header: false, delimiter: ',', newline: eol, skipEmptyLines: 'greedy', dynamicTyping: false });
        expect(papa.errors).toEqual([]);
        expect(parseCsvText(text, ',').map((r) => r.fields)).toEqual(papa.data.filter((r) => r.some((c) => c.trim() !== '')));
      }),
      { numRuns: 300 },
    );
  });

  it('numbers every record by the physical line it starts on', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const text = writeCsv(rows, ',', '\n');
        let line = 1;
        const expected: number[] = [];
        for (const row of rows) {
          if (row.some((c) => c.trim() !== '')) expected.push(line);
          line += writeCsv([row], ',', '\n').split(/\r\n|\r|\n/).length - 1;
        }
        expect(parseCsvText(text, ',').map((r) => r.line)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
