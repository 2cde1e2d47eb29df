import type { ReactNode } from 'react';

/**
 * A scrolling box around a wide or long table, reachable with the keyboard (Tab, then the
 * arrow keys scroll it): a region named by its table's heading (axe's scrollable-region-focusable).
 */
export function ScrollRegion({ labelledBy, className = '', children }: { labelledBy: string; className?: string; children: ReactNode }) {
  return (
    // A focusable region: the WAI pattern for a scrolling box with no focusable content of its own.
    <div className={`table-scroll ${className}`} role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
