import { useTranslation } from 'react-i18next';
import { useApp } from '../state/app.ts';
import { useErrors } from '../state/errors.ts';

/** The workspace could not be loaded (server stopped, file locked…): say so, offer a retry. */
export function FatalBanner() {
  const { t } = useTranslation();
  const fatal = useErrors((s) => s.fatal);
  const refresh = useApp((s) => s.refresh);
  if (!fatal) return null;
  return (
    <div className="banner error" role="alert" data-testid="fatal-error">
      <span>{t('app.loadFailed', { message: fatal })}</span>
      <button type="button" onClick={() => void refresh()}>
        {t('common.retry')}
      </button>
    </div>
  );
}
