import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { useImport } from '../../state/import.ts';
import { formatDay, formatNumber, formatTimestamp } from '../../util/format.ts';
import { importFileName } from './file-name.ts';
import { UndoDialog } from './UndoDialog.tsx';

/** Every import so far, newest first, each undoable as a unit. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const { history, historyError, loadHistory, committing, undoing } = useImport();
  const [confirming, setConfirming] = useState<number | null>(null);

  useEffect(() => {
    void loadHistory(); // reports its own errors
  }, [loadHistory]);

  const n = (value: number): string => formatNumber(value, i18n.language);

  return (
    <section className="card history" aria-labelledby="history-title" data-testid="import-history">
      <h2 id="history-title">{t('import.history')}</h2>
      {confirming === null && <ErrorText error={historyError} />}
      {confirming !== null && <UndoDialog importId={confirming} onClose={() => setConfirming(null)} />}
      {history && history.length === 0 && <p className="muted">{t('import.historyEmpty')}</p>}
      {history && history.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('import.when')}</th>
                <th scope="col">{t('import.file')}</th>
                <th scope="col">{t('import.source')}</th>
                <th scope="col">{t('import.collectedAt')}</th>
                <th scope="col">{t('import.countsLabel')}</th>
                <th scope="col">{t('import.state')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id} className={h.state === 'undone' ? 'undone' : ''} data-testid="history-row">
                  <td className="nowrap">{formatTimestamp(h.createdAt, i18n.language)}</td>
                  <td className="break-word">{importFileName(h.fileName)}</td>
                  <td>{t(`source.${h.source}`)}</td>
                  <td className="nowrap">{formatDay(h.collectedAt, i18n.language)}</td>
                  <td>{t('import.historyCounts', { rows: n(h.rows), added: n(h.added), merged: n(h.merged), rejected: n(h.rejected) })}</td>
                  <td>
                    {h.state === 'undone' ? (
                      <span className="muted">{t('import.undone')}</span>
                    ) : (
                      <button
                        type="button"
                        className="link nowrap"
                        disabled={committing || undoing !== null}
                        onClick={() => setConfirming(h.id)}
                        aria-label={`${t('import.undo')}: ${h.fileName}`}
                        data-testid={`history-undo-${h.id}`}
                      >
                        {undoing === h.id ? t('import.undoing') : t('import.undo')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
