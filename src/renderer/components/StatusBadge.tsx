import { useTranslation } from 'react-i18next';
import type { Status } from '../../shared/consent/vocabulary.ts';

/** A status as a coloured badge that says the status in words (never colour alone). */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-testid="status-badge" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
