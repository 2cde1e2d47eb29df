import { describe, expect, it } from 'vitest';
import { checkEmail, isRoleAddress, normalizeEmail, type EmailProblem } from './index.ts';
import { editDistance } from './typos.ts';

describe('checkEmail: valid addresses and their matching key', () => {
  it.each([
    // [input, display, normalized]
    ['ola.nordmann@firma.no', 'ola.nordmann@firma.no', 'ola.nordmann@firma.no'],
    ['  Ola.Nordmann@Firma.NO \t', 'Ola.Nordmann@Firma.NO', 'ola.nordmann@firma.no'],
    ['\u00a0kari@firma.no\u00a0', 'kari@firma.no', 'kari@firma.no'], // no-break spaces from web pages
    ['kari+nyhetsbrev@firma.no', 'kari+nyhetsbrev@firma.no', 'kari+nyhetsbrev@firma.no'], // tags kept
    ["o'brien@firma.ie", "o'brien@firma.ie", "o'brien@firma.ie"],
    ['k.a.r.i@gmail.com', 'k.a.r.i@gmail.com', 'k.a.r.i@gmail.com'], // dots kept
    ['ola@sub.domene.co.uk', 'ola@sub.domene.co.uk', 'ola@sub.domene.co.uk'],
    ['ola@x-y.no', 'ola@x-y.no', 'ola@x-y.no'],
    // Wrappers people paste
    ['Ola Nordmann <Ola@Firma.no>', 'Ola@Firma.no', 'ola@firma.no'],
    ['"Nordmann, Ola" <ola@firma.no>', 'ola@firma.no', 'ola@firma.no'],
    ['"ola@firma.no" <ola@firma.no>', 'ola@firma.no', 'ola@firma.no'],
    ['<ola@firma.no>', 'ola@firma.no', 'ola@firma.no'],
    ['mailto:ola@firma.no', 'ola@firma.no', 'ola@firma.no'],
    ['MAILTO:ola@firma.no?subject=Hei%20der', 'ola@firma.no', 'ola@firma.no'],
    ['mailto:ola%40firma.no', 'ola@firma.no', 'ola@firma.no'],
    ['"ola@firma.no"', 'ola@firma.no', 'ola@firma.no'],
    ['“ola@firma.no”', 'ola@firma.no', 'ola@firma.no'],
    ['mailto:<ola@firma.no>', 'ola@firma.no', 'ola@firma.no'],
  ])('%j', (input, display, normalized) => {
    const check = checkEmail(input);
    expect(check).toMatchObject({ input, display, normalized, valid: true, problem: null, message: null });
    expect(normalizeEmail(input)).toBe(normalized);
  });
});

describe('checkEmail: internationalized addresses', () => {
  it.each([
    ['ola@ødegård.no', 'ola@xn--degrd-ora3k.no'],
    ['Ola@ØDEGÅRD.NO', 'ola@xn--degrd-ora3k.no'],
    ['øyvind.åsen@firma.no', 'øyvind.åsen@firma.no'],
    ['ØYVIND@firma.no', 'øyvind@firma.no'],
    ['用户@例子.广告', '用户@xn--fsqu00a.xn--4rr70v'],
    ['jörg@bücher.de', 'jörg@xn--bcher-kva.de'],
    ['ola@xn--degrd-ora3k.no', 'ola@xn--degrd-ora3k.no'], // already punycode: the same key
    // NFC: "å" typed as a + combining ring (macOS file names, some PDFs) matches the composed one.
    ['a\u030asa@firma.no', 'åsa@firma.no'],
  ])('%s → %s', (input, normalized) => {
    expect(checkEmail(input)).toMatchObject({ valid: true, normalized });
  });

  it('keeps the display form in Unicode, as typed', () => {
    expect(checkEmail('Ola@Ødegård.no').display).toBe('Ola@Ødegård.no');
  });
});

