// Every code main can send a message with has a sentence in both languages, naming the same
// values: a code added to the contract without its Norwegian would show English in the
// Norwegian UI, and nothing else would notice (nb.ts may leave out any key).

import { describe, expect, it } from 'vitest';
import { APP_MESSAGE_CODES, FILE_ERROR_CODES, HEADER_PROBLEM_CODES, MESSAGE_CODES } from '../../shared/contract/dto.ts';
import { en } from './en.ts';
import { nb } from './nb.ts';

const CODES: readonly string[] = [...MESSAGE_CODES, ...FILE_ERROR_CODES, ...HEADER_PROBLEM_CODES];

/** The keys a code's sentence is under: the code, or its plural forms (Norwegian and English both have "one" and "other"). */
function keysOf(messages: Record<string, string | undefined>, code: string): string[] {
  if (messages[code] !== undefined) return [code];
  return [`${code}_one`, `${code}_other`].filter((key) => messages[key] !== undefined);
}

function placeholders(text: string | undefined): string[] {
  return [...(text ?? '').matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!).sort();
}

const english: Record<string, string | undefined> = en.messages;
const norwegian: Record<string, string | undefined> = nb.messages ?? {};

describe('messages.* translations', () => {
  it('no code means two things', () => {
    expect(new Set(CODES).size).toBe(CODES.length);
  });

  it.each(CODES)('%s has a Norwegian and an English sentence with the same values', (code) => {
    const keys = keysOf(english, code);
    expect(keys.length, `en.ts messages has no ${code}`).toBeGreaterThan(0);
    expect(keysOf(norwegian, code), `nb.ts messages has no ${code} (or not each of its plural forms)`).toEqual(keys);
    for (const key of keys) expect(placeholders(norwegian[key]), `${key} in nb.ts`).toEqual(placeholders(english[key]));
  });

  it('every sentence belongs to a code main sends', () => {
    const stale = Object.keys(english).filter((key) => !CODES.includes(key.replace(/_(one|other)$/, '')));
    expect(stale).toEqual([]);
  });

  it('the file name, row and column around a file error are translated', () => {
    expect(Object.keys(nb.fileError ?? {}).sort()).toEqual(Object.keys(en.fileError).sort());
  });
});

describe('errors.* translations', () => {
  const englishErrors: Record<string, string | undefined> = en.errors;
  const norwegianErrors: Record<string, string | undefined> = nb.errors ?? {};

  it.each(APP_MESSAGE_CODES)('%s has a Norwegian and an English sentence with the same values', (code) => {
    expect(englishErrors[code], `en.ts errors has no ${code}`).toBeDefined();
    expect(norwegianErrors[code], `nb.ts errors has no ${code}`).toBeDefined();
    expect(placeholders(norwegianErrors[code])).toEqual(placeholders(englishErrors[code]));
  });

  it('every sentence belongs to a code main sends', () => {
    expect(Object.keys(englishErrors).sort()).toEqual([...APP_MESSAGE_CODES].sort());
  });
});
