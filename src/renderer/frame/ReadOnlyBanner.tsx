import { useTranslation } from 'react-i18next';
import { useApp } from '../state/app.ts';

/** The workspace file cannot be written: it was opened for reading, and the user is told so up front. */
export function ReadOnlyBanner() {
  const { t } = useTranslation();
  const info = useApp((s) => s.info);
  if (!info?.readOnly) return null;
  return (
    <div className="banner warn" role="status" data-testid="read-only">
      <span>{t('app.readOnly', { file: info.dbPath })}</span>
    </div>
  );
}
