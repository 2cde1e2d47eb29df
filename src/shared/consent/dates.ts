// Calendar arithmetic for consent windows, on ISO dates, in UTC.

import type { IsoDate } from './vocabulary.ts';

/**
 * The date `months` later. When that month is shorter (2024-02-29 + 24 months), the
 * result is the last day of that month (2026-02-28): the shorter window, the safer reading.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
