// A copy of an imported text file without the records that hold one address, for erasure on
// request: the original import file must not keep a readable copy of the person.
//
// Pure: bytes in, bytes out. The file is decoded as the import decoded it (its encoding and,
// for delimited text, its delimiter), cut into records the way the import's readers cut it,
// and each record that mentions the address is left out. Every other byte is copied from the
// original — records, blank lines, preamble, line ends, byte-order mark, encoding — so the copy
// differs from the original only by the removed records.
//
// Records:
//  - delimited text (CSV, TSV, …): quoted fields may hold line breaks, as in the tokenizer
//    (read/csv-tokenizer.ts: a quote opens a field only at its start, "" inside it is a quote);
//  - vCard files: BEGIN:VCARD … END:VCARD blocks, each line outside a block on its own;
//  - scan files (MECARD): one scan per line, or a vCard block.
// A record mentions the address when, decoded as the reader decodes it (lines unfolded,
// quoted-printable decoded, backslash escapes removed), it holds the address with no other
// address character glued to either side (so "kola@x.no" is not "ola@x.no"), compared
// case-insensitively, or holds something that normalizes to it (an internationalized domain
// written in Unicode, "Name <address>", mailto:…).

import iconv from 'iconv-lite';
import { foldCase } from '../../shared/email/text.ts';
import { normalizeEmail } from '../../shared/email/index.ts';
import { parseCsvText } from '../import/read/csv-tokenizer.ts';
import { detectBom, detectUtf16WithoutBom, type TextEncodingName } from '../import/read/decode.ts';

export type RedactableFormat = 'csv' | 'vcard' | 'mecard';

export interface RedactOptions {
  format: RedactableFormat;
  /** The encoding the import read the file in; detected as the import does when absent. */
  encoding?: TextEncodingName;
  /** For delimited text: the delimiter the import used; guessed from the first line when absent. */
  delimiter?: string | null;
}

export interface Redacted {
  data: Buffer;
  /** How many records were left out (0: the copy is the original). */
  removed: number;
  encoding: TextEncodingName;
}

/** Text encodings by how they map a string index to bytes. */
type Width = 'utf-8' | 'utf-16le' | 'utf-16be' | 'single';

export function redactFile(bytes: Buffer, emailKey: string, options: RedactOptions): Redacted {
  const key = foldCase(emailKey);
  const encoding = options.encoding ?? detectEncoding(bytes);
  const { bomLength, width } = layoutOf(bytes, encoding);
  const body = bytes.subarray(bomLength);
  const { text, tail } = decode(body, width);
  const delimiter = options.format === 'csv' ? (options.delimiter ?? guessDelimiter(text)) : null;
  const segments = delimiter !== null ? csvRecords(text, delimiter) : cardRecords(text);

  const kept: Buffer[] = [bytes.subarray(0, bomLength)];
  let offset = 0;
  let removed = 0;
  let start = 0;
  for (const end of segments) {
    const segment = text.slice(start, end);
    const length = byteLength(segment, width);
    const hit = options.format === 'csv' ? csvFields(segment, delimiter!).some((field) => mentions(field, key, false)) : mentions(segment, key, true);
    if (hit) removed++;
    else kept.push(body.subarray(offset, offset + length));
    offset += length;
    start = end;
  }
  if (offset + tail !== body.length) throw new Error(`redactFile: decoded ${offset + tail} of ${body.length} bytes`);
  kept.push(body.subarray(offset));
  return { data: removed === 0 ? bytes : Buffer.concat(kept), removed, encoding };
}

/** As the import sniffs it: a byte-order mark, UTF-16's NULs, valid UTF-8, else windows-1252. */
function detectEncoding(bytes: Buffer): TextEncodingName {
  const head = bytes.subarray(0, 4096);
  const bom = detectBom(head) ?? detectUtf16WithoutBom(head);
  if (bom) return bom;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

function layoutOf(bytes: Buffer, encoding: TextEncodingName): { bomLength: number; width: Width } {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return { bomLength: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0, width: 'utf-8' };
    case 'utf-16le':
      return { bomLength: bytes[0] === 0xff && bytes[1] === 0xfe ? 2 : 0, width: 'utf-16le' };
    case 'utf-16be':
      return { bomLength: bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0, width: 'utf-16be' };
    default:
      return { bomLength: 0, width: 'single' };
  }
}

/** The text, and how many bytes at the end decode to no whole character (kept as they are). */
function decode(body: Buffer, width: Width): { text: string; tail: number } {
  switch (width) {
    case 'utf-8':
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), tail: 0 };
      } catch {
        // Not UTF-8 after all (the import would have refused it): one character per byte
        // still finds an ASCII address, and keeps the byte arithmetic exact.
        return decode(body, 'single');
      }
    case 'utf-16le':
    case 'utf-16be': {
      const even = body.length - (body.length % 2);
      return { text: iconv.decode(body.subarray(0, even), width, { stripBOM: false }), tail: body.length - even };
    }
    default:
      return { text: iconv.decode(body, 'latin1'), tail: 0 }; // one character per byte; windows-1252 differs only in 0x80–0x9F, never in an address
  }
}

