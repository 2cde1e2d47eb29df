// One vCard (2.1, 3.0 or 4.0) into the canonical contact fields. Handles what phones and
// mail programs write: 2.1's bare parameters (EMAIL;INTERNET;PREF), QUOTED-PRINTABLE with
// or without a CHARSET (Android writes UTF-8, Outlook windows-1252), escaped structured
// values, Apple's "item1." groups, and several EMAIL lines per card (the preferred one
// becomes the contact's address, the others otherEmails).

import iconv from 'iconv-lite';

/** The columns vCard and MECARD records are delivered in (SniffResult.headers). */
export const CARD_HEADERS = ['email', 'otherEmails', 'firstName', 'lastName', 'fullName', 'company', 'title', 'phone', 'city', 'country', 'tags', 'note'] as const;
export type CardField = (typeof CARD_HEADERS)[number];

export interface VcardProperty {
  group: string | null;
  /** Upper case: EMAIL, N, X-ABLABEL… */
  name: string;
  /** Parameter names upper case; values as written, split on commas. */
  params: Map<string, string[]>;
  value: string;
}

/** A logical (unfolded) line into a property; null when it has no colon. */
export function parseProperty(text: string): VcardProperty | null {
  // The value starts at the first colon outside a quoted parameter value.
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon === -1) return null;
  const [nameWithGroup = '', ...paramParts] = text.slice(0, colon).split(';');
  const dot = nameWithGroup.lastIndexOf('.');
  const params = new Map<string, string[]>();
  for (const part of paramParts) {
    const eq = part.indexOf('=');
    // vCard 2.1 writes bare types (EMAIL;INTERNET;PREF) and bare encodings (;QUOTED-PRINTABLE).
    let key = (eq === -1 ? 'TYPE' : part.slice(0, eq)).trim().toUpperCase();
    const raw = eq === -1 ? part : part.slice(eq + 1);
    const values = raw.split(',').map((v) => v.trim().replace(/^"|"$/g, '')).filter((v) => v !== '');
    if (eq === -1 && /^(QUOTED-PRINTABLE|BASE64|B|8BIT|7BIT)$/i.test(raw.trim())) key = 'ENCODING';
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return {
    group: dot === -1 ? null : nameWithGroup.slice(0, dot).trim(),
    name: (dot === -1 ? nameWithGroup : nameWithGroup.slice(dot + 1)).trim().toUpperCase(),
    params,
    value: text.slice(colon + 1),
  };
}

function param(property: VcardProperty, key: string): string | undefined {
  return property.params.get(key)?.[0];
}

export function isQuotedPrintable(property: VcardProperty): boolean {
  return param(property, 'ENCODING')?.toUpperCase() === 'QUOTED-PRINTABLE';
}

/**
 * Quoted-printable to text. The bytes are in the property's CHARSET; without one, UTF-8 if
 * they are valid UTF-8, else windows-1252 (Outlook's 2.1 cards carry no charset).
 */
export function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      // Not QP-encoded, though it should be: keep the character as UTF-8.
      for (const b of new TextEncoder().encode(value[i])) bytes.push(b);
    }
  }
  const buffer = Buffer.from(bytes);
  const name = charset?.trim().toLowerCase();
  if (name && name !== 'utf-8' && name !== 'utf8' && iconv.encodingExists(name)) return iconv.decode(buffer, name);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'windows-1252');
  }
}

/** Removes vCard text escapes: \n, \, \; \\ (2.1 only escapes ";", harmless to undo the rest). */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits on an unescaped separator, then unescapes each part. */
export function splitEscaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === separator) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map((p) => unescapeText(p).trim());
}

/** The property's value as text: quoted-printable decoded; embedded binary data dropped. */
export function propertyText(property: VcardProperty): string {
  if (isQuotedPrintable(property)) return decodeQuotedPrintable(property.value, param(property, 'CHARSET'));
  const encoding = param(property, 'ENCODING')?.toUpperCase();
  if (encoding === 'B' || encoding === 'BASE64') return '';
  return property.value;
}

/** Lower is preferred: 4.0's PREF=1…100, TYPE=PREF as 1; no preference last. */
function preference(property: VcardProperty): number {
  const pref = Number(param(property, 'PREF'));
  if (Number.isInteger(pref) && pref >= 1) return pref;
  const types = (property.params.get('TYPE') ?? []).map((t) => t.toUpperCase());
  return types.includes('PREF') ? 1 : 101;
}

/** The most preferred item (ties in file order). */
function preferred<T>(items: { item: T; pref: number }[]): T[] {
  return [...items].sort((a, b) => a.pref - b.pref).map((i) => i.item);
}

/** A card's logical lines (between BEGIN and END) into CARD_HEADERS order. */
export function cardValues(lines: readonly string[]): string[] {
  const fields = new Map<CardField, string>();
  const emails: { item: string; pref: number }[] = [];
  const phones: { item: string; pref: number }[] = [];
  const addresses: { item: string[]; pref: number }[] = [];
  const tags: string[] = [];
  const notes: string[] = [];
  for (const line of lines) {
    const property = parseProperty(line);
    if (!property) continue;
    const value = propertyText(property);
    switch (property.name) {
      case 'EMAIL': {
        const address = unescapeText(value).trim().replace(/^mailto:/i, '');
        if (address) emails.push({ item: address, pref: preference(property) });
        break;
      }
      case 'N': {
        const [family = '', given = ''] = splitEscaped(value, ';');
        if (!fields.get('lastName') && !fields.get('firstName')) {
          fields.set('lastName', family);
          fields.set('firstName', given);
        }
        break;
      }
      case 'FN':
        if (!fields.get('fullName')) fields.set('fullName', unescapeText(value).trim());
        break;
      case 'ORG':
        if (!fields.get('company')) fields.set('company', splitEscaped(value, ';')[0] ?? '');
        break;
      case 'TITLE':
        if (!fields.get('title')) fields.set('title', unescapeText(value).trim());
        break;
      case 'TEL': {
        const number = unescapeText(value).trim().replace(/^tel:/i, '');
        if (number) phones.push({ item: number, pref: preference(property) });
        break;
      }
      case 'ADR':
        addresses.push({ item: splitEscaped(value, ';'), pref: preference(property) });
        break;
      case 'NOTE': {
        const note = unescapeText(value).trim();
        if (note) notes.push(note);
        break;
      }
      case 'CATEGORIES':
        tags.push(...splitEscaped(value, ',').filter((t) => t !== ''));
        break;
    }
  }
  // Several lines may carry the same address (Apple writes it once per type): keep one.
  const seen = new Set<string>();
  const ordered = preferred(emails).filter((e) => {
    const key = e.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  fields.set('email', ordered[0] ?? '');
  fields.set('otherEmails', ordered.slice(1).join('; '));
  fields.set('phone', preferred(phones)[0] ?? '');
  const address = preferred(addresses)[0];
  // ADR: post office box; extended address; street; locality; region; postal code; country.
  fields.set('city', address?.[3] ?? '');
  fields.set('country', address?.[6] ?? '');
  fields.set('tags', [...new Set(tags)].join(', '));
  fields.set('note', notes.join('\n'));
  return CARD_HEADERS.map((h) => fields.get(h) ?? '');
}
