// The same file (same bytes) was imported before and not undone. Importing it again records
// every person's consent a second time, dated as this batch says, which can make old consent
// look new: the preview says so before anything is written, and the commit asks to confirm.

import { useTranslation } from 'react-i18next';
import type { EarlierImport } from '../../../shared/contract/dto.ts';
import { formatTimestamp } from '../../util/format.ts';

export function AlreadyImported({ earlier, collectedAt }: { earlier: readonly EarlierImport[]; collectedAt: string }) {
  const { t } = useTranslation();
  if (earlier.length === 0) return null;
  return (
    <div className="notice warn already-imported" role="alert" data-testid="already-imported">
      <strong>{t('import.alreadyImportedTitle')}</strong>
      <ul>
        {earlier.map((e) => (
          <li key={e.importId}>{t('import.alreadyImportedItem', { id: e.importId, file: e.fileName, when: formatTimestamp(e.importedAt) })}</li>
        ))}
      </ul>
      <p>{t('import.alreadyImportedHelp', { date: collectedAt })}</p>
    </div>
  );
}
