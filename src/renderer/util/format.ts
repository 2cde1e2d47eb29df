// Numbers, sizes and durations in the user's language. Dates stay ISO (YYYY-MM-DD): that is
// what the CLI, the exports and the ledger use, and it reads the same in every country;
// formatDate is for a date read at a glance in a table (the contacts' "mailable until").

import type { TFunction } from 'i18next';

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

/** A calendar date (YYYY-MM-DD) in the user's language: "3 Dec 2026", "3. des. 2026". */
export function formatDate(iso: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toLocaleDateString(language === 'nb' ? 'nb-NO' : 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
}

/** A stored timestamp (ISO date-time) as "YYYY-MM-DD HH:MM" in local time. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
