// The import wizard: choose or drop a file → it uploads → say where the list came from →
// check the preview (format, columns, counts, problems) → import with progress → report,
// with undo. Past imports are listed below, each undoable.

import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useImport } from '../../state/import.ts';
import { BatchSettingsForm } from './BatchSettingsForm.tsx';
import { CommitProgress } from './CommitProgress.tsx';
import { FileStep } from './FileStep.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import { ImportSteps, type ImportStep } from './ImportSteps.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';

export function ImportScreen() {
  const { t } = useTranslation();
  const { staged, settings, preview, committing, report } = useImport();

  const step: ImportStep = report ? 'report' : committing ? 'import' : preview ? 'preview' : staged ? 'settings' : 'file';
  return (
    <div className="import">
      <ScreenTitle>{t('import.title')}</ScreenTitle>
      <ImportSteps current={step} />
      {report ? (
        <ImportReportView report={report} />
      ) : (
        <>
          <FileStep />
          {staged && <BatchSettingsForm />}
          {staged && settings.source && !committing && <PreviewPanel />}
          {committing && <CommitProgress />}
        </>
      )}
      <ImportHistory />
    </div>
  );
}
