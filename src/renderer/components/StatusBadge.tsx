import { useTranslation } from 'react-i18next';
import type { Status } from '../../shared/consent/vocabulary.ts';

/** Status as a coloured badge that also says the status in words (never colour alone). */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-testid="status-badge" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
