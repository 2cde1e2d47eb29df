import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedStrings, sharedStringText } from './xlsx-shared-strings.ts';

const TEXTS = ['Ødegård', '', 'kunde@firma.no', '😀 emoji', 'x'.repeat(5000), 'Åse', 'same', 'same', 'Tromsø', '  spaces  '];

function tableOf(texts: readonly string[], budgetBytes: number): SharedStrings {
  const table = new SharedStrings(budgetBytes);
  for (const text of texts) table.add(text);
  return table;
}

describe('shared strings', () => {
  it.each([
    ['all in memory', 1024 * 1024, false],
    ['the first in memory, the rest on disk', 100, true],
    ['all on disk', 0, true],
  ])('%s: every string comes back by its index', (_, budget, spilled) => {
    const table = tableOf(TEXTS, budget);
    expect(table.spilled).toBe(spilled);
    expect(table.size).toBe(TEXTS.length);
    expect(TEXTS.map((_, i) => table.get(i))).toEqual(TEXTS); // forward
    expect(TEXTS.map((_, i) => table.get(TEXTS.length - 1 - i))).toEqual([...TEXTS].reverse()); // backward
    table.close();
  });

  it('an index the table does not have is undefined', () => {
    const table = tableOf(TEXTS, 0);
    for (const index of [-1, TEXTS.length, 1.5, Number.NaN]) expect(table.get(index)).toBeUndefined();
    table.close();
    expect(table.size).toBe(0);
    expect(table.get(0)).toBeUndefined();
  });

  it('any order of lookups, any budget: the same strings as an array gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 1500 }),
        fc.nat({ max: 4000 }),
        fc.array(fc.nat(), { maxLength: 400 }),
        (texts, budget, picks) => {
          const table = tableOf(texts, budget);
          try {
            // Mostly forward runs (as a sheet reads) broken by jumps back (repeated values).
            const indexes = picks.flatMap((p, k) => (k % 3 === 0 ? [p % texts.length] : [p % texts.length, (p + 1) % texts.length, (p + 2) % texts.length]));
            for (const i of indexes) expect(table.get(i)).toBe(texts[i]);
          } finally {
            table.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rich text reads as its runs’ text; an empty item as an empty string', () => {
    expect(sharedStringText('plain')).toBe('plain');
    expect(sharedStringText(null)).toBe('');
    expect(sharedStringText({ richText: [{ text: 'Øde' }, { text: null }, { text: 'gård' }] })).toBe('Ødegård');
  });
});
