// The import wizard: choose or drop a file → upload → batch settings (source, date, basis,
// brand, proof) → preview with detected format, editable column mapping, counts and
// problems → commit with progress and cancel → report with undo.

import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportReport, ImportSummary } from '../../../shared/contract/dto.ts';
import type { ProgressEvent } from '../../../shared/contract/events.ts';
import { csvDocument } from '../../../shared/export/csv.ts';
import { FIELD_KEYS } from '../../../shared/import/mapping.ts';
import { todayIso } from '../../../shared/dates/iso-date.ts';
import type { Basis, SourceKind } from '../../../shared/consent/vocabulary.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { SourceSelect } from '../../components/SourceSelect.tsx';
import { useApp } from '../../state/app.ts';
import { downloadText, fileToBase64 } from '../../util/files.ts';

const CHUNK_BYTES = 4 * 1024 * 1024;

interface Staged {
  stagedId: string;
  fileName: string;
}

export function ImportScreen() {
  const { t } = useTranslation();
  const { go, refresh } = useApp();
  const [staged, setStaged] = useState<Staged | null>(null);
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [source, setSource] = useState<SourceKind | ''>('');
  const [collectedAt, setCollectedAt] = useState(todayIso());
  const [basis, setBasis] = useState<Basis | 'file'>('file');
  const [brand, setBrand] = useState('');
  const [proof, setProof] = useState<File | null>(null);
  const [wording, setWording] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [mapping, setMapping] = useState<string[] | null>(null);
  const [overrides, setOverrides] = useState<{ encoding?: string; delimiter?: string; sheet?: string }>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [history, setHistory] = useState<ImportSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [startedAt, setStartedAt] = useState(0);
  const [error, setError] = useState<unknown>(null);

  const loadHistory = async (): Promise<void> => setHistory(await api.call('imports.list', {}));
  useEffect(() => {
    void loadHistory().catch(setError);
    return api.on('import.progress', setProgress);
  }, []);

  async function upload(file: File): Promise<void> {
    setError(null);
    setPreview(null);
    setReport(null);
    setMapping(null);
    setOverrides({});
    setUploadPercent(0);
    try {
      let stagedId: string | undefined;
      for (let offset = 0; offset === 0 || offset < file.size; offset += CHUNK_BYTES) {
        const chunkBase64 = await fileToBase64(file.slice(offset, offset + CHUNK_BYTES));
        const result = await api.call('files.stage', { fileName: file.name, chunkBase64, ...(stagedId ? { stagedId } : {}) });
        stagedId = result.stagedId;
        setUploadPercent(Math.min(100, Math.round(((offset + CHUNK_BYTES) / Math.max(file.size, 1)) * 100)));
      }
      setStaged({ stagedId: stagedId!, fileName: file.name });
    } catch (e) {
      setError(e);
    } finally {
      setUploadPercent(null);
    }
  }

  async function options(): Promise<Parameters<typeof api.call<'import.preview'>>[1]> {
    const hasProof = proof !== null || wording.trim() !== '';
    return {
      stagedId: staged!.stagedId,
      source: source as SourceKind,
      collectedAt,
      basis: basis === 'file' ? null : basis,
      brand: brand.trim() || null,
      overwrite,
      ...(mapping ? { mapping } : {}),
      ...overrides,
      ...(hasProof
        ? { evidence: { ...(proof ? { fileName: proof.name, dataBase64: await fileToBase64(proof) } : {}), ...(wording.trim() ? { text: wording.trim() } : {}) } }
        : {}),
    };
  }

  async function runPreview(): Promise<void> {
    if (!staged || !source) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.call('import.preview', await options());
      setPreview(result);
      setMapping(result.mapping);
    } catch (e) {
      setPreview(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  // Preview again whenever the file, the batch settings or the mapping change.
  useEffect(() => {
    void runPreview();
  }, [staged, source, collectedAt, basis, mapping?.join('|'), overrides]);

  async function commit(): Promise<void> {
    setBusy(true);
    setError(null);
    setProgress(null);
    setStartedAt(Date.now());
    try {
      setReport(await api.call('import.commit', await options()));
      setPreview(null);
      setStaged(null);
      await Promise.all([loadHistory(), refresh()]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  async function undo(importId: number): Promise<void> {
    try {
      await api.call('import.undo', { importId });
      await Promise.all([loadHistory(), refresh()]);
    } catch (e) {
      setError(e);
    }
  }

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) void upload(file);
  };

  const rejectedCsv = (rows: { rowNumber: number; reason: string; raw: string }[]): string =>
    csvDocument(['row', 'reason', 'raw'], rows.map((r) => [String(r.rowNumber), r.reason, r.raw]));

  const seconds =
    progress && progress.total > 0 && progress.current > 0 && startedAt > 0
      ? Math.round((((Date.now() - startedAt) / 1000) * (progress.total - progress.current)) / progress.current)
      : null;

  return (
    <div className="import">
      <h2>{t('import.title')}</h2>
      {report ? (
        <section className="report" data-testid="import-report" aria-live="polite">
          <h3>{t('import.report')}</h3>
          <ImportCounts counts={report} />
          {report.rejectedRows.length > 0 && (
            <button type="button" onClick={() => downloadText(`${report.fileName}-rejected.csv`, rejectedCsv(report.rejectedRows))}>
              {t('import.downloadRejected')}
            </button>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={() => go('contacts')} data-testid="view-contacts">
              {t('import.viewContacts')}
            </button>
            {report.importId !== null && (
              <button type="button" onClick={() => void undo(report.importId!)} data-testid="undo-import">
                {t('import.undo')}
              </button>
            )}
            <button type="button" onClick={() => setReport(null)}>
              {t('import.another')}
            </button>
          </div>
        </section>
      ) : (
        <>
          <div className="dropzone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop} data-testid="dropzone">
            <label className="button primary" htmlFor="import-file">
              {t('import.choose')}
            </label>
            <input id="import-file" type="file" className="visually-hidden" data-testid="import-file" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
            <span className="muted"> {t('import.drop')}</span>
            <p className="muted small">{t('import.formats')}</p>
            {uploadPercent !== null && <progress max={100} value={uploadPercent} aria-label={t('import.uploading', { percent: uploadPercent })} />}
            {staged && <p data-testid="staged-file">{staged.fileName}</p>}
          </div>
          {staged && (
            <section className="batch">
              <h3>{t('import.batch')}</h3>
              <p className="muted small">{t('import.sourceHelp')}</p>
              <div className="field-grid">
                <label htmlFor="import-source">{t('record.source')}</label>
                <SourceSelect id="import-source" value={source} onChange={setSource} testId="import-source" required />
                <label htmlFor="import-date">{t('import.collectedAt')}</label>
                <input id="import-date" type="date" value={collectedAt} onChange={(e) => setCollectedAt(e.target.value)} data-testid="import-date" />
                <label htmlFor="import-basis">{t('record.basis')}</label>
                <select id="import-basis" value={basis} onChange={(e) => setBasis(e.target.value as Basis | 'file')} data-testid="import-basis">
                  <option value="file">{t('basis.fromFile')}</option>
                  <option value="explicit">{t('basis.explicit')}</option>
                  <option value="implicit">{t('basis.implicit')}</option>
                </select>
                <label htmlFor="import-brand">{t('record.brand')}</label>
                <input id="import-brand" value={brand} placeholder={t('record.brandHint')} onChange={(e) => setBrand(e.target.value)} />
                <label htmlFor="import-proof">{t('record.proofFile')}</label>
                <input id="import-proof" type="file" onChange={(e) => setProof(e.target.files?.[0] ?? null)} />
                <label htmlFor="import-wording">{t('record.proofText')}</label>
                <input id="import-wording" value={wording} onChange={(e) => setWording(e.target.value)} />
                <span />
                <label className="inline">
                  <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} data-testid="import-overwrite" />
                  {t('import.overwrite')}
                </label>
              </div>
            </section>
          )}
          <ErrorText error={error} testId="import-error" />
          {busy && !progress && <p className="muted">{t('common.loading')}</p>}
          {preview && staged && (
            <section className="preview" data-testid="import-preview">
              <h3>{t('import.preview')}</h3>
              <p className="detected" data-testid="detected">
                {t('import.format')}: <strong>{preview.sniff.format}</strong> · {t('import.encoding')}: <strong>{preview.sniff.encoding}</strong>
                {preview.sniff.delimiter && (
                  <>
                    {' '}
                    · {t('import.delimiter')}: <strong>{preview.sniff.delimiter === '\t' ? 'tab' : preview.sniff.delimiter}</strong>
                  </>
                )}{' '}
                · {t('import.layout')}: <strong>{preview.sniff.layout ?? t('import.genericLayout')}</strong>
              </p>
              <div className="overrides">
                {preview.sniff.format === 'csv' && (
                  <>
                    <label className="inline">
                      {t('import.encoding')}
                      <select
                        value={overrides.encoding ?? preview.sniff.encoding}
                        onChange={(e) => setOverrides({ ...overrides, encoding: e.target.value })}
                        data-testid="override-encoding"
                      >
                        {['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1'].map((enc) => (
                          <option key={enc} value={enc}>
                            {enc}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className="inline">
                      {t('import.delimiter')}
                      <select
                        value={overrides.delimiter ?? preview.sniff.delimiter ?? ','}
                        onChange={(e) => {
                          setMapping(null);
                          setOverrides({ ...overrides, delimiter: e.target.value });
                        }}
                        data-testid="override-delimiter"
                      >
                        {[',', ';', '\t', '|'].map((d) => (
                          <option key={d} value={d}>
                            {d === '\t' ? 'tab' : d}
                          </option>
                        ))}
                      </select>
                    </label>
                  </>
                )}
                {preview.sniff.sheets.length > 1 && (
                  <label className="inline">
                    {t('import.sheet')}
                    <select
                      value={overrides.sheet ?? preview.sniff.sheet ?? ''}
                      onChange={(e) => {
                        setMapping(null);
                        setOverrides({ ...overrides, sheet: e.target.value });
                      }}
                      data-testid="override-sheet"
                    >
                      {preview.sniff.sheets.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </div>
              <ImportCounts counts={preview.counts} />
              <p className="muted small">{t('import.dryRunNote')}</p>
              <div className="preview-table-wrap">
                <table className="preview-table">
                  <thead>
                    <tr>
                      {preview.sniff.headers.map((header, i) => (
                        <th key={i} scope="col">
                          <div>{header || t('import.unnamedColumn', { n: i + 1 })}</div>
                          <select
                            aria-label={`${t('import.mapping')}: ${header || t('import.unnamedColumn', { n: i + 1 })}`}
                            value={mapping?.[i] ?? 'ignore'}
                            data-testid={`mapping-${i}`}
                            onChange={(e) => setMapping((m) => (m ?? preview.mapping).map((f, j) => (j === i ? e.target.value : f)))}
                          >
                            {FIELD_KEYS.map((key) => (
                              <option key={key} value={key}>
                                {key}
                              </option>
                            ))}
                          </select>
                        </th>
                      ))}
                    </tr>
                  </thead>
                </table>
              </div>
              <table className="rows-table" data-testid="preview-rows">
                <thead>
                  <tr>
                    <th scope="col">{t('import.row')}</th>
                    <th scope="col">{t('contacts.email')}</th>
                    <th scope="col">{t('contacts.name')}</th>
                    <th scope="col">{t('import.outcome')}</th>
                    <th scope="col">{t('import.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.rowNumber} className={`outcome-${row.outcome}`}>
                      <td>{row.rowNumber}</td>
                      <td>{row.email}</td>
                      <td>{[row.firstName, row.lastName].filter(Boolean).join(' ')}</td>
                      <td>
                        <span className={`badge badge-outcome-${row.outcome}`}>{t(`import.outcomes.${row.outcome}`)}</span>
                      </td>
                      <td>{[...row.problems, ...row.warnings].join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.rejectedRows.length > 0 && (
                <button type="button" onClick={() => downloadText(`${staged.fileName}-rejected.csv`, rejectedCsv(preview.rejectedRows))} data-testid="download-rejected">
                  {t('import.downloadRejected')}
                </button>
              )}
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={busy || preview.counts.added + preview.counts.merged === 0}
                  onClick={() => void commit()}
                  data-testid="import-commit"
                >
                  {t('import.commit', { count: preview.counts.added + preview.counts.merged })}
                </button>
              </div>
            </section>
          )}
          {busy && progress && staged && (
            <section className="progress" aria-live="polite" data-testid="import-progress">
              <p>
                {t(`import.step.${progress.step}`)} {progress.rowsPerSecond > 0 && `· ${t('import.rate', { rate: progress.rowsPerSecond.toLocaleString() })}`}
                {seconds !== null && ` · ${t('import.timeLeft', { seconds })}`}
              </p>
              <progress max={progress.total || 1} value={progress.current} />
              <button type="button" onClick={() => void api.call('import.cancel', { stagedId: staged.stagedId })} data-testid="import-cancel">
                {t('import.cancel')}
              </button>
            </section>
          )}
        </>
      )}
      {history.length > 0 && (
        <section className="history">
          <h3>{t('import.history')}</h3>
          <table className="rows-table">
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td>{h.createdAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>{h.fileName}</td>
                  <td>{t(`source.${h.source}`)}</td>
                  <td>
                    {h.rows} {t('import.rows')} · {h.added} {t('import.willAdd')} · {h.merged} {t('import.willMerge')}
                  </td>
                  <td>
                    {h.state === 'undone' ? (
                      <span className="muted">{t('import.undone')}</span>
                    ) : (
                      <button type="button" className="link" onClick={() => void undo(h.id)}>
                        {t('import.undo')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

function ImportCounts({ counts }: { counts: { rows: number; added: number; merged: number; duplicates: number; rejected: number } }) {
  const { t } = useTranslation();
  return (
    <dl className="counts" data-testid="import-counts">
      <div>
        <dt>{t('import.rows')}</dt>
        <dd data-testid="count-rows">{counts.rows}</dd>
      </div>
      <div>
        <dt>{t('import.willAdd')}</dt>
        <dd data-testid="count-added">{counts.added}</dd>
      </div>
      <div>
        <dt>{t('import.willMerge')}</dt>
        <dd data-testid="count-merged">{counts.merged}</dd>
      </div>
      <div>
        <dt>{t('import.duplicates')}</dt>
        <dd data-testid="count-duplicates">{counts.duplicates}</dd>
      </div>
      <div className={counts.rejected > 0 ? 'warn' : ''}>
        <dt>{t('import.rejected')}</dt>
        <dd data-testid="count-rejected">{counts.rejected}</dd>
      </div>
    </dl>
  );
}
