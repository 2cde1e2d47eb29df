import { useTranslation } from 'react-i18next';
import { useApp } from '../state/app.ts';

/**
 * The workspace cannot be written: a damaged file (only its backups can be restored: the
 * banner leads there) or a read-only one (opened for reading). Said up front on every screen.
 */
export function ReadOnlyBanner() {
  const { t } = useTranslation();
  const info = useApp((s) => s.info);
  const navigate = useApp((s) => s.navigate);
  if (info?.damaged) {
    return (
      <div className="banner error" role="alert" data-testid="damaged">
        <span>{t('app.damaged', { file: info.dbPath })}</span>
        <button type="button" onClick={() => navigate('settings')}>
          {t('app.toBackups')}
        </button>
      </div>
    );
  }
  if (!info?.readOnly) return null;
  return (
    <div className="banner warn" role="status" data-testid="read-only">
      <span>{t('app.readOnly', { file: info.dbPath })}</span>
    </div>
  );
}
