// Export: a send-ready file for the chosen e-mail tool with only contacts mailable on the
// date, plus the suppression list and the report of who was left out and why.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../shared/contract/dto.ts';
import { EXPORT_PROFILES, type ExportProfileId } from '../../../shared/contract/requests.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { useApp } from '../../state/app.ts';
import { downloadText } from '../../util/files.ts';

export function ExportScreen() {
  const { t } = useTranslation();
  const { info } = useApp();
  const [profile, setProfile] = useState<ExportProfileId>('mailchimp');
  const [asOf, setAsOf] = useState('');
  const [result, setResult] = useState<ExportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.call('export.run', { profile, ...(asOf ? { asOf } : {}) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const base = result?.fileName.replace(/\.csv$/, '') ?? '';
  return (
    <div className="export">
      <h2>{t('export.title')}</h2>
      <p className="muted">{t('export.intro')}</p>
      <fieldset className="profiles">
        <legend>{t('export.profile')}</legend>
        {EXPORT_PROFILES.map((id) => (
          <label key={id} className="radio">
            <input type="radio" name="profile" value={id} checked={profile === id} onChange={() => setProfile(id)} data-testid={`profile-${id}`} />
            {t(`export.profiles.${id}`)}
          </label>
        ))}
      </fieldset>
      <label className="inline">
        {t('app.asOf')} <input type="date" value={asOf} placeholder={info?.today} onChange={(e) => setAsOf(e.target.value)} data-testid="export-as-of" />
      </label>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void run()} data-testid="export-run">
          {t('export.run')}
        </button>
      </div>
      <ErrorText error={error} />
      {result && (
        <section className="export-result" data-testid="export-result" aria-live="polite">
          <p>
            <strong data-testid="export-included">{t('export.included', { count: result.included })}</strong> · {t('export.excluded', { count: result.excluded })}
          </p>
          <ul>
            {Object.entries(result.excludedByStatus).map(([status, n]) => (
              <li key={status}>
                {t(`status.${status}`)}: {n}
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="primary" onClick={() => downloadText(result.fileName, result.csv)} data-testid="download-export">
              {t('common.download')}: {t('export.list')}
            </button>
            <button type="button" onClick={() => downloadText(`${base}-suppression.csv`, result.suppressionCsv)} data-testid="download-suppression">
              {t('export.suppression')}
            </button>
            <button type="button" onClick={() => downloadText(`${base}-report.csv`, result.reportCsv)} data-testid="download-report">
              {t('export.report')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
