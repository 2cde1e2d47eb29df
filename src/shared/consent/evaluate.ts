// The rules engine: a contact's status as of a date, from its ledger events, under a policy.
// Pure — no I/O, no clock. First match wins (DESIGN.md, "the default policy"):
//   1 invalid address · 2 unresolved hard bounce · 3 unresolved withdrawal/complaint ·
//   4 role address · 5 explicit opt-in · 6 implicit consent still valid ·
//   7 needs re-confirmation · 8 only not-acceptable sources → not permitted.

import { checkEmail } from '../email/index.ts';
import { addMonths } from './dates.ts';
import type { Evaluation, EvaluationContext, LedgerEvent, Policy, ReasonCode } from './types.ts';
import type { IsoDate, Status } from './vocabulary.ts';

/** Events in force on the date: not after it, not voided or replaced, in (date, id) order. */
export function effectiveEvents(events: readonly LedgerEvent[], asOf: IsoDate): LedgerEvent[] {
  // A correction fixes the record whatever its own date: superseded events never count.
  const superseded = new Set<number>();
  for (const e of events) if (e.supersedes !== null) superseded.add(e.supersedes);
  return events
    .filter((e) => e.kind !== 'void' && e.date <= asOf && !superseded.has(e.id))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
}

interface Finding {
  reason: ReasonCode;
  sentence: string;
}

function result(
  status: Status,
  rule: number,
  policy: Policy,
  findings: Finding[],
  decidingEventId: number | null,
  expiresAt: IsoDate | null = null,
): Evaluation {
  return {
    status,
    reasons: findings.map((f) => f.reason),
    sentences: findings.map((f) => f.sentence),
    expiresAt,
    decidingEventId,
    rule: `${policy.id}/${rule}`,
  };
}

function ownBrand(event: LedgerEvent, workspaceBrand: string | null | undefined): boolean {
  if (event.brand === null || event.brand.trim() === '') return true;
  return workspaceBrand !== null && workspaceBrand !== undefined && event.brand.trim().toLowerCase() === workspaceBrand.trim().toLowerCase();
}

/** An explicit confirmation that counts under the policy: re-confirmation, or explicit opt-in from an acceptable source to this brand. */
function isExplicitConsent(event: LedgerEvent, policy: Policy, brand: string | null | undefined): boolean {
  if (!ownBrand(event, brand)) return false;
  if (event.kind === 'reconfirmation') return event.source === null || policy.sources[event.source].group === 'acceptable';
  return event.kind === 'opt-in' && event.basis === 'explicit' && event.source !== null && policy.sources[event.source].explicitCounts;
}

const after = (event: LedgerEvent, other: LedgerEvent): boolean => event.date > other.date || (event.date === other.date && event.id > other.id);

function last<T>(list: readonly T[], predicate: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i]!)) return list[i];
  return undefined;
}

