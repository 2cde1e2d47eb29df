import { describe, expect, it } from 'vitest';
import { plainSentence } from './sentences.ts';

describe('plainSentence (the export report, as an owner reads it)', () => {
  it.each([
    ['Rule 7 (seed 003): bought on 2024-06-01, which counted for 2 years (until 2026-06-01).', 'Bought on 2024-06-01, which counted for 2 years (until 2026-06-01).'],
    ['Rule 3 (markedsføringsloven § 15 (2)): they unsubscribed on 2026-02-20.', 'They unsubscribed on 2026-02-20.'],
    ['Advice (seed 003): ask for explicit consent.', 'Advice: ask for explicit consent.'],
    ['Only one-to-one outreach is allowed.', 'Only one-to-one outreach is allowed.'],
    ['Rule 1 (unclosed: nothing to strip', 'Rule 1 (unclosed: nothing to strip'],
  ])('%s', (sentence, plain) => {
    expect(plainSentence(sentence)).toBe(plain);
  });
});
