// Small string helpers shared by the address checks. Kept allocation-light: they run per row.

const NON_ASCII = /[\u0080-\uffff]/;

export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** Any code point from U+0300 up: below it every character is already NFC, alone or together. */
const MAY_CHANGE_UNDER_NFC = /[\u0300-\uffff]/;

/**
 * Unicode NFC, skipping the call for text that cannot change (plain Latin, the common case
 * for a million imported cells): code points below U+0300 are all NFC_Quick_Check=Yes with
 * combining class 0.
 */
export function toNfc(text: string): string {
  return MAY_CHANGE_UNDER_NFC.test(text) ? text.normalize('NFC') : text;
}

/**
 * The case-folded matching form of a piece of an address: Unicode NFC, then lower case.
 * NFC runs again after lower-casing because lower-casing can leave a decomposed sequence
 * (that keeps the result stable when it is normalized a second time).
 */
export function foldCase(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  return text.normalize('NFC').toLowerCase().normalize('NFC');
}

/** Length in UTF-8 octets: RFC 5321/6531 limits are in octets, not characters. */
export function utf8Length(text: string): number {
  let octets = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) octets += 1;
    else if (code < 0x800) octets += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      octets += 4; // a surrogate pair is one 4-octet character
      i++;
    } else octets += 3;
  }
  return octets;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The address as quoted in a message: in typographic quotes, cut short when very long. */
export function quoted(text: string): string {
  return `“${text.length > 80 ? `${text.slice(0, 77)}…` : text}”`;
}

/**
 * The same text in its own memory. A slice of a large string (a reader's decoded chunk)
 * keeps the whole of it alive; anything kept past the row it came from must be a copy.
 */
export function detachedCopy(text: string): string {
  return (' ' + text).slice(1);
}
