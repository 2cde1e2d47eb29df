import type { ReactNode } from 'react';

/**
 * A screen's heading. It takes focus when the user switches screens (see App), so keyboard
 * and screen-reader users land at the top of the new screen.
 */
export function ScreenTitle({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <div className="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {children}
      </h1>
      {aside}
    </div>
  );
}
