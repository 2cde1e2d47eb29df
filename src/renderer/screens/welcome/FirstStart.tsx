// The first start: three questions — the business's name (the brand consent is given to),
// where it sends from (which suggests the policy; the user can pick another) and the
// language — shown while the workspace has no brand and no contacts, until answered or
// skipped. Saved through settings.update like the Settings screen; the language as the app
// keeps it today (i18n/index.ts).

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { currentLanguage, LANGUAGES, setLanguage, type Language } from '../../i18n/index.ts';
import { announce } from '../../state/announcer.ts';
import { useApp } from '../../state/app.ts';
import { refreshAll } from '../../state/events.ts';
import { POLICY_CHOICES, type PolicyChoice } from '../../vocabulary.ts';
import { COUNTRIES, firstStartDone, markFirstStartDone, suggestedPolicy, type Country } from './first-start.ts';

/** Shows the questions when they are due; nothing otherwise. */
export function FirstStart() {
  const info = useApp((s) => s.info);
  const [closed, setClosed] = useState(firstStartDone);
  if (closed || !info || info.brand !== null || info.contactCount > 0) return null;
  return <FirstStartForm initialPolicy={info.policy} onDone={() => setClosed(true)} />;
}

function FirstStartForm({ initialPolicy, onDone }: { initialPolicy: PolicyChoice; onDone(): void }) {
  const { t } = useTranslation();
  const setInfo = useApp((s) => s.setInfo);
  const [brand, setBrand] = useState('');
  const [country, setCountry] = useState<Country | ''>('');
  const [policy, setPolicy] = useState<PolicyChoice>(initialPolicy);
  const [language, setChosenLanguage] = useState<Language>(currentLanguage());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const name = brand.trim();
      const info = await api.call('settings.update', { ...(name ? { brand: name } : {}), policy });
      setInfo(info);
      markFirstStartDone();
      announce(t('firstStart.saved', { brand: info.brand ?? '—', policy: t(`settings.policyNames.${info.policy}`) }));
      onDone();
      await refreshAll();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function skip(): void {
    markFirstStartDone();
    onDone();
  }

  return (
    <section className="card first-start" aria-labelledby="first-start-title" data-testid="first-start">
      <h2 id="first-start-title">{t('firstStart.title')}</h2>
      <p className="muted">{t('firstStart.intro')}</p>
      <form onSubmit={(e) => void save(e)} className="form-grid">
        <Field id="first-brand" label={t('firstStart.brand')} help={t('firstStart.brandHelp')} className="span-2">
          {(control) => <input {...control} value={brand} autoComplete="organization" onChange={(e) => setBrand(e.target.value)} data-testid="first-brand" />}
        </Field>
        <Field id="first-country" label={t('firstStart.country')} help={t('firstStart.countryHelp')}>
          {(control) => (
            <select
              {...control}
              value={country}
              onChange={(e) => {
                const next = e.target.value as Country | '';
                setCountry(next);
                if (next) setPolicy(suggestedPolicy(next));
              }}
              data-testid="first-country"
            >
              <option value="">{t('firstStart.chooseCountry')}</option>
              {COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {t(`firstStart.countries.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="first-policy" label={t('firstStart.policy')} help={country ? t('firstStart.suggested', { country: t(`firstStart.countries.${country}`) }) : undefined}>
          {(control) => (
            <select {...control} value={policy} onChange={(e) => setPolicy(e.target.value as PolicyChoice)} data-testid="first-policy">
              {POLICY_CHOICES.map((id) => (
                <option key={id} value={id}>
                  {t(`settings.policyNames.${id}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="first-language" label={t('firstStart.language')}>
          {(control) => (
            <select
              {...control}
              value={language}
              onChange={(e) => {
                const next = e.target.value as Language;
                setChosenLanguage(next);
                void setLanguage(next); // at once: the rest of the questions in the chosen language
              }}
              data-testid="first-language"
            >
              {Object.entries(LANGUAGES).map(([code, name]) => (
                <option key={code} value={code} lang={code}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ErrorText error={error} testId="first-error" />
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={busy} data-testid="first-save">
            {busy ? t('settings.saving') : t('firstStart.save')}
          </button>
          <button type="button" onClick={skip} data-testid="first-skip">
            {t('firstStart.skip')}
          </button>
        </div>
      </form>
    </section>
  );
}
