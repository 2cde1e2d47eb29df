import fc from 'fast-check';
import isEmailModule from 'validator/lib/isEmail.js';
import { describe, expect, it } from 'vitest';
import { checkEmail, normalizeEmail } from './index.ts';

// validator's CommonJS module is the function itself, with .default pointing at it too.
const isEmail = isEmailModule.default;

/** Address-like strings: real addresses, with case changes, wrappers, Unicode and junk mixed in. */
const addressLike = fc.oneof(
  fc.emailAddress(),
  fc.emailAddress().map((a) => a.toUpperCase()),
  fc.tuple(fc.string({ maxLength: 8 }), fc.emailAddress()).map(([name, a]) => `${name} <${a}>`),
  fc.emailAddress().map((a) => `mailto:${a}`),
  fc.tuple(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom('@', '@@', '.', ' '), fc.string({ unit: 'grapheme', maxLength: 10 })).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom('ola', 'Øyvind', 'a\u030asa', 'İlker', 'ẞ', 'ß'), fc.constantFrom('ødegård.no', 'FIRMA.no', 'bücher.de', 'xn--degrd-ora3k.no')).map(([l, d]) => `${l}@${d}`),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const anyString = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), addressLike);

describe('e-mail properties', () => {
  it('checkEmail never throws, and always answers in its own shape', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const check = checkEmail(input);
        expect(check.input).toBe(input);
        expect(check.valid).toBe(check.problem === null);
        expect(check.valid).toBe(check.message === null);
        if (!check.valid) expect(check.role || check.disposable).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('normalizeEmail is idempotent and agrees with checkEmail', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const key = normalizeEmail(input);
        expect(normalizeEmail(key)).toBe(key);
        expect(checkEmail(input).normalized).toBe(key);
      }),
      { numRuns: 3000 },
    );
  });

  it('the display form checks the same as the input (what the store keeps re-checks alike)', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const check = checkEmail(input);
        const again = checkEmail(check.display);
        expect(again.valid).toBe(check.valid);
        expect(again.normalized).toBe(check.normalized);
        expect(again.display).toBe(check.display);
      }),
      { numRuns: 3000 },
    );
  });

  it('a valid key is itself valid, and case never splits one address into two keys', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        const check = checkEmail(address);
        if (!check.valid) return;
        expect(checkEmail(check.normalized).valid).toBe(true);
        expect(normalizeEmail(address.toUpperCase())).toBe(check.normalized);
      }),
    );
  });

  it('accepts the addresses fast-check generates, except where Tillit is deliberately stricter', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        const check = checkEmail(address);
        const domain = address.slice(address.lastIndexOf('@') + 1);
        // Stricter on purpose: a top-level domain must be letters (no IP-like endings).
        if (/\.[a-z]+$/i.test(domain) && domain.split('.').at(-1)!.length >= 2) expect(check.problem).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('never accepts an ASCII address that validator.js rejects (a second opinion on the grammar)', () => {
    fc.assert(
      fc.property(addressLike, (input) => {
        const check = checkEmail(input);
        if (check.valid && /^[\x20-\x7e]*$/.test(check.display)) {
          expect(isEmail(check.display, { allow_utf8_local_part: false, require_tld: true, allow_ip_domain: false })).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
