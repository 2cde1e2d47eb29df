// "Why can't I mail this person?" — one plain-language paragraph per evaluation: what the
// status means, why (the rule sentences), and what the user can do about it.

import { addDays } from './dates.ts';
import type { Evaluation } from './types.ts';

export function explainStatus(evaluation: Evaluation): string {
  const why = evaluation.sentences.join(' ');
  const deciding = evaluation.reasons[0];
  switch (evaluation.status) {
    case 'explicit':
      return `You may mail this person: they gave explicit consent, which lasts until they withdraw it. ${why}`;
    case 'implicit':
      return evaluation.expiresAt === null
        ? `You may mail this person on implicit consent, with no fixed end date. ${why}`
        : `You may mail this person on implicit consent up to and including ${addDays(evaluation.expiresAt, -1)}. ${why}`;
    case 'needs-reconfirmation':
      return `You cannot mail this person yet: there is no valid consent on record for them. ${why} What to do: ask them, one-to-one, to opt in through your sign-up form or to confirm in writing, then record it; a bulk e-mail asking for consent is itself marketing in Canada (CASL) and Norway.`;
    case 'not-permitted':
      return deciding === 'role-address'
        ? `You cannot send marketing e-mail to this address: it is a shared mailbox, and nobody can give consent on behalf of everyone who reads it. ${why} What to do: ask the person you deal with for their own address and their opt-in.`
        : `You cannot mail this person: the address came from a third party, and consent does not transfer. ${why}`;
    case 'unsubscribed':
      return `You cannot mail this person: they ${deciding === 'complaint' ? 'marked your e-mail as spam' : 'unsubscribed'}. ${why} Keep them on your suppression list; only a new explicit opt-in from them changes this.`;
    case 'bounced':
      return `You cannot mail this address: mail to it bounced hard, so it does not exist or no longer accepts mail. ${why} What to do: correct the address, or wait until the person re-confirms it explicitly.`;
    case 'invalid':
      return `You cannot mail this address: it is not a valid e-mail address. ${why} What to do: correct it on the contact.`;
  }
}
