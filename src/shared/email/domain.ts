// The domain part: validity, the ASCII (punycode) form used as the matching key, and the
// per-domain facts (disposable, typo suggestion). Imports repeat a few thousand domains over
// a million rows, so each domain is analysed once and cached.

import { isDisposableDomain } from './disposable.ts';
import { detachedCopy } from './text.ts';
import { suggestDomain } from './typos.ts';

export interface ValidDomain {
  ok: true;
  /** Lower-case ASCII; punycode for international names. */
  ascii: string;
  /** Filled in on first need (normalizeEmail never needs them). */
  disposable: boolean | undefined;
  suggestion: string | null | undefined;
}
export type DomainInfo = ValidDomain | { ok: false; problem: 'bad-domain' | 'too-long'; reason: string };

const ASCII_DOMAIN = /^[a-z0-9.-]+$/i;
/** Letters, marks and digits of any script: what an internationalized domain name is made of. */
const UNICODE_DOMAIN = /^[\p{L}\p{M}\p{N}.-]+$/u;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/** A top-level domain is letters only (or an IDN's punycode), so IP addresses never pass. */
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const CACHE_LIMIT = 100_000;

const cache = new Map<string, DomainInfo>();

/** The facts about a domain as typed (any case, Unicode or ASCII). */
export function domainInfo(typed: string): DomainInfo {
  let info = cache.get(typed);
  if (info === undefined) {
    // A copy to cache and analyse: `typed` is usually a slice of the reader's decoded chunk,
    // and a cached slice (as the key, or as `ascii` when lower-casing changes nothing) would
    // keep that whole chunk alive (measured: ~90 MB at a million rows).
    const own = detachedCopy(typed);
    info = analyse(own);
    if (cache.size >= CACHE_LIMIT) cache.clear(); // bounded memory on pathological inputs
    cache.set(own, info);
  }
  return info;
}

/** Whether the domain is disposable, and a likely intended domain, worked out once per domain. */
export function domainExtras(info: ValidDomain): { disposable: boolean; suggestion: string | null } {
  info.disposable ??= isDisposableDomain(info.ascii);
  if (info.suggestion === undefined) info.suggestion = suggestDomain(info.ascii);
  return { disposable: info.disposable, suggestion: info.suggestion };
}

function bad(reason: string): DomainInfo {
  return { ok: false, problem: 'bad-domain', reason };
}

function analyse(typed: string): DomainInfo {
  if (typed.startsWith('[')) return bad('uses an IP address instead of a domain name');
  let ascii: string;
  if (ASCII_DOMAIN.test(typed)) ascii = typed.toLowerCase();
  else if (UNICODE_DOMAIN.test(typed)) {
    // Internationalized domain (ødegård.no): the WHATWG URL parser applies IDNA (UTS #46)
    // and gives the punycode form that mail servers and e-mail tools use.
    try {
      ascii = new URL(`http://${typed}`).hostname;
    } catch {
      return bad('is not a valid international domain name');
    }
  } else {
    const character = [...typed].find((c) => !UNICODE_DOMAIN.test(c)) ?? '';
    return bad(`has a character that cannot be part of a domain (“${character}”)`);
  }
  if (ascii.endsWith('.')) return bad('ends with a dot');
  if (ascii.startsWith('.') || ascii.includes('..')) return bad('has an empty part between dots');
  if (ascii.length > 253) return { ok: false, problem: 'too-long', reason: 'has a domain longer than 253 characters' };
  const labels = ascii.split('.');
  if (labels.length < 2) return bad('has no dot in its domain (a domain looks like firma.no)');
  for (const label of labels) {
    if (label.length > 63) return bad('has a part of its domain longer than 63 characters');
    if (!LABEL.test(label)) return bad(`has a badly formed domain part (“${label}”)`);
  }
  if (!TOP_LEVEL.test(labels[labels.length - 1]!)) return bad('does not end in a top-level domain such as .no or .com');
  return { ok: true, ascii, disposable: undefined, suggestion: undefined };
}