describe('checkEmail: invalid addresses, one code per problem', () => {
  const cases: Array<[string, EmailProblem, string]> = [
    ['', 'empty', 'The e-mail address is empty.'],
    ['   ', 'empty', 'The e-mail address is empty.'],
    ['<>', 'empty', 'The e-mail address is empty.'],
    ['mailto:', 'empty', 'The e-mail address is empty.'],
    ['ola.firma.no', 'missing-at', '“ola.firma.no” has no @ sign.'],
    ['ola@@x.no', 'multiple-at', '“ola@@x.no” has two @ signs.'],
    ['a@b@c@d.no', 'multiple-at', '“a@b@c@d.no” has three @ signs.'],
    ['a@b.no; c@d.no', 'multiple-addresses', '“a@b.no; c@d.no” holds more than one address; give each address its own contact.'],
    ['a@b.no, c@d.no', 'multiple-addresses', '“a@b.no, c@d.no” holds more than one address; give each address its own contact.'],
    ['a@b.no c@d.no', 'multiple-addresses', '“a@b.no c@d.no” holds more than one address; give each address its own contact.'],
    ['a@b.no\nc@d.no', 'multiple-addresses', '“a@b.no\nc@d.no” holds more than one address; give each address its own contact.'],
    ['Ola <a@b.no>, Kari <c@d.no>', 'multiple-addresses', '“Ola <a@b.no>, Kari <c@d.no>” holds more than one address; give each address its own contact.'],
    ['kari@y.no <ola@x.no>', 'multiple-addresses', '“kari@y.no <ola@x.no>” holds more than one address; give each address its own contact.'],
    ['mailto:a@b.no,c@d.no', 'multiple-addresses', '“a@b.no,c@d.no” holds more than one address; give each address its own contact.'],
    ['ola nordmann@firma.no', 'spaces', '“ola nordmann@firma.no” has a space inside the address.'],
    ['ola@firma .no', 'spaces', '“ola@firma .no” has a space inside the address.'],
    ['@firma.no', 'bad-local-part', '“@firma.no” has nothing before the @ sign.'],
    ['.ola@firma.no', 'bad-local-part', '“.ola@firma.no” has a dot at the start or end of the part before the @ sign.'],
    ['ola.@firma.no', 'bad-local-part', '“ola.@firma.no” has a dot at the start or end of the part before the @ sign.'],
    ['ola..n@firma.no', 'bad-local-part', '“ola..n@firma.no” has two dots in a row before the @ sign.'],
    ['ola(x)@firma.no', 'bad-local-part', '“ola(x)@firma.no” has a character that is not allowed before the @ sign (“(”).'],
    ['"ola"@firma.no', 'bad-local-part', '“"ola"@firma.no” has a quoted part before the @ sign, which e-mail tools do not accept.'],
    ['ola\u200b@firma.no', 'bad-local-part', '“ola\u200b@firma.no” has a character that is not allowed before the @ sign (“\u200b”).'],
    ['ola😀@firma.no', 'bad-local-part', '“ola😀@firma.no” has a character that is not allowed before the @ sign (“😀”).'],
    ['ola@', 'bad-domain', '“ola@” has nothing after the @ sign.'],
    ['ola@firma', 'bad-domain', '“ola@firma” has no dot in its domain (a domain looks like firma.no).'],
    ['ola@firma.no.', 'bad-domain', '“ola@firma.no.” ends with a dot.'],
    ['ola@.firma.no', 'bad-domain', '“ola@.firma.no” has an empty part between dots.'],
    ['ola@firma..no', 'bad-domain', '“ola@firma..no” has an empty part between dots.'],
    ['ola@-firma.no', 'bad-domain', '“ola@-firma.no” has a badly formed domain part (“-firma”).'],
    ['ola@firma_as.no', 'bad-domain', '“ola@firma_as.no” has a character that cannot be part of a domain (“_”).'],
    ['ola@firma.n0', 'bad-domain', '“ola@firma.n0” does not end in a top-level domain such as .no or .com.'],
    ['ola@10.0.0.1', 'bad-domain', '“ola@10.0.0.1” does not end in a top-level domain such as .no or .com.'],
    ['ola@[10.0.0.1]', 'bad-domain', '“ola@[10.0.0.1]” uses an IP address instead of a domain name.'],
    ['ola@firma.no/kontakt', 'bad-domain', '“ola@firma.no/kontakt” has a character that cannot be part of a domain (“/”).'],
    [`${'a'.repeat(65)}@firma.no`, 'too-long', `“${'a'.repeat(65)}@firma.no” has more than 64 characters before the @ sign.`],
    [`ola@${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(60)}.no`, 'too-long', ''],
    [`ola@${'d'.repeat(64)}.no`, 'bad-domain', ''],
    ['x'.repeat(2000), 'too-long', ''],
  ];
  it.each(cases)('%j → %s', (input, problem, message) => {
    const check = checkEmail(input);
    expect(check.valid).toBe(false);
    expect(check.problem).toBe(problem);
    if (message) expect(check.message).toBe(message);
    else expect(check.message).toMatch(/^“.*\.$/s);
    expect(check).toMatchObject({ role: false, disposable: false });
  });

  it('an invalid address still has a stable, case-folded key', () => {
    expect(checkEmail(' Ola@@Firma.no ').normalized).toBe('ola@@firma.no');
    expect(normalizeEmail(' Ola@@Firma.no ')).toBe('ola@@firma.no');
  });

  it('64 octets before the @ is the limit, counted in UTF-8 octets', () => {
    expect(checkEmail(`${'a'.repeat(64)}@firma.no`).valid).toBe(true);
    expect(checkEmail(`${'ø'.repeat(32)}@firma.no`).valid).toBe(true); // 64 octets
    expect(checkEmail(`${'ø'.repeat(33)}@firma.no`).problem).toBe('too-long'); // 66 octets
  });
});

