// Policy profiles as data: one table per profile, each mapping every source kind to what
// explicit and implicit evidence from it is worth. One evaluate() interprets them all.

import type { ImplicitWindow, Policy, PolicyId, SourceRule } from './types.ts';
import { SOURCE_KINDS, sourceGroup, type SourceKind } from './vocabulary.ts';

const TWO_YEARS: ImplicitWindow = { kind: 'months', months: 24 };
const NO_EXPIRY: ImplicitWindow = { kind: 'no-expiry' };
const WHILE_ACTIVE: ImplicitWindow = { kind: 'while-active' };

/** Builds a full table: the group from the vocabulary, then per-source overrides. */
function table(overrides: Partial<Record<SourceKind, Partial<SourceRule>>>): Record<SourceKind, SourceRule> {
  const rules = {} as Record<SourceKind, SourceRule>;
  for (const kind of SOURCE_KINDS) {
    const group = sourceGroup(kind);
    const base: SourceRule = {
      group,
      explicitCounts: group === 'acceptable',
      implicit:
        group === 'acceptable'
          ? NO_EXPIRY
          : { kind: 'none', reason: group === 'not-acceptable' ? 'not-acceptable-source' : group === 'none' ? 'no-evidence' : 'needs-verification' },
    };
    rules[kind] = { ...base, ...overrides[kind] };
  }
  return rules;
}

/** Seed 003 (HubSpot's opt-in consent rules), the default. */
const DEFAULT: Policy = {
  id: 'default',
  name: 'Opt-in consent (default)',
  description:
    'Verifiable opt-in for every marketing e-mail. Purchases, contracts, donations and volunteering count for two years; active membership while it lasts; forms, ads, booths and business cards without an expiry, with advice to get explicit consent.',
  sources: table({
    purchase: { implicit: TWO_YEARS },
    contract: { implicit: TWO_YEARS },
    donation: { implicit: TWO_YEARS },
    volunteer: { implicit: TWO_YEARS },
    membership: { implicit: WHILE_ACTIVE },
  }),
  citations: {
    implicitWindow: 'seed 003: “i løpet av de siste to årene” (within the last two years)',
    notAcceptable: 'seed 003, “Uakseptable former for samtykke”: third-party consent cannot be transferred',
    needsVerification: 'seed 003, “Andre vanlige scenarier”: requires further verification with the contact',
    roleAddress: 'seed 003: verifiable consent cannot come from a role-based (shared) address',
  },
};

/**
 * Canada's anti-spam law. Express consent does not expire; implied consent from a purchase,
 * contract, donation or volunteering lasts two years, from an inquiry six months. Forms and
 * booths without an express tick are treated as inquiries (six months, the safer reading);
 * the business-card exception only covers messages relevant to the person's role, so it is
 * not treated as consent to marketing.
 */
const CASL: Policy = {
  id: 'casl',
  name: 'CASL (Canada)',
  description:
    'Express consent never expires. Implied consent: purchases, contracts, donations, volunteering and membership 2 years, inquiries 6 months. Business cards only allow role-relevant messages.',
  sources: table({
    purchase: { implicit: TWO_YEARS },
    contract: { implicit: TWO_YEARS },
    donation: { implicit: TWO_YEARS },
    volunteer: { implicit: TWO_YEARS },
    membership: { implicit: TWO_YEARS },
    'web-form': { implicit: { kind: 'months', months: 6 } },
    'newsletter-signup': { implicit: { kind: 'months', months: 6 } },
    'ad-conversion': { implicit: { kind: 'months', months: 6 } },
    'event-booth': { implicit: { kind: 'months', months: 6 } },
    'direct-email': { group: 'acceptable', explicitCounts: false, implicit: { kind: 'months', months: 6 } },
    'business-card': { implicit: { kind: 'none', reason: 'casl-business-card' } },
  }),
  citations: {
    implicitWindow: 'CASL s. 10(10): implied consent from an existing business relationship lasts two years (inquiries: six months)',
    notAcceptable: 'CASL: consent obtained by a third party does not transfer unless the sender is identified',
    needsVerification: 'CASL: express consent must be obtained and provable by the sender',
    roleAddress: 'no person can give express consent for a shared mailbox',
  },
};

/**
 * EU/EEA (GDPR + ePrivacy) and Norway's markedsføringsloven § 15: marketing e-mail to people
 * needs prior explicit consent. The one exception (soft opt-in) is an existing customer whose
 * address was collected in a sale; Tillit counts it for two years from the latest purchase
 * (a documented, conservative choice: the law names no period). Everything else implicit
 * needs re-confirmation.
 */
const EU_SOFT_OPT_IN: Policy = {
  id: 'eu-soft-opt-in',
  name: 'EU/EEA soft opt-in (Norway § 15)',
  description:
    'Prior explicit consent for e-mail marketing to people. Only existing customers from a sale may be mailed without it (similar own products, opt-out offered) — counted for 2 years here.',
  sources: table({
    purchase: { implicit: TWO_YEARS },
    'web-form': { implicit: { kind: 'none', reason: 'explicit-required' } },
    'newsletter-signup': { implicit: { kind: 'none', reason: 'explicit-required' } },
    contract: { implicit: { kind: 'none', reason: 'explicit-required' } },
    donation: { implicit: { kind: 'none', reason: 'explicit-required' } },
    volunteer: { implicit: { kind: 'none', reason: 'explicit-required' } },
    membership: { implicit: { kind: 'none', reason: 'explicit-required' } },
    'ad-conversion': { implicit: { kind: 'none', reason: 'explicit-required' } },
    'event-booth': { implicit: { kind: 'none', reason: 'explicit-required' } },
    'business-card': { implicit: { kind: 'none', reason: 'explicit-required' } },
  }),
  citations: {
    implicitWindow: 'markedsføringsloven § 15 second paragraph / ePrivacy art. 13(2): existing customers, similar products, opt-out offered',
    notAcceptable: 'GDPR art. 7: the controller must be able to demonstrate consent given to it',
    needsVerification: 'markedsføringsloven § 15: prior consent from the recipient',
    roleAddress: '§ 15 does not cover generic company mailboxes, but no person can confirm consent for one; contact it one-to-one',
  },
};

export const POLICIES: Record<PolicyId, Policy> = {
  default: DEFAULT,
  casl: CASL,
  'eu-soft-opt-in': EU_SOFT_OPT_IN,
};

export const DEFAULT_POLICY_ID: PolicyId = 'default';
