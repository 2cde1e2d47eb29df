// A streaming CSV tokenizer (RFC 4180 plus what spreadsheets write: CRLF, LF or CR line
// ends, quoted fields with delimiters, quotes and newlines). Written here rather than driving
// papaparse because the import needs, per record, the physical line it starts on and its raw
// text (for rejected rows), and must stop with a clear error on an unterminated quote, which
// papaparse reports once and then swallows the rest of the file. Property tests compare it
// with papaparse on the same text.

import { ImportFileError } from './errors.ts';

export interface CsvRecord {
  fields: string[];
  /** The record's text as it stood in the file (without its line end). */
  raw: string;
  /** 1-based physical line the record starts on. */
  line: number;
}

export const LIMITS = {
  maxColumns: 1000,
  maxFieldChars: 64 * 1024,
  maxRecordChars: 1024 * 1024,
};

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

export class CsvTokenizer {
  private buffer = '';
  /** Line number at the start of the buffer. */
  private line = 1;
  private readonly delimiter: number;
  private readonly file: string;

  constructor(delimiter: string, file: string) {
    this.delimiter = delimiter.charCodeAt(0);
    this.file = file;
  }

  /** Adds text and returns every record now complete; `final` flushes the last one. */
  push(text: string, final = false): CsvRecord[] {
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    const records: CsvRecord[] = [];
    let start = 0;
    for (;;) {
      const parsed = this.record(start, final);
      if (parsed === null) break;
      const { fields, end, next } = parsed;
      const raw = this.buffer.slice(start, end);
      const line = this.line;
      this.line += countLineBreaks(this.buffer, start, next);
      // Blank lines are not records.
      if (!(fields.length === 1 && fields[0] === '' && raw.trim() === '')) records.push({ fields, raw, line });
      start = next;
      if (start >= this.buffer.length) break;
    }
    this.buffer = this.buffer.slice(start);
    if (this.buffer.length > LIMITS.maxRecordChars) {
      throw new ImportFileError(
        'record-too-long',
        this.file,
        `a record runs over ${LIMITS.maxRecordChars / 1024 / 1024} MiB of text; most likely a quote (") opened here is never closed`,
        this.line,
      );
    }
    return records;
  }

  /**
   * Parses one record at `start`. Returns null when the buffer ends before the record does
   * (and more text may come). `end` is where the record's text ends, `next` where the next begins.
   */
  private record(start: number, final: boolean): { fields: string[]; end: number; next: number } | null {
    const text = this.buffer;
    const length = text.length;
    const delimiter = this.delimiter;
    const fields: string[] = [];
    let i = start;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted field: runs to the next lone quote; "" is a literal quote.
        let j = i + 1;
        let parts = '';
        for (;;) {
          const k = text.indexOf('"', j);
          if (k === -1 || (k + 1 === length && !final)) {
            if (!final) return null;
            const openedOn = this.line + countLineBreaks(text, start, i);
            throw new ImportFileError('unterminated-quote', this.file, 'a quoted field opened on this row is never closed (a " is missing)', openedOn, fields.length + 1);
          }
          if (text.charCodeAt(k + 1) === QUOTE) {
            parts += text.slice(j, k + 1);
            j = k + 2;
            continue;
          }
          value = parts + text.slice(j, k);
          i = k + 1;
          break;
        }
        // Text after the closing quote (malformed, e.g. "a"b) is kept rather than dropped.
        if (i < length && text.charCodeAt(i) !== delimiter && text.charCodeAt(i) !== CR && text.charCodeAt(i) !== LF) {
          let k = i;
          while (k < length) {
            const c = text.charCodeAt(k);
            if (c === delimiter || c === CR || c === LF) break;
            k++;
          }
          if (k === length && !final) return null;
          value += text.slice(i, k);
          i = k;
        }
      } else {
        let k = i;
        while (k < length) {
          const c = text.charCodeAt(k);
          if (c === delimiter || c === CR || c === LF) break;
          k++;
        }
        if (k === length && !final) return null;
        value = text.slice(i, k);
        i = k;
      }
      if (value.length > LIMITS.maxFieldChars) {
        throw new ImportFileError('field-too-long', this.file, `a field is longer than ${LIMITS.maxFieldChars / 1024} KiB`, this.line + countLineBreaks(text, start, i), fields.length + 1);
      }
      fields.push(value);
      if (fields.length > LIMITS.maxColumns) {
        throw new ImportFileError('too-many-columns', this.file, `the row has more than ${LIMITS.maxColumns} columns`, this.line);
      }
      if (i >= length) return final ? { fields, end: i, next: i } : null;
      const c = text.charCodeAt(i);
      if (c === delimiter) {
        i++;
        if (i >= length && !final) return null;
        if (i >= length) {
          fields.push('');
          return { fields, end: i, next: i };
        }
        continue;
      }
      if (c === LF) return { fields, end: i, next: i + 1 };
      // CR: a CRLF split across chunks must wait for the next chunk.
      if (i + 1 >= length && !final) return null;
      return { fields, end: i, next: text.charCodeAt(i + 1) === LF ? i + 2 : i + 1 };
    }
  }
}

/** Parses a whole text (tests and small samples). */
export function parseCsvText(text: string, delimiter: string, file = 'text'): CsvRecord[] {
  return new CsvTokenizer(delimiter, file).push(text, true);
}

const CANDIDATES = [',', ';', '\t', '|'];

/**
 * Finds the delimiter and the header row in a sample: for each candidate, the first line
 * from which the next rows have the same number of fields (≥ 2). Lines before it are a
 * preamble (LinkedIn's "Notes:"). A single-column file gets ',' and one field.
 */
export function detectLayout(sample: string, complete: boolean): { delimiter: string; headerLine: number } {
  // Drop a partial last line: the sample may end mid-record.
  const text = complete ? sample : sample.slice(0, Math.max(sample.lastIndexOf('\n'), 0));
  let best = { delimiter: ',', headerLine: 1, score: -1 };
  for (const delimiter of CANDIDATES) {
    let records: CsvRecord[];
    try {
      records = parseCsvText(text, delimiter).slice(0, 60);
    } catch {
      continue;
    }
    for (let h = 0; h < Math.min(records.length, 12); h++) {
      const width = records[h]!.fields.length;
      if (width < 2) continue;
      const rest = records.slice(h + 1, h + 30);
      const same = rest.filter((r) => r.fields.length === width).length;
      const consistent = rest.length === 0 ? 1 : same / rest.length;
      if (consistent < 0.8) continue;
      // Prefer the earliest consistent header, then wider rows.
      const score = consistent * 1000 - h * 10 + Math.min(width, 50);
      if (score > best.score) best = { delimiter, headerLine: records[h]!.line, score };
      break;
    }
  }
  return { delimiter: best.delimiter, headerLine: best.headerLine };
}
