// Physical lines out of streamed text, with their 1-based line numbers: LF, CRLF or a lone
// CR end a line, also when the CR and the LF arrive in different chunks.
//
// vCards embed photos as base64, sometimes on one enormous unfolded line. Such a line is cut
// to its property name (the data is no use to a contact list) rather than held in memory;
// any other line longer than the record limit stops the import.

import { ImportFileError } from './errors.ts';
import { formatSize, LIMITS } from './limits.ts';

export interface PhysicalLine {
  text: string;
  line: number;
}

/** Embedded binary data: photos, logos, sounds, keys (optionally in an Apple "item1." group). */
export const BINARY_PROPERTY = /^[ \t]*(?:[\w-]+\.)?(?:PHOTO|LOGO|SOUND|KEY)[;:]/i;

/** What is left of a line of embedded data. */
export function elideBinary(text: string): string {
  const colon = text.indexOf(':');
  return `${colon === -1 ? text.slice(0, 40) : text.slice(0, colon + 1)}[embedded data left out]`;
}

export class LineSplitter {
  private partial = '';
  private line = 1;
  /** The previous chunk ended in CR: an LF starting this one belongs to it. */
  private afterCR = false;
  /** Inside an over-long line of embedded data, being skipped to its end. */
  private skipping = false;
  private readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  push(text: string, final = false): PhysicalLine[] {
    const lines: PhysicalLine[] = [];
    let i = 0;
    if (text.length > 0) {
      if (this.afterCR && text.charCodeAt(0) === 10) i = 1;
      this.afterCR = false;
    }
    // Next LF and CR positions, searched again only once passed (a file without CRs would
    // otherwise be scanned to its end for every line).
    let lf = -2;
    let cr = -2;
    while (i < text.length) {
      if (lf !== -1 && lf < i) lf = text.indexOf('\n', i);
      if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) {
        this.append(text.slice(i));
        break;
      }
      this.append(text.slice(i, end));
      this.emit(lines);
      if (end === cr) {
        if (end + 1 === text.length) this.afterCR = true;
        i = text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
      } else {
        i = end + 1;
      }
    }
    if (final && (this.partial !== '' || this.skipping)) this.emit(lines);
    return lines;
  }

  private append(piece: string): void {
    if (this.skipping) return;
    this.partial += piece;
    if (this.partial.length <= LIMITS.maxFieldChars) return;
    if (BINARY_PROPERTY.test(this.partial)) {
      this.partial = elideBinary(this.partial);
      this.skipping = true;
    } else if (this.partial.length > LIMITS.maxRecordChars) {
      const size = formatSize(LIMITS.maxRecordChars);
      throw new ImportFileError('line-too-long', this.file, `this line is longer than ${size} of text; no contact is that long`, { row: this.line, params: { size } });
    }
  }

  private emit(lines: PhysicalLine[]): void {
    lines.push({ text: this.partial, line: this.line });
    this.partial = '';
    this.skipping = false;
    this.line++;
  }
}
