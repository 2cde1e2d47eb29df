// E-mail address checks: syntax (internationalized addresses too), the matching key,
// role-based and disposable addresses, and typo suggestions. Pure and fast: it runs once
// per row of million-row imports, so per-domain answers are cached.

import isEmailModule from 'validator/lib/isEmail.js';
import roleList from 'role-based-email-addresses';
import disposableDomains from 'disposable-email-domains/index.json' with { type: 'json' };
import spellChecker from '@zootools/email-spell-checker';

export type EmailProblem = 'empty' | 'missing-at' | 'multiple-at' | 'multiple-addresses' | 'bad-local-part' | 'bad-domain' | 'too-long' | 'spaces';

export interface EmailCheck {
  input: string;
  /** Trimmed address as the user wrote it (case kept), without "Name <…>" or mailto:. */
  display: string;
  /** The matching key: lower-cased, NFC, domain in punycode. */
  normalized: string;
  valid: boolean;
  problem: EmailProblem | null;
  message: string | null;
  /** A shared mailbox (post@, info@, salg@ …): nobody can give personal consent for it. */
  role: boolean;
  disposable: boolean;
  /** A likely intended address for a misspelt domain (gmial.com → gmail.com); never applied. */
  suggestion: string | null;
}

/** Norwegian and other shared-mailbox names the public list lacks. */
const EXTRA_ROLES = [
  'post', 'postmottak', 'kontakt', 'salg', 'faktura', 'regnskap', 'kundeservice', 'kundesenter', 'resepsjon', 'booking',
  'ordre', 'bestilling', 'admin', 'noreply', 'no-reply', 'donotreply', 'firmapost', 'styret', 'leder', 'sekretariat',
  'innkjop', 'lonn', 'personal', 'hr', 'drift', 'it', 'service', 'verksted', 'butikk', 'info', 'sales', 'support',
];
// validator's CommonJS module is the function itself, with .default pointing at it too.
const isEmail = isEmailModule.default;
/** Entries of the public list that are common first names here ("per@" is Per, not a role). */
const NOT_ROLES = new Set(['per']);
const ROLES = new Set([...(roleList as string[]), ...EXTRA_ROLES].map((r) => r.toLowerCase()).filter((r) => !NOT_ROLES.has(r)));
const DISPOSABLE = new Set(disposableDomains as string[]);
/** RFC 5322 dot-atom: atext characters, single dots between them. */
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const suggestionCache = new Map<string, string | null>();
const domainCache = new Map<string, string | null>();

function fail(input: string, display: string, problem: EmailProblem, message: string): EmailCheck {
  return { input, display, normalized: display.toLowerCase(), valid: false, problem, message, role: false, disposable: false, suggestion: null };
}

/** Strips "Name <addr>", mailto: and surrounding quotes/whitespace. */
function extractAddress(input: string): string {
  let text = input.trim();
  const angle = /<([^<>]*)>\s*$/.exec(text);
  if (angle) text = angle[1]!.trim();
  if (/^mailto:/i.test(text)) text = text.slice(7).split('?')[0]!;
  return text.replace(/^["']+|["']+$/g, '').trim();
}

/** The domain in ASCII (punycode) form, or null when it is not a usable host name. */
function asciiDomain(domain: string): string | null {
  const cached = domainCache.get(domain);
  if (cached !== undefined) return cached;
  let ascii: string | null = null;
  if (/^[a-z0-9.-]+$/.test(domain)) ascii = domain;
  else {
    try {
      ascii = new URL(`http://${domain}/`).hostname;
    } catch {
      ascii = null;
    }
  }
  const labels = ascii?.split('.') ?? [];
  const ok =
    ascii !== null &&
    ascii.length <= 253 &&
    labels.length >= 2 &&
    labels.every((l) => l.length > 0 && l.length <= 63 && /^[a-z0-9-]+$/.test(l) && !l.startsWith('-') && !l.endsWith('-')) &&
    /^(xn--[a-z0-9-]+|[a-z]{2,})$/.test(labels[labels.length - 1]!);
  const result = ok ? ascii : null;
  if (domainCache.size < 100_000) domainCache.set(domain, result);
  return result;
}

function suggestDomain(local: string, domain: string): string | null {
  let suggested = suggestionCache.get(domain);
  if (suggested === undefined) {
    const result = spellChecker.run({ email: `x@${domain}` });
    suggested = result && result.domain !== domain ? result.domain : null;
    if (suggestionCache.size < 100_000) suggestionCache.set(domain, suggested);
  }
  return suggested ? `${local}@${suggested}` : null;
}

export function checkEmail(input: string): EmailCheck {
  const display = extractAddress(input);
  if (display === '') return fail(input, display, 'empty', 'The e-mail address is empty.');
  if (/[\s,;]/.test(display)) {
    const parts = display.split(/[\s,;]+/).filter((p) => p.includes('@'));
    if (parts.length > 1) {
      return fail(input, display, 'multiple-addresses', `“${display}” holds more than one address; put one address per contact.`);
    }
    if (/\s/.test(display)) return fail(input, display, 'spaces', `“${display}” has spaces inside the address.`);
  }
  const at = display.lastIndexOf('@');
  if (at === -1) return fail(input, display, 'missing-at', `“${display}” has no @ sign.`);
  if (display.indexOf('@') !== at) return fail(input, display, 'multiple-at', `“${display}” has more than one @ sign.`);
  const local = display.slice(0, at).normalize('NFC');
  const domainText = display.slice(at + 1).normalize('NFC').toLowerCase().replace(/\.$/, '');
  if (local.length === 0 || local.length > 64) {
    return local.length === 0
      ? fail(input, display, 'bad-local-part', `“${display}” has nothing before the @ sign.`)
      : fail(input, display, 'too-long', `“${display}” is too long before the @ sign (over 64 characters).`);
  }
  const domain = asciiDomain(domainText);
  if (domain === null) return fail(input, display, 'bad-domain', `“${display}” does not end in a valid domain (such as example.no).`);
  const normalized = `${local.toLowerCase()}@${domain}`;
  if (normalized.length > 254) return fail(input, display, 'too-long', `“${display}” is longer than an address may be (254 characters).`);
  // Most addresses are plain dot-atoms and are checked here; validator handles the rest
  // (quoted and internationalized local parts). The domain was checked above in punycode.
  const plain = DOT_ATOM.test(local);
  if (!plain && !isEmail(`${local}@${domain}`, { allow_utf8_local_part: true, require_tld: true, allow_ip_domain: false })) {
    return fail(input, display, 'bad-local-part', `“${display}” has characters that are not allowed before the @ sign.`);
  }
  const role = ROLES.has(local.toLowerCase().split('+')[0]!);
  return {
    input,
    display,
    normalized,
    valid: true,
    problem: null,
    message: null,
    role,
    disposable: DISPOSABLE.has(domain),
    suggestion: suggestDomain(local, domain),
  };
}

/** The matching key only (same as checkEmail(...).normalized). */
export function normalizeEmail(input: string): string {
  return checkEmail(input).normalized;
}

export function isRoleAddress(address: string): boolean {
  const display = extractAddress(address);
  const local = display.slice(0, display.lastIndexOf('@')).toLowerCase().split('+')[0]!;
  return ROLES.has(local);
}
