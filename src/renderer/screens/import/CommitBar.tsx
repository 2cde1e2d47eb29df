import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCounts } from '../../../shared/contract/dto.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { useImport } from '../../state/import.ts';

/**
 * "Import N contacts": new plus merged rows, the ones that will be written. A file imported
 * before needs the user's say-so first (see AlreadyImported).
 */
export function CommitBar({ counts, importedBefore }: { counts: ImportCounts; importedBefore: boolean }) {
  const { t } = useTranslation();
  const { commit, previewing, committing, commitError, notice } = useImport();
  const [again, setAgain] = useState(false);
  const count = counts.added + counts.merged;
  return (
    <div className="commit-bar">
      {notice === 'cancelled' && (
        <p className="notice neutral" role="status" data-testid="import-cancelled">
          {t('import.cancelled')}
        </p>
      )}
      <ErrorText error={commitError} testId="commit-error" />
      {count === 0 && <p className="notice warn">{t('import.nothingToImport')}</p>}
      {importedBefore && (
        <div className="checkbox-field">
          <input id="import-again" type="checkbox" checked={again} onChange={(e) => setAgain(e.target.checked)} data-testid="import-again" />
          <label htmlFor="import-again">{t('import.importAgain')}</label>
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary large" disabled={count === 0 || previewing || committing || (importedBefore && !again)} onClick={() => void commit()} data-testid="import-commit">
          {t('import.commit', { count })}
        </button>
      </div>
    </div>
  );
}
