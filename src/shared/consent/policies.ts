// Policy profiles as data: one table per profile, each row saying what evidence from one
// source kind is worth. One evaluate() interprets them all (see POLICY.md for the reasoning).

import type { ImplicitWindow, Policy, PolicyId, ReasonCode, SourceRule } from './types.ts';
import type { SourceKind } from './vocabulary.ts';

type SourceTable = Readonly<Record<SourceKind, SourceRule>>;

const CONSIDER_EXPLICIT: readonly ReasonCode[] = ['consider-explicit'];

/** An acceptable source: explicit opt-ins count, implicit evidence for `implicit`. */
function acceptable(implicit: ImplicitWindow, cite: string, advice = CONSIDER_EXPLICIT): SourceRule {
  return { group: 'acceptable', explicit: true, implicit, refusal: null, advice, cite };
}

/** A source whose evidence does not count, explicit or not, for `refusal`. */
function refused(group: SourceRule['group'], refusal: ReasonCode, cite: string): SourceRule {
  return { group, explicit: false, implicit: 'not-consent', refusal, advice: [], cite };
}

/** An acceptable source whose explicit opt-ins count but whose implicit evidence does not. */
function explicitOnly(refusal: ReasonCode, cite: string): SourceRule {
  return { group: 'acceptable', explicit: true, implicit: 'not-consent', refusal, advice: [], cite };
}

// ── Default: seed 003 (HubSpot, "Forstå opt-in-samtykke for e-post") ──────────────────────

const DEFAULT_SOURCES: SourceTable = {
  // "Akseptable former for samtykke"
  'web-form': acceptable('none', 'seed 003: submitted a form on your website'),
  purchase: acceptable(24, 'seed 003: purchases within the last two years'),
  contract: acceptable(24, 'seed 003: written contracts within the last two years'),
  donation: acceptable(24, 'seed 003: donations within the last two years'),
  volunteer: acceptable(24, 'seed 003: volunteering within the last two years'),
  membership: acceptable('while-active', 'seed 003: joined and is an active member'),
  'newsletter-signup': acceptable('none', 'seed 003: a paper or electronic sign-up form for your newsletter'),
  'ad-conversion': acceptable('none', 'seed 003: converted on your ad'),
  // "Andre vanlige scenarier": at your stand — a scanned sign, a business card, your form
  'event-booth': acceptable('none', 'seed 003: gave their details at your stand'),
  'business-card': acceptable('none', 'seed 003: handed you a business card at your stand'),
  // "Uakseptable former for samtykke": third-party consent does not transfer
  'purchased-list': refused('not-acceptable', 'not-acceptable-source', 'seed 003: bought, rented or borrowed lists cannot be used'),
  'member-list': refused('not-acceptable', 'not-acceptable-source', 'seed 003: member and organisation lists are third-party lists'),
  'previous-company': refused('not-acceptable', 'not-acceptable-source', 'seed 003: consent given to a previous company does not transfer'),
  'other-brand-form': refused('not-acceptable', 'not-acceptable-source', "seed 003: a form on another brand's website is not opt-in to yours"),
  'lead-vendor': refused('not-acceptable', 'not-acceptable-source', 'seed 003: lead vendors and enrichment tools cannot supply addresses'),
  'direct-email': refused('not-acceptable', 'not-acceptable-source', 'seed 003: a one-to-one e-mail is not consent to bulk mail'),
  'event-attendee-list': refused('not-acceptable', 'not-acceptable-source', "seed 003: an organiser's attendee list is not consent to you"),
  // "Andre vanlige scenarier": not consent by itself, needs verification
  personal: refused('needs-verification', 'needs-verification', 'seed 003: friends, family and former colleagues must opt in first'),
  'employee-list': refused('needs-verification', 'needs-verification', "seed 003: an employer's staff list needs each person's opt-in"),
  acquisition: refused('needs-verification', 'other-brand', 'seed 003: after a merger or acquisition, let people re-confirm for the new brand'),
  'met-in-person': refused('needs-verification', 'needs-verification', 'seed 003: verbal consent is not verifiable'),
  unknown: refused('none', 'no-evidence', 'seed 003: lack of an opt-out is not consent'),
};

const DEFAULT: Policy = {
  id: 'default',
  name: 'Opt-in consent (default, seed 003)',
  description:
    'Verifiable opt-in before marketing e-mail. Purchases, contracts, donations and volunteering count for two years, membership while active; forms, ads, booths and business cards without a fixed expiry, with advice to get explicit consent.',
  sources: DEFAULT_SOURCES,
  cite: {
    explicit: 'seed 003: explicit consent — a ticked checkbox, written consent or double opt-in',
    withdrawal: 'seed 000: permission can be withdrawn at any time',
    roleAddress: 'seed 003: no verifiable consent can come from a role-based address',
    otherBrand: 'seed 003: opt-in given to another brand does not transfer',
    noEvidence: 'seed 003: lack of an opt-out is not consent',
    oneToOne: 'DESIGN.md: re-confirmation e-mails are themselves marketing in Canada (CASL) and Norway',
  },
};

