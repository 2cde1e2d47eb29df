import { useTranslation } from 'react-i18next';
import { messageText } from '../../components/messages.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import type { PreviewRow } from '../../../shared/contract/dto.ts';

/** The first rows as they will be imported, with each row's outcome; problems highlighted. */
export function PreviewRows({ rows }: { rows: PreviewRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="preview-rows-title">
      <h3 id="preview-rows-title">{t('import.rowsShown', { count: rows.length })}</h3>
      <ScrollRegion title={t('import.rowsShown', { count: rows.length })}>
        <table className="data-table" data-testid="preview-rows">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('import.row')}
              </th>
              <th scope="col">{t('import.outcome')}</th>
              <th scope="col">{t('import.email')}</th>
              <th scope="col">{t('import.name')}</th>
              <th scope="col">{t('import.company')}</th>
              <th scope="col">{t('import.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.rowNumber}
                className={`outcome-${row.outcome} ${row.problems.length > 0 ? 'has-problems' : row.warnings.length > 0 ? 'has-warnings' : ''}`}
                data-testid="preview-row"
              >
                <td className="num">{row.rowNumber}</td>
                <td>
                  <span className={`badge badge-outcome-${row.outcome}`}>{t(`import.outcomes.${row.outcome}`)}</span>
                </td>
                <td className="wrap-anywhere">{row.email}</td>
                <td>{[row.firstName, row.lastName].filter(Boolean).join(' ')}</td>
                <td>{row.company}</td>
                <td>
                  {row.problems.length + row.warnings.length > 0 && (
                    <ul className="problems">
                      {row.problems.map((p) => (
                        <li key={`p-${p.text}`} className="problem">
                          {messageText(p)}
                        </li>
                      ))}
                      {row.warnings.map((w) => (
                        <li key={`w-${w.text}`} className="warning">
                          {messageText(w)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
