// Settings: the brand consent is given to, the policy profile, the language.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICY_IDS } from '../../../shared/contract/requests.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { LANGUAGES, setLanguage, type Language } from '../../i18n/index.ts';
import { useApp } from '../../state/app.ts';

export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const { info, refresh } = useApp();
  const [brand, setBrand] = useState(info?.brand ?? '');
  const [policy, setPolicy] = useState(info?.policy ?? 'default');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function save(): Promise<void> {
    setError(null);
    setSaved(false);
    try {
      await api.call('settings.update', { brand: brand.trim() || null, policy });
      await refresh();
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div className="settings">
      <h2>{t('settings.title')}</h2>
      <div className="field-grid">
        <label htmlFor="settings-brand">{t('settings.brand')}</label>
        <div>
          <input id="settings-brand" value={brand} onChange={(e) => setBrand(e.target.value)} data-testid="settings-brand" />
          <p className="muted small">{t('settings.brandHelp')}</p>
        </div>
        <span>{t('settings.policy')}</span>
        <fieldset className="profiles">
          <legend className="visually-hidden">{t('settings.policy')}</legend>
          {POLICY_IDS.map((id) => (
            <label key={id} className="radio">
              <input type="radio" name="policy" value={id} checked={policy === id} onChange={() => setPolicy(id)} data-testid={`policy-${id}`} />
              {t(`settings.policies.${id}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <select id="settings-language" value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {Object.entries(LANGUAGES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
        <span>{t('settings.database')}</span>
        <code className="small">{info?.dbPath}</code>
      </div>
      <ErrorText error={error} />
      {saved && (
        <p className="notice" role="status">
          {t('settings.saved')}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()} data-testid="settings-save">
          {t('common.save')}
        </button>
      </div>
    </div>
  );
}
