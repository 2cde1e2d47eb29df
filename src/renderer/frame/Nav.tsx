import { CircleQuestionMark, ClipboardCheck, FileUp, Send, Settings, Users, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { SCREENS, useApp, type Screen } from '../state/app.ts';

/** One icon per screen (Lucide, drawn in the text colour); the text label always stays. */
const ICONS: Record<Screen, LucideIcon> = { contacts: Users, import: FileUp, review: ClipboardCheck, export: Send, settings: Settings, help: CircleQuestionMark };

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
        {SCREENS.map((s) => {
          const Icon = ICONS[s];
          return (
            <li key={s}>
            <button
              type="button"
              className={screen === s ? 'current' : ''}
              aria-current={screen === s ? 'page' : undefined}
              onClick={() => navigate(s)}
              data-testid={`nav-${s}`}
            >
              <Icon className="nav-icon" size={18} strokeWidth={2} aria-hidden="true" focusable="false" />
              {t(`nav.${s}`)}
            </button>
          </li>
          );
        })}
      </ul>
    </nav>
  );
}
