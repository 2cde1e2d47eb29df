// The app frame: navigation on the left, the workspace's brand, policy and date on top,
// and the open screen.

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MissingTokenError } from './api/client.ts';
import { useApp, type Screen } from './state/app.ts';
import { ContactsScreen } from './screens/contacts/ContactsScreen.tsx';
import { ExportScreen } from './screens/export/ExportScreen.tsx';
import { ImportScreen } from './screens/import/ImportScreen.tsx';
import { ReviewScreen } from './screens/review/ReviewScreen.tsx';
import { SettingsScreen } from './screens/settings/SettingsScreen.tsx';

const SCREENS: Screen[] = ['contacts', 'import', 'review', 'export', 'settings'];

export function App() {
  const { t } = useTranslation();
  const { screen, go, info, query, fatal, refresh } = useApp();

  useEffect(() => {
    void refresh();
  }, [refresh, query.asOf]);

  if (fatal && (fatal === 'no token' || fatal === 'unauthorized' || fatal.includes(MissingTokenError.name))) {
    return (
      <main className="token-missing" data-testid="token-missing">
        <h1>{t('token.title')}</h1>
        <p>{t('token.body')}</p>
      </main>
    );
  }

  return (
    <div className="app">
      <nav className="nav" aria-label="Tillit">
        <div className="brand-mark">
          <strong>{t('app.name')}</strong>
          <span className="small muted">{t('app.tagline')}</span>
        </div>
        <ul>
          {SCREENS.map((s) => (
            <li key={s}>
              <button type="button" className={screen === s ? 'current' : ''} aria-current={screen === s ? 'page' : undefined} onClick={() => go(s)} data-testid={`nav-${s}`}>
                {t(`nav.${s}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="main">
        <header className="topbar">
          <span>
            {t('app.brand')}: <strong>{info?.brand ?? t('app.noBrand')}</strong>
          </span>
          <span>
            {t('app.policy')}: <strong>{info ? t(`settings.policies.${info.policy}`).split(':')[0] : '…'}</strong>
          </span>
          <span>
            {t('app.asOf')}: <strong data-testid="header-as-of">{query.asOf ?? info?.today ?? '…'}</strong>
          </span>
        </header>
        {fatal && (
          <p className="error" role="alert">
            {fatal}
          </p>
        )}
        <main className="content">
          {screen === 'contacts' && <ContactsScreen />}
          {screen === 'import' && <ImportScreen />}
          {screen === 'review' && <ReviewScreen />}
          {screen === 'export' && <ExportScreen />}
          {screen === 'settings' && <SettingsScreen />}
        </main>
      </div>
    </div>
  );
}
