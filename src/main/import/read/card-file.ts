// vCard and scan (MECARD) files: sniffing the preview from a sample, and streaming records.

import { CardReader, type CardFormat, type CardRecord } from './cards.ts';
import { decodeText, type TextEncodingName } from './decode.ts';
import { ImportFileError } from './errors.ts';
import { LIMITS } from './limits.ts';
import { LineSplitter } from './lines.ts';
import type { ByteSource } from './source.ts';

/**
 * 'vcard' when the text starts with a vCard; 'mecard' for scan files — any MECARD line, or a
 * vCard written on one line (a scanner's output); null for anything else (delimited text).
 */
export function detectCardFormat(sample: string): CardFormat | null {
  const lines = sample.split(/\r\n|\r|\n/, 200).map((l) => l.trim()).filter((l) => l !== '');
  const first = lines[0] ?? '';
  const scanLike = lines.some((l) => /^MECARD:/i.test(l) || /^BEGIN:VCARD\\[rn].*END:VCARD$/i.test(l));
  if (/^MECARD:/i.test(first) || (scanLike && /^(MECARD:|BEGIN:VCARD)/i.test(first))) return 'mecard';
  if (/^BEGIN:VCARD$/i.test(first)) return 'vcard';
  return null;
}

/** The first records of a sample, for the preview; a card cut off by the sample's end is left out. */
export function sniffCardText(file: string, format: CardFormat, sample: string, complete: boolean): string[][] {
  const lines = new LineSplitter(file).push(sample, complete);
  const records = new CardReader(format, file).push(lines, complete);
  if (complete && records.length === 0) {
    throw format === 'vcard' ? new ImportFileError('no-vcards', file, 'the file has no vCards in it') : new ImportFileError('no-scans', file, 'the file has no scans in it');
  }
  return records.slice(0, LIMITS.sampleRows).map((r) => r.values);
}

export async function* readCardRecords(
  source: ByteSource,
  encoding: TextEncodingName,
  format: CardFormat,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<CardRecord[]> {
  const splitter = new LineSplitter(source.name);
  const reader = new CardReader(format, source.name);
  for await (const text of decodeText(source, encoding, onBytes)) {
    const records = reader.push(splitter.push(text));
    if (records.length > 0) yield records;
  }
  const last = reader.push(splitter.push('', true), true);
  if (last.length > 0) yield last;
}
