// The dry run: what Tillit detected, what each column holds (editable: a change checks the
// file again), how many rows will be added, merged, skipped or rejected, and the rows with
// their problems, before anything is written.

import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { messageText } from '../../components/messages.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useImport } from '../../state/import.ts';
import { formatBytes } from '../../util/format.ts';
import { AlreadyImported } from './AlreadyImported.tsx';
import { ColumnMapping } from './ColumnMapping.tsx';
import { CommitBar } from './CommitBar.tsx';
import { ConsentForecastView } from './ConsentForecastView.tsx';
import { DetectedFormat } from './DetectedFormat.tsx';
import { ImportCounts } from './ImportCounts.tsx';
import { MergeConflicts } from './MergeConflicts.tsx';
import { PreviewRows } from './PreviewRows.tsx';
import { RejectedRows } from './RejectedRows.tsx';
import { WarnedRows } from './WarnedRows.tsx';

export function PreviewPanel() {
  const { t, i18n } = useTranslation();
  const { staged, settings, preview, previewing, previewProgress, previewError } = useImport();
  const reading = previewing && previewProgress?.step === 'reading' && previewProgress.total > 0 ? previewProgress : null;
  return (
    <section className="card preview" aria-labelledby="preview-title" aria-busy={previewing} data-testid="import-preview">
      <div className="card-head">
        <h2 id="preview-title">{t('import.preview')}</h2>
        {previewing && (
          <span className="busy" role="status" data-testid="previewing">
            {t('import.previewing')}
          </span>
        )}
      </div>
      <p className="muted">{t('import.previewHelp')}</p>
      {reading && (
        <div data-testid="preview-progress">
          <ProgressBar label={t('import.previewing')} value={reading.current} max={reading.total} />
          <p className="muted small">
            {t('import.progressBytes', { current: formatBytes(reading.current, t, i18n.language), total: formatBytes(reading.total, t, i18n.language) })}
          </p>
        </div>
      )}
      <ErrorText error={previewError} testId="import-error" />
      {preview && (
        <div className={previewing ? 'stale' : ''}>
          <AlreadyImported earlier={preview.alreadyImported} collectedAt={settings.collectedAt} />
          <DetectedFormat sniff={preview.sniff} />
          {/* Without an e-mail column no row was read: counts of zero would mislead. */}
          {!preview.mappingProblem && <ImportCounts counts={preview.counts} />}
          {!preview.mappingProblem && preview.counts.added + preview.counts.merged > 0 && <ConsentForecastView forecast={preview.forecast} mapping={preview.mapping} />}
          <ColumnMapping headers={preview.sniff.headers} mapping={preview.mapping} samples={preview.sniff.samples} format={preview.sniff.format} />
          {preview.mappingProblem && (
            <p className="error" role="alert" data-testid="mapping-problem">
              {messageText(preview.mappingProblem)}
            </p>
          )}
          <WarnedRows summary={preview.warnings} fileName={staged?.fileName ?? 'import'} />
          <MergeConflicts conflicts={preview.conflicts} />
          <RejectedRows rows={preview.rejectedRows} total={preview.counts.rejected} fileName={staged?.fileName ?? 'import'} />
          <PreviewRows rows={preview.rows} />
          <CommitBar key={staged?.stagedId} counts={preview.counts} importedBefore={preview.alreadyImported.length > 0} />
        </div>
      )}
    </section>
  );
}