export function evaluate(email: string, events: readonly LedgerEvent[], policy: Policy, ctx: EvaluationContext): Evaluation {
  const { asOf } = ctx;
  const brand = ctx.workspaceBrand;
  const check = checkEmail(email);

  // 1. The address itself.
  if (!check.valid) {
    return result('invalid', 1, policy, [{ reason: 'invalid-address', sentence: `Rule 1: the address is not valid (${check.message ?? 'syntax'}); nothing can be sent to it.` }], null);
  }

  const inForce = effectiveEvents(events, asOf);
  const explicitAfter = (event: LedgerEvent): LedgerEvent | undefined =>
    last(inForce, (e) => after(e, event) && isExplicitConsent(e, policy, brand));

  // 2. A hard bounce stands until the person explicitly confirms an address that works.
  const bounce = last(inForce, (e) => e.kind === 'hard-bounce');
  if (bounce && !explicitAfter(bounce)) {
    return result('bounced', 2, policy, [{ reason: 'hard-bounce', sentence: `Rule 2: the address bounced hard on ${bounce.date} and has not been re-confirmed since.` }], bounce.id);
  }

  // 3. A withdrawal or complaint stands until a later explicit opt-in (implicit evidence never lifts it).
  const suppression = last(inForce, (e) => e.kind === 'withdrawal' || e.kind === 'complaint');
  if (suppression && !explicitAfter(suppression)) {
    const complaint = suppression.kind === 'complaint';
    return result(
      'unsubscribed',
      3,
      policy,
      [
        {
          reason: complaint ? 'complaint' : 'withdrawn',
          sentence: complaint
            ? `Rule 3: the person complained (marked as spam) on ${suppression.date}; only a new explicit opt-in lifts that.`
            : `Rule 3: the person unsubscribed on ${suppression.date}; consent can be withdrawn at any time, and only a new explicit opt-in lifts that.`,
        },
      ],
      suppression.id,
    );
  }

  // 4. Shared mailboxes cannot give personal, verifiable consent.
  if (check.role) {
    return result(
      'not-permitted',
      4,
      policy,
      [
        { reason: 'role-address', sentence: `Rule 4: ${check.display} is a role-based (shared) address; ${policy.citations.roleAddress}.` },
        { reason: 'one-to-one-only', sentence: 'Write to it one-to-one only.' },
      ],
      null,
    );
  }

  // Only evidence after the last suppression counts from here on (it was lifted by rule 3).
  const relevant = suppression ? inForce.filter((e) => after(e, suppression)) : inForce;
  const optIns = relevant.filter((e) => e.kind === 'opt-in' || e.kind === 'reconfirmation');

  // 5. Explicit opt-in from an acceptable source, given to this brand.
  const explicit = last(optIns, (e) => isExplicitConsent(e, policy, brand));
  if (explicit) {
    const how = explicit.kind === 'reconfirmation' ? `re-confirmed on ${explicit.date}` : `opted in explicitly on ${explicit.date} (source: ${explicit.source})`;
    return result('explicit', 5, policy, [{ reason: explicit.kind === 'reconfirmation' ? 'reconfirmed' : 'explicit-opt-in', sentence: `Rule 5: the person ${how}.` }], explicit.id);
  }

  // 6. Implicit consent still valid. 7/8 collect why not, if nothing is.
  const problems: Finding[] = [];
  let bestFixed: { event: LedgerEvent; expiresAt: IsoDate } | null = null;
  let bestOpen: { event: LedgerEvent; finding: Finding } | null = null;
  let onlyNotAcceptable = optIns.length > 0;

  for (const event of optIns) {
    if (event.source === null) continue;
    const rule = policy.sources[event.source];
    if (rule.group !== 'not-acceptable') onlyNotAcceptable = false;
    if (!ownBrand(event, brand)) {
      problems.push({ reason: 'other-brand', sentence: `Rule 7: consent on ${event.date} was given to ${event.brand}, not to this brand; ask the person to confirm for this brand.` });
      continue;
    }
    if (event.source === 'acquisition') {
      problems.push({ reason: 'other-brand', sentence: `Rule 7: the address came with an acquired brand (${event.date}); ${policy.citations.needsVerification}.` });
      continue;
    }
    const window = rule.implicit;
    if (window.kind === 'none') {
      if (window.reason === 'not-acceptable-source') continue; // rule 8, below
      problems.push({ reason: window.reason, sentence: noneSentence(window.reason, event, policy) });
    } else if (window.kind === 'months') {
      const expiresAt = addMonths(event.date, window.months);
      if (asOf < expiresAt) {
        if (!bestFixed || expiresAt > bestFixed.expiresAt) bestFixed = { event, expiresAt };
      } else {
        problems.push({ reason: 'implicit-expired', sentence: `Rule 7: implicit consent from ${event.source} on ${event.date} expired on ${expiresAt} (${policy.citations.implicitWindow}).` });
      }
    } else if (window.kind === 'while-active') {
      const ended = relevant.find((e) => e.kind === 'membership-end' && after(e, event));
      if (ended) problems.push({ reason: 'membership-ended', sentence: `Rule 7: the membership that began on ${event.date} ended on ${ended.date}.` });
      else bestOpen = { event, finding: { reason: 'membership-active', sentence: `Rule 6: an active member since ${event.date}; consent lasts while the membership does.` } };
    } else if (!bestOpen || bestOpen.finding.reason !== 'membership-active') {
      bestOpen = { event, finding: { reason: 'implicit-signup', sentence: `Rule 6: implicit consent from ${event.source} on ${event.date}, with no fixed expiry.` } };
    }
  }

  const considerExplicit: Finding = {
    reason: 'consider-explicit',
    sentence: 'Advice (seed 003): ask for explicit consent — a ticked box or a written yes — to improve e-mail health.',
  };
  if (bestOpen) return result('implicit', 6, policy, [bestOpen.finding, considerExplicit], bestOpen.event.id, null);
  if (bestFixed) {
    const e = bestFixed.event;
    return result(
      'implicit',
      6,
      policy,
      [
        { reason: 'implicit-relationship', sentence: `Rule 6: ${e.source} on ${e.date}; implicit consent lasts until ${bestFixed.expiresAt} (${policy.citations.implicitWindow}).` },
        considerExplicit,
      ],
      e.id,
      bestFixed.expiresAt,
    );
  }

  // 8. Nothing but third-party sources: their consent does not transfer.
  if (onlyNotAcceptable && problems.length === 0) {
    const sources = [...new Set(optIns.map((e) => e.source))].join(', ');
    return result(
      'not-permitted',
      8,
      policy,
      [
        { reason: 'not-acceptable-source', sentence: `Rule 8: the address came only from ${sources}; ${policy.citations.notAcceptable}.` },
        {
          reason: 'one-to-one-only',
          sentence: 'A re-confirmation e-mail is itself marketing in Canada (CASL) and Norway: contact this person one-to-one only, and record their opt-in if they give it.',
        },
      ],
      last(optIns, () => true)?.id ?? null,
    );
  }

  // 7. Needs re-confirmation: say every reason found, or that there is no evidence at all.
  if (problems.length === 0) {
    problems.push({ reason: 'no-evidence', sentence: 'Rule 7: no consent is recorded; a missing opt-out is not consent (seed 003).' });
  }
  return result('needs-reconfirmation', 7, policy, dedupe(problems), last(optIns, () => true)?.id ?? null);
}

