// The dry run: what Tillit detected, what each column holds (editable: a change checks the
// file again), how many rows will be added, merged, skipped or rejected, and the rows with
// their problems, before anything is written.

import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { useImport } from '../../state/import.ts';
import { ColumnMapping } from './ColumnMapping.tsx';
import { CommitBar } from './CommitBar.tsx';
import { DetectedFormat } from './DetectedFormat.tsx';
import { ImportCounts } from './ImportCounts.tsx';
import { PreviewRows } from './PreviewRows.tsx';
import { RejectedRows } from './RejectedRows.tsx';

export function PreviewPanel() {
  const { t } = useTranslation();
  const { staged, preview, previewing, previewError } = useImport();
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
      <ErrorText error={previewError} testId="import-error" />
      {preview && (
        <div className={previewing ? 'stale' : ''}>
          <DetectedFormat sniff={preview.sniff} />
          <ImportCounts counts={preview.counts} />
          <ColumnMapping headers={preview.sniff.headers} mapping={preview.mapping} />
          <PreviewRows rows={preview.rows} />
          <RejectedRows rows={preview.rejectedRows} total={preview.counts.rejected} fileName={staged?.fileName ?? 'import'} />
          <CommitBar counts={preview.counts} />
        </div>
      )}
    </section>
  );
}