describe('role-based addresses', () => {
  it.each([
    // English (the public list)
    'info@firma.no', 'sales@firma.no', 'support@firma.no', 'admin@firma.no', 'noreply@firma.no', 'no-reply@firma.no',
    'hello@firma.no', 'contact@firma.no', 'office@firma.no', 'hr@firma.no',
    // Norwegian
    'post@firma.no', 'postmottak@kommune.no', 'kontakt@firma.no', 'salg@firma.no', 'faktura@firma.no', 'regnskap@firma.no',
    'kundeservice@firma.no', 'resepsjon@hotell.no', 'booking@hotell.no', 'ordre@firma.no', 'økonomi@firma.no', 'okonomi@firma.no',
    'lønn@firma.no', 'hei@firma.no', 'styret@forening.no', 'ikke-svar@firma.no',
    // Any case, a +tag, a wrapper
    'POST@Firma.no', 'Post+nyhetsbrev@firma.no', 'Firma AS <post@firma.no>', 'mailto:salg@firma.no',
  ])('%s is a role address', (address) => {
    expect(isRoleAddress(address)).toBe(true);
    expect(checkEmail(address).role).toBe(true);
  });

  it.each([
    'ola@firma.no', 'per@firma.no', 'ask@firma.no', 'md@firma.no', 'kari.post@firma.no', 'postmann@firma.no', 'post.it', 'not-an-address',
  ])('%s is not a role address', (address) => {
    expect(isRoleAddress(address)).toBe(false);
    expect(checkEmail(address).role).toBe(false);
  });
});

describe('disposable domains', () => {
  it.each(['ola@mailinator.com', 'ola@10minutemail.com', 'ola@Guerrillamail.com', 'ola@yopmail.com'])('%s is disposable', (address) => {
    expect(checkEmail(address)).toMatchObject({ valid: true, disposable: true });
  });
  it.each(['ola@gmail.com', 'ola@online.no', 'ola@firma.no'])('%s is not disposable', (address) => {
    expect(checkEmail(address).disposable).toBe(false);
  });
});

describe('typo suggestions (never applied)', () => {
  it.each([
    ['Ola@Gmial.com', 'Ola@gmail.com'],
    ['ola@gmail.co', 'ola@gmail.com'],
    ['ola@gmail.con', 'ola@gmail.com'],
    ['ola@gamil.com', 'ola@gmail.com'],
    ['ola@gmial.con', 'ola@gmail.com'],
    ['ola@hotmial.com', 'ola@hotmail.com'],
    ['ola@hotmal.no', 'ola@hotmail.no'],
    ['ola@yaho.no', 'ola@yahoo.no'],
    ['ola@onlin.no', 'ola@online.no'],
    ['ola@onlien.no', 'ola@online.no'],
    ['ola@telenr.no', 'ola@telenor.no'],
    ['ola@outlok.com', 'ola@outlook.com'],
    ['ola@icloud.cmo', 'ola@icloud.com'],
    ['ola@firma.con', 'ola@firma.com'],
    // For invalid addresses: a comma for a dot, a full stop at the end
    ['ola@gmail,com', 'ola@gmail.com'],
    ['ola@firma.no.', 'ola@firma.no'],
  ])('%s → %s', (input, suggestion) => {
    const check = checkEmail(input);
    expect(check.suggestion).toBe(suggestion);
    // The key is never "corrected": only the user may accept a suggestion.
    expect(check.normalized).toBe(input.toLowerCase());
  });

  it.each(['ola@gmail.com', 'ola@online.no', 'ola@tine.no', 'ola@me.no', 'ola@hey.no', 'ola@telenor.com', 'ola@lyse.no', 'ola@firma.no', 'ola@mail.com', 'ola@live.se'])(
    '%s gets no suggestion',
    (address) => {
      expect(checkEmail(address).suggestion).toBeNull();
    },
  );
});

describe('editDistance', () => {
  it.each([
    ['gmail.com', 'gmail.com', 0],
    ['gmial.com', 'gmail.com', 1], // a swap is one edit
    ['gmal.com', 'gmail.com', 1],
    ['gmaill.com', 'gmail.com', 1],
    ['gnail.com', 'gmail.com', 1],
    ['tine.no', 'live.no', 2],
    ['abcdef', 'gmail.com', 3], // gives up past the limit
  ])('%s ~ %s = %i', (a, b, distance) => {
    expect(editDistance(a, b, 2)).toBe(distance);
  });
});
