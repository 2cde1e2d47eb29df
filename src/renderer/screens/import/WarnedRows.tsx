// Every warned row of the file, not only the preview's first rows: how many of each kind, the
// rows themselves (a typo fixed with one press, any warning accepted), and all of them as a
// CSV. In the report the same list, read-only; a committed import keeps every warned row and
// the download fetches them page by page.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_WARNED_LIMIT, type WarnedRow, type WarningSummary } from '../../../shared/contract/dto.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { messageText } from '../../components/messages.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useImport } from '../../state/import.ts';
import { downloadCsv } from '../../util/files.ts';
import { formatNumber } from '../../util/format.ts';
import { warnedFileName, warnedRowsCsv } from './warned-csv.ts';

const SHOWN = 100;
const KINDS = ['typo', 'role', 'disposable', 'suppressed'] as const;
type Kind = (typeof KINDS)[number] | 'consent-cell';

/** Counts by kind; the consent cells that could not be read are one kind for the user. */
function kindCounts(summary: WarningSummary): [Kind, number][] {
  const counts: [Kind, number][] = KINDS.flatMap((kind) => (summary.byKind[kind] ? [[kind, summary.byKind[kind]] as [Kind, number]] : []));
  const cells = Object.entries(summary.byKind).reduce((sum, [code, n]) => sum + ((KINDS as readonly string[]).includes(code) ? 0 : (n ?? 0)), 0);
  if (cells > 0) counts.push(['consent-cell', cells]);
  return counts;
}

async function allWarnedRows(importId: number): Promise<WarnedRow[]> {
  const all: WarnedRow[] = [];
  for (;;) {
    const page = await api.call('imports.warnedRows', { importId, afterRow: all.at(-1)?.rowNumber ?? 0 });
    if (page.length === 0) return all;
    all.push(...page);
  }
}

export function WarnedRows({ summary, fileName, importId = null }: { summary: WarningSummary; fileName: string; importId?: number | null }) {
  const { t, i18n } = useTranslation();
  const { fixes, setFix, setAccepted, committing } = useImport();
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inPreview = importId === null;
  if (summary.list.length === 0) return null;
  const partial = summary.list.length >= REPORT_WARNED_LIMIT;
  const open = summary.list.filter((r) => !r.accepted && r.warnings.some((w) => w.code !== 'typo-fixed'));

  const download = async (): Promise<void> => {
    setError(null);
    if (!partial || importId === null) {
      downloadCsv(warnedFileName(fileName), warnedRowsCsv(summary.list));
      return;
    }
    setDownloading(true);
    try {
      downloadCsv(warnedFileName(fileName), warnedRowsCsv(await allWarnedRows(importId)));
    } catch (caught) {
      setError(caught);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section className="warnings" aria-labelledby="warnings-title" data-testid="warned-rows">
      <div className="card-head">
        <h3 id="warnings-title">
          {t('import.warningsTitle')} ({formatNumber(summary.rows, i18n.language)})
        </h3>
        <button type="button" onClick={() => void download()} disabled={downloading} aria-busy={downloading} data-testid="download-warned">
          {t('import.downloadWarned')}
        </button>
      </div>
      <p className="muted small">{inPreview ? t('import.warningsHelp') : t('import.warningsReportHelp')}</p>
      <dl className="counts compact" aria-label={t('import.warningKindsLabel')} data-testid="warning-counts">
        {kindCounts(summary).map(([kind, n]) => (
          <div key={kind} className="count warn">
            <dt>{t(`import.warningKinds.${kind}`)}</dt>
            <dd data-testid={`warning-count-${kind}`} data-value={n}>
              {formatNumber(n, i18n.language)}
            </dd>
          </div>
        ))}
        {summary.accepted > 0 && (
          <div className="count">
            <dt>{t('import.warningKinds.accepted')}</dt>
            <dd data-testid="warning-count-accepted" data-value={summary.accepted}>
              {formatNumber(summary.accepted, i18n.language)}
            </dd>
          </div>
        )}
        {summary.fixed > 0 && (
          <div className="count">
            <dt>{t('import.warningKinds.fixed')}</dt>
            <dd data-testid="warning-count-fixed" data-value={summary.fixed}>
              {formatNumber(summary.fixed, i18n.language)}
            </dd>
          </div>
        )}
      </dl>
      {inPreview && open.length > 1 && (
        <div className="actions">
          <button type="button" disabled={committing} onClick={() => setAccepted(open.map((r) => r.rowNumber), true)} data-testid="accept-all-warnings">
            {t('import.acceptAll', { count: open.length })}
          </button>
        </div>
      )}
      <ErrorText error={error} testId="warned-download-error" />
      <ScrollRegion title={t('import.warningsTitle')} className="short">
        <table className="data-table" data-testid="warned-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('import.row')}
              </th>
              <th scope="col">{t('import.email')}</th>
              <th scope="col">{t('import.name')}</th>
              <th scope="col">{t('import.warningsColumn')}</th>
              {inPreview && <th scope="col">{t('import.whatToDo')}</th>}
            </tr>
          </thead>
          <tbody>
            {summary.list.slice(0, SHOWN).map((row) => {
              const typo = row.warnings.find((w) => w.code === 'typo');
              const fixed = fixes[row.rowNumber] !== undefined;
              const openHere = !row.accepted && row.warnings.some((w) => w.code !== 'typo-fixed');
              return (
                <tr key={row.rowNumber} className={openHere ? 'has-warnings' : 'resolved'} data-testid="warned-row" data-row={row.rowNumber}>
                  <td className="num">{row.rowNumber}</td>
                  <td className="wrap-anywhere">{row.email}</td>
                  <td>{row.name}</td>
                  <td>
                    <ul className="problems">
                      {row.warnings.map((w) => (
                        <li key={`${w.code ?? ''}-${w.text}`} className="warning">
                          {messageText(w)}
                        </li>
                      ))}
                      {row.accepted && <li className="muted">{t('import.warningAccepted')}</li>}
                    </ul>
                  </td>
                  {inPreview && (
                    <td className="row-actions">
                      {typo?.params?.suggestion !== undefined && !fixed && !row.accepted && (
                        <button type="button" disabled={committing} onClick={() => setFix(row.rowNumber, String(typo.params!.suggestion))} data-testid="fix-typo">
                          {t('import.useSuggestion', { suggestion: typo.params.suggestion })}
                        </button>
                      )}
                      {fixed && (
                        <button type="button" className="link" disabled={committing} onClick={() => setFix(row.rowNumber, null)} aria-label={t('import.undoFixRow', { row: row.rowNumber })} data-testid="undo-fix">
                          {t('import.undoFix')}
                        </button>
                      )}
                      {openHere && (
                        <button type="button" disabled={committing} onClick={() => setAccepted([row.rowNumber], true)} aria-label={t('import.acceptWarningRow', { row: row.rowNumber })} data-testid="accept-warning">
                          {t('import.acceptWarning')}
                        </button>
                      )}
                      {row.accepted && (
                        <button type="button" className="link" disabled={committing} onClick={() => setAccepted([row.rowNumber], false)} aria-label={t('import.undoAcceptRow', { row: row.rowNumber })} data-testid="unaccept-warning">
                          {t('import.undoAccept')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {summary.list.length > SHOWN && <p className="muted small">{t('import.moreWarned', { count: summary.list.length - SHOWN })}</p>}
    </section>
  );
}
