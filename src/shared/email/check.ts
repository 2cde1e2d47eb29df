// E-mail address checks: syntax (internationalized addresses too), the matching key,
// role-based and disposable addresses, and typo suggestions. Pure, and fast enough to run
// once per row of a million-row import: no per-call regex construction, per-domain cache.
//
// What counts as valid (a documented choice, stricter than RFC 5322 where e-mail tools are):
//  - local part: a dot-atom of RFC 5322 "atext" characters, plus letters, marks and digits
//    of any script (RFC 6531, ola.ødegård@…); no quoted local parts ("a b"@x.no), no
//    leading, trailing or double dots; at most 64 octets;
//  - domain: at least two labels of letters, digits and hyphens (after IDNA conversion), a
//    top-level domain of letters; no IP addresses; at most 253 characters;
//  - the whole address at most 254 octets (RFC 5321's path limit).

import { domainExtras, domainInfo, type ValidDomain } from './domain.ts';
import { extractAddress } from './extract.ts';
import { isRoleLocalPart } from './roles.ts';
import { foldCase, isAscii, quoted, utf8Length } from './text.ts';

export type EmailProblem =
  | 'empty'
  | 'missing-at'
  | 'multiple-at'
  | 'multiple-addresses'
  | 'spaces'
  | 'bad-local-part'
  | 'bad-domain'
  | 'too-long';

export interface EmailCheck {
  /** Exactly as given. */
  input: string;
  /** The address for display: trimmed, without "Name <…>", mailto: or quotes; case kept. */
  display: string;
  /**
   * The matching key (one contact per key). The local part is lower-cased too, although
   * RFC 5321 lets servers treat it case-sensitively: virtually none do, and two keys for
   * Ola@ and ola@ would split one person's history — an unsubscribe recorded under one
   * spelling must stop mail to the other. Unicode NFC; the domain in punycode. Dots and
   * +tags are kept (they are provider-specific). For an invalid address: the display form
   * case-folded, so the key is still stable.
   */
  normalized: string;
  valid: boolean;
  problem: EmailProblem | null;
  /** What is wrong, as an English sentence quoting the address. */
  message: string | null;
  /** A shared mailbox (post@, info@, salg@ …): nobody can give personal consent for it. */
  role: boolean;
  /** The domain hands out throw-away addresses. */
  disposable: boolean;
  /** The likely intended address for a misspelt domain (gmial.com → gmail.com); never applied. */
  suggestion: string | null;
}

/** Longer than any address can be: rejected before any further work. */
const MAX_INPUT = 1000;
const SPACE = /\s/;
const ASCII_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const UNICODE_LOCAL = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const LOCAL_CHARACTER = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~.-]$/u;

type Parsed =
  | { ok: true; display: string; local: string; foldedLocal: string; info: ValidDomain }
  | { ok: false; display: string; problem: EmailProblem; message: string; suggestion: string | null };

export function checkEmail(input: string): EmailCheck {
  const parsed = parse(input);
  if (!parsed.ok) {
    return {
      input,
      display: parsed.display,
      normalized: foldCase(parsed.display),
      valid: false,
      problem: parsed.problem,
      message: parsed.message,
      role: false,
      disposable: false,
      suggestion: parsed.suggestion,
    };
  }
  const { disposable, suggestion } = domainExtras(parsed.info);
  return {
    input,
    display: parsed.display,
    normalized: `${parsed.foldedLocal}@${parsed.info.ascii}`,
    valid: true,
    problem: null,
    message: null,
    role: isRoleLocalPart(parsed.foldedLocal),
    disposable,
    suggestion: suggestion === null ? null : `${parsed.local}@${suggestion}`,
  };
}

/** The matching key alone: the same as `checkEmail(input).normalized`, without the extras. */
export function normalizeEmail(input: string): string {
  const parsed = parse(input);
  return parsed.ok ? `${parsed.foldedLocal}@${parsed.info.ascii}` : foldCase(parsed.display);
}

/** True for a shared mailbox (post@, info@, salg@, noreply@ …), whatever the domain. */
export function isRoleAddress(address: string): boolean {
  const display = extractAddress(address).address;
  const at = display.lastIndexOf('@');
  return at > 0 && isRoleLocalPart(foldCase(display.slice(0, at)));
}

function parse(input: string): Parsed {
  const { address: display, multiple } = extractAddress(input);
  const fail = (problem: EmailProblem, what: string, suggestion: string | null = null): Parsed => ({
    ok: false,
    display,
    problem,
    message: `${quoted(display)} ${what}.`,
    suggestion,
  });

  if (display === '') return { ok: false, display, problem: 'empty', message: 'The e-mail address is empty.', suggestion: null };
  if (multiple) return fail('multiple-addresses', 'holds more than one address; give each address its own contact');
  if (display.length > MAX_INPUT) return fail('too-long', `is ${display.length} characters long; an address has at most 254`);
  if (SPACE.test(display)) return fail('spaces', 'has a space inside the address');

  const at = display.indexOf('@');
  if (at === -1) return fail('missing-at', 'has no @ sign');
  if (display.indexOf('@', at + 1) !== -1) return fail('multiple-at', `has ${atSigns(display)} @ signs`);
  const local = display.slice(0, at);
  const typedDomain = display.slice(at + 1);
  if (local === '') return fail('bad-local-part', 'has nothing before the @ sign');
  if (typedDomain === '') return fail('bad-domain', 'has nothing after the @ sign');

  const ascii = isAscii(local);
  if (!(ascii ? ASCII_LOCAL.test(local) : UNICODE_LOCAL.test(local))) return fail('bad-local-part', localProblem(local));
  const foldedLocal = foldCase(local);
  const localOctets = ascii ? local.length : utf8Length(foldedLocal);
  if (localOctets > 64) return fail('too-long', 'has more than 64 characters before the @ sign');

  const info = domainInfo(typedDomain);
  if (!info.ok) return fail(info.problem, info.reason, repairDomain(local, typedDomain));
  if (localOctets + 1 + info.ascii.length > 254) return fail('too-long', 'is longer than 254 characters');
  return { ok: true, display, local, foldedLocal, info };
}

function atSigns(text: string): string {
  const count = text.split('@').length - 1;
  return count === 2 ? 'two' : count === 3 ? 'three' : String(count);
}

/** Why a local part failed, in words (only on the failure path, so it can take its time). */
function localProblem(local: string): string {
  if (local.startsWith('"')) return 'has a quoted part before the @ sign, which e-mail tools do not accept';
  if (local.startsWith('.') || local.endsWith('.')) return 'has a dot at the start or end of the part before the @ sign';
  if (local.includes('..')) return 'has two dots in a row before the @ sign';
  const character = [...local].find((c) => !LOCAL_CHARACTER.test(c)) ?? '';
  return `has a character that is not allowed before the @ sign (“${character}”)`;
}

/** A fix for common slips in an invalid domain: "gmail,com", a sentence's full stop at the end. */
function repairDomain(local: string, typed: string): string | null {
  const repaired = typed.replaceAll(',', '.').replace(/\.+$/, '');
  if (repaired === typed || repaired === '') return null;
  const info = domainInfo(repaired);
  if (!info.ok) return null;
  return `${local}@${domainExtras(info).suggestion ?? repaired}`;
}
