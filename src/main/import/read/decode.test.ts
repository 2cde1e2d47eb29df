import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createDecoder, detectBom, detectUtf16WithoutBom, normalizeEncodingName } from './decode.ts';
import { readSource, sniffSource, type RawRecord, type SniffOverrides } from './index.ts';
import { memorySource } from './source.ts';

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

function encode(text: string, encoding: Encoding, bom = true): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), iconv.encode(text, 'utf-16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from(bom ? [0xfe, 0xff] : []), iconv.encode(text, 'utf-16be')]);
    case 'windows-1252':
      return iconv.encode(text, 'windows-1252');
  }
}

async function readAll(bytes: Uint8Array, cuts: number[], overrides: SniffOverrides = {}): Promise<RawRecord[]> {
  const sniff = await sniffSource(memorySource('chunks.csv', bytes), overrides);
  const records: RawRecord[] = [];
  for await (const batch of readSource(memorySource('chunks.csv', bytes, cuts), sniff, { batchSize: 3 })) records.push(...batch);
  return records;
}

function csv(rows: string[][]): string {
  return rows.map((r) => r.map((v) => (/[",\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\n';
}

describe('decoding', () => {
  it('recognises BOMs and BOM-less UTF-16', () => {
    expect(detectBom(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8-bom');
    expect(detectBom(Uint8Array.from([0xff, 0xfe, 0x61, 0]))).toBe('utf-16le');
    expect(detectBom(Uint8Array.from([0xfe, 0xff, 0, 0x61]))).toBe('utf-16be');
    expect(detectBom(Buffer.from('email'))).toBeNull();
    expect(detectUtf16WithoutBom(iconv.encode('email;navn\r\nola@x.no;Ola\r\n', 'utf-16le'))).toBe('utf-16le');
    expect(detectUtf16WithoutBom(iconv.encode('email;navn\r\nola@x.no;Ola\r\n', 'utf-16be'))).toBe('utf-16be');
    expect(detectUtf16WithoutBom(Buffer.from('email;navn\r\n'))).toBeNull();
  });

  it('decodes windows-1252 0x80–0x9F with iconv-lite (€ – “ ” where TextDecoder has failed)', () => {
    const decoder = createDecoder('windows-1252');
    expect(decoder.write(Uint8Array.from([0x80, 0x20, 0x96, 0x20, 0x93, 0x61, 0x94])) + decoder.end()).toBe('€ – “a”');
  });

  it('keeps a UTF-8 character split across chunks whole, and fails loudly on invalid bytes', () => {
    const bytes = Buffer.from('Ødegård', 'utf8');
    const decoder = createDecoder('utf-8');
    expect(decoder.write(bytes.subarray(0, 1)) + decoder.write(bytes.subarray(1, 6)) + decoder.write(bytes.subarray(6)) + decoder.end()).toBe('Ødegård');
    expect(() => createDecoder('utf-8').write(Uint8Array.from([0x41, 0xd8, 0x41]))).toThrow();
  });

  it('knows the names people give encodings', () => {
    expect(normalizeEncodingName('UTF8')).toBe('utf-8');
    expect(normalizeEncodingName('cp1252')).toBe('windows-1252');
    expect(normalizeEncodingName('Latin-1')).toBe('iso-8859-1');
    expect(normalizeEncodingName('ebcdic')).toBeNull();
  });
});

const unicodeCell = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('Ødegård', 'Æsøy', '李伟', '😀👍🏽', 'a,b', 'say "hi"', 'two\r\nlines', 'x\ny', 'é\u0301'),
);
const latinCell = fc.oneof(
  fc.array(fc.constantFrom(...'abcXYZ019 @.,"\r\nÆØÅæøåéü€–“”«»'.split('')), { maxLength: 8 }).map((a) => a.join('')),
  fc.constantFrom('Ødegård', 'Bjørn Æsøy', '50 € – «ok»'),
);
/** A header row of plain names, then data rows. */
function tableOf(cellArb: fc.Arbitrary<string>): fc.Arbitrary<string[][]> {
  return fc.integer({ min: 2, max: 4 }).chain((width) =>
    fc
      .array(fc.array(cellArb, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 })
      .map((rows) => [Array.from({ length: width }, (_, i) => `col${i + 1}`), ...rows.map((r) => [`r${r.length}`, ...r.slice(1)])]),
  );
}

describe('bytes in any chunking give the same records', () => {
  const cases: { name: string; encoding: Encoding; cellArb: fc.Arbitrary<string>; bom: boolean }[] = [
    { name: 'UTF-8', encoding: 'utf-8', cellArb: unicodeCell, bom: true },
    { name: 'UTF-8 with BOM', encoding: 'utf-8-bom', cellArb: unicodeCell, bom: true },
    { name: 'UTF-16 LE with BOM', encoding: 'utf-16le', cellArb: unicodeCell, bom: true },
    { name: 'UTF-16 BE with BOM', encoding: 'utf-16be', cellArb: unicodeCell, bom: true },
    { name: 'UTF-16 LE without BOM', encoding: 'utf-16le', cellArb: latinCell, bom: false },
    { name: 'windows-1252', encoding: 'windows-1252', cellArb: latinCell, bom: true },
  ];
  it.each(cases)('$name', async ({ encoding, cellArb, bom }) => {
    await fc.assert(
      fc.asyncProperty(tableOf(cellArb), fc.array(fc.nat(), { maxLength: 16 }), async (rows, rawCuts) => {
        const bytes = encode(csv(rows), encoding, bom);
        // Every offset is fair: inside multi-byte characters, inside UTF-16 code units and surrogate pairs, between \r and \n.
        const cuts = [...new Set(rawCuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        // windows-1252 text can also be valid UTF-8 ("Æ€" is C6 80): name it, this is about chunking.
        const overrides = encoding === 'windows-1252' ? { encoding } : {};
        const whole = await readAll(bytes, [], overrides);
        const cut = await readAll(bytes, cuts, overrides);
        expect(cut).toEqual(whole);
        expect(whole.map((r) => r.values)).toEqual(rows.slice(1));
      }),
      { numRuns: 150 },
    );
  });

  it('one byte at a time', async () => {
    const bytes = encode(csv([['a', 'b'], ['Ødegård 😀', 'x\r\ny'], ['李伟', '"q"']]), 'utf-16be');
    const all = Array.from({ length: bytes.length }, (_, i) => i);
    expect(await readAll(bytes, all)).toEqual(await readAll(bytes, []));
  });
});
