// Messages from main (a rejected row's reason, a warning) in the UI's language. Main writes
// them in English with a code; another language shows its translation of the code. English
// keeps main's own wording, which says more (which part of a domain is wrong, say).

import type { Status } from '../../shared/consent/vocabulary.ts';
import type { CodedMessage, RejectedRow } from '../../shared/contract/dto.ts';
import i18n from '../i18n/index.ts';

export function messageText(message: CodedMessage): string {
  const { code, params = {} } = message;
  if (code === undefined || i18n.language === 'en') return message.text;
  const status = code === 'suppressed' ? i18n.t(`status.${params.status as Status}`) : undefined;
  return i18n.t(`messages.${code}`, { ...params, ...(status ? { status } : {}) });
}

/** Why a row was rejected, in the UI's language. */
export function rejectedReason(row: RejectedRow): string {
  return messageText({ text: row.reason, code: row.code, params: row.params });
}
