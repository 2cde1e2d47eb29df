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

// Norwegian is complete: every English string has a Norwegian one, and no English sentence
// is left inside nb.ts (a copied value, or a Norwegian sentence with English words in it).

type Tree = { [key: string]: string | Tree | undefined };

/** Every string in a translation tree by its dotted key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else if (value) for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** Values that are the same in both languages: names, brands, codes, symbols. */
const SAME_IN_BOTH = new Set(['app.name', 'common.none', 'export.profileNames.mailchimp', 'export.profileNames.hubspot', 'export.profileNames.brevo', 'export.profileNames.listmonk', 'settings.policyNames.casl']);
/** Words that are English and not Norwegian, as whole words (not "to": "to år" is two years). */
const ENGLISH_WORDS = ['the', 'and', 'with', 'your', 'you', 'this', 'that', 'which', 'from', 'have', 'has', 'been', 'will', 'cannot', 'please', 'should', 'would', 'there', 'their', 'they', 'is', 'are', 'was', 'were', 'of'];
const ENGLISH = new RegExp(`(^|[^\\p{L}])(${ENGLISH_WORDS.join('|')})(?=$|[^\\p{L}])`, 'iu');

/** Text a reader sees: without {{placeholders}}, `code` and addresses, which are not language. */
function prose(text: string): string {
  return text.replace(/\{\{[^}]*\}\}/g, ' ').replace(/`[^`]*`/g, ' ').replace(/\b\S+@\S*|https?:\S+|#token=\S*/g, ' ');
}

/** The keys whose Norwegian is missing, copied from English, or has English words in it. */
function englishLeftovers(english: Tree, norwegian: Tree): string[] {
  const en = flatten(english);
  const nb = flatten(norwegian);
  const problems: string[] = [];
  for (const [key, text] of en) {
    const translated = nb.get(key);
    if (translated === undefined) problems.push(`${key}: missing (the Norwegian UI would show “${text}”)`);
    else if (translated === text && !SAME_IN_BOTH.has(key) && prose(text).trim().split(/\s+/).length > 2) problems.push(`${key}: still English, “${text}”`);
  }
  for (const [key, text] of nb) {
    const word = ENGLISH.exec(prose(text));
    if (word) problems.push(`${key}: the English word “${word[2]}” in “${text}”`);
  }
  return problems;
}

describe('Norwegian is complete, with no English left in it', () => {
  it('every English string has a Norwegian one, and none is English', () => {
    expect(englishLeftovers(en as unknown as Tree, nb as Tree)).toEqual([]);
  });

  it.each([
    ['a sentence copied from English', { ...nb, detail: { ...nb.detail, timelineHelp: en.detail.timelineHelp } }, 'detail.timelineHelp: still English'],
    ['an English phrase inside a Norwegian sentence', { ...nb, dateField: { ...nb.dateField, incomplete: 'Datoen er ikke ferdig: write the year with four digits.' } }, 'the English word'],
    ['a key left out', { ...nb, help: undefined, dateField: { ...nb.dateField, future: undefined } }, 'dateField.future: missing'],
  ])('fails on %s', (_name, planted, expected) => {
    const problems = englishLeftovers(en, planted);
    expect(problems.some((p) => p.includes(expected)), problems.join('\n')).toBe(true);
  });
});
