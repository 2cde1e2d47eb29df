// Turning bytes into text ourselves, before any parser sees them: BOMs, UTF-8 (strict, so a
// wrong guess is caught rather than turned into U+FFFD), UTF-16 and Windows-1252 through
// iconv-lite (Node's TextDecoder mis-decodes 0x80–0x9F in 1252). Streaming decoders keep a
// character split across two chunks whole.

import iconv from 'iconv-lite';

export const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1'] as const;
export type TextEncodingName = (typeof ENCODINGS)[number];

export interface StreamDecoder {
  /** Decodes a chunk; an incomplete character at the end waits for the next chunk. */
  write(chunk: Uint8Array): string;
  end(): string;
}

/** How many bytes of BOM the encoding's files start with. */
export function bomLength(encoding: TextEncodingName): number {
  return encoding === 'utf-8-bom' ? 3 : encoding === 'utf-16le' || encoding === 'utf-16be' ? 0 : 0;
}

export function createDecoder(encoding: TextEncodingName): StreamDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    // ignoreBOM: false strips a leading BOM; fatal throws on invalid bytes.
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  }
  // iconv-lite's UTF-16 decoders strip the BOM themselves.
  const decoder = iconv.getDecoder(encoding === 'iso-8859-1' ? 'latin1' : encoding, { stripBOM: true });
  return {
    write: (chunk) => decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

/** Guesses the encoding from the first bytes (and the whole file for UTF-8 validity). */
export function detectBom(head: Uint8Array): TextEncodingName | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** BOM-less UTF-16: ASCII text leaves a NUL in every other byte. */
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
