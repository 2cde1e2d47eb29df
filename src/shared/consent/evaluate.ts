// The rules engine: a contact's status as of a date, from its ledger events, under a policy.
// Pure — no I/O, no clock. Rules in order, first match wins (DESIGN.md; POLICY.md):
//   1 invalid address · 2 unresolved hard bounce · 3 unresolved withdrawal or complaint ·
//   4 role address · 5 explicit opt-in · 6 implicit consent still valid ·
//   7 needs re-confirmation · 8 only not-acceptable sources → not permitted.

import { checkEmail } from '../email/index.ts';
import { addDays, addMonths } from './dates.ts';
import { effectiveEvents, isLater } from './ledger.ts';
import { CONSIDER_EXPLICIT, ONE_TO_ONE, SIMILAR_PRODUCTS_ONLY, happened, ruleSentence } from './sentences.ts';
import type { Evaluation, EvaluationContext, LedgerEvent, Policy, ReasonCode, SourceRule } from './types.ts';
import type { IsoDate, Status } from './vocabulary.ts';

interface Finding {
  reason: ReasonCode;
  sentence: string;
}

/** What one piece of consent evidence is worth as of the date (rules 6–8). */
type Verdict =
  | { counts: true; event: LedgerEvent; until: IsoDate | null; findings: Finding[] }
  | { counts: false; event: LedgerEvent; rule: 7 | 8; finding: Finding; cite: string };

const ADVICE: Partial<Record<ReasonCode, string>> = {
  'consider-explicit': CONSIDER_EXPLICIT,
  'similar-products-only': SIMILAR_PRODUCTS_ONLY,
};

export function evaluate(email: string, events: readonly LedgerEvent[], policy: Policy, ctx: EvaluationContext): Evaluation {
  const decide = (status: Status, rule: number, findings: Finding[], eventId: number | null, expiresAt: IsoDate | null = null): Evaluation => ({
    status,
    reasons: findings.map((f) => f.reason),
    sentences: findings.map((f) => f.sentence),
    expiresAt,
    decidingEventId: eventId,
    rule: `${policy.id}/${rule}`,
  });

  // 1. The address itself.
  const check = checkEmail(email);
  if (!check.valid) {
    const what = (check.message ?? 'the address is not valid').replace(/\.$/, '');
    return decide('invalid', 1, [{ reason: 'invalid-address', sentence: ruleSentence(1, 'only a valid address can be mailed', what) }], null);
  }

  const ledger = effectiveEvents(events, ctx.asOf);
  const ownBrand = brandMatcher(ctx.workspaceBrand);
  const isExplicit = (e: LedgerEvent): boolean => isExplicitConsent(e, policy, ownBrand);
  const liftedAfter = (e: LedgerEvent): boolean => ledger.some((later) => isLater(later, e) && isExplicit(later));

  // 2. A hard bounce stands until the person explicitly confirms (an address that works).
  const bounce = lastOf(ledger, (e) => e.kind === 'hard-bounce');
  if (bounce && !liftedAfter(bounce)) {
    const text = `the address bounced hard on ${bounce.date} and has not been explicitly re-confirmed since`;
    return decide('bounced', 2, [{ reason: 'hard-bounce', sentence: ruleSentence(2, 'a hard bounce means the address does not receive mail', text) }], bounce.id);
  }

  // 3. A withdrawal or complaint stands until a later explicit opt-in; implicit evidence (a
  //    later purchase, say) never lifts it. Any brand's: "stop" is about the person.
  const stop = lastOf(ledger, (e) => e.kind === 'withdrawal' || e.kind === 'complaint');
  if (stop && !liftedAfter(stop)) {
    const complaint = stop.kind === 'complaint';
    const text = `${complaint ? `the person marked your e-mail as spam on ${stop.date}` : `the person unsubscribed on ${stop.date}`}; only a new explicit opt-in lifts that, not implicit evidence such as a later purchase`;
    return decide('unsubscribed', 3, [{ reason: complaint ? 'complaint' : 'withdrawn', sentence: ruleSentence(3, policy.cite.withdrawal, text) }], stop.id);
  }

  // 4. Shared mailboxes cannot give personal, verifiable consent, whatever was recorded.
  if (check.role) {
    const text = `${check.display} is a shared mailbox, usually read by several people`;
    return decide(
      'not-permitted',
      4,
      [
        { reason: 'role-address', sentence: ruleSentence(4, policy.cite.roleAddress, text) },
        { reason: 'one-to-one-only', sentence: ONE_TO_ONE },
      ],
      null,
    );
  }

  const evidence = ledger.filter((e) => e.kind === 'opt-in' || e.kind === 'reconfirmation');

  // 5. Explicit opt-in (or re-confirmation) from an acceptable source, to this brand. (A
  //    lifted withdrawal always ends here: what lifted it is a later explicit opt-in.)
  const explicit = lastOf(evidence, isExplicit);
  if (explicit) {
    const reconfirmed = explicit.kind === 'reconfirmation';
    const text = reconfirmed ? `this contact re-confirmed on ${explicit.date}` : `this contact opted in explicitly: ${happened(explicit)}`;
    return decide('explicit', 5, [{ reason: reconfirmed ? 'reconfirmed' : 'explicit-opt-in', sentence: ruleSentence(5, policy.cite.explicit, text) }], explicit.id);
  }

  // 6. Implicit consent still valid: prefer evidence with no fixed end, else the latest end.
  const verdicts = evidence.map((e) => judge(e, ledger, policy, ownBrand, ctx.asOf));
  let best: (Verdict & { counts: true }) | undefined;
  for (const verdict of verdicts) {
    if (!verdict.counts) continue;
    if (best === undefined || verdict.until === null || (best.until !== null && verdict.until >= best.until)) best = verdict;
  }
  if (best) return decide('implicit', 6, best.findings, best.event.id, best.until);

  // 7. Something to verify: say each distinct reason, the most recent evidence first. A
  //    record with no source only counts as "no evidence" when there is nothing else.
  const refusals = verdicts.filter((v): v is Verdict & { counts: false } => !v.counts).reverse();
  const toVerify = dedupe(refusals.filter((v) => v.rule === 7 && v.finding.reason !== 'no-evidence'));
  if (toVerify.length > 0) return decide('needs-reconfirmation', 7, toVerify.map((v) => v.finding), toVerify[0]!.event.id);

  // 8. Nothing but third-party sources: their consent does not transfer.
  const thirdParty = refusals.filter((v, i) => v.rule === 8 && refusals.findIndex((w) => w.event.source === v.event.source) === i);
  if (thirdParty.length > 0) {
    const text = `this contact ${thirdParty.map((v) => happened(v.event)).join(', and ')}; consent given to someone else does not transfer to you`;
    return decide(
      'not-permitted',
      8,
      [
        { reason: 'not-acceptable-source', sentence: ruleSentence(8, thirdParty[0]!.cite, text) },
        { reason: 'one-to-one-only', sentence: ONE_TO_ONE },
      ],
      thirdParty[0]!.event.id,
    );
  }

  // 7, again: no evidence at all, or only records without a source.
  const unknown = refusals[0];
  const text = unknown ? `this contact ${happened(unknown.event)}` : 'no consent is recorded for this address';
  return decide('needs-reconfirmation', 7, [{ reason: 'no-evidence', sentence: ruleSentence(7, policy.cite.noEvidence, text) }], unknown?.event.id ?? null);
}

