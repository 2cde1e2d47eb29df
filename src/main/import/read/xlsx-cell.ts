// A spreadsheet cell as the text a person sees in it: dates as ISO dates, numbers without
// floating-point noise (and with the leading zeros a "00000" format shows), rich text as
// plain text, formulas as their cached result, mailto: links as the address.

import type ExcelJS from 'exceljs';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Excel's own test for a date format: date/time letters outside quotes and [brackets]. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhsb]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Serial day number (1900 or 1904 system) to a UTC Date. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** YYYY-MM-DD, with " HH:MM[:SS]" when the cell holds a time of day too. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
}

/** A number the way its format shows it, for the formats contact lists use. */
export function numberText(value: number, format: string | undefined): string {
  if (!Number.isFinite(value)) return '';
  const fmt = (format ?? '').split(';')[0]!.trim();
  // Postcodes and customer numbers: "0000" shows 150 as 0150.
  if (/^0+$/.test(fmt) && Number.isInteger(value) && value >= 0) return String(value).padStart(fmt.length, '0');
  const fixed = /^0\.(0+)$/.exec(fmt);
  if (fixed) return value.toFixed(fixed[1]!.length);
  const percent = /^0(?:\.(0+))?%$/.exec(fmt);
  if (percent) return `${(value * 100).toFixed(percent[1]?.length ?? 0)}%`;
  // General: at most 15 significant digits, as Excel shows (0.1 + 0.2 is 0.3).
  const rounded = Number(value.toPrecision(15));
  return Math.abs(rounded) >= 1e21 ? rounded.toExponential() : String(rounded);
}

/** mailto:ola%40bakeri.no?subject=Hei → ola@bakeri.no */
export function mailtoAddress(link: string): string | null {
  const m = /^mailto:([^?]*)/i.exec(link.trim());
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!).trim();
  } catch {
    return m[1]!.trim();
  }
}

export function cellText(value: ExcelJS.CellValue, format: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return isDateFormat(format) ? dateText(serialToDate(value, date1904)) : numberText(value, format);
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) {
    const address = mailtoAddress(value.hyperlink);
    if (address) return address;
    const text = typeof value.text === 'string' ? value.text : cellText(value.text, format, date1904);
    return text || value.hyperlink;
  }
  if ('error' in value) return value.error;
  if ('result' in value) return cellText(value.result ?? null, format, date1904);
  if ('formula' in value || 'sharedFormula' in value) return '';
  return '';
}
