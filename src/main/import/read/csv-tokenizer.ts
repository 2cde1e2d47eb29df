// A streaming CSV tokenizer: RFC 4180 plus what spreadsheets write (CRLF, LF or CR line
// ends; quoted fields holding delimiters, doubled quotes and line breaks). Text goes in
// chunk by chunk, in any cutting; complete records come out, each with the physical line it
// starts on and its raw text (kept for rejected rows).
//
// Written here instead of driving papaparse because the import needs those two per record,
// and because papaparse reports an unterminated quote once and then swallows the rest of the
// file into one field. Here an unterminated quote is an ImportFileError naming the row and
// column where the quote opened, and every cap (columns, field and record length) is checked
// while the text streams, so memory stays bounded whatever the file holds. The property
// tests compare it with papaparse on well-formed text.

import { ImportFileError, type RecordError } from './errors.ts';
import { formatSize, LIMITS } from './limits.ts';

export interface CsvRecord {
  fields: string[];
  /** The record's text as it stands in the file, without its line break. */
  raw: string;
  /** 1-based physical line the record starts on. */
  line: number;
  /**
   * 1-based row as a spreadsheet shows it: the physical line less the line breaks inside
   * quoted fields before it (a multi-line cell is one row; a blank line is a row).
   */
  row: number;
  /** Malformed quoting inside the record; the fields are a best reading of it. */
  error?: RecordError;
}

export interface CsvLimits {
  maxColumns: number;
  maxFieldChars: number;
  maxRecordChars: number;
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

interface Parsed {
  fields: string[];
  /** End of the record's text, and where the next record starts. */
  end: number;
  next: number;
  /** Line breaks inside quoted fields. */
  breaks: number;
  /** False when the record ended at the end of the text rather than at a line break. */
  terminated: boolean;
  error: RecordError | undefined;
}

/** A quoted field grown past the field limit: scanned to its end without being kept. */
interface Overrun {
  line: number;
  column: number;
}

/** Line breaks (LF, CRLF, lone CR) in text[from, to). */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

function isBlank(fields: string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

export class CsvTokenizer {
  private buffer = '';
  /** Physical line at the start of the buffer. */
  private line = 1;
  /** Line breaks inside quoted fields so far: `line` less these is the spreadsheet's row. */
  private quotedBreaks = 0;
  private overrun: Overrun | null = null;
  /** In an overrun: the text ends in a quote whose meaning depends on the next character. */
  private overrunQuotePending = false;
  private readonly delimiter: number;
  private readonly file: string;
  private readonly limits: CsvLimits;

  constructor(delimiter: string, file: string, limits: CsvLimits = LIMITS) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
      throw new ImportFileError('bad-delimiter', file, `“${delimiter}” cannot be a delimiter; use one character such as , ; | or a tab`, { params: { delimiter } });
    }
    this.delimiter = delimiter.charCodeAt(0);
    this.file = file;
    this.limits = limits;
  }

  /**
   * Adds text; returns the records it completes. `final` marks the end of the file: the last
   * record is flushed, and a quote still open is an error. Rows of empty fields (blank lines,
   * lines of only delimiters) are not records: they hold nothing to import.
   */
  push(text: string, final = false): CsvRecord[] {
    const records: CsvRecord[] = [];
    if (this.overrun) {
      this.scanOverrun(text, final);
      return records;
    }
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    const buffer = this.buffer;
    const length = buffer.length;
    let start = 0;
    while (start < length) {
      const c = buffer.charCodeAt(start);
      if (c === LF) {
        this.line++;
        start++;
        continue;
      }
      if (c === CR) {
        if (start + 1 >= length && !final) break; // is it CRLF? the next chunk tells
        this.line++;
        start += buffer.charCodeAt(start + 1) === LF ? 2 : 1;
        continue;
      }
      const parsed = this.parseRecord(start, final);
      if (parsed === null) break;
      if (this.overrun) {
        this.buffer = '';
        return records;
      }
      if (parsed.end - start > this.limits.maxRecordChars) throw this.recordTooLong(this.line);
      if (!isBlank(parsed.fields)) {
        const record: CsvRecord = { fields: parsed.fields, raw: buffer.slice(start, parsed.end), line: this.line, row: this.line - this.quotedBreaks };
        if (parsed.error !== undefined) record.error = parsed.error;
        records.push(record);
      }
      this.line += parsed.breaks + (parsed.terminated ? 1 : 0);
      this.quotedBreaks += parsed.breaks;
      start = parsed.next;
    }
    this.buffer = start >= length ? '' : buffer.slice(start);
    if (this.buffer.length > this.limits.maxRecordChars) throw this.recordTooLong(this.line);
    return records;
  }

  private recordTooLong(line: number): ImportFileError {
    const size = formatSize(this.limits.maxRecordChars);
    return new ImportFileError('record-too-long', this.file, `this row is longer than ${size} of text; no contact row is that long`, { row: line, params: { size } });
  }

  private fieldTooLong(line: number, column: number): ImportFileError {
    const size = formatSize(this.limits.maxFieldChars);
    return new ImportFileError('field-too-long', this.file, `a field is longer than ${size} of text; no contact field is that long`, { row: line, column, params: { size } });
  }

