// What a ledger check found, in the UI's language. Main names the broken item in an English
// sentence with every detail; another language says what kind of item it is and which one.

import type { LedgerStatus } from '../../../shared/contract/dto.ts';
import i18n from '../../i18n/index.ts';

export function ledgerBrokenText(broken: NonNullable<LedgerStatus['firstBroken']>): string {
  if (i18n.language === 'en') return `${broken.reason.charAt(0).toUpperCase()}${broken.reason.slice(1)}.`;
  return i18n.t(`ledger.item.${broken.item}`, { id: broken.id });
}
