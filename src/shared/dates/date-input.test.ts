import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datePattern, formatDate, parseDateInput, type DateInputResult, type DateLanguage } from './date-input.ts';

const ok = (date: string): DateInputResult => ({ ok: true, date });
const no = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });

describe('parseDateInput', () => {
  it.each<[DateLanguage, string, unknown]>([
    // Norwegian: day first, whatever the separator.
    ['nb', '03.12.2024', ok('2024-12-03')],
    ['nb', '3.12.2024', ok('2024-12-03')],
    ['nb', '3.2.2024', ok('2024-02-03')],
    ['nb', '03/12/2024', ok('2024-12-03')],
    ['nb', '03-12-2024', ok('2024-12-03')],
    ['nb', '03 12 2024', ok('2024-12-03')],
    ['nb', ' 03.12.2024 ', ok('2024-12-03')],
    ['nb', '2024-12-03', ok('2024-12-03')],
    ['nb', '29.02.2024', ok('2024-02-29')],
    ['nb', '29.02.2023', no('not-real')],
    ['nb', '31.02.2024', no('not-real')],
    ['nb', '31.04.2024', no('not-real')],
    ['nb', '00.12.2024', no('not-real')],
    ['nb', '12.13.2024', no('not-real')],
    ['nb', '03.12.24', no('incomplete')],
    ['nb', '03.12.202', no('incomplete')],
    ['nb', '03.12.', no('incomplete')],
    ['nb', '03.1', no('incomplete')],
    ['nb', '0', no('incomplete')],
    ['nb', '2024-1', no('incomplete')],
    ['nb', '', no('empty')],
    ['nb', '   ', no('empty')],
    ['nb', '03122024', no('unknown')],
    ['nb', '3. desember 2024', no('unknown')],
    ['nb', 'i går', no('unknown')],
    ['nb', '03.12.1899', no('out-of-range')],
    ['nb', '03.12.2101', no('out-of-range')],
    ['nb', '0224-12-03', no('out-of-range')],
    // English: ISO, and day/month only where the order cannot matter.
    ['en', '2024-12-03', ok('2024-12-03')],
    ['en', '2024/12/03', ok('2024-12-03')],
    ['en', '2024.12.03', ok('2024-12-03')],
    ['en', '2024-12-3', no('incomplete')],
    ['en', '2030-06-1', no('incomplete')],
    ['en', '2024-6-15', no('incomplete')],
    ['en', '25/12/2024', ok('2024-12-25')],
    ['en', '12/25/2024', ok('2024-12-25')],
    ['en', '05/05/2024', ok('2024-05-05')],
    ['en', '03.12.2024', { ok: false, problem: 'ambiguous', readings: ['2024-12-03', '2024-03-12'] }],
    ['en', '03/12/2024', { ok: false, problem: 'ambiguous', readings: ['2024-12-03', '2024-03-12'] }],
    ['en', '31/02/2024', no('not-real')],
    ['en', '13/13/2024', no('not-real')],
    ['en', '2024-02-30', no('not-real')],
    ['en', '2024-12-', no('incomplete')],
    ['en', '202', no('incomplete')],
    ['en', '12/25/24', no('incomplete')],
    ['en', 'Dec 3, 2024', no('unknown')],
  ])('%s %j', (language, text, expected) => {
    expect(parseDateInput(text, language)).toEqual(expected);
  });

  it('every prefix of a date being typed is incomplete, never another date', () => {
    for (const [language, typed] of [
      ['nb', '03.12.2024'],
      ['en', '2024-12-03'],
      ['en', '2030-06-15'],
      ['nb', '15.06.2030'],
      ['nb', '2030-06-15'],
    ] as const) {
      for (let n = 1; n < typed.length; n++) {
        const result = parseDateInput(typed.slice(0, n), language);
        expect(result.ok, `${language} ${typed.slice(0, n)}`).toBe(false);
      }
      expect(parseDateInput(typed, language).ok).toBe(true);
    }
  });
});

describe('formatDate', () => {
  it.each<[DateLanguage, string, string]>([
    ['nb', '2024-12-03', '03.12.2024'],
    ['en', '2024-12-03', '2024-12-03'],
    ['nb', 'not a date', 'not a date'],
  ])('%s %s → %s', (language, date, shown) => {
    expect(formatDate(date, language)).toBe(shown);
  });

  it('the pattern shown matches the length of a formatted date', () => {
    for (const language of ['en', 'nb'] as const) expect(datePattern(language)).toHaveLength(formatDate('2024-12-03', language).length);
  });
});

describe('format → parse', () => {
  const day = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));

  it('round-trips every date from 1900 to 2100 in both languages', () => {
    fc.assert(
      fc.property(day, fc.constantFrom<DateLanguage>('en', 'nb'), (date, language) => {
        expect(parseDateInput(formatDate(date, language), language)).toEqual(ok(date));
      }),
      { numRuns: 5000 },
    );
  });

  it('never reads a date as a different day: a result is the date written, or a refusal', () => {
    fc.assert(
      fc.property(day, fc.constantFrom('.', '/', '-', ' '), fc.boolean(), (date, sep, pad) => {
        const [y, m, d] = date.split('-');
        const p = (s: string): string => (pad ? s : String(Number(s)));
        const dayFirst = `${p(d!)}${sep}${p(m!)}${sep}${y}`;
        expect(parseDateInput(dayFirst, 'nb')).toEqual(ok(date));
        const english = parseDateInput(dayFirst, 'en');
        if (english.ok) expect(english.date).toBe(date);
        else expect(english.problem).toBe('ambiguous');
      }),
      { numRuns: 5000 },
    );
  });
});