/** What one opt-in (or unhonoured re-confirmation) is worth, as implicit evidence. */
function judge(event: LedgerEvent, ledger: readonly LedgerEvent[], policy: Policy, ownBrand: (e: LedgerEvent) => boolean, asOf: IsoDate): Verdict {
  const source = event.source ?? 'unknown';
  const rule: SourceRule = policy.sources[source];
  const what = `this contact ${happened(event)}`;
  const refuse = (reason: ReasonCode, text: string, cite = rule.cite): Verdict => ({
    counts: false,
    event,
    rule: rule.group === 'not-acceptable' ? 8 : 7,
    finding: { reason, sentence: ruleSentence(rule.group === 'not-acceptable' ? 8 : 7, cite, text) },
    cite,
  });
  const accept = (reason: ReasonCode, text: string, until: IsoDate | null): Verdict => ({
    counts: true,
    event,
    until,
    findings: [{ reason, sentence: ruleSentence(6, rule.cite, text) }, ...rule.advice.map((code) => ({ reason: code, sentence: ADVICE[code] ?? code }))],
  });

  if (rule.group === 'not-acceptable') return refuse(rule.refusal ?? 'not-acceptable-source', what);
  if (!ownBrand(event)) return refuse('other-brand', `${what}, but for the brand “${event.brand ?? ''}”, not this one`, policy.cite.otherBrand);
  if (rule.implicit === 'not-consent') return refuse(rule.refusal ?? 'needs-verification', `${what}; that is not consent to marketing by itself`);
  // Membership evidence ends with the membership, whatever its window.
  const ended = source === 'membership' ? ledger.find((e) => e.kind === 'membership-end' && isLater(e, event)) : undefined;
  if (ended) return refuse('membership-ended', `${what}; the membership ended on ${ended.date}`);
  if (typeof rule.implicit === 'number') {
    const until = addMonths(event.date, rule.implicit);
    if (asOf >= until) return refuse('implicit-expired', `${what}; that implicit consent expired on ${until}`);
    return accept('implicit-relationship', `${what}; implicit consent lasts until ${until} (the last day it counts is ${addDays(until, -1)})`, until);
  }
  if (rule.implicit === 'while-active') return accept('membership-active', `${what}; consent lasts while the membership is active`, null);
  return accept('implicit-signup', `${what}; implicit consent with no fixed expiry`, null);
}

/** Re-confirmation, or explicit opt-in from a source whose explicit opt-ins count — to this brand. */
function isExplicitConsent(event: LedgerEvent, policy: Policy, ownBrand: (e: LedgerEvent) => boolean): boolean {
  if (!ownBrand(event)) return false;
  if (event.kind === 'reconfirmation') {
    // A re-confirmation is explicit by definition; one recorded as implicit is contradictory: not counted.
    return event.basis !== 'implicit' && (event.source === null || policy.sources[event.source].explicit);
  }
  return event.kind === 'opt-in' && event.basis === 'explicit' && event.source !== null && policy.sources[event.source].explicit;
}

/**
 * Whether an event's consent was given to this workspace's brand: no brand recorded means
 * ours; otherwise compared trimmed and case-insensitively. With no workspace brand set, any
 * named brand is someone else's (the safer reading).
 */
function brandMatcher(workspaceBrand: string | null | undefined): (event: LedgerEvent) => boolean {
  const ours = brandKey(workspaceBrand);
  return (event) => {
    const theirs = brandKey(event.brand);
    return theirs === null || theirs === ours;
  };
}

function brandKey(brand: string | null | undefined): string | null {
  const key = brand?.normalize('NFC').trim().toLowerCase();
  return key ? key : null;
}

function lastOf<T>(list: readonly T[], predicate: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i]!)) return list[i];
  return undefined;
}

/** The first verdict for each reason code, in order. */
function dedupe<T extends { finding: Finding }>(verdicts: T[]): T[] {
  const seen = new Set<ReasonCode>();
  return verdicts.filter((v) => !seen.has(v.finding.reason) && seen.add(v.finding.reason));
}
