// Errors as the user sees them. The server answers a bad payload with code 'bad-request' and
// the zod issues in `details`; each issue has a path, so a message can be shown next to the
// field that caused it instead of in one banner.

import { ApiCallError } from '../../shared/contract/envelope.ts';
import { ConnectionError } from '../api/http-transport.ts';
import { appErrorText, fileErrorText } from '../components/messages.ts';
import i18n from '../i18n/index.ts';

export function errorMessage(error: unknown): string {
  if (error instanceof ConnectionError) {
    return error.status === null
      ? i18n.t('app.unreachable')
      : i18n.t('app.badAnswer', { status: error.status, detail: error.message });
  }
  // A file the reader refused, and the errors main sends with a sentence code, are said in
  // the UI's language; other messages are main's own.
  if (error instanceof Error) return fileErrorText(error) ?? appErrorText(error) ?? error.message;
  return typeof error === 'string' ? error : String(error);
}

interface Issue {
  path: (string | number)[];
  message: string;
}

function isIssue(value: unknown): value is Issue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { path?: unknown; message?: unknown };
  return Array.isArray(v.path) && typeof v.message === 'string';
}

/**
 * Splits an error into messages per field and what is left over. An issue belongs to the
 * deepest path segment that `fields` names: ['evidence', 'url'] lands on 'url' when the form
 * has a URL field, on 'evidence' otherwise.
 */
export function splitFieldErrors(error: unknown, fields: readonly string[]): { byField: Record<string, string>; other: string | null } {
  if (!error) return { byField: {}, other: null };
  if (!(error instanceof ApiCallError) || error.code !== 'bad-request' || !Array.isArray(error.details)) {
    return { byField: {}, other: errorMessage(error) };
  }
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of error.details as unknown[]) {
    if (!isIssue(issue)) continue;
    const field = issue.path.map(String).findLast((segment) => fields.includes(segment));
    if (field && !byField[field]) byField[field] = issue.message;
    else if (!field) rest.push(issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message);
  }
  if (Object.keys(byField).length === 0 && rest.length === 0) return { byField, other: error.message };
  return { byField, other: rest.length > 0 ? rest.join('; ') : null };
}
