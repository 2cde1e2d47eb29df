import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeInline, escapeJson, escapeOutput, fitCell } from './escape.ts';
import type { CliIO } from './main.ts';
import { printTable } from './table.ts';

// eslint-disable-next-line no-control-regex -- control characters are what these tests look for
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('escapeInline', () => {
  it.each([
    ['Ola\u001b[2J', 'Ola\\x1b[2J'],
    ['\u001b]0;title\u0007', '\\x1b]0;title\\x07'],
    ['a\u009b1m', 'a\\x9b1m'],
    ['DEL\u007f', 'DEL\\x7f'],
    ['gpj\u202eexe', 'gpj\\u202eexe'],
    ['\u2066isolate\u2069', '\\u2066isolate\\u2069'],
    ['\u200fmark', '\\u200fmark'],
    ['two\nlines\r\tend', 'two\\nlines\\r\\tend'],
    ['line\u2028sep', 'line\\u2028sep'],
    ['Ødegård 😀 C:\\path', 'Ødegård 😀 C:\\path'],
  ])('%j → %j', (raw, shown) => {
    expect(escapeInline(raw)).toBe(shown);
  });

  it('leaves nothing a terminal would act on', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(escapeInline(text)).not.toMatch(RAW);
      }),
    );
  });
});

describe('escapeOutput', () => {
  it('keeps the line breaks between lines and escapes the rest', () => {
    expect(escapeOutput('tillit: “a\u001b[2J”\r\nnext\n')).toBe('tillit: “a\\x1b[2J”\\r\nnext\n');
  });
});

describe('escapeJson', () => {
  it('is the same JSON value, with nothing raw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        const doc = { value, text };
        const escaped = escapeJson(JSON.stringify(doc, null, 2));
        expect(escaped).not.toMatch(RAW);
        expect(JSON.parse(escaped)).toEqual(JSON.parse(JSON.stringify(doc)));
      }),
    );
  });
});

describe('fitCell and printTable', () => {
  it('never cuts an escape in half', () => {
    expect(fitCell('ab\u001bcd', 4)).toBe('ab…');
    expect(fitCell('ab\u001bcd', 7)).toBe('ab\\x1b…');
    expect(fitCell('ab\u001bcd', 8)).toBe('ab\\x1bcd');
  });

  it('aligns columns by the escaped text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary-ascii', maxLength: 50 }), fc.string({ maxLength: 5 })), { minLength: 1, maxLength: 5 }), (rows) => {
        let out = '';
        const io: CliIO = { stdout: (t) => (out += t), stderr: () => undefined };
        printTable(io, ['Name', 'Status'], rows.map(([a, b]) => [a, `x${b.replace(/\s/g, '')}`]));
        expect(out).not.toMatch(RAW);
        const lines = out.trimEnd().split('\n');
        const column = lines[0]!.indexOf('Status');
        for (const line of lines.slice(2)) expect(line.indexOf('  x', column - 2)).toBe(column - 2);
      }),
    );
  });
});
