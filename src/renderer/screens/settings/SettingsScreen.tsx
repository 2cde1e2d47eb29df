// Settings: the brand consent is given to, the policy profile, the language, where the
// workspace lives, and its backups.

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LedgerSection } from '../ledger/LedgerSection.tsx';
import { api, transportKind } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { LANGUAGES, setLanguage, type Language } from '../../i18n/index.ts';
import { useApp } from '../../state/app.ts';
import { refreshAll } from '../../state/events.ts';
import { splitFieldErrors } from '../../util/errors.ts';
import { POLICY_CHOICES, type PolicyChoice } from '../../vocabulary.ts';
import { BackupsSection } from './BackupsSection.tsx';

export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);
  const setInfo = useApp((s) => s.setInfo);
  const [brand, setBrand] = useState(info?.brand ?? '');
  const [policy, setPolicy] = useState<PolicyChoice>(info?.policy ?? 'default');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = splitFieldErrors(error, ['brand', 'policy']);

  // The info may arrive after the screen opened.
  const loaded = info !== null;
  useEffect(() => {
    if (!info) return;
    setBrand(info.brand ?? '');
    setPolicy(info.policy);
    // Only when the workspace info first arrives, not on every refresh while the user edits.
  }, [loaded]);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      setInfo(await api.call('settings.update', { brand: brand.trim() || null, policy }));
      setSaved(true); // the notice is a status region: announced without help
      await refreshAll();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  /** Shown at once, then kept in the workspace (every browser and every start shows it). */
  async function chooseLanguage(next: Language): Promise<void> {
    await setLanguage(next);
    setError(null);
    try {
      setInfo(await api.call('settings.update', { language: next }));
    } catch (e) {
      setError(e);
    }
  }

  const dirty = info !== null && ((info.brand ?? '') !== brand.trim() || info.policy !== policy);
  return (
    <div className="settings">
      <ScreenTitle>{t('settings.title')}</ScreenTitle>
      <form className="card" onSubmit={(e) => void save(e)} data-testid="settings-form">
        <Field id="settings-brand" label={t('settings.brand')} help={t('settings.brandHelp')} error={errors.byField.brand} className="narrow">
          {(control) => (
            <input
              {...control}
              value={brand}
              onChange={(e) => {
                setSaved(false);
                setBrand(e.target.value);
              }}
              data-testid="settings-brand"
            />
          )}
        </Field>
        <fieldset className="choices" aria-describedby="policy-help">
          <legend>{t('settings.policy')}</legend>
          <p className="help" id="policy-help">
            {t('settings.policyHelp')}
          </p>
          {POLICY_CHOICES.map((id) => (
            <label key={id} className={`choice ${policy === id ? 'on' : ''}`}>
              <input
                type="radio"
                name="policy"
                value={id}
                checked={policy === id}
                onChange={() => {
                  setSaved(false);
                  setPolicy(id);
                }}
                data-testid={`policy-${id}`}
              />
              <span>
                <strong>{t(`settings.policyNames.${id}`)}</strong>
                <span className="choice-help">{t(`settings.policies.${id}`)}</span>
              </span>
            </label>
          ))}
          {errors.byField.policy && <p className="field-error">{errors.byField.policy}</p>}
        </fieldset>
        <ErrorText error={errors.other} testId="settings-error" />
        {saved && (
          <p className="notice" role="status" data-testid="settings-saved">
            {t('settings.saved')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !dirty} data-testid="settings-save">
            {busy ? t('settings.saving') : t('common.save')}
          </button>
        </div>
      </form>

      <section className="card" aria-labelledby="language-title">
        <h2 id="language-title" className="visually-hidden">
          {t('settings.language')}
        </h2>
        <Field id="settings-language" label={t('settings.language')} help={t('settings.languageHelp')} className="narrow">
          {(control) => (
            <select
              {...control}
              value={i18n.language}
              onChange={(e) => void chooseLanguage(e.target.value as Language)}
              data-testid="settings-language"
            >
              {Object.entries(LANGUAGES).map(([code, name]) => (
                <option key={code} value={code} lang={code}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>

      <section className="card" aria-labelledby="workspace-title">
        <h2 id="workspace-title">{t('settings.workspace')}</h2>
        <dl className="fields">
          <div>
            <dt>{t('settings.database')}</dt>
            <dd>
              <code data-testid="settings-db-path">{info?.dbPath ?? '…'}</code>
            </dd>
          </div>
          <div>
            <dt>{t('settings.version')}</dt>
            <dd>{info?.version ?? '…'}</dd>
          </div>
          <div>
            <dt>{t('settings.connection')}</dt>
            <dd>{t(`settings.connections.${transportKind}`)}</dd>
          </div>
        </dl>
      </section>

      <BackupsSection />
      <LedgerSection />
    </div>
  );
}
