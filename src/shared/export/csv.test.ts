import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvDocument, csvLine, exact, neutralizeFormula } from './csv.ts';

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil","click")', `'=HYPERLINK("http://evil","click")`],
    ['+47 22 33 44 55', `'+47 22 33 44 55`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['=1\n=2', `'=1\n=2`], // multi-line cells too (papaparse's escapeFormulae misses these)
    ['ola@nordmann.no', 'ola@nordmann.no'],
    ['Ødegård', 'Ødegård'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });
});

describe('csvLine', () => {
  it('quotes delimiters, quotes and newlines, and ends with CRLF', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', null, 3])).toBe('"a,b","say ""hi""","two\nlines",,3\r\n');
  });

  it('writes an exact cell as given (an address or phone an e-mail tool matches on), quoted as needed', () => {
    expect(csvLine([exact('-ola@example.no'), '-ola@example.no', exact('+47 912 34 567'), exact('a,"b"')])).toBe(`-ola@example.no,'-ola@example.no,+47 912 34 567,"a,""b"""\r\n`);
  });

  it('round-trips through a CSV parser, with every formula cell neutralized', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const text = csvDocument(table[0]!, table.slice(1));
        // The document ends with CRLF, which a parser reads as one last empty row.
        const parsed = Papa.parse<string[]>(text, { newline: '\r\n', delimiter: ',' }).data.slice(0, -1);
        expect(parsed).toEqual(table.map((r) => r.map(neutralizeFormula)));
      }),
    );
  });
});
