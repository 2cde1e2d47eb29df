// The consent vocabulary (DESIGN.md, "Consent: vocabulary"). These strings are a stable
// interface: the CLI, the API, the database and exported files all use them verbatim.

/** How the business got the address. Grouped by the seed's (003) categories. */
export const ACCEPTABLE_SOURCES = [
  'web-form',
  'newsletter-signup',
  'purchase',
  'contract',
  'donation',
  'volunteer',
  'membership',
  'ad-conversion',
  'event-booth',
  'business-card',
] as const;

export const NOT_ACCEPTABLE_SOURCES = [
  'purchased-list',
  'member-list',
  'previous-company',
  'other-brand-form',
  'lead-vendor',
  'direct-email',
  'event-attendee-list',
] as const;

export const NEEDS_VERIFICATION_SOURCES = ['personal', 'employee-list', 'acquisition', 'met-in-person'] as const;

export const SOURCE_KINDS = [
  ...ACCEPTABLE_SOURCES,
  ...NOT_ACCEPTABLE_SOURCES,
  ...NEEDS_VERIFICATION_SOURCES,
  'unknown',
] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];
export type SourceGroup = 'acceptable' | 'not-acceptable' | 'needs-verification' | 'none';

export function sourceGroup(kind: SourceKind): SourceGroup {
  if ((ACCEPTABLE_SOURCES as readonly string[]).includes(kind)) return 'acceptable';
  if ((NOT_ACCEPTABLE_SOURCES as readonly string[]).includes(kind)) return 'not-acceptable';
  if ((NEEDS_VERIFICATION_SOURCES as readonly string[]).includes(kind)) return 'needs-verification';
  return 'none';
}

export function isSourceKind(value: string): value is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(value);
}

/** explicit: the person actively agreed. implicit: they gave the address for another business purpose. */
export const BASES = ['explicit', 'implicit'] as const;
export type Basis = (typeof BASES)[number];

/**
 * Ledger event kinds.
 * - opt-in: consent evidence from a source with a basis (a purchase is an opt-in with source
 *   `purchase`, basis `implicit`; a membership start is source `membership`).
 * - reconfirmation: the person explicitly confirmed again (lifts bounces and needs-reconfirmation).
 * - membership-end: an active membership ended.
 * - withdrawal, complaint, hard-bounce: suppressions.
 * - note: free text, no effect on status.
 * - void: supersedes an earlier event without replacing it (corrections, undone imports).
 */
export const EVENT_KINDS = [
  'opt-in',
  'reconfirmation',
  'membership-end',
  'withdrawal',
  'complaint',
  'hard-bounce',
  'note',
  'void',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Exactly these words (DESIGN.md). explicit and implicit may be mailed. */
export const STATUSES = [
  'explicit',
  'implicit',
  'needs-reconfirmation',
  'not-permitted',
  'unsubscribed',
  'bounced',
  'invalid',
] as const;
export type Status = (typeof STATUSES)[number];

export const MAILABLE_STATUSES: readonly Status[] = ['explicit', 'implicit'];

export function isMailable(status: Status): boolean {
  return MAILABLE_STATUSES.includes(status);
}

/** ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;
