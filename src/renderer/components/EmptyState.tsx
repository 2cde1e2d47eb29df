import type { ReactNode } from 'react';

/** What a screen shows when there is nothing yet: what it is for, and the way forward. */
export function EmptyState({ title, children, action, testId }: { title: string; children?: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <section className="empty-state" data-testid={testId}>
      <h2>{title}</h2>
      {children && <p>{children}</p>}
      {action && <div className="actions center">{action}</div>}
    </section>
  );
}
