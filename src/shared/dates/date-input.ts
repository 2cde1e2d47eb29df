// A date as a person types or pastes it, read in the UI's language, and a stored date shown
// the way that language writes it. A consent date is evidence, so nothing here guesses: a
// form that could mean two dates, a two-digit year or a half-typed date is refused with a
// reason, never turned into some other day.
//
// Shown as: Norwegian dd.mm.åååå (how Norwegians write dates, zero-padded so the field's
// pattern fits every date); English yyyy-mm-dd, the ISO form the CLI, the exports and the
// ledger use, because "03/12/2024" means 3 December in Britain and 12 March in the United
// States, and an English UI serves both.
//
// Accepted in both languages:
// - yyyy-mm-dd, and the same with / or . between the parts (a four-digit year first is never
//   ambiguous), with two digits for month and day: typed in this order, 2030-06-1 is on its
//   way to 2030-06-15 and must not be read as 1 June;
// - day, month, year with . / - or a space between, one or two digits for day and month, four
//   for the year: in Norwegian always day first (03/12/2024 is 3 December, as in Norway);
//   in English only where the order cannot matter — a part over 12 must be the day
//   (25/12/2024 and 12/25/2024 are both Christmas Day), and equal parts read the same either
//   way — otherwise the field asks for yyyy-mm-dd.
// Refused: a two- or three-digit year (is 03.12.24 1924 or 2024?), digits run together
// (03122024), month names, and years before 1900 or after 2100 (a slip of the keyboard, not a
// consent date).

import type { IsoDate } from '../consent/vocabulary.ts';

export type DateLanguage = 'en' | 'nb';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export type DateInputProblem =
  /** Nothing typed. */
  | 'empty'
  /** A date begun but not finished (or a year with fewer than four digits). */
  | 'incomplete'
  /** Day/month order unknown (English: 03/12/2024); `readings` are the two dates it could be. */
  | 'ambiguous'
  /** Numbers in the right places that name no day (31.02.2024, month 13). */
  | 'not-real'
  /** A year before MIN_YEAR or after MAX_YEAR. */
  | 'out-of-range'
  /** Not a way of writing a date this field understands. */
  | 'unknown';

export type DateInputResult = { ok: true; date: IsoDate } | { ok: false; problem: DateInputProblem; readings?: [IsoDate, IsoDate] };

/** The pattern shown to the user ("dd.mm.åååå" / "yyyy-mm-dd"). */
export function datePattern(language: DateLanguage): string {
  return language === 'nb' ? 'dd.mm.åååå' : 'yyyy-mm-dd';
}

/** A stored ISO date written the language's way; anything that is not one is returned as it is. */
export function formatDate(date: IsoDate, language: DateLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return language === 'nb' ? `${m[3]}.${m[2]}.${m[1]}` : date;
}

// Two digits each: "2030-06-1" is on its way to 2030-06-15, not 1 June.
const YEAR_FIRST = /^(\d{4})[-/.](\d{2})[-/.](\d{2})$/;
const YEAR_LAST = /^(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{4})$/;
const SHORT_YEAR_LAST = /^(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{1,3})$/;
/** What a date looks like while it is being typed: digits with separators, not yet whole. */
const BEGUN = /^(\d{1,4}([-/. ]\d{0,2}([-/. ]\d{0,3})?)?|\d{1,2}[-/. ]\d{1,2}[-/. ]?)$/;

function iso(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function checked(year: number, month: number, day: number): DateInputResult {
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, problem: 'out-of-range' };
  const date = iso(year, month, day);
  return date ? { ok: true, date } : { ok: false, problem: 'not-real' };
}

/** Reads what was typed or pasted into a date field in `language` (see the top of the file). */
export function parseDateInput(text: string, language: DateLanguage): DateInputResult {
  const value = text.trim();
  if (value === '') return { ok: false, problem: 'empty' };

  const yearFirst = YEAR_FIRST.exec(value);
  if (yearFirst) return checked(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));

  const yearLast = YEAR_LAST.exec(value);
  if (yearLast) {
    const [a, b, year] = [Number(yearLast[1]), Number(yearLast[2]), Number(yearLast[3])];
    if (language === 'nb' || a === b) return checked(year, b, a);
    // English: which part is the day is known only when one of them cannot be a month.
    if (a > 12 && b <= 12) return checked(year, b, a);
    if (b > 12 && a <= 12) return checked(year, a, b);
    if (a > 12 && b > 12) return { ok: false, problem: 'not-real' };
    if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, problem: 'out-of-range' };
    const dayFirst = iso(year, b, a);
    const monthFirst = iso(year, a, b);
    if (dayFirst && monthFirst) return { ok: false, problem: 'ambiguous', readings: [dayFirst, monthFirst] };
    return { ok: false, problem: 'not-real' };
  }

  if (SHORT_YEAR_LAST.test(value) || BEGUN.test(value)) return { ok: false, problem: 'incomplete' };
  return { ok: false, problem: 'unknown' };
}
