import { useTranslation } from 'react-i18next';

/** First in the tab order: jumps past the navigation (a button, so the URL hash stays alone). */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <button type="button" className="skip-link" onClick={() => document.getElementById('content')?.focus()}>
      {t('app.skipToContent')}
    </button>
  );
}
