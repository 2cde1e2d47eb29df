import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from './dates.ts';

describe('addMonths', () => {
  it.each([
    ['2025-03-01', 24, '2027-03-01'],
    ['2024-02-29', 24, '2026-02-28'], // no Feb 29 in 2026: the month's last day (the shorter window)
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-12-31', 6, '2026-06-30'],
    ['2026-06-15', 0, '2026-06-15'],
    ['2026-06-15', -24, '2024-06-15'],
    ['0050-01-31', 1, '0050-02-28'], // no two-digit-year surprise from Date.UTC
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2027-03-01', -1, '2027-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-06-15', 0, '2026-06-15'],
    ['2021-01-01', 365 * 8 + 1, '2028-12-31'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});
