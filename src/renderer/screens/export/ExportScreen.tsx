// Export: pick the e-mail tool and the day you plan to send; get the send-ready file with
// only the contacts that may be mailed that day, the suppression list, and the report.

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../shared/contract/dto.ts';
import { isIsoDate } from '../../../shared/dates/iso-date.ts';
import { api } from '../../api/client.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { announce } from '../../state/announcer.ts';
import { useApp } from '../../state/app.ts';
import { useContacts } from '../../state/contacts.ts';
import type { ExportProfileId } from '../../../shared/contract/requests.ts';
import { EXPORT_PROFILE_IDS } from '../../vocabulary.ts';
import { ExportResultView } from './ExportResultView.tsx';

export function ExportScreen() {
  const { t } = useTranslation();
  const info = useApp((s) => s.info);
  const navigate = useApp((s) => s.navigate);
  const queryAsOf = useContacts((s) => s.query.asOf);
  const [profile, setProfile] = useState<ExportProfileId>('mailchimp');
  const [asOf, setAsOf] = useState(queryAsOf ?? info?.today ?? '');
  const [result, setResult] = useState<ExportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tried, setTried] = useState(false);

  async function run(event: FormEvent): Promise<void> {
    event.preventDefault();
    setTried(true);
    // A half-typed or impossible date says so beside the field; it never falls back to today.
    if (!isIsoDate(asOf)) {
      document.getElementById('export-as-of')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const exported = await api.call('export.run', { profile, asOf });
      setResult(exported);
      announce(`${t('export.included', { count: exported.included })}, ${t('export.excluded', { count: exported.excluded })}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (info && info.contactCount === 0) {
    return (
      <>
        <ScreenTitle>{t('export.title')}</ScreenTitle>
        <EmptyState
          title={t('export.emptyTitle')}
          testId="export-empty"
          action={
            <button type="button" className="primary" onClick={() => navigate('import')}>
              {t('contacts.goImport')}
            </button>
          }
        >
          {t('export.emptyHint')}
        </EmptyState>
      </>
    );
  }

  return (
    <div className="export">
      <ScreenTitle>{t('export.title')}</ScreenTitle>
      <p className="muted intro">{t('export.intro')}</p>
      <form className="card" onSubmit={(e) => void run(e)} data-testid="export-form">
        <fieldset className="choices">
          <legend>{t('export.profile')}</legend>
          {EXPORT_PROFILE_IDS.map((id) => (
            <label key={id} className={`choice ${profile === id ? 'on' : ''}`}>
              <input type="radio" name="profile" value={id} checked={profile === id} onChange={() => setProfile(id)} data-testid={`profile-${id}`} />
              <span>
                <strong>{t(`export.profileNames.${id}`)}</strong>
                <span className="choice-help">{t(`export.profiles.${id}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <DateField
          id="export-as-of"
          label={t('export.asOf')}
          help={t('export.asOfHelp')}
          className="narrow"
          value={asOf}
          required
          showIncomplete={tried}
          onChange={(date) => setAsOf(date ?? '')}
          testId="export-as-of"
        />
        <ErrorText error={error} testId="export-error" />
        <div className="actions">
          <button type="submit" className="primary large" disabled={busy} data-testid="export-run">
            {busy ? t('export.running') : t('export.run')}
          </button>
        </div>
      </form>
      {result && <ExportResultView result={result} />}
    </div>
  );
}
