// Messages from main (a rejected row's reason, a warning, a file that cannot be imported) in
// the UI's language. Main writes them in English with a code; another language shows its
// translation of the code. English keeps main's own wording, which says more (which part of
// a domain is wrong, say).

import type { Status } from '../../shared/consent/vocabulary.ts';
import { APP_MESSAGE_CODES, FILE_ERROR_CODES, type AppMessageCode, type CodedMessage, type FileErrorCode, type FileErrorDetails, type RejectedRow } from '../../shared/contract/dto.ts';
import { ApiCallError } from '../../shared/contract/envelope.ts';
import i18n from '../i18n/index.ts';

export function messageText(message: CodedMessage): string {
  const { code, params = {} } = message;
  if (code === undefined || i18n.language === 'en') return message.text;
  const status = code === 'suppressed' ? i18n.t(`status.${params.status as Status}`) : undefined;
  return i18n.t(`messages.${code}`, { ...params, ...(status ? { status } : {}) });
}

/**
 * An error main sent with a sentence code (APP_MESSAGE_CODES) in the UI's language; null for
 * other errors. English, and a code this UI does not know, keep main's message.
 */
export function appErrorText(error: unknown): string | null {
  if (!(error instanceof ApiCallError) || !isAppMessageCode(error.messageCode) || i18n.language === 'en') return null;
  const params = error.messageParams;
  // The ledger's finding is an English sentence; this language names the kind of item instead.
  const what = error.messageCode === 'ledger-broken' ? i18n.t(`ledger.item.${params.item as 'event'}`, { id: params.id }) : undefined;
  return i18n.t(`errors.${error.messageCode}`, { ...params, ...(what ? { what } : {}) });
}

/**
 * Why a row was rejected, in the UI's language. `withoutRow`: beside a column that shows the
 * row number, the sentence's own "row 5: " is left out (the number is not printed twice).
 */
export function rejectedReason(row: RejectedRow, { withoutRow = false } = {}): string {
  const text = messageText({ text: row.reason, code: row.code, params: row.params });
  if (!withoutRow) return text;
  const prefix = `${i18n.t('fileError.row', { row: row.rowNumber })}: `;
  return text.toLowerCase().startsWith(prefix.toLowerCase()) ? capitalize(text.slice(prefix.length)) : text;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isAppMessageCode(value: unknown): value is AppMessageCode {
  return (APP_MESSAGE_CODES as readonly unknown[]).includes(value);
}

function isFileErrorCode(value: unknown): value is FileErrorCode {
  return (FILE_ERROR_CODES as readonly unknown[]).includes(value);
}

/**
 * A file the reader refused ('import-failed' with a reader code), as "<file> (row N, column
 * M): <sentence>" in the UI's language; null for any other error. English, and a code this
 * UI does not know, keep main's message.
 */
export function fileErrorText(error: unknown): string | null {
  if (!(error instanceof ApiCallError) || error.code !== 'import-failed') return null;
  // Main sends FileErrorDetails with every reader error; other import failures have none.
  const details = error.details as FileErrorDetails | null | undefined;
  if (!details || !isFileErrorCode(details.code)) return null;
  if (i18n.language === 'en') return error.message;
  const { code, file, row, column, params, parts } = details;
  const problems = parts?.map((part) => i18n.t(`messages.${part.code}`, part.params)).join('; ');
  const message = i18n.t(`messages.${code}`, { ...params, ...(problems ? { problems } : {}) });
  const where = [];
  if (row !== null) where.push(i18n.t('fileError.row', { row }));
  if (column !== null) where.push(i18n.t('fileError.column', { column }));
  return where.length > 0 ? i18n.t('fileError.at', { file, where: where.join(', '), message }) : i18n.t('fileError.whole', { file, message });
}
