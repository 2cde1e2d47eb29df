// Numbers, sizes, durations and dates in the user's language. Dates are stored and sent as
// ISO (YYYY-MM-DD), what the CLI, the exports and the ledger use; English shows them so, and
// Norwegian as DD.MM.YYYY.

import type { TFunction } from 'i18next';
import { formatDate } from '../../shared/dates/date-input.ts';

export function formatNumber(n: number, language: string): string {
  return n.toLocaleString(language === 'nb' ? 'nb-NO' : 'en-GB');
}

export function formatBytes(bytes: number, t: TFunction, language: string): string {
  const n = (value: number, digits = 1): string => formatNumber(Number(value.toFixed(digits)), language);
  if (bytes < 1024) return t('units.bytes', { n: formatNumber(bytes, language) });
  if (bytes < 1024 ** 2) return t('units.kb', { n: n(bytes / 1024, 0) });
  if (bytes < 1024 ** 3) return t('units.mb', { n: n(bytes / 1024 ** 2) });
  return t('units.gb', { n: n(bytes / 1024 ** 3) });
}

export function formatDuration(seconds: number, t: TFunction): string {
  if (seconds < 90) return t('units.seconds', { n: Math.max(1, Math.round(seconds)) });
  return t('units.minutes', { n: Math.round(seconds / 60) });
}

/** A calendar date (YYYY-MM-DD) read at a glance, with the month's name: "3 Dec 2026", "3. des. 2026". */
export function formatDateShort(iso: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toLocaleDateString(language === 'nb' ? 'nb-NO' : 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
}

/**
 * A stored timestamp (ISO date-time) in local time: "YYYY-MM-DD HH:MM", or in Norwegian
 * "DD.MM.YYYY HH:MM" (the date as the date fields write it, shared/dates/date-input.ts).
 */
export function formatTimestamp(iso: string, language = 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${formatDate(day, language === 'nb' ? 'nb' : 'en')} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A stored date (YYYY-MM-DD) the way the UI's language writes it (Norwegian: DD.MM.YYYY). */
export function formatDay(date: string, language: string): string {
  return formatDate(date, language === 'nb' ? 'nb' : 'en');
}
