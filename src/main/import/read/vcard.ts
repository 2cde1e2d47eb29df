// vCard 2.1, 3.0 and 4.0, and MECARD badge scans, into the canonical contact fields.
// Handles folded lines, QUOTED-PRINTABLE with and without CHARSET (Android, Outlook,
// Thunderbird), escaped structured values, Apple's itemN. groups, and several EMAIL lines
// per card (the preferred one becomes the contact's address, the rest otherEmails).

import iconv from 'iconv-lite';

/** The columns vCard and MECARD records are delivered in. */
export const CARD_HEADERS = ['email', 'otherEmails', 'firstName', 'lastName', 'fullName', 'company', 'title', 'phone', 'city', 'country', 'tags', 'note'] as const;
type CardField = (typeof CARD_HEADERS)[number];

export interface CardRecord {
  values: string[];
  raw: string;
  line: number;
  error?: string;
}

interface Property {
  group: string | null;
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Joins folded lines: 3.0/4.0 continuation lines start with a space or tab; 2.1 quoted-printable soft breaks end in "=". */
function unfold(lines: string[]): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const previous = out[out.length - 1];
    if (previous && /^[ \t]/.test(raw) && raw.trim() !== '') {
      previous.text += raw.slice(1);
      continue;
    }
    if (previous && /QUOTED-PRINTABLE/i.test(previous.text.split(':')[0] ?? '') && previous.text.endsWith('=')) {
      previous.text = previous.text.slice(0, -1) + raw.trimStart();
      continue;
    }
    out.push({ text: raw, line: i + 1 });
  }
  return out;
}

function parseProperty(text: string): Property | null {
  // The value starts at the first colon that is not inside a quoted parameter value.
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
    // 2.1 writes bare types: EMAIL;INTERNET;PREF:…
    const key = (eq === -1 ? 'TYPE' : part.slice(0, eq)).toUpperCase();
    const values = (eq === -1 ? part : part.slice(eq + 1)).replace(/^"|"$/g, '').split(',').map((v) => v.trim().toUpperCase());
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  if (params.get('TYPE')?.includes('QUOTED-PRINTABLE')) params.set('ENCODING', ['QUOTED-PRINTABLE']);
  return {
    group: dot === -1 ? null : nameWithGroup.slice(0, dot),
    name: (dot === -1 ? nameWithGroup : nameWithGroup.slice(dot + 1)).toUpperCase(),
    params,
    value: text.slice(colon + 1),
  };
}

/** Quoted-printable bytes decoded in the property's CHARSET; without one, UTF-8 if valid, else Windows-1252 (Outlook). */
function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = c.charCodeAt(0);
      if (code < 0x80) bytes.push(code);
      else for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
    }
  }
  const buffer = Buffer.from(bytes);
  const name = charset?.toLowerCase();
  if (name && name !== 'utf-8' && name !== 'utf8' && iconv.encodingExists(name)) return iconv.decode(buffer, name);
  if (name === 'utf-8' || name === 'utf8') return buffer.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'windows-1252');
  }
}

/** Splits a structured value on unescaped ';' and removes vCard escapes. */
function components(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      const n = value[i + 1]!;
      current += n === 'n' || n === 'N' ? '\n' : n;
      i++;
    } else if (c === ';') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

function valueOf(property: Property): string {
  const encoding = property.params.get('ENCODING')?.[0];
  if (encoding === 'QUOTED-PRINTABLE') return decodeQuotedPrintable(property.value, property.params.get('CHARSET')?.[0]);
  if (encoding === 'B' || encoding === 'BASE64') return '';
  return property.value;
}

function isPreferred(property: Property): boolean {
  const types = property.params.get('TYPE') ?? [];
  const pref = property.params.get('PREF')?.[0];
  return types.includes('PREF') || pref === '1';
}

