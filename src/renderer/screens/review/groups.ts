// The review groups: who may not be mailed (or soon may not), why, and what to do.

import type { Status } from '../../../shared/consent/vocabulary.ts';

export type ReviewGroupId = 'needs' | 'not-permitted' | 'expiring' | 'suppressed';

export interface ReviewGroupDef {
  id: ReviewGroupId;
  statuses: Status[];
  /** Only implicit contacts whose consent ends within this many days of the as-of date. */
  expiringWithinDays?: number;
  /** Show the CASL/Norway warning: no bulk re-confirmation e-mails. */
  oneToOneNotice?: boolean;
}

export const REVIEW_GROUPS: readonly ReviewGroupDef[] = [
  { id: 'needs', statuses: ['needs-reconfirmation'] },
  { id: 'not-permitted', statuses: ['not-permitted'], oneToOneNotice: true },
  { id: 'expiring', statuses: ['implicit'], expiringWithinDays: 60 },
  { id: 'suppressed', statuses: ['unsubscribed', 'bounced', 'invalid'] },
];

export const GROUP_TEXT = {
  needs: { title: 'review.needs', help: 'review.needsHelp' },
  'not-permitted': { title: 'review.notPermitted', help: 'review.notPermittedHelp' },
  expiring: { title: 'review.expiring', help: 'review.expiringHelp' },
  suppressed: { title: 'review.suppressed', help: 'review.suppressedHelp' },
} as const satisfies Record<ReviewGroupId, { title: string; help: string }>;
