import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toNfc } from './text.ts';

describe('toNfc', () => {
  it('is String.prototype.normalize("NFC") for any text', () => {
    // Latin-1 and Latin Extended (the fast path), combining marks right after it, and anything.
    const nearBoundary = fc.string({ unit: fc.integer({ min: 0x00, max: 0x3ff }).map((c) => String.fromCharCode(c)) });
    fc.assert(
      fc.property(fc.oneof(nearBoundary, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        expect(toNfc(text)).toBe(text.normalize('NFC'));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['a\u030asa', 'åsa'], // a Mac export's decomposed å
    ['\u212bngstr\u00f6m', '\u00c5ngstr\u00f6m'], // the Ångström sign is a singleton
    ['Ødegård', 'Ødegård'],
    ['plain', 'plain'],
  ])('%s → %s', (input, expected) => {
    expect(toNfc(input)).toBe(expected);
  });
});
