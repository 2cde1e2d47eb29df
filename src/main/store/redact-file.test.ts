// Erasure's copy of an import file: no record with the address survives, every other record
// does, byte for byte, in the file's own encoding.

import fc from 'fast-check';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../shared/email/index.ts';
import { parseCsvText } from '../import/read/csv-tokenizer.ts';
import { redactFile, type RedactOptions } from './redact-file.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/import');
const KEY = 'ola@nordmann.no';

function encode(text: string, encoding: string): Buffer {
  switch (encoding) {
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    default:
      return iconv.encode(text, encoding);
  }
}

/** Records joined into a file, and the file without the ones marked. */
function files(records: { text: string; target: boolean }[], encoding: string): { file: Buffer; expected: Buffer } {
  return {
    file: encode(records.map((r) => r.text).join(''), encoding),
    expected: encode(records.filter((r) => !r.target).map((r) => r.text).join(''), encoding),
  };
}

describe('redactFile: examples', () => {
  const csv = (lines: [string, boolean][], eol = '\r\n'): { text: string; target: boolean }[] => lines.map(([text, target]) => ({ text: `${text}${eol}`, target }));
  it.each<[string, { text: string; target: boolean }[], string, RedactOptions, string?]>([
    ['plain CSV, the address in its column, other case', csv([['email,first_name', false], ['Ola@Nordmann.NO,Ola', true], ['kari@example.no,Kari', false]]), 'utf-8', { format: 'csv', delimiter: ',' }],
    ['only in a note column, in "Name <address>" form', csv([['email;note', false], ['kari@example.no;"ring Ola <ola@nordmann.no>"', true], ['per@example.no;', false]]), 'utf-8', { format: 'csv', delimiter: ';' }],
    ['a quoted field spanning lines, with the address on its second line', csv([['email,note', false], ['x@example.no,"first line\nOLA@nordmann.no, ""quoted"""', true], ['y@example.no,z', false]]), 'utf-8', { format: 'csv', delimiter: ',' }],
    ['addresses that only contain it are other people', csv([['email', false], ['kola@nordmann.no', false], ['ola@nordmann.no.uk', false], ['ola@nordmann.nox', false], ['x.ola@nordmann.no', false], ['ola@nordmann.no.', true]], '\n'), 'utf-8', { format: 'csv', delimiter: ',' }],
    ['mailto: and quotes', csv([['email', false], ['mailto:ola@nordmann.no?subject=hei', true], ["'ola@nordmann.no'", true], ['«ola@nordmann.no»', true]], '\n'), 'utf-8', { format: 'csv', delimiter: ',' }],
    ['windows-1252 (older Excel) keeps its bytes', csv([['E-post;Navn', false], ['ola@nordmann.no;Ødegård', true], ['kari@example.no;Æsøy – €', false]]), 'windows-1252', { format: 'csv', encoding: 'windows-1252', delimiter: ';' }],
    ['UTF-16 with a BOM (Excel "Unicode text"), tab-separated', csv([['email\tname', false], ['ola@nordmann.no\tOla', true], ['kari@example.no\tKåri', false]]), 'utf-16le', { format: 'csv', encoding: 'utf-16le', delimiter: '\t' }],
    ['UTF-8 with a BOM, encoding and delimiter detected', csv([['email;name', false], ['kari@example.no;Kåri', false], ['ola@nordmann.no;Ola', true]]), 'utf-8-bom', { format: 'csv' }],
    ['a file without a final line break', [{ text: 'email\n', target: false }, { text: 'kari@example.no\n', target: false }, { text: 'ola@nordmann.no', target: true }], 'utf-8', { format: 'csv' }],
    ['blank lines and a preamble are kept', csv([['First Name,Last Name,Email', false], ['', false], ['Ola,Nordmann,ola@nordmann.no', true], ['', false]]), 'utf-8', { format: 'csv' }],
    [
      'vCard 2.1: quoted-printable address with a soft line break',
      [
        { text: 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ola\r\nEMAIL;ENCODING=QUOTED-PRINTABLE:ola=40nord=\r\nmann.no\r\nEND:VCARD\r\n', target: true },
        { text: 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Kari\r\nEMAIL:kari@example.no\r\nEND:VCARD\r\n', target: false },
      ],
      'utf-8', { format: 'vcard' },
    ],
    [
      'vCard 3.0: the address folded over two lines',
      [
        { text: 'BEGIN:VCARD\nVERSION:3.0\nFN:Kari\nEMAIL:kari@example.no\nEND:VCARD\n', target: false },
        { text: 'BEGIN:VCARD\nVERSION:3.0\nFN:Ola Nordmann\nEMAIL;TYPE=INTERNET:ola@nord\n mann.no\nEND:VCARD\n', target: true },
      ],
      'utf-8', { format: 'vcard' },
    ],
    [
      'a card never closed ends where the next begins',
      [
        { text: 'BEGIN:VCARD\nVERSION:3.0\nEMAIL:ola@nordmann.no\n', target: true },
        { text: 'BEGIN:VCARD\nVERSION:3.0\nEMAIL:kari@example.no\nEND:VCARD\n', target: false },
      ],
      'utf-8', { format: 'vcard' },
    ],
    [
      'scan file: MECARD lines, a one-line vCard, a vCard block, junk',
      [
        { text: 'MECARD:N:Nordmann,Ola;EMAIL:ola@nordmann.no;;\n', target: true },
        { text: 'MECARD:N:Berg\\, jr.,Anne;EMAIL:anne@berg.no;;\n', target: false },
        { text: 'BEGIN:VCARD\\nVERSION:3.0\\nEMAIL:OLA@NORDMANN.NO\\nEND:VCARD\n', target: true },
        { text: 'https://example.com/ikke-en-kontakt\n', target: false },
        { text: '\n', target: false },
        { text: 'BEGIN:VCARD\nVERSION:3.0\nN:Dahl;Erik;;;\nEMAIL:erik@dahl.no\nEND:VCARD\n', target: false },
      ],
      'utf-8', { format: 'mecard' },
    ],
  ])('%s', (_name, records, encoding, options) => {
    const { file, expected } = files(records, encoding);
    const result = redactFile(file, KEY, options);
    expect(result.data.equals(expected)).toBe(true);
    expect(result.removed).toBe(records.filter((r) => r.target).length);
  });

  it('finds an internationalized domain written in Unicode by its normalized key', () => {
    const key = normalizeEmail('Ola@Blåbær.no');
    expect(key).toMatch(/xn--/);
    const { file, expected } = files(csv([['email', false], ['ola@blåbær.no', true], ['kari@blåbær.no', false]]), 'utf-8');
    expect(redactFile(file, key, { format: 'csv' }).data.equals(expected)).toBe(true);
  });

  it('returns the original bytes, untouched, when the address is not in the file', () => {
    const file = fs.readFileSync(path.join(FIXTURES, 'norwegian-excel-1252.csv'));
    const result = redactFile(file, KEY, { format: 'csv' });
    expect(result).toMatchObject({ removed: 0, encoding: 'windows-1252' });
    expect(result.data).toBe(file);
  });

  it.each([
    ['outlook-2.1.vcf', 'bjorn@aesoy.no', 'vcard'],
    ['android-2.1.vcf', 'kari.hansen@example.no', 'vcard'],
    ['ios-3.0.vcf', 'siri@lieco.no', 'vcard'],
    ['vcard-4.0.vcf', 'innkjop@olsenfisk.no', 'vcard'],
    ['badge-scans.txt', 'siri@lieco.no', 'mecard'],
    ['badge-scans.txt', 'anne.berg@gmail.com', 'mecard'],
  ] as const)('real file %s: the card holding %s goes, the rest stays', (name, address, format) => {
    const file = fs.readFileSync(path.join(FIXTURES, name));
    const result = redactFile(file, address, { format });
    expect(result.removed).toBe(1);
    const text = result.data.toString('latin1').toLowerCase();
    expect(text).not.toContain(address);
    expect(result.data.length).toBeLessThan(file.length);
    // Everything left is a byte-identical piece of the original, in order.
    expect(file.includes(result.data.subarray(0, 20))).toBe(true);
  });
});

// ---- properties ----

const OTHER_LOCAL = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,10}$/).filter((l) => !l.endsWith('.') && !l.includes('..'));
const DOMAINS = ['example.no', 'nordmann.no', 'gmail.com', 'blåbær.no'];
/** Addresses of other people, some built to contain the key. */
const otherAddress = fc.oneof(
  fc.tuple(OTHER_LOCAL, fc.constantFrom(...DOMAINS)).map(([l, d]) => `${l}@${d}`).filter((a) => normalizeEmail(a) !== KEY),
  fc.constantFrom(`k${KEY}`, `${KEY}.uk`, `${KEY}x`, `x.${KEY}`, `ola@xnordmann.no`, `o${KEY.toUpperCase()}`),
);
/** The person's address as files write it. */
const targetAddress = fc.tuple(fc.constantFrom('ola', 'Ola', 'OLA', 'oLa'), fc.constantFrom('nordmann.no', 'Nordmann.NO', 'NORDMANN.no'), fc.constantFrom('%', '<%>', 'Ola N <%>', 'mailto:%', '"%"')).map(
  ([l, d, wrap]) => wrap.replace('%', `${l}@${d}`),
);
const TEXT = fc.stringMatching(/^[\p{L}\p{N} ,;"'\t\n.æøåÆØÅé€–-]{0,12}$/u);

function csvCell(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) || value.startsWith(' ') ? `"${value.replaceAll('"', '""')}"` : value;
}

const csvFile = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    eol: fc.constantFrom('\r\n', '\n', '\r'),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'),
    rows: fc.array(
      fc.record({ target: fc.boolean(), column: fc.nat(3), cells: fc.array(TEXT, { minLength: 4, maxLength: 4 }), other: otherAddress, address: targetAddress, blankAfter: fc.boolean() }),
      { maxLength: 12 },
    ),
    finalEol: fc.boolean(),
  })
  .map(({ delimiter, eol, encoding, rows, finalEol }) => {
    const records = [{ text: `email${delimiter}name${delimiter}company${delimiter}note${eol}`, target: false }];
    rows.forEach((row, i) => {
      const cells = row.cells.map((c) => (encoding === 'windows-1252' ? c.replace(/[^\x20-\x7eæøåÆØÅé€–\t\n]/g, '') : c));
      cells[0] = row.other;
      if (row.target) cells[row.column] = `${cells[row.column]!.slice(0, 3).replace(/[\p{L}\p{N}.]$/u, '')} ${row.address}`.trim();
      const last = i === rows.length - 1 && !finalEol;
      records.push({ text: `${cells.map((c) => csvCell(c, delimiter)).join(delimiter)}${last ? '' : eol}`, target: row.target });
      if (row.blankAfter && !last) records.push({ text: eol, target: false });
    });
    return { delimiter, encoding, records };
  });

