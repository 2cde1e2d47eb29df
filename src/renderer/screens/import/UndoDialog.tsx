// Undoing an import asks first: the file and when it was imported, how many contacts will be
// removed and how many changed back (import.undoPreview counts them with the undo's own SQL),
// then says what the undo did.

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UndoCounts, UndoPreview } from '../../../shared/contract/dto.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { announce } from '../../state/announcer.ts';
import { useImport } from '../../state/import.ts';
import { formatDay, formatTimestamp } from '../../util/format.ts';

interface Props {
  importId: number;
  onClose(): void;
}

export function UndoDialog({ importId, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { undo, undoing, historyError } = useImport();
  const [preview, setPreview] = useState<UndoPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<UndoCounts | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    api.call('import.undoPreview', { importId }).then(
      (value) => current && setPreview(value),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [importId]);

  useEffect(() => {
    if (done) doneHeading.current?.focus();
  }, [done]);

  async function confirm(): Promise<void> {
    const result = await undo(importId); // null on failure; the error shows in the dialog
    if (!result || !preview) return;
    setDone(result.undone);
    announce(
      `${t('import.undoneTitle', { fileName: preview.import.fileName })} ${t('import.undoneRemoved', { count: result.undone.removed })} ${t('import.undoneChanged', { count: result.undone.changedBack })}`,
    );
  }

  const fileName = preview?.import.fileName ?? '';
  return (
    <Dialog labelledBy="undo-title" onClose={onClose} testId="undo-dialog">
      <div className="undo-dialog">
        {done ? (
          <>
            <h2 id="undo-title" ref={doneHeading} tabIndex={-1}>
              {t('import.undoneTitle', { fileName })}
            </h2>
            <ul className="undo-counts" data-testid="undo-result">
              <li>{t('import.undoneRemoved', { count: done.removed })}</li>
              <li>{t('import.undoneChanged', { count: done.changedBack })}</li>
            </ul>
            <div className="actions">
              <button type="button" className="primary" onClick={onClose} data-testid="undo-close">
                {t('common.close')}
              </button>
            </div>
          </>
        ) : (
          <>
            <h2 id="undo-title">{preview ? t('import.undoTitle', { fileName }) : t('import.undo')}</h2>
            <ErrorText error={error ?? historyError} testId="undo-error" />
            {!preview && !error && <p className="muted">{t('import.undoCounting')}</p>}
            {preview && (
              <>
                <p className="muted" data-testid="undo-when">
                  {t('import.undoWhen', {
                    when: formatTimestamp(preview.import.createdAt, i18n.language),
                    date: formatDay(preview.import.collectedAt, i18n.language),
                  })}
                </p>
                {preview.removed + preview.changedBack === 0 ? (
                  <p data-testid="undo-counts">{t('import.undoNothing')}</p>
                ) : (
                  <ul className="undo-counts" data-testid="undo-counts">
                    <li>{t('import.undoRemoved', { count: preview.removed })}</li>
                    <li>{t('import.undoChanged', { count: preview.changedBack })}</li>
                    <li className="muted">{t('import.undoLedger', { count: preview.eventsVoided })}</li>
                  </ul>
                )}
              </>
            )}
            <div className="actions">
              <button type="button" onClick={onClose} data-testid="undo-cancel">
                {t('import.undoKeep')}
              </button>
              <button type="button" className="danger" disabled={!preview || undoing !== null} onClick={() => void confirm()} data-testid="undo-confirm">
                {undoing === importId ? t('import.undoing') : t('import.undoYes')}
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
