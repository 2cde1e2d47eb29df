// How an import's file is named on screen: several vCard files chosen together are stored as
// "5 vCard files" (card-files.ts, the CLI's words too); the UI says that in its own language.

import i18n from '../../i18n/index.ts';

const CARD_SET = /^(\d+) vCard files$/;

export function importFileName(fileName: string): string {
  const set = CARD_SET.exec(fileName);
  return set ? i18n.t('import.cardFiles', { count: Number(set[1]) }) : fileName;
}
