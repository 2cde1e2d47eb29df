import { useTranslation } from 'react-i18next';
import { SCREENS, useApp } from '../state/app.ts';

/** The screens (the last is Help); the open one is marked with aria-current for assistive technology. */
export function Nav() {
  const { t } = useTranslation();
  const { screen, navigate } = useApp();
  return (
    <nav className="nav" aria-label={t('app.navLabel')}>
      <div className="brand-mark">
        <span className="logo" aria-hidden="true">
          T
        </span>
        <span>
          <strong>{t('app.name')}</strong>
          <span className="tagline">{t('app.tagline')}</span>
        </span>
      </div>
      <ul>
        {SCREENS.map((s) => (
          <li key={s}>
            <button
              type="button"
              className={screen === s ? 'current' : ''}
              aria-current={screen === s ? 'page' : undefined}
              onClick={() => navigate(s)}
              data-testid={`nav-${s}`}
            >
              <span className={`nav-icon nav-icon-${s}`} aria-hidden="true" />
              {t(`nav.${s}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
