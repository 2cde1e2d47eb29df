// The rules engine's inputs, outputs and policy tables.

import type { Basis, EventKind, IsoDate, SourceGroup, SourceKind, Status } from './vocabulary.ts';

export interface LedgerEvent {
  /** Ledger order, unique per contact: a higher id was recorded later. */
  id: number;
  kind: EventKind;
  /** When it happened (not when it was recorded). */
  date: IsoDate;
  /** For opt-ins (and optionally re-confirmations). */
  source: SourceKind | null;
  /** For opt-ins. */
  basis: Basis | null;
  /** The brand the consent was given to; null = this workspace's own brand. */
  brand: string | null;
  /** This event replaces (or, for 'void', cancels) the earlier event with this id. */
  supersedes: number | null;
}

/** Machine-readable reasons. Stable strings: stored, exported and translated by the UI. */
export const REASON_CODES = [
  // Rule 1
  'invalid-address',
  // Rule 2
  'hard-bounce',
  // Rule 3
  'withdrawn',
  'complaint',
  // Rule 4
  'role-address',
  // Rule 5
  'explicit-opt-in',
  'reconfirmed',
  // Rule 6
  'implicit-relationship', // a window in months: purchase, contract, donation, volunteering (CASL: inquiries too)
  'membership-active',
  'implicit-signup', // no fixed expiry: web form, newsletter sign-up, ad, booth, business card
  // Rule 7
  'implicit-expired',
  'needs-verification',
  'other-brand',
  'membership-ended',
  'no-evidence',
  'explicit-required', // EU profile: implicit evidence other than a purchase
  'casl-business-card', // CASL profile: a business card allows role-relevant messages only
  // Rule 8
  'not-acceptable-source',
  // Advice, never deciding
  'consider-explicit',
  'similar-products-only', // EU soft opt-in: similar own products, opt-out in every message
  'one-to-one-only',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Evaluation {
  status: Status;
  /** The first reason decided the status; the rest add detail or advice. */
  reasons: ReasonCode[];
  /** Plain English, one per reason, citing the rule. */
  sentences: string[];
  /**
   * For implicit consent with a fixed window: the first day it no longer counts (exclusive
   * end; the last mailable day is the day before). Null otherwise.
   */
  expiresAt: IsoDate | null;
  /** The ledger event that decided the status, when one did. */
  decidingEventId: number | null;
  /** Policy id and rule number, e.g. 'default/6'. */
  rule: string;
}

export interface EvaluationContext {
  /** Status is always "as of a date": later events are ignored and windows end relative to it. */
  asOf: IsoDate;
  /** This workspace's brand; consent recorded for any other brand does not count. */
  workspaceBrand?: string | null;
}

export type PolicyId = 'default' | 'casl' | 'eu-soft-opt-in';

/**
 * What implicit evidence from a source is worth: a window in months from the event, while
 * the membership is active, 'none' (no fixed expiry), or 'not-consent' (it does not count).
 */
export type ImplicitWindow = number | 'while-active' | 'none' | 'not-consent';

/** One row of a policy table: what evidence from one source kind is worth. */
export interface SourceRule {
  /** Decides rule 7 or 8 when the evidence does not count: 'not-acceptable' → 8, others → 7. */
  group: SourceGroup;
  /** An explicit opt-in from this source is explicit consent (rule 5). */
  explicit: boolean;
  implicit: ImplicitWindow;
  /** Why the evidence does not count, when `implicit` is 'not-consent'. */
  refusal: ReasonCode | null;
  /** Advisory reasons added when this source's implicit consent decides (rule 6). */
  advice: readonly ReasonCode[];
  /** Where the row comes from, quoted in the sentences: "seed 003: …" or the law. */
  cite: string;
}

export interface Policy {
  id: PolicyId;
  name: string;
  description: string;
  sources: Readonly<Record<SourceKind, SourceRule>>;
  /** Citations for the rules that do not depend on the source. */
  cite: {
    explicit: string;
    withdrawal: string;
    roleAddress: string;
    otherBrand: string;
    noEvidence: string;
    oneToOne: string;
  };
}