// ── CASL (Canada's anti-spam legislation) ───────────────────────────────────────────────

const CASL_RELATIONSHIP = 'CASL s. 10(10): a purchase or contract implies consent for two years';
const CASL_NON_BUSINESS = 'CASL s. 10(13): a donation, volunteering or membership implies consent for two years';
const CASL_INQUIRY = 'CASL s. 10(10)(e): an inquiry implies consent for six months';

const CASL: Policy = {
  id: 'casl',
  name: 'CASL (Canada)',
  description:
    'Express consent never expires. Implied consent: purchases, contracts, donations, volunteering and membership two years; inquiries (forms, ads, booths, e-mails to you) six months. Business cards allow role-relevant messages only.',
  sources: {
    ...DEFAULT_SOURCES,
    purchase: acceptable(24, CASL_RELATIONSHIP),
    contract: acceptable(24, CASL_RELATIONSHIP),
    donation: acceptable(24, CASL_NON_BUSINESS),
    volunteer: acceptable(24, CASL_NON_BUSINESS),
    // Two years from the latest membership event, and never past a membership-end.
    membership: acceptable(24, CASL_NON_BUSINESS),
    // Without an express tick, a form, an ad lead or a booth visit is an inquiry.
    'web-form': acceptable(6, CASL_INQUIRY),
    'newsletter-signup': acceptable(6, CASL_INQUIRY),
    'ad-conversion': acceptable(6, CASL_INQUIRY),
    'event-booth': acceptable(6, CASL_INQUIRY),
    // Someone who wrote to you made an inquiry; an "opt-in" by e-mail still needs your form.
    'direct-email': { ...acceptable(6, CASL_INQUIRY), explicit: false },
    // s. 10(9)(b) allows only messages relevant to the person's business role: not marketing.
    'business-card': explicitOnly('casl-business-card', "CASL s. 10(9)(b): a business card allows only messages relevant to the person's role"),
  },
  cite: {
    explicit: 'CASL s. 10(1): express consent, which does not expire',
    withdrawal: 'CASL s. 11: an unsubscribe request must be honoured',
    roleAddress: 'no one person can give express consent for a shared mailbox',
    otherBrand: 'CASL: consent is given to the sender who asked for it',
    noEvidence: 'CASL s. 13: the sender must prove consent',
    oneToOne: 'CASL: a message asking for consent is itself a commercial electronic message',
  },
};

// ── EU/EEA soft opt-in (GDPR + ePrivacy; Norway's markedsføringsloven § 15) ─────────────

const NEEDS_PRIOR_CONSENT = 'markedsføringsloven § 15 (1): e-mail marketing to a person needs their prior consent';

const EU_SOFT_OPT_IN: Policy = {
  id: 'eu-soft-opt-in',
  name: 'EU/EEA soft opt-in (markedsføringsloven § 15)',
  description:
    'Prior explicit consent for marketing e-mail to people. The one exception: existing customers whose address was collected in a sale, for similar own products, with an opt-out offered — counted for two years from the latest purchase.',
  sources: {
    ...DEFAULT_SOURCES,
    // The law names no period; two years from the latest purchase is Tillit's cautious choice.
    purchase: acceptable(24, 'markedsføringsloven § 15 (2): existing customers, for similar own products, with an opt-out offered', [
      'similar-products-only',
      'consider-explicit',
    ]),
    contract: explicitOnly('explicit-required', NEEDS_PRIOR_CONSENT),
    donation: explicitOnly('explicit-required', NEEDS_PRIOR_CONSENT),
    volunteer: explicitOnly('explicit-required', NEEDS_PRIOR_CONSENT),
    membership: explicitOnly('explicit-required', NEEDS_PRIOR_CONSENT),
    'web-form': explicitOnly('explicit-required', NEEDS_PRIOR_CONSENT),
    'newsletter-signup': explicitOnly('explicit-required', NEEDS_PRIOR_CONSENT),
    'ad-conversion': explicitOnly('explicit-required', NEEDS_PRIOR_CONSENT),
    'event-booth': explicitOnly('explicit-required', NEEDS_PRIOR_CONSENT),
    'business-card': explicitOnly('explicit-required', NEEDS_PRIOR_CONSENT),
  },
  cite: {
    explicit: 'GDPR art. 4(11) and markedsføringsloven § 15 (1): prior, specific, informed consent',
    withdrawal: 'GDPR art. 7(3) and markedsføringsloven § 15: consent can be withdrawn at any time',
    roleAddress:
      '§ 15 protects people, not generic company mailboxes such as post@firma.no, but no person can give verifiable consent for one, so Tillit keeps it out',
    otherBrand: 'GDPR art. 7(1): the sender must show that consent was given to it',
    noEvidence: 'GDPR art. 7(1): the sender must be able to show consent',
    oneToOne: 'markedsføringsloven § 15: an e-mail asking for consent is itself marketing',
  },
};

export const POLICIES: Record<PolicyId, Policy> = {
  default: DEFAULT,
  casl: CASL,
  'eu-soft-opt-in': EU_SOFT_OPT_IN,
};

export const DEFAULT_POLICY_ID: PolicyId = 'default';
