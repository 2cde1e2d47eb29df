import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../shared/contract/dto.ts';
import { STATUSES } from '../../../shared/consent/vocabulary.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { downloadCsv } from '../../util/files.ts';
import { formatNumber } from '../../util/format.ts';

/** Counts, who was left out by status, and the three files as downloads. */
export function ExportResultView({ result }: { result: ExportResult }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const base = result.fileName.replace(/\.csv$/i, '');
  const files = [
    { key: 'downloadList', fileName: result.fileName, csv: result.csv, testId: 'download-export' },
    { key: 'downloadSuppression', fileName: `${base}-suppression.csv`, csv: result.suppressionCsv, testId: 'download-suppression' },
    { key: 'downloadReport', fileName: `${base}-report.csv`, csv: result.reportCsv, testId: 'download-report' },
  ] as const;

  useEffect(() => {
    heading.current?.focus();
  }, [result]);

  const excluded = STATUSES.filter((status) => (result.excludedByStatus[status] ?? 0) > 0);
  return (
    <section className="card export-result" aria-labelledby="export-result-title" data-testid="export-result">
      <h2 id="export-result-title" ref={heading} tabIndex={-1}>
        {t('export.resultTitle', { fileName: result.fileName })}
      </h2>
      <p className="export-counts">
        <strong data-testid="export-included" data-value={result.included}>
          {t('export.included', { count: result.included })}
        </strong>
        <span className="muted" data-testid="export-excluded" data-value={result.excluded}>
          {t('export.excluded', { count: result.excluded })}
        </span>
      </p>
      {result.included === 0 && <p className="notice warn">{t('export.noneIncluded')}</p>}
      {excluded.length > 0 && (
        <>
          <h3>{t('export.excludedBy')}</h3>
          <ul className="excluded-list" data-testid="export-excluded-by-status">
            {excluded.map((status) => (
              <li key={status}>
                <StatusBadge status={status} /> <span className="num">{formatNumber(result.excludedByStatus[status] ?? 0, i18n.language)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('export.downloads')}</h3>
      <div className="actions column">
        {files.map((file, i) => (
          <button key={file.key} type="button" className={i === 0 ? 'primary' : ''} onClick={() => downloadCsv(file.fileName, file.csv)} data-testid={file.testId}>
            {t(`export.${file.key}`, { fileName: file.fileName })}
          </button>
        ))}
      </div>
    </section>
  );
}
