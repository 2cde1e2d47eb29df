// MECARD, the compact contact format of badge and business-card QR codes:
//   MECARD:N:Nordmann,Ola;TEL:+4791234567;EMAIL:ola@bakeri.no;ORG:Bakeriet AS;;
// Fields end at an unescaped ";"; "\" escapes ; : , and \ itself. N is "last,first"
// (a name without a comma is kept whole as the full name).

import { CARD_HEADERS, type CardField } from './vcard.ts';

/** Splits on an unescaped separator, keeping the escapes (for a second split). */
function splitKeepingEscapes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1').trim();
}

export function isMecard(line: string): boolean {
  return /^\s*MECARD:/i.test(line);
}

/** One MECARD line into CARD_HEADERS order. */
export function mecardValues(line: string): string[] {
  const fields = new Map<CardField, string>();
  const emails: string[] = [];
  const body = line.trim().replace(/^MECARD:/i, '');
  for (const pair of splitKeepingEscapes(body, ';')) {
    const colon = pair.indexOf(':');
    if (colon === -1) continue;
    const key = pair.slice(0, colon).trim().toUpperCase();
    const value = pair.slice(colon + 1);
    switch (key) {
      case 'N': {
        const parts = splitKeepingEscapes(value, ',').map(unescape);
        if (parts.length >= 2) {
          fields.set('lastName', parts[0]!);
          fields.set('firstName', parts.slice(1).join(' ').trim());
        } else {
          fields.set('fullName', parts[0] ?? '');
        }
        break;
      }
      case 'EMAIL':
        if (unescape(value)) emails.push(unescape(value));
        break;
      case 'TEL':
        if (!fields.get('phone')) fields.set('phone', unescape(value));
        break;
      case 'ORG':
        fields.set('company', unescape(value));
        break;
      case 'TITLE':
        fields.set('title', unescape(value));
        break;
      case 'NOTE':
        fields.set('note', unescape(value));
        break;
      case 'ADR': {
        // PO box, room, street, city, region, postal code, country.
        const parts = splitKeepingEscapes(value, ',').map(unescape);
        fields.set('city', parts[3] ?? '');
        fields.set('country', parts[6] ?? '');
        break;
      }
    }
  }
  fields.set('email', emails[0] ?? '');
  fields.set('otherEmails', emails.slice(1).join('; '));
  return CARD_HEADERS.map((h) => fields.get(h) ?? '');
}
