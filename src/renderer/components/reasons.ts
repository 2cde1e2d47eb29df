// Reason codes come from the server as strings; known ones are translated from the code,
// an unknown one (a newer server) is shown as the code rather than hidden.

import type { TFunction } from 'i18next';
import { en } from '../i18n/en.ts';

type ReasonKey = Exclude<keyof typeof en.reason, 'unknownCode'>;

function isReasonKey(code: string): code is ReasonKey {
  return code !== 'unknownCode' && Object.prototype.hasOwnProperty.call(en.reason, code);
}

export function reasonSentence(t: TFunction, code: string): string {
  return isReasonKey(code) ? t(`reason.${code}`) : t('reason.unknownCode', { code });
}
