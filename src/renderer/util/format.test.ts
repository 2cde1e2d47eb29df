import { describe, expect, it } from 'vitest';
import { formatDateShort } from './format.ts';

describe('formatDateShort', () => {
  it.each([
    ['2028-06-14', 'en', '14 Jun 2028'],
    ['2028-06-14', 'nb', '14. juni 2028'],
    ['2027-01-01', 'en', '1 Jan 2027'], // the day itself, whatever the machine's time zone
    ['2026-12-31', 'nb', '31. des. 2026'],
    ['not a date', 'en', 'not a date'], // shown as stored rather than as "Invalid Date"
  ])('%s in %s → %s', (iso, language, shown) => {
    expect(formatDateShort(iso, language)).toBe(shown);
  });
});