describe('redactFile: properties', () => {
  it('delimited text: exactly the records with the address are gone, the rest is byte-identical, and the import reads the rest as before', () => {
    fc.assert(
      fc.property(csvFile, ({ delimiter, encoding, records }) => {
        const { file, expected } = files(records, encoding);
        const result = redactFile(file, KEY, { format: 'csv', delimiter, encoding: encoding });
        expect(result.data.equals(expected)).toBe(true);
        expect(result.removed).toBe(records.filter((r) => r.target).length);
        // The import's own tokenizer reads the copy as the original less those records.
        const text = (b: Buffer): string => iconv.decode(b, encoding === 'utf-8-bom' ? 'utf-8' : encoding);
        const nonBlank = records.filter((r) => r.text.trim() !== '');
        const before = parseCsvText(text(file), delimiter);
        expect(before).toHaveLength(nonBlank.length);
        expect(parseCsvText(text(result.data), delimiter).map((r) => r.raw)).toEqual(before.filter((_, i) => !nonBlank[i]!.target).map((r) => r.raw));
        // Idempotent: nothing left to remove.
        expect(redactFile(result.data, KEY, { format: 'csv', delimiter }).removed).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  const property = fc.tuple(fc.constantFrom('FN', 'NOTE', 'ORG', 'TITLE'), TEXT).map(([name, value]) => `${name}:${value.replace(/[\r\n]/g, ' ')}`);
  const card = fc.record({
    target: fc.boolean(),
    version: fc.constantFrom('2.1', '3.0', '4.0'),
    properties: fc.array(property, { maxLength: 4 }),
    other: otherAddress,
    address: targetAddress,
    how: fc.constantFrom('plain', 'folded', 'quoted-printable', 'in-a-note'),
    eol: fc.constantFrom('\r\n', '\n'),
  });

  interface Card {
    target: boolean;
    version: string;
    properties: string[];
    other: string;
    address: string;
    how: string;
    eol: string;
  }

  function cardText(c: Card): string {
    const lines = ['BEGIN:VCARD', `VERSION:${c.version}`, ...c.properties, `EMAIL:${c.other}`];
    if (c.target) {
      const bare = c.address.replace(/^.*<|>$|^mailto:|"/g, '');
      if (c.how === 'plain') lines.push(`EMAIL;TYPE=work:${bare}`);
      else if (c.how === 'folded') lines.push(`EMAIL:${bare.slice(0, 4)}${c.eol} ${bare.slice(4)}`);
      // "ola=<soft break>=40nordmann.no": encoded "@" and a soft line break after the local part.
      else if (c.how === 'quoted-printable') lines.push(`EMAIL;ENCODING=QUOTED-PRINTABLE:${bare.replace('@', `=${c.eol}=40`)}`);
      else lines.push(`NOTE:skriv til ${c.address}`);
    }
    lines.push('END:VCARD');
    return lines.join(c.eol) + c.eol;
  }

  it('vCards and scans: exactly the cards with the address are gone, the rest is byte-identical', () => {
    fc.assert(
      fc.property(fc.array(card, { maxLength: 10 }), fc.constantFrom('utf-8', 'windows-1252', 'utf-16le'), fc.constantFrom('vcard', 'mecard'), (cards, encoding, format) => {
        const records = cards.map((c) => ({ text: cardText(c), target: c.target }));
        const clean = records.map((r) => (encoding === 'windows-1252' ? { ...r, text: r.text.replace(/[^\x20-\x7eæøåÆØÅé€–\t\r\n]/g, '') } : r));
        const { file, expected } = files(clean, encoding);
        const result = redactFile(file, KEY, { format: format, encoding: encoding });
        expect(result.data.equals(expected)).toBe(true);
        expect(result.removed).toBe(cards.filter((c) => c.target).length);
      }),
      { numRuns: 300 },
    );
  });
});
