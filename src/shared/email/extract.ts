// Pulling one address out of what people paste into a cell. Handled (a documented choice):
//  - surrounding white space, any Unicode space (no-break spaces come with web pages);
//  - "Name <address>" and "<address>" (Outlook, Gmail's "copy address"): the part in brackets;
//  - "mailto:address?subject=…" (links copied from web pages): the part before "?", %-decoded;
//  - one pair of surrounding quotes: "…", '…', “…”, ‘…’, «…».
// Wrappers can nest ("mailto:<a@b.no>"), so they are peeled until nothing changes; that also
// makes extraction idempotent. Two addresses in one cell are reported, never chosen between.

export interface Extracted {
  /** The address with its wrappers removed (case and inner characters as given). */
  address: string;
  /** The cell holds more than one address ("a@b.no; c@d.no", "A <a@b.no>, B <c@d.no>"). */
  multiple: boolean;
}

const CLOSING_QUOTE: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’', '«': '»', '„': '“' };
const SEPARATOR = /[\s,;]/;
const SEPARATORS = /[\s,;]+/;
const QUOTED_NAME = /"[^"]*"/g;

export function extractAddress(text: string): Extracted {
  let current = text.trim();
  for (;;) {
    const next = peel(current);
    if (next === null) return { address: current, multiple: true };
    if (next === current) break;
    current = next;
  }
  return { address: current, multiple: SEPARATOR.test(current) && countAddresses(current) > 1 };
}

/** One wrapper removed; the same text when there is none; null when it holds two addresses. */
function peel(text: string): string | null {
  if (text.endsWith('>')) {
    const open = text.lastIndexOf('<');
    if (open !== -1) {
      const inner = text.slice(open + 1, -1).trim();
      // The display name may itself look like an address when quoted ("ola@x.no" <ola@x.no>).
      const name = text.slice(0, open).replace(QUOTED_NAME, '').trim();
      if (name.includes('<') || name.includes('>')) return null;
      if (name.includes('@') && name.toLowerCase() !== inner.toLowerCase()) return null;
      return inner;
    }
  }
  const first = text.charCodeAt(0);
  if ((first === 0x6d || first === 0x4d) && text.length >= 7 && text.slice(0, 7).toLowerCase() === 'mailto:') {
    return fromMailto(text.slice(7)).trim();
  }
  const closing = text.length >= 2 ? CLOSING_QUOTE[text[0]!] : undefined;
  if (closing !== undefined && text.endsWith(closing)) return text.slice(1, -1).trim();
  return text;
}

function fromMailto(target: string): string {
  const query = target.indexOf('?');
  const address = query === -1 ? target : target.slice(0, query);
  if (!address.includes('%')) return address;
  try {
    return decodeURIComponent(address);
  } catch {
    return address; // a stray "%": leave it for the syntax check to report
  }
}

function countAddresses(text: string): number {
  let count = 0;
  for (const part of text.split(SEPARATORS)) if (part.includes('@')) count++;
  return count;
}
