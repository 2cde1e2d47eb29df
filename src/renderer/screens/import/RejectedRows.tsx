import { useTranslation } from 'react-i18next';
import type { RejectedRow } from '../../../shared/contract/dto.ts';
import { downloadCsv } from '../../util/files.ts';
import { formatNumber } from '../../util/format.ts';
import { rejectedFileName, rejectedRowsCsv } from './rejected-csv.ts';

const SHOWN = 100;

/** Rows that will not be imported, with why and the row as read; all of them downloadable. */
export function RejectedRows({ rows, total, fileName }: { rows: RejectedRow[]; total: number; fileName: string }) {
  const { t, i18n } = useTranslation();
  if (total === 0) return null;
  return (
    <section className="rejected" aria-labelledby="rejected-title" data-testid="rejected-rows">
      <div className="card-head">
        <h3 id="rejected-title">
          {t('import.rejectedRows')} ({formatNumber(total, i18n.language)})
        </h3>
        <button type="button" onClick={() => downloadCsv(rejectedFileName(fileName), rejectedRowsCsv(rows))} data-testid="download-rejected">
          {t('import.downloadRejected')}
        </button>
      </div>
      <p className="muted small">{t('import.rejectedHelp')}</p>
      <div className="table-scroll short">
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
                <td>{row.reason}</td>
                <td>
                  <code className="raw">{row.raw}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN && <p className="muted small">{t('import.moreRejected', { count: rows.length - SHOWN })}</p>}
    </section>
  );
}
