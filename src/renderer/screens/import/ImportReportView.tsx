// The finished import: the counts, the rejected rows, a way to the contacts, and undo.

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/contract/dto.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { announce } from '../../state/announcer.ts';
import { useApp } from '../../state/app.ts';
import { useContacts } from '../../state/contacts.ts';
import { useImport } from '../../state/import.ts';
import { ConsentForecastView } from './ConsentForecastView.tsx';
import { importFileName } from './file-name.ts';
import { ImportCounts } from './ImportCounts.tsx';
import { RejectedRows } from './RejectedRows.tsx';
import { UndoDialog } from './UndoDialog.tsx';
import { WarnedRows } from './WarnedRows.tsx';

export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const { reset, history, historyError, undoing } = useImport();
  const navigate = useApp((s) => s.navigate);
  const setQuery = useContacts((s) => s.setQuery);
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  const state = history?.find((h) => h.id === report.importId)?.state;
  const undone = state === 'undone';

  useEffect(() => {
    heading.current?.focus();
    announce(t('import.reportAnnounce', { added: report.added, merged: report.merged, rejected: report.rejected }));
  }, [report, t]);

  return (
    <section className="card report" aria-labelledby="report-title" data-testid="import-report">
      <h2 id="report-title" ref={heading} tabIndex={-1}>
        {t('import.report')}
      </h2>
      <p className="muted">{t('import.reportSummary', { fileName: importFileName(report.fileName), seconds: Math.max(0.1, report.durationMs / 1000).toFixed(1) })}</p>
      <ImportCounts counts={report} />
      {report.added + report.merged > 0 && <ConsentForecastView forecast={report.forecast} done />}
      <WarnedRows summary={report.warnings} fileName={report.fileName} importId={report.importId} />
      <RejectedRows rows={report.rejectedRows} total={report.rejected} fileName={report.fileName} importId={report.importId} />
      {undone && !confirming && (
        <p className="notice neutral" role="status" data-testid="import-undone">
          {t('import.undoDone', { fileName: report.fileName })}
        </p>
      )}
      {!confirming && <ErrorText error={historyError} />}
      {confirming && report.importId !== null && <UndoDialog importId={report.importId} onClose={() => setConfirming(false)} />}
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            setQuery({ status: [], search: '', warned: false });
            navigate('contacts');
          }}
          data-testid="view-contacts"
        >
          {t('import.viewContacts')}
        </button>
        {report.importId !== null && !undone && (
          <button type="button" onClick={() => setConfirming(true)} disabled={undoing !== null} data-testid="undo-import">
            {undoing === report.importId ? t('import.undoing') : t('import.undo')}
          </button>
        )}
        <button type="button" onClick={reset} data-testid="import-another">
          {t('import.another')}
        </button>
      </div>
    </section>
  );
}
