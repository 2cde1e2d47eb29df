// Bytes to text, done here before any parser sees them (DESIGN.md, "Known traps"):
// papaparse's own stream decoding turns a UTF-8 character split across two chunks into
// U+FFFD without a word, and Node's TextDecoder mis-decodes windows-1252's 0x80–0x9F.
// So: BOM sniffing, strict UTF-8 through a streaming TextDecoder (a wrong guess fails loudly
// instead of becoming U+FFFD), UTF-16 and windows-1252 through iconv-lite's streaming
// decoders. Every decoder here keeps a character split across chunks whole.

import iconv from 'iconv-lite';
import { ImportFileError } from './errors.ts';
import type { ByteSource } from './source.ts';

/** The encodings a text file can be read in ('iso-8859-1' only when a user picks it). */
export const TEXT_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export function isTextEncoding(value: string): value is TextEncodingName {
  return (TEXT_ENCODINGS as readonly string[]).includes(value);
}

/** Spellings people and tools use, to the names above. */
export function normalizeEncodingName(value: string): TextEncodingName | null {
  const v = value.trim().toLowerCase().replace(/_/g, '-');
  const aliases: Record<string, TextEncodingName> = {
    utf8: 'utf-8', 'utf-8': 'utf-8', 'utf-8-bom': 'utf-8-bom', 'utf8-bom': 'utf-8-bom', 'utf-8-sig': 'utf-8-bom',
    'utf-16le': 'utf-16le', utf16le: 'utf-16le', 'utf-16': 'utf-16le', ucs2: 'utf-16le', 'ucs-2': 'utf-16le', unicode: 'utf-16le',
    'utf-16be': 'utf-16be', utf16be: 'utf-16be',
    'windows-1252': 'windows-1252', cp1252: 'windows-1252', win1252: 'windows-1252', ansi: 'windows-1252',
    'iso-8859-1': 'iso-8859-1', latin1: 'iso-8859-1', 'latin-1': 'iso-8859-1', 'iso8859-1': 'iso-8859-1',
  };
  return aliases[v] ?? null;
}

export interface StreamDecoder {
  /** Decodes a chunk; an incomplete character at its end waits for the next chunk. Throws on invalid UTF-8. */
  write(chunk: Uint8Array): string;
  /** Flushes; throws if the text ends inside a UTF-8 character. */
  end(): string;
}

export function createDecoder(encoding: TextEncodingName): StreamDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    // fatal: invalid bytes throw; ignoreBOM false: a leading BOM is removed, not kept as U+FEFF.
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  }
  // iconv-lite's decoders strip a BOM themselves and carry split code units over.
  const decoder = iconv.getDecoder(encoding === 'iso-8859-1' ? 'latin1' : encoding, { stripBOM: true });
  return {
    write: (chunk) => decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

/** The encoding a byte-order mark names, or null. */
export function detectBom(head: Uint8Array): TextEncodingName | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM: mostly-ASCII text (every contact list) leaves a NUL in every other
 * byte — the odd bytes for little-endian, the even ones for big-endian.
 */
export function detectUtf16WithoutBom(head: Uint8Array): TextEncodingName | null {
  const n = Math.min(head.length - (head.length % 2), 4096);
  if (n < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  const pairs = n / 2;
  if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) return 'utf-16le';
  if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) return 'utf-16be';
  return null;
}

/** True when every byte is valid UTF-8; reads the whole source, one chunk at a time. */
export async function isValidUtf8(source: ByteSource): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of source.chunks()) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

function invalidText(source: ByteSource, encoding: TextEncodingName, offset: number): ImportFileError {
  return new ImportFileError(
    'bad-encoding-at',
    source.name,
    `the file is not valid ${encoding} text (an invalid byte sequence near byte ${offset}); choose another encoding, such as windows-1252`,
    { params: { encoding, offset } },
  );
}

/**
 * The source's text, chunk by chunk. `onBytes` reports progress in bytes. Invalid UTF-8
 * (possible only when a user chose UTF-8 for a file that is not) is an ImportFileError.
 */
export async function* decodeText(source: ByteSource, encoding: TextEncodingName, onBytes?: (bytesRead: number) => void): AsyncGenerator<string> {
  const decoder = createDecoder(encoding);
  let offset = 0;
  for await (const chunk of source.chunks()) {
    let text: string;
    try {
      text = decoder.write(chunk);
    } catch {
      throw invalidText(source, encoding, offset);
    }
    offset += chunk.length;
    onBytes?.(offset);
    if (text.length > 0) yield text;
  }
  let rest: string;
  try {
    rest = decoder.end();
  } catch {
    throw invalidText(source, encoding, offset);
  }
  if (rest.length > 0) yield rest;
}
