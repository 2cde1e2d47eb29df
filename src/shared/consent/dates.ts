// Calendar arithmetic for consent windows, on ISO dates (YYYY-MM-DD), in whole UTC days.

import type { IsoDate } from './vocabulary.ts';

/**
 * The same day `months` later. When that month is shorter, the last day of that month:
 * 2024-02-29 + 24 months = 2026-02-28, and 2025-08-31 + 6 months = 2026-02-28. Of the two
 * readings of "two years from a leap day" (Feb 28 or Mar 1), this is the shorter window:
 * the safer one for consent.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = utc(year, month, 0).getUTCDate();
  return format(year, month, Math.min(d, lastDay));
}

/** The date `days` later (negative: earlier). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  const moved = utc(y, m - 1, d + days);
  return format(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** Like Date.UTC, without its mapping of years 0–99 to 1900–1999. */
function utc(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
