import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CardReader } from './cards.ts';
import { LineSplitter } from './lines.ts';
import { mecardValues } from './mecard.ts';
import { CARD_HEADERS, cardValues, decodeQuotedPrintable, parseProperty, splitEscaped } from './vcard.ts';

function read(text: string, format: 'vcard' | 'mecard' = 'vcard', cuts: number[] = []) {
  const splitter = new LineSplitter('cards.vcf');
  const reader = new CardReader(format, 'cards.vcf');
  const records = [];
  let start = 0;
  for (const cut of cuts) {
    records.push(...reader.push(splitter.push(text.slice(start, cut))));
    start = cut;
  }
  records.push(...reader.push(splitter.push(text.slice(start), true), true));
  return records;
}

function field(values: string[], name: (typeof CARD_HEADERS)[number]): string {
  return values[CARD_HEADERS.indexOf(name)]!;
}

describe('vCard properties', () => {
  it('parses groups, bare 2.1 parameters, quoted 4.0 lists, and a colon inside a quoted parameter', () => {
    expect(parseProperty('item1.EMAIL;type=INTERNET;type=pref:kari@x.no')).toEqual({
      group: 'item1', name: 'EMAIL', params: new Map([['TYPE', ['INTERNET', 'pref']]]), value: 'kari@x.no',
    });
    expect(parseProperty('EMAIL;INTERNET;PREF:a@x.no')!.params.get('TYPE')).toEqual(['INTERNET', 'PREF']);
    expect(parseProperty('NOTE;QUOTED-PRINTABLE:=C3=98')!.params.get('ENCODING')).toEqual(['QUOTED-PRINTABLE']);
    expect(parseProperty('TEL;TYPE="cell,voice";PREF=1:tel:+47')!.params).toEqual(new Map([['TYPE', ['cell', 'voice']], ['PREF', ['1']]]));
    expect(parseProperty('ADR;LABEL="Gate 1: Oslo":;;Gate 1;Oslo;;;Norge')!.value).toBe(';;Gate 1;Oslo;;;Norge');
    expect(parseProperty('no colon here')).toBeNull();
  });

  it('decodes quoted-printable in the charset given, or UTF-8, falling back to windows-1252', () => {
    expect(decodeQuotedPrintable('=C3=98deg=C3=A5rd', 'UTF-8')).toBe('Ødegård');
    expect(decodeQuotedPrintable('=D8deg=E5rd', 'ISO-8859-1')).toBe('Ødegård');
    expect(decodeQuotedPrintable('=D8deg=E5rd =80', undefined)).toBe('Ødegård €');
    expect(decodeQuotedPrintable('=C3=98deg=C3=A5rd', undefined)).toBe('Ødegård');
    expect(decodeQuotedPrintable('a=3Db=20', undefined)).toBe('a=b ');
  });

  it('splits structured values on unescaped separators only', () => {
    expect(splitEscaped('Berg\\; jr.;Anne;;;', ';')).toEqual(['Berg; jr.', 'Anne', '', '', '']);
    expect(splitEscaped('a\\,b,c', ',')).toEqual(['a,b', 'c']);
  });

  it('chooses the preferred address: PREF=1 or TYPE=pref (file order between them), then PREF=2, then none; duplicates once', () => {
    const values = cardValues(['EMAIL:first@x.no', 'EMAIL;PREF=2:second@x.no', 'EMAIL;TYPE=pref:third@x.no', 'EMAIL;PREF=1:best@x.no', 'EMAIL:FIRST@x.no']);
    expect(field(values, 'email')).toBe('third@x.no');
    expect(field(values, 'otherEmails')).toBe('best@x.no; second@x.no; first@x.no');
  });

  it('drops base64 data and reads mailto:/tel: values', () => {
    const values = cardValues(['EMAIL:mailto:a@x.no', 'TEL;VALUE=uri:tel:+4712345678', 'KEY;ENCODING=b:AAAA', 'NOTE;ENCODING=BASE64:QUJD']);
    expect([field(values, 'email'), field(values, 'phone'), field(values, 'note')]).toEqual(['a@x.no', '+4712345678', '']);
  });
});

describe('card files', () => {
  it('reports a card without END:VCARD, and one cut off by the end of the file, with the card and line', () => {
    const records = read('BEGIN:VCARD\nFN:A\nEMAIL:a@x.no\nBEGIN:VCARD\nFN:B\nEND:VCARD\nBEGIN:VCARD\nFN:C\n');
    expect(records.map((r) => [r.rowNumber, field(r.values, 'fullName'), r.error])).toEqual([
      [1, 'A', { text: 'card 1 (line 1) is not closed with END:VCARD', code: 'card-not-closed', params: { card: 1, line: 1 } }],
      [4, 'B', undefined],
      [7, 'C', { text: 'card 3 (line 7) is not closed with END:VCARD', code: 'card-not-closed', params: { card: 3, line: 7 } }],
    ]);
  });

  it('keeps text outside any card as a rejected record', () => {
    const records = read('hello\nBEGIN:VCARD\nEMAIL:a@x.no\nEND:VCARD\n');
    expect(records.map((r) => [r.rowNumber, r.raw, r.error])).toEqual([
      [1, 'hello', { text: 'line 1 is outside any BEGIN:VCARD … END:VCARD card', code: 'outside-card', params: { line: 1 } }],
      [2, 'BEGIN:VCARD\nEMAIL:a@x.no\nEND:VCARD', undefined],
    ]);
  });

  it('cuts an enormous one-line photo to its name without holding it', () => {
    const photo = `PHOTO;ENCODING=b;TYPE=JPEG:${'A'.repeat(3 * 1024 * 1024)}`;
    const records = read(`BEGIN:VCARD\r\nN:Dahl;Erik\r\n${photo}\r\nEMAIL:erik@dahl.no\r\nEND:VCARD\r\n`, 'vcard', [100, 70_000, 2_000_000]);
    expect(records).toHaveLength(1);
    expect(field(records[0]!.values, 'email')).toBe('erik@dahl.no');
    expect(records[0]!.raw).toBe('BEGIN:VCARD\nN:Dahl;Erik\nPHOTO;ENCODING=b;TYPE=JPEG:[embedded data left out]\nEMAIL:erik@dahl.no\nEND:VCARD');
  });

  it('blocks a card that never ends before the record limit', () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `NOTE:line ${i} of a card that goes on and on`).join('\n');
    expect(() => read(`BEGIN:VCARD\n${lines}\n`)).toThrow(/row 1\): card 1 is longer than 1 MiB/);
  });

  it('MECARD: escapes, names without a comma, addresses', () => {
    expect(mecardValues('MECARD:N:Ola Nordmann;EMAIL:ola@x.no;TEL:1;TEL:2;ADR:,,Gate 1,Bergen,,5003,Norge;NOTE:a\\:b\\\\c;;')).toEqual(
      ['ola@x.no', '', '', '', 'Ola Nordmann', '', '', '1', 'Bergen', 'Norge', '', 'a:b\\c'],
    );
  });
});

