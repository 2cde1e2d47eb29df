// Every warned row as a CSV the user can check in a spreadsheet: the row as a spreadsheet
// numbers it, the address, name, company, what happens to it, its warnings in the UI's
// language, and whether they were accepted.

import type { WarnedRow } from '../../../shared/contract/dto.ts';
import { csvDocument } from '../../../shared/export/csv.ts';
import { messageText } from '../../components/messages.ts';
import i18n from '../../i18n/index.ts';

export function warnedRowsCsv(rows: readonly WarnedRow[]): string {
  const t = i18n.t.bind(i18n);
  return csvDocument(
    [t('import.row'), t('import.email'), t('import.name'), t('import.company'), t('import.outcome'), t('import.warningsColumn'), t('import.warningState')],
    rows.map((r) => [
      r.rowNumber,
      r.email,
      r.name,
      r.company,
      t(`import.outcomes.${r.outcome}`),
      r.warnings.map((w) => messageText(w)).join('; '),
      r.accepted ? t('import.warningAccepted') : r.warnings.every((w) => w.code === 'typo-fixed') ? t('import.warningFixed') : t('import.warningOpen'),
    ]),
  );
}

export function warnedFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]+$/, '')}-warnings.csv`;
}