function noneSentence(reason: ReasonCode, event: LedgerEvent, policy: Policy): string {
  switch (reason) {
    case 'explicit-required':
      return `Rule 7: ${event.source} on ${event.date} is not explicit consent, which ${policy.name} requires for e-mail marketing.`;
    case 'casl-business-card':
      return `Rule 7: a business card (${event.date}) only allows messages relevant to the person's role under CASL, not marketing.`;
    case 'no-evidence':
      return `Rule 7: the source of the address (${event.date}) is unknown; a missing opt-out is not consent.`;
    default:
      return `Rule 7: ${event.source} on ${event.date} is not consent by itself; ${policy.citations.needsVerification}.`;
  }
}

/** One sentence per reason code (the first of each), keeping order. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<ReasonCode>();
  return findings.filter((f) => (seen.has(f.reason) ? false : (seen.add(f.reason), true)));
}

/** A plain-language answer to "may I mail this person, and if not, why not?" */
export function explainStatus(evaluation: Evaluation): string {
  const why = evaluation.sentences.join(' ');
  switch (evaluation.status) {
    case 'explicit':
      return `You may mail this person: they gave explicit consent. ${why}`;
    case 'implicit':
      return `You may mail this person${evaluation.expiresAt ? ` until ${evaluation.expiresAt}` : ''} on implicit consent. ${why}`;
    case 'needs-reconfirmation':
      return `Do not mail this person yet: their consent needs to be confirmed. ${why} Ask them to opt in (one-to-one), then record it.`;
    case 'not-permitted':
      return `You may not mail this person. ${why}`;
    case 'unsubscribed':
      return `You may not mail this person: they said no. ${why}`;
    case 'bounced':
      return `You may not mail this address: it does not receive mail. ${why}`;
    case 'invalid':
      return `This address cannot be mailed. ${why}`;
  }
}
