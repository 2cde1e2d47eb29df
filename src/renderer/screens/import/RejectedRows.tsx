import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RejectedRow } from '../../../shared/contract/dto.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { rejectedReason } from '../../components/messages.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { downloadCsv } from '../../util/files.ts';
import { formatNumber } from '../../util/format.ts';
import { rejectedFileName, rejectedRowsCsv } from './rejected-csv.ts';

const SHOWN = 100;

/** Every rejected row of a committed import, fetched page by page (the report lists the first 10,000). */
async function allRejectedRows(importId: number): Promise<RejectedRow[]> {
  const all: RejectedRow[] = [];
  for (;;) {
    const page = await api.call('imports.rejectedRows', { importId, afterRow: all.at(-1)?.rowNumber ?? 0 });
    all.push(...page);
    if (page.length === 0) return all;
  }
}

/**
 * Rows that will not be imported, with why and the row as read; all of them downloadable.
 * `rows` may be the first part only (very dirty files): a committed import (`importId`)
 * fetches the rest for the download; a preview says how many it holds.
 */
export function RejectedRows({ rows, total, fileName, importId = null }: { rows: RejectedRow[]; total: number; fileName: string; importId?: number | null }) {
  const { t, i18n } = useTranslation();
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (total === 0) return null;
  const partial = rows.length < total;
  const download = async (): Promise<void> => {
    setError(null);
    if (!partial || importId === null) {
      downloadCsv(rejectedFileName(fileName), rejectedRowsCsv(rows));
      return;
    }
    setDownloading(true);
    try {
      downloadCsv(rejectedFileName(fileName), rejectedRowsCsv(await allRejectedRows(importId)));
    } catch (caught) {
      setError(caught);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <section className="rejected" aria-labelledby="rejected-title" data-testid="rejected-rows">
      <div className="card-head">
        <h3 id="rejected-title">
          {t('import.rejectedRows')} ({formatNumber(total, i18n.language)})
        </h3>
        <button type="button" onClick={() => void download()} disabled={downloading} aria-busy={downloading} data-testid="download-rejected">
          {partial && importId === null
            ? t('import.downloadFirstRejected', { count: rows.length })
            : t('import.downloadRejected')}
        </button>
      </div>
      <p className="muted small">{t('import.rejectedHelp')}</p>
      {partial && importId === null && (
        <p className="muted small" data-testid="rejected-partial">
          {t('import.rejectedPartial', { count: total })}
        </p>
      )}
      <ErrorText error={error} testId="rejected-download-error" />
      <ScrollRegion title={t('import.rejectedRows')} className="short">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('import.row')}
              </th>
              <th scope="col">{t('import.reason')}</th>
              <th scope="col">{t('import.raw')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((row) => (
              <tr key={row.rowNumber}>
                <td className="num">{row.rowNumber}</td>
                <td>{rejectedReason(row, { withoutRow: true })}</td>
                <td>
                  <code className="raw">{row.raw}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {(importId === null ? rows.length : total) > SHOWN && (
        <p className="muted small">{t('import.moreRejected', { count: (importId === null ? rows.length : total) - SHOWN })}</p>
      )}
    </section>
  );
}
