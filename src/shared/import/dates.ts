// Dates the way people and exports write them, to ISO YYYY-MM-DD.
//
// Rules (in this order):
// - ISO dates and timestamps: 2024-03-05, 2024-03-05T10:11:12Z, Mailchimp's
//   "2024-03-05 10:11:12", listmonk's "2024-03-05 10:11:12.123+00", also 2024/03/05 and
//   20240305. A timestamp's date is taken as written (no time-zone shifting).
// - Dotted day-first (Norwegian, German): 05.03.2024, 5.3.24.
// - Slashed or dashed a/b/yyyy: month first when the file comes from a US-centric export
//   (`usDates`); otherwise decided only when it cannot be read two ways (13/03/2024 is day
//   first, 03/13/2024 month first, 03/03/2024 either) — 03/05/2024 is a problem, not a guess.
// - Month names in English or Norwegian: "05 Mar 2024" (LinkedIn), "5. mars 2024",
//   "March 5, 2024", "Mar 5, 2024 10:11 AM".
// - Excel serial day numbers (45356 is 2024-03-05), when a spreadsheet lost the date format.
// Two-digit years are 2000–2069 for 00–69 and 1970–1999 for 70–99. Years outside 1900–2100
// are refused: no contact list has them.

import type { CodedMessage, MessageCode } from '../contract/dto.ts';

export interface ParsedDate {
  /** ISO YYYY-MM-DD, or null. */
  date: string | null;
  /** Why the text is not a date (null date and non-empty text); params: value. */
  problem?: Required<CodedMessage>;
}

const MONTHS: [number, string[]][] = [
  [1, ['january', 'januar']],
  [2, ['february', 'februar']],
  [3, ['march', 'mars']],
  [4, ['april']],
  [5, ['may', 'mai']],
  [6, ['june', 'juni']],
  [7, ['july', 'juli']],
  [8, ['august']],
  [9, ['september', 'sept']],
  [10, ['october', 'oktober']],
  [11, ['november']],
  [12, ['december', 'desember']],
];

/** "mar", "mars", "March", "okt." → month number; the word must start a month's name (at least 3 letters). */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  for (const [n, names] of MONTHS) if (names.some((name) => name.startsWith(w))) return n;
  return null;
}

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function notADate(code: MessageCode, value: string, text: string): ParsedDate {
  return { date: null, problem: { text, code, params: { value } } };
}

function result(date: string | null, original: string): ParsedDate {
  return date ? { date } : notADate('date-not-real', original, `“${original}” is not a real calendar date`);
}

/** A time of day that may follow a date: 10:11, 10:11:12.123, 10:11 AM, with a zone. */
const TIME = String.raw`(?:[T ]\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?`;

const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})${TIME}$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})${TIME.replace('[T ]', '[T ,]')}$`);
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})\.?\s+([A-Za-zæøåÆØÅ]+\.?),?\s+(\d{4})${TIME.replace('[T ]', '[T ,]')}$`);
const MONTH_NAME_DAY = new RegExp(String.raw`^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})${TIME.replace('[T ]', '[T ,]')}$`);

export function parseDate(value: string, usDates = false): ParsedDate {
  const v = value.trim().replace(/\s+/g, ' ');
  if (v === '') return { date: null };

  let m = ISO.exec(v) ?? COMPACT.exec(v);
  if (m) return result(iso(Number(m[1]), Number(m[2]), Number(m[3])), v);

  m = DOTTED.exec(v);
  if (m) return result(iso(fullYear(m[3]!), Number(m[2]), Number(m[1])), v);

  m = SLASHED.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = fullYear(m[4]!);
    if (usDates) return result(iso(y, a, b), v);
    if (a > 12) return result(iso(y, b, a), v);
    if (b > 12 || a === b) return result(iso(y, a, b), v);
    return notADate('date-ambiguous', v, `“${v}” can be read as day/month or month/day; write it as YYYY-MM-DD (or 05.03.2024 for 5 March)`);
  }

  m = DAY_MONTH_NAME.exec(v);
  if (m && monthNumber(m[2]!)) return result(iso(Number(m[3]), monthNumber(m[2]!)!, Number(m[1])), v);
  m = MONTH_NAME_DAY.exec(v);
  if (m && monthNumber(m[1]!)) return result(iso(Number(m[3]), monthNumber(m[1]!)!, Number(m[2])), v);

  // An Excel serial day number: 20000–80000 is 1954–2119.
  if (/^\d{5}(?:[.,]\d+)?$/.test(v)) {
    const serial = Math.floor(Number(v.replace(',', '.')));
    if (serial >= 20000 && serial <= 80000) {
      // Day 25569 is 1970-01-01 (Excel's count includes a 29 February 1900 that never was).
      const date = new Date((serial - 25569) * 86_400_000);
      return result(iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()), v);
    }
  }
  return notADate('date-unknown', v, `“${v}” is not a date Tillit understands; write it as YYYY-MM-DD`);
}