  private unterminated(line: number, column: number): ImportFileError {
    return new ImportFileError(
      'unterminated-quote',
      this.file,
      'a quoted field opens here and is never closed (a " is missing), so the rest of the file would be read as one field. Add the missing quote and import again',
      { row: line, column },
    );
  }

  /**
   * One record starting at `start`, or null when the text ends before the record does and
   * more may come. Enters an overrun (and returns a dummy) when a quoted field outgrows the
   * field limit before its end is in the buffer.
   */
  private parseRecord(start: number, final: boolean): Parsed | null {
    const text = this.buffer;
    const length = text.length;
    const delimiter = this.delimiter;
    const { maxColumns, maxFieldChars } = this.limits;
    const fields: string[] = [];
    let breaks = 0;
    let error: RecordError | undefined;
    let i = start;
    for (;;) {
      const column = fields.length + 1;
      if (column > maxColumns) {
        const message = `this row has more than ${maxColumns} columns; no contact list is that wide — is the delimiter right?`;
        throw new ImportFileError('too-many-columns', this.file, message, { row: this.line, column, params: { max: maxColumns } });
      }
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openLine = this.line + breaks;
        let j = i + 1;
        value = '';
        for (;;) {
          const k = text.indexOf('"', j);
          if (k === -1 || (k + 1 === length && !final)) {
            if (k === -1 && final) throw this.unterminated(openLine, column);
            if (length - i - 1 > maxFieldChars) {
              this.overrun = { line: openLine, column };
              this.scanOverrun(text.slice(j), final);
              return { fields, end: i, next: i, breaks, terminated: false, error };
            }
            return null;
          }
          if (text.charCodeAt(k + 1) === QUOTE) {
            value += text.slice(j, k + 1);
            j = k + 2;
            continue;
          }
          value += text.slice(j, k);
          breaks += countBreaks(text, i + 1, k);
          i = k + 1;
          break;
        }
        // Text between the closing quote and the delimiter: spaces are dropped; anything else
        // means a quote inside the field was not doubled. Kept, and the row is flagged.
        if (i < length) {
          const c = text.charCodeAt(i);
          if (c !== delimiter && c !== CR && c !== LF) {
            let k = i;
            let onlySpace = true;
            while (k < length) {
              const d = text.charCodeAt(k);
              if (d === delimiter || d === CR || d === LF) break;
              if (d !== SPACE && d !== TAB) onlySpace = false;
              k++;
            }
            if (k === length && !final) return null;
            if (!onlySpace) {
              value += text.slice(i, k);
              // The record's row as a spreadsheet numbers it, as the rejected row is listed.
              const row = this.line - this.quotedBreaks;
              error ??= {
                text: `row ${row}, column ${column}: text follows the closing quote of a quoted field (a quote inside a quoted field must be written twice: "")`,
                code: 'text-after-quote',
                params: { row, column },
              };
            }
            i = k;
          }
        }
        if (value.length > maxFieldChars) throw this.fieldTooLong(openLine, column);
      } else {
        let k = i;
        while (k < length) {
          const c = text.charCodeAt(k);
          if (c === delimiter || c === LF || c === CR) break;
          k++;
        }
        if (k - i > maxFieldChars) throw this.fieldTooLong(this.line + breaks, column);
        if (k === length && !final) return null;
        value = text.slice(i, k);
        i = k;
      }
      fields.push(value);
      if (i >= length) return { fields, end: i, next: i, breaks, terminated: false, error };
      const c = text.charCodeAt(i);
      if (c === delimiter) {
        i++;
        if (i >= length) {
          if (!final) return null;
          fields.push('');
          return { fields, end: i, next: i, breaks, terminated: false, error };
        }
        continue;
      }
      if (c === LF) return { fields, end: i, next: i + 1, breaks, terminated: true, error };
      // CR: is it CRLF? When the CR ends the buffer, the next chunk tells.
      if (i + 1 >= length && !final) return null;
      return { fields, end: i, next: text.charCodeAt(i + 1) === LF ? i + 2 : i + 1, breaks, terminated: true, error };
    }
  }

  /**
   * Inside a quoted field already too long: look for its closing quote without keeping the
   * text. Found: the field is too long (its row and column are known). End of file first:
   * the quote was never closed. Either way the import stops with the place to fix.
   */
  private scanOverrun(text: string, final: boolean): void {
    const overrun = this.overrun!;
    let j = 0;
    if (this.overrunQuotePending) {
      this.overrunQuotePending = false;
      if (text.length === 0 && !final) {
        this.overrunQuotePending = true;
        return;
      }
      if (text.charCodeAt(0) !== QUOTE) throw this.fieldTooLong(overrun.line, overrun.column);
      j = 1;
    }
    for (;;) {
      const k = text.indexOf('"', j);
      if (k === -1) break;
      if (k + 1 === text.length) {
        if (final) throw this.fieldTooLong(overrun.line, overrun.column);
        this.overrunQuotePending = true;
        return;
      }
      if (text.charCodeAt(k + 1) !== QUOTE) throw this.fieldTooLong(overrun.line, overrun.column);
      j = k + 2;
    }
    if (final) throw this.unterminated(overrun.line, overrun.column);
  }
}

/** Parses a whole text at once (samples and tests). */
export function parseCsvText(text: string, delimiter: string, file = 'text', limits: CsvLimits = LIMITS): CsvRecord[] {
  return new CsvTokenizer(delimiter, file, limits).push(text, true);
}
