import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from './dates.ts';

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024-03-05T10:11:12Z', '2024-03-05'],
    ['2024-03-05T23:30:00-08:00', '2024-03-05'], // the date as written, no zone shifting
    ['2024-03-05 10:11:12', '2024-03-05'], // Mailchimp
    ['2024-03-05 10:11:12.123456+00', '2024-03-05'], // listmonk (PostgreSQL)
    ['2024-03-05 10:11:12-05:00', '2024-03-05'], // Eventbrite
    ['05.03.2024', '2024-03-05'], // Norwegian
    ['5.3.2024', '2024-03-05'],
    ['05.03.24', '2024-03-05'],
    ['05.03.2024 14:30', '2024-03-05'],
    ['31.12.99', '1999-12-31'],
    ['13/03/2024', '2024-03-13'], // day first: 13 cannot be a month
    ['03/13/2024', '2024-03-13'], // month first: 13 cannot be a month
    ['03/03/2024', '2024-03-03'],
    ['13-03-2024', '2024-03-13'],
    ['05 Mar 2024', '2024-03-05'], // LinkedIn
    ['5. mars 2024', '2024-03-05'],
    ['5 desember 2023', '2023-12-05'],
    ['17. okt. 2023', '2023-10-17'],
    ['March 5, 2024', '2024-03-05'],
    ['Mar 5, 2024 10:11 AM', '2024-03-05'],
    ['Sept 9 2023', '2023-09-09'],
    ['45356', '2024-03-05'], // Excel serial day
    ['45356.75', '2024-03-05'],
    ['  2024-03-05  ', '2024-03-05'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ date: iso });
  });

  it('reads slashed dates month first in US-centric exports', () => {
    expect(parseDate('3/5/2024', true)).toEqual({ date: '2024-03-05' });
    expect(parseDate('12/31/2023 11:59 PM', true)).toEqual({ date: '2023-12-31' });
    expect(parseDate('13/05/2024', true).date).toBeNull();
  });

  it.each([
    ['3/5/2024', 'date-ambiguous', /can be read as day\/month or month\/day/],
    ['03-05-2024', 'date-ambiguous', /can be read as day\/month or month\/day/],
    ['2024-02-30', 'date-not-real', /not a real calendar date/],
    ['31.04.2024', 'date-not-real', /not a real calendar date/],
    ['1850-01-01', 'date-not-real', /not a real calendar date/],
    ['12345', 'date-unknown', /not a date Tillit understands/], // a serial day of 1933: a postcode, more likely
    ['Marathon 5, 2024', 'date-unknown', /not a date Tillit understands/],
    ['yesterday', 'date-unknown', /not a date Tillit understands/],
    ['0/0/00', 'date-not-real', /not a real calendar date/], // Outlook's empty birthday
  ])('refuses %s (%s)', (text, code, problem) => {
    const result = parseDate(text);
    expect(result.date).toBeNull();
    expect(result.problem).toEqual({ text: expect.stringMatching(problem), code, params: { value: text } });
  });

  it('an empty cell is no date and no problem', () => {
    expect(parseDate('  ')).toEqual({ date: null });
  });

  it('reads back every real date written as ISO, Norwegian, LinkedIn and a US export would', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1901, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (date) => {
        const y = date.getUTCFullYear();
        const m = date.getUTCMonth() + 1;
        const d = date.getUTCDate();
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(parseDate(iso).date).toBe(iso);
        expect(parseDate(`${d}.${m}.${y}`).date).toBe(iso);
        expect(parseDate(`${String(d).padStart(2, '0')} ${months[m - 1]} ${y}`).date).toBe(iso);
        expect(parseDate(`${m}/${d}/${y}`, true).date).toBe(iso);
        const slashed = parseDate(`${d}/${m}/${y}`);
        expect(slashed.date === iso || (slashed.date === null && d <= 12 && d !== m)).toBe(true);
      }),
    );
  });
});
