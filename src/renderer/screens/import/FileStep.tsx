// Choose or drop the file (or several vCard files, joined into one); it is handed to the app
// at once (in 4 MiB base64 chunks) with a progress bar. Several vCard files are named as such
// ("5 vCard files"), not as a file that does not exist.

import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useImport } from '../../state/import.ts';
import { formatBytes } from '../../util/format.ts';

export function FileStep() {
  const { t, i18n } = useTranslation();
  const { staged, cardFiles, uploading, uploadError, committing, uploadFiles } = useImport();
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0 && !committing) void uploadFiles(files); // reports its own errors
  };

  const percent = uploading && uploading.total > 0 ? Math.round((uploading.sent / uploading.total) * 100) : 0;
  return (
    <section
      className={`dropzone ${dragging ? 'dragging' : ''} ${staged ? 'compact' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      aria-labelledby="import-file-label"
      data-testid="dropzone"
    >
      {staged ? (
        <p className="staged" data-testid="staged-file">
          <span className="check-mark" aria-hidden="true">
            ✓
          </span>
          {t('import.uploaded', { name: cardFiles === null ? staged.fileName : t('import.cardFiles', { count: cardFiles }), size: formatBytes(staged.size, t, i18n.language) })}
        </p>
      ) : (
        <p className="dropzone-lead">{dragging ? t('import.dropActive') : t('import.formats')}</p>
      )}
      <div className="dropzone-actions">
        {/* A real, visible-on-focus file input under a styled label: keyboard and screen readers work. */}
        <input
          id="import-file"
          type="file"
          multiple
          className="file-input"
          disabled={uploading !== null || committing}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = ''; // the same file can be chosen again
            if (files.length > 0) void uploadFiles(files);
          }}
          data-testid="import-file"
        />
        <label id="import-file-label" htmlFor="import-file" className={`button ${staged ? '' : 'primary'}`}>
          {staged ? t('import.changeFile') : t('import.choose')}
        </label>
        {!staged && <span className="muted">{t('import.drop')}</span>}
      </div>
      {uploading && (
        <div className="upload-progress" data-testid="upload-progress">
          <p role="status">{t('import.uploading', { name: uploading.fileName, percent })}</p>
          <ProgressBar label={t('import.uploading', { name: uploading.fileName, percent })} value={uploading.sent} max={uploading.total} />
        </div>
      )}
      <ErrorText error={uploadError} testId="upload-error" />
    </section>
  );
}
