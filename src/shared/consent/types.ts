// The rules engine's inputs and outputs.

import type { Basis, EventKind, IsoDate, SourceGroup, SourceKind, Status } from './vocabulary.ts';

export interface LedgerEvent {
  /** Ledger order: a higher id was recorded later. */
  id: number;
  kind: EventKind;
  /** When it happened. */
  date: IsoDate;
  source: SourceKind | null;
  basis: Basis | null;
  /** The brand consent was given to; null = this workspace's own brand. */
  brand: string | null;
  /** This event replaces (or, for 'void', cancels) the event with this id. */
  supersedes: number | null;
}

export const REASON_CODES = [
  'invalid-address',
  'hard-bounce',
  'withdrawn',
  'complaint',
  'role-address',
  'explicit-opt-in',
  'reconfirmed',
  'implicit-relationship',
  'membership-active',
  'implicit-signup',
  'consider-explicit',
  'implicit-expired',
  'needs-verification',
  'other-brand',
  'membership-ended',
  'no-evidence',
  'explicit-required',
  'casl-business-card',
  'not-acceptable-source',
  'one-to-one-only',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Evaluation {
  status: Status;
  /** The first reason decided the status; the rest add detail or advice. */
  reasons: ReasonCode[];
  /** Plain English, one per reason, citing the rule. */
  sentences: string[];
  /** For implicit consent with a fixed window: the first day it is no longer valid. */
  expiresAt: IsoDate | null;
  decidingEventId: number | null;
  /** Policy id and rule number, e.g. 'default/6'. */
  rule: string;
}

export interface EvaluationContext {
  asOf: IsoDate;
  workspaceBrand?: string | null;
}

/** What implicit (not explicit) evidence from a source is worth under a policy. */
export type ImplicitWindow =
  | { kind: 'months'; months: number }
  | { kind: 'while-active' }
  | { kind: 'no-expiry' }
  | { kind: 'none'; reason: ReasonCode };

export interface SourceRule {
  group: SourceGroup;
  /** An explicit opt-in from this source is explicit consent to this brand. */
  explicitCounts: boolean;
  implicit: ImplicitWindow;
}

export type PolicyId = 'default' | 'casl' | 'eu-soft-opt-in';

export interface Policy {
  id: PolicyId;
  name: string;
  description: string;
  sources: Record<SourceKind, SourceRule>;
  /** Where the policy's rules come from, quoted in the sentences. */
  citations: {
    implicitWindow: string;
    notAcceptable: string;
    needsVerification: string;
    roleAddress: string;
  };
}
