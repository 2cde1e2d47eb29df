// The English sentences that explain an evaluation: "Rule N (citation): what happened."

import type { LedgerEvent } from './types.ts';
import type { SourceKind } from './vocabulary.ts';

/** What a piece of evidence says happened, by source; {date} is the event's date. */
const HAPPENED: Readonly<Record<SourceKind, string>> = {
  'web-form': 'submitted your web form on {date}',
  'newsletter-signup': 'signed up for your newsletter on {date}',
  purchase: 'bought on {date}',
  contract: 'signed a written contract on {date}',
  donation: 'donated on {date}',
  volunteer: 'volunteered on {date}',
  membership: 'became a member on {date}',
  'ad-conversion': 'converted on your ad on {date}',
  'event-booth': 'gave their details at your stand on {date}',
  'business-card': 'handed you a business card on {date}',
  'purchased-list': 'came from a bought, rented or borrowed list on {date}',
  'member-list': 'came from a member or organisation list on {date}',
  'previous-company': 'is a contact from a previous company (recorded {date})',
  'other-brand-form': "submitted another brand's form on {date}",
  'lead-vendor': 'came from a lead vendor or enrichment tool on {date}',
  'direct-email': 'e-mailed you one-to-one on {date}',
  'event-attendee-list': "came from an organiser's attendee list on {date}",
  personal: 'is a friend, relative or former colleague (recorded {date})',
  'employee-list': "came from an employer's staff list on {date}",
  acquisition: 'came with an acquired or merged brand on {date}',
  'met-in-person': 'was met in person and agreed verbally on {date}',
  unknown: 'was recorded on {date} with no source',
};

export function happened(event: LedgerEvent): string {
  if (event.kind === 'reconfirmation') return `re-confirmed on ${event.date}`;
  return HAPPENED[event.source ?? 'unknown'].replace('{date}', event.date);
}

export function ruleSentence(rule: number, cite: string, text: string): string {
  return `Rule ${rule} (${cite}): ${text}.`;
}

export const ONE_TO_ONE =
  'Only one-to-one outreach is allowed: a re-confirmation e-mail is itself marketing in Canada (CASL) and Norway, so do not send one in bulk; write to the person individually and record their opt-in if they give it.';

export const CONSIDER_EXPLICIT =
  'Advice (seed 003): ask for explicit consent — a checkbox they tick on a form, or written consent — to improve the health of your e-mail.';

export const SIMILAR_PRODUCTS_ONLY =
  'Advice (markedsføringsloven § 15 (2)): mail only about your own products or services similar to what they bought, and offer a free, simple opt-out in every message.';

/**
 * A sentence as an owner reads it, in a file they open (the export report): without the rule's
 * number and citation ("Rule 7 (seed 003): x." → "X."; "Advice (seed 003): x" → "Advice: x").
 * The API and the CLI keep the full sentence, which cites the rule.
 */
export function plainSentence(sentence: string): string {
  const rule = /^(Rule \d+|Advice) \(/.exec(sentence);
  if (!rule) return sentence;
  // The citation may itself hold parentheses ("markedsføringsloven § 15 (2)"): find its end.
  let depth = 0;
  for (let i = rule[0].length - 1; i < sentence.length; i += 1) {
    if (sentence[i] === '(') depth += 1;
    else if (sentence[i] === ')' && --depth === 0) {
      const rest = sentence.slice(i + 1).replace(/^:\s*/, '');
      if (rule[1] === 'Advice') return `Advice: ${rest}`;
      return rest.charAt(0).toUpperCase() + rest.slice(1);
    }
  }
  return sentence;
}
