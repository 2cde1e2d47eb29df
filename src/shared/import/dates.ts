// Dates the way people write them in contact exports, to ISO YYYY-MM-DD.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, mai: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, okt: 10, nov: 11, dec: 12, des: 12,
};

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function year(text: string): number {
  const y = Number(text);
  return text.length === 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

/**
 * ISO dates and timestamps (Mailchimp's "2024-03-05 10:11:12"), Norwegian 05.03.2024,
 * slashed dates (day first, unless the layout is US, and refused when ambiguous), LinkedIn's
 * "05 Mar 2024", "Mar 5, 2024", and Excel serial day numbers.
 */
export function parseDate(value: string, usDates = false): { date: string | null; problem?: string } {
  const v = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(v);
  if (m) return ok(iso(Number(m[1]), Number(m[2]), Number(m[3])), v);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?: .*)?$/.exec(v);
  if (m) return ok(iso(year(m[3]!), Number(m[2]), Number(m[1])), v);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?: .*)?$/.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = year(m[3]!);
    if (usDates) return ok(iso(y, a, b), v);
    if (a > 12) return ok(iso(y, b, a), v);
    if (b > 12) return ok(iso(y, a, b), v);
    if (a === b) return ok(iso(y, a, b), v);
    return { date: null, problem: `“${v}” could be day/month or month/day; write it as YYYY-MM-DD` };
  }
  m = /^(\d{1,2})\.? ([A-Za-zæøå]{3})[a-zæøå]*\.? (\d{4})$/.exec(v);
  if (m && MONTHS[m[2]!.toLowerCase()]) return ok(iso(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])), v);
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(v);
  if (m && MONTHS[m[1]!.toLowerCase()]) return ok(iso(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2])), v);
  if (/^\d{5}(\.\d+)?$/.test(v)) {
    const serial = Math.floor(Number(v));
    if (serial > 20000 && serial < 80000) {
      // Excel's day 1 is 1900-01-01, and it counts a 29 February 1900 that never was.
      const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
      return ok(iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()), v);
    }
  }
  return { date: null, problem: `“${v}” is not a date Tillit understands; write it as YYYY-MM-DD` };
}

function ok(date: string | null, original: string): { date: string | null; problem?: string } {
  return date ? { date } : { date: null, problem: `“${original}” is not a real calendar date` };
}
