import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A scrolling box around a wide or long table, reachable with the keyboard (Tab, then the
 * arrow keys scroll it; axe's scrollable-region-focusable). A region landmark named "Table:
 * <its heading>", apart from the section around it that the heading names.
 */
export function ScrollRegion({ title, className = '', children }: { title: string; className?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    // A focusable region: the WAI pattern for a scrolling box with no focusable content of its own.
    <div className={`table-scroll ${className}`} role="region" aria-label={t('common.tableRegion', { title })} tabIndex={0}>
      {children}
    </div>
  );
}