function byteLength(segment: string, width: Width): number {
  if (width === 'utf-8') return Buffer.byteLength(segment, 'utf8');
  if (width === 'single') return segment.length;
  return segment.length * 2;
}

function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** Ends of the records of delimited text, each with its line break; they cover the text. */
export function csvRecords(text: string, delimiter: string): number[] {
  const ends: number[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    // One record: fields until an unquoted line break.
    for (;;) {
      if (text[i] === '"') {
        let j = i + 1;
        for (;;) {
          const k = text.indexOf('"', j);
          if (k === -1) {
            j = length; // unterminated: the rest is this record (the import refused such a file)
            break;
          }
          if (text[k + 1] === '"') {
            j = k + 2;
            continue;
          }
          j = k + 1;
          break;
        }
        i = j;
      }
      while (i < length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
      if (i < length && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i += text[i + 1] === '\n' ? 2 : 1;
    else if (text[i] === '\n') i++;
    ends.push(i);
  }
  return ends;
}

/**
 * A record's fields, each judged on its own: a delimiter such as "|" is also a character an
 * address may hold, so "a@x.no|ola@x.no" is two addresses in two fields, not one.
 */
function csvFields(record: string, delimiter: string): string[] {
  try {
    return parseCsvText(record, delimiter, 'redact', { maxColumns: Infinity, maxFieldChars: Infinity, maxRecordChars: Infinity }).flatMap((r) => r.fields);
  } catch {
    return [record, ...record.split(delimiter)]; // malformed quoting: judge it every way
  }
}

const BEGIN = /^\s*BEGIN:VCARD\s*$/i;
const END = /^\s*END:VCARD\s*$/i;

/** Ends of the records of a vCard or scan file: a card block, or one line outside any block. */
export function cardRecords(text: string): number[] {
  const ends: number[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let inCard = false;
  let start = 0;
  while (start < text.length) {
    lineBreak.lastIndex = start;
    const match = lineBreak.exec(text);
    const contentEnd = match ? match.index : text.length;
    const end = match ? match.index + match[0].length : text.length;
    const line = text.slice(start, contentEnd);
    if (inCard && BEGIN.test(line)) {
      // A card never closed: it ends where the next begins (as the reader reads it).
      ends.push(start);
    }
    if (BEGIN.test(line)) inCard = true;
    else if (inCard && END.test(line)) inCard = false;
    if (!inCard) ends.push(end);
    start = end;
  }
  if (inCard) ends.push(text.length);
  return ends;
}

/** Characters that continue an address's local part (before it) or domain (after it). */
const LOCAL_CHAR = /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}-]/u;
/** Anything shaped like an address, wrappers and all, for normalizing. */
const ADDRESS_LIKE = /[^\s,;:<>"()[\]\\]+@[^\s,;:<>"()[\]\\]+/g;

/** Whether the record holds the address, as the reader would decode it. */
export function mentions(record: string, key: string, card: boolean): boolean {
  const variants = [record];
  if (card) {
    const unfolded = record.replace(/(?:\r\n|\r|\n)[ \t]/g, '');
    variants.push(unfolded, decodeQuotedPrintable(unfolded));
  }
  for (const v of [...variants]) if (v.includes('\\')) variants.push(v.replace(/\\(.)/g, '$1'));
  for (const variant of variants) {
    const folded = foldCase(variant);
    if (holdsAddress(folded, key)) return true;
    for (const candidate of variant.match(ADDRESS_LIKE) ?? []) {
      if (normalizeEmail(candidate) === key) return true;
      const bare = candidate.replace(/^mailto:/i, '').replace(/^['‘“«]+|['’”»]+$/g, '');
      if (bare !== candidate && normalizeEmail(bare) === key) return true;
    }
  }
  return false;
}

function holdsAddress(folded: string, key: string): boolean {
  for (let at = folded.indexOf(key); at !== -1; at = folded.indexOf(key, at + 1)) {
    const before = at > 0 ? folded[at - 1]! : '';
    const after = folded.slice(at + key.length, at + key.length + 2);
    const gluedBefore = before !== '' && LOCAL_CHAR.test(before);
    // After the domain: a letter, digit or hyphen continues it; so does a dot before one.
    const gluedAfter = after !== '' && (DOMAIN_CHAR.test(after[0]!) || (after[0] === '.' && after.length > 1 && DOMAIN_CHAR.test(after[1]!)));
    if (!gluedBefore && !gluedAfter) return true;
  }
  return false;
}

/** Quoted-printable anywhere in the text (soft line breaks joined, =XX decoded as UTF-8 or windows-1252). */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=(?:\r\n|\r|\n)/g, '');
  if (!/=[0-9A-Fa-f]{2}/.test(joined)) return joined;
  return joined.replace(/(?:=[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = Buffer.from(run.replace(/=/g, ''), 'hex');
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return iconv.decode(bytes, 'windows-1252');
    }
  });
}
