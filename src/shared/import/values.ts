// Reading single cells: yes/no flags, consent basis, list statuses, names, tags and
// cells holding several addresses. Each returns undefined for text it does not recognise,
// so the caller can report it instead of guessing.

import type { CodedMessage } from '../contract/dto.ts';
import type { RowConsent } from './mapping.ts';

export type ListStatus = NonNullable<RowConsent['listStatus']>;

function key(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

const YES = new Set(['yes', 'y', 'ja', 'j', 'true', 'sant', '1', 'x', '✓', '✔', '☑', '✅', 'ok', 'opted in', 'opt-in', 'optin', 'subscribed', 'samtykker', 'samtykke gitt', 'godkjent', 'agreed', 'accepted', 'consented']);
const NO = new Set(['no', 'n', 'nei', 'false', 'usant', '0', '✗', '✘', '☐', 'opted out', 'opt-out', 'optout', 'unsubscribed', 'declined', 'ikke samtykke', 'avslått']);

/** true, false, null (empty), or undefined (not a yes or a no). */
export function parseFlag(value: string): boolean | null | undefined {
  const v = key(value);
  if (v === '') return null;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return undefined;
}

const EXPLICIT = new Set(['explicit', 'express', 'eksplisitt', 'uttrykkelig', 'aktivt samtykke', 'double opt-in', 'double optin', 'double opt in', 'confirmed', 'confirmed opt-in', 'bekreftet', 'dobbel opt-in', 'single opt-in', 'opt-in']);
const IMPLICIT = new Set(['implicit', 'implied', 'implisitt', 'underforstått', 'soft opt-in', 'soft optin', 'customer relationship', 'kundeforhold']);

export function parseBasis(value: string): 'explicit' | 'implicit' | null | undefined {
  const v = key(value);
  if (v === '') return null;
  if (EXPLICIT.has(v)) return 'explicit';
  if (IMPLICIT.has(v)) return 'implicit';
  return undefined;
}

const STATUS_WORDS: [ListStatus, string[]][] = [
  ['subscribed', ['subscribed', 'subscriber', 'enabled', 'active', 'opted in', 'aktiv', 'påmeldt', 'abonnent']],
  ['unsubscribed', ['unsubscribed', 'unsubscribe', 'blocklisted', 'blacklisted', 'opted out', 'avmeldt', 'meldt av', 'reservert']],
  ['cleaned', ['cleaned', 'bounced', 'bounce', 'hard bounce', 'hard bounced', 'returnert', 'ugyldig']],
  ['pending', ['pending', 'unconfirmed', 'ubekreftet', 'venter', 'not confirmed']],
];
const STATUS = new Map<string, ListStatus>();
for (const [status, words] of STATUS_WORDS) for (const w of words) STATUS.set(w, status);

/**
 * A list status from a status cell. listmonk's "disabled" is not an unsubscribe (the list
 * owner switched the subscriber off): null, with a note.
 */
export function parseListStatus(value: string): { status: ListStatus | null; problem?: Required<CodedMessage> } | undefined {
  const v = key(value);
  if (v === '') return { status: null };
  if (v === 'disabled') {
    return { status: null, problem: { text: '“disabled” (switched off by the list owner) is not an unsubscribe; no list status is recorded', code: 'status-disabled', params: {} } };
  }
  const status = STATUS.get(v);
  return status ? { status } : undefined;
}

/** Lower-case particles that belong to a family name: "Jan van der Berg". */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'af', 'av', 'zu', 'dos', 'das', 'del', 'della', 'ter', 'ten']);

/**
 * "Nordmann, Ola" (family name first) or "Ola Nordmann" into first and last name: the last
 * word is the family name, with any particles before it ("van der Berg"). A single word is
 * a first name. An address written as a name is not split.
 */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const name = full.trim().replace(/\s+/g, ' ');
  if (name === '' || name.includes('@')) return { firstName: '', lastName: '' };
  const comma = name.indexOf(',');
  if (comma !== -1) return { lastName: name.slice(0, comma).trim(), firstName: name.slice(comma + 1).trim() };
  const parts = name.split(' ');
  if (parts.length === 1) return { firstName: name, lastName: '' };
  let start = parts.length - 1;
  while (start > 1 && PARTICLES.has(parts[start - 1]!)) start--;
  return { firstName: parts.slice(0, start).join(' '), lastName: parts.slice(start).join(' ') };
}

/**
 * Tags from a cell: separated by "," ";" or Google's " ::: ". Google's system labels
 * ("* myContacts", "* starred") are not the user's tags; Mailchimp quotes each tag.
 */
export function splitTags(value: string): string[] {
  const tags = value
    .split(/\s*:::\s*|[,;]/)
    .map((t) => t.trim().replace(/^"(.*)"$/, '$1').trim())
    .filter((t) => t !== '' && !t.startsWith('*') && t.toLowerCase() !== 'mycontacts');
  return [...new Set(tags)];
}

/**
 * Addresses in one cell: Google writes "a@x.no ::: b@x.no"; people write "a@x.no; b@x.no".
 * Split only when there is more than one "@", so "Nordmann, Ola <ola@x.no>" stays whole.
 */
export function splitAddresses(value: string): string[] {
  const v = value.trim();
  if (v === '') return [];
  const count = (s: string): number => (s.match(/@/g) ?? []).length;
  if (count(v) < 2) return [v];
  return v
    .split(/\s*(?::::|[;,])\s*/)
    .flatMap((part) => (count(part) > 1 ? part.split(/\s+/) : [part]))
    .filter((a) => a !== '');
}