// Names, addresses and notes with non-ASCII text, vCard special characters and line breaks.
const text = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.constantFrom('Ødegård', 'Bjørn Æsøy', 'Zoë', '李伟', 'O\'Brien', 'Berg; jr.', 'a, b', 'back\\slash', 'Ñúñez 😀'),
).filter((s) => s.trim() === s && s !== '' && !/[\r\n]/.test(s));
const localPart = fc.stringMatching(/^[a-z0-9][a-z0-9.+_-]{0,10}$/);
const person = fc.record({ given: text, family: text, emails: fc.uniqueArray(localPart.map((l) => `${l}@example.no`), { minLength: 1, maxLength: 3 }), note: fc.option(text, { nil: undefined }) });

const escape = (s: string): string => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,');
function qp(s: string, charset: 'utf-8' | 'windows-1252'): string {
  return [...iconv.encode(s, charset)].map((b) => (b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}
/** Folds a line at 75 characters the way 3.0 writers do (not inside a surrogate pair). */
function fold(line: string): string {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > 75) {
    let cut = 75;
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1]!)) cut--;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts.join('\r\n ');
}
/** Soft line breaks of quoted-printable every ~20 characters, never inside an =XX. */
function softBreak(value: string): string {
  return value.replace(/((?:=[0-9A-F]{2}|[^=]){20})(?!$)/g, '$1=\r\n');
}

describe('vCard write-then-read', () => {
  it('3.0 with escapes and folded lines', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), (people, rawCuts) => {
        const file = people
          .map((p) => ['BEGIN:VCARD', 'VERSION:3.0', `N:${escape(p.family)};${escape(p.given)};;;`, ...p.emails.map((e, i) => `EMAIL;TYPE=INTERNET${i === 0 ? ';TYPE=pref' : ''}:${e}`), ...(p.note ? [fold(`NOTE:${escape(p.note)} ${'x'.repeat(80)}`)] : []), 'END:VCARD'].join('\r\n'))
          .join('\r\n');
        const cuts = [...new Set(rawCuts.map((c) => c % (file.length + 1)))].sort((a, b) => a - b);
        const records = read(file, 'vcard', cuts);
        expect(records.map((r) => [field(r.values, 'firstName'), field(r.values, 'lastName'), field(r.values, 'email'), field(r.values, 'otherEmails'), field(r.values, 'note')])).toEqual(
          people.map((p) => [p.given, p.family, p.emails[0], p.emails.slice(1).join('; '), p.note ? `${p.note} ${'x'.repeat(80)}` : '']),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('2.1 quoted-printable, with and without CHARSET, with soft line breaks', () => {
    const latin = fc.array(fc.constantFrom(...'abcÆØÅæøåé€ '.split('')), { minLength: 1, maxLength: 30 }).map((a) => a.join('').trim()).filter((s) => s !== '');
    fc.assert(
      fc.property(fc.oneof(text, latin), fc.oneof(text, latin), fc.constantFrom('utf-8', 'windows-1252', 'none'), (given, family, charset) => {
        // Without a CHARSET the bytes are UTF-8 when valid (Android), else windows-1252 (Outlook).
        const encoding = charset === 'windows-1252' || (charset === 'none' && /^[\x20-\x7eÆØÅæøåé€]*$/.test(given + family)) ? 'windows-1252' : 'utf-8';
        const bytesAreUtf8Too = encoding === 'windows-1252' && charset === 'none' && (() => {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(iconv.encode(`${family};${given}`, 'windows-1252'));
            return true;
          } catch {
            return false;
          }
        })();
        fc.pre(iconv.decode(iconv.encode(given + family, encoding), encoding) === given + family && !bytesAreUtf8Too);
        const params = charset === 'none' ? '' : `;CHARSET=${charset.toUpperCase()}`;
        const card = ['BEGIN:VCARD', 'VERSION:2.1', `N${params};ENCODING=QUOTED-PRINTABLE:${softBreak(qp(`${escape(family)};${escape(given)}`, encoding))}`, 'EMAIL;INTERNET;PREF:a@example.no', 'END:VCARD'].join('\r\n');
        const [record] = read(card);
        expect([field(record!.values, 'firstName'), field(record!.values, 'lastName'), field(record!.values, 'email')]).toEqual([given, family, 'a@example.no']);
      }),
      { numRuns: 300 },
    );
  });
});