/** One card's lines (BEGIN … END) into the canonical fields. */
export function cardToRecord(lines: { text: string; line: number }[], raw: string): CardRecord {
  const fields: Record<CardField, string> = Object.fromEntries(CARD_HEADERS.map((h) => [h, ''])) as Record<CardField, string>;
  const emails: { address: string; preferred: boolean }[] = [];
  const phones: { number: string; preferred: boolean }[] = [];
  const tags: string[] = [];
  for (const { text } of lines) {
    const property = parseProperty(text);
    if (!property) continue;
    const value = valueOf(property);
    switch (property.name) {
      case 'EMAIL':
        if (components(value)[0]) emails.push({ address: components(value)[0]!, preferred: isPreferred(property) });
        break;
      case 'N': {
        const [family = '', given = ''] = components(value);
        fields.lastName = family;
        fields.firstName = given;
        break;
      }
      case 'FN':
        fields.fullName = components(value).join(' ').trim();
        break;
      case 'ORG':
        fields.company = components(value)[0] ?? '';
        break;
      case 'TITLE':
        fields.title = components(value).join(' ').trim();
        break;
      case 'TEL':
        if (value.trim()) phones.push({ number: value.replace(/^tel:/i, '').trim(), preferred: isPreferred(property) });
        break;
      case 'ADR': {
        const parts = components(value);
        if (!fields.city) fields.city = parts[3] ?? '';
        if (!fields.country) fields.country = parts[6] ?? '';
        break;
      }
      case 'NOTE':
        fields.note = components(value).join('; ');
        break;
      case 'CATEGORIES':
        tags.push(...value.split(',').map((t) => t.replace(/\\/g, '').trim()).filter(Boolean));
        break;
    }
  }
  const ordered = [...emails.filter((e) => e.preferred), ...emails.filter((e) => !e.preferred)];
  fields.email = ordered[0]?.address ?? '';
  fields.otherEmails = ordered.slice(1).map((e) => e.address).join('; ');
  fields.phone = [...phones.filter((p) => p.preferred), ...phones][0]?.number ?? '';
  fields.tags = tags.join(', ');
  return { values: CARD_HEADERS.map((h) => fields[h]), raw, line: lines[0]?.line ?? 1 };
}

/** Every card in a vCard file; text outside BEGIN/END is ignored. */
export function parseVcardText(text: string, lineOffset = 0): CardRecord[] {
  const physical = text.split(/\r\n|\r|\n/);
  const logical = unfold(physical).map((l) => ({ ...l, line: l.line + lineOffset }));
  const records: CardRecord[] = [];
  let card: { text: string; line: number }[] | null = null;
  let firstPhysical = 0;
  for (const entry of logical) {
    const upper = entry.text.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      card = [entry];
      firstPhysical = entry.line - lineOffset - 1;
    } else if (upper === 'END:VCARD' && card) {
      const raw = physical.slice(firstPhysical, entry.line - lineOffset).join('\n');
      records.push(cardToRecord(card, raw));
      card = null;
    } else if (card) card.push(entry);
  }
  if (card) records.push({ ...cardToRecord(card, physical.slice(firstPhysical).join('\n')), error: 'the card is not closed with END:VCARD' });
  return records;
}

/** MECARD:N:Nordmann,Ola;EMAIL:ola@x.no;TEL:…;ORG:…;; with backslash escapes. */
export function parseMecard(line: string, lineNumber: number): CardRecord {
  const fields: Record<CardField, string> = Object.fromEntries(CARD_HEADERS.map((h) => [h, ''])) as Record<CardField, string>;
  const body = line.trim().replace(/^MECARD:/i, '');
  const pairs: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      current += body[i + 1];
      i++;
    } else if (c === ';') {
      pairs.push(current);
      current = '';
    } else current += c;
  }
  if (current) pairs.push(current);
  const emails: string[] = [];
  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    if (colon === -1) continue;
    const key = pair.slice(0, colon).toUpperCase();
    const value = pair.slice(colon + 1).trim();
    if (key === 'N') {
      const [last = '', first = ''] = value.split(',').map((s) => s.trim());
      fields.lastName = last;
      fields.firstName = first;
    } else if (key === 'EMAIL') emails.push(value);
    else if (key === 'TEL' && !fields.phone) fields.phone = value;
    else if (key === 'ORG') fields.company = value;
    else if (key === 'TITLE') fields.title = value;
    else if (key === 'NOTE') fields.note = value;
    else if (key === 'ADR') fields.city = value.split(',').map((s) => s.trim())[3] ?? '';
  }
  fields.email = emails[0] ?? '';
  fields.otherEmails = emails.slice(1).join('; ');
  return { values: CARD_HEADERS.map((h) => fields[h]), raw: line, line: lineNumber };
}

/** A scan file: one MECARD per line, and/or vCard blocks. Other lines are reported, not guessed. */
export function parseScanText(text: string): CardRecord[] {
  const lines = text.split(/\r\n|\r|\n/);
  const records: CardRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (/^MECARD:/i.test(line)) {
      records.push(parseMecard(line, i + 1));
    } else if (/^BEGIN:VCARD/i.test(line)) {
      let end = i;
      while (end < lines.length && !/^END:VCARD/i.test(lines[end]!.trim())) end++;
      records.push(...parseVcardText(lines.slice(i, end + 1).join('\n'), i));
      i = end;
    } else {
      records.push({ values: CARD_HEADERS.map(() => ''), raw: lines[i]!, line: i + 1, error: `row ${i + 1} is neither a MECARD nor a vCard scan` });
    }
  }
  return records;
}
