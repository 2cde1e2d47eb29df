import { useAnnouncer } from '../state/announcer.ts';

/** The app's polite live region: results and progress milestones are read out from here. */
export function LiveRegion() {
  const { message, serial } = useAnnouncer();
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {/* The key makes a repeated message a new node, so it is announced again. */}
      <span key={serial}>{message}</span>
    </div>
  );
}
