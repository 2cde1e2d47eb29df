// Export: pick the e-mail tool and the day you plan to send; get the send-ready file with
// only the contacts that may be mailed that day, the suppression list, and the report.

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../shared/contract/dto.ts';
import { isIsoDate } from '../../../shared/dates/iso-date.ts';
import { api } from '../../api/client.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
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

  async function run(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const exported = await api.call('export.run', { profile, ...(isIsoDate(asOf) ? { asOf } : {}) });
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
        <Field id="export-as-of" label={t('export.asOf')} help={t('export.asOfHelp')} className="narrow">
          {(control) => <input {...control} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} data-testid="export-as-of" />}
        </Field>
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
