// A spreadsheet's shared-string table with bounded memory. Excel stores each distinct cell
// text once, in xl/sharedStrings.xml, and the sheet refers to it by index; a contact list's
// addresses and names are mostly distinct, so the table grows with the sheet (about a
// million strings for 400,000 rows). Held as JavaScript strings, that was the one part of an
// import whose memory grew with the file. Here the first strings (up to a budget) stay in
// memory and the rest go to a temporary SQLite database on disk, which is deleted when the
// table is closed. A sheet refers to its new strings in the order they were written, so the
// spilled part is read a window of strings at a time, going forward; a lookup behind the
// window (a repeated value) is one query.
//
// The table is capped (limits.ts): how many strings, how many characters in all, and how big
// the temporary file may grow (SQLite's max_page_count), each a SharedStringsLimitError.

import Database from 'better-sqlite3';

/** In-memory part of the table: about 16 MiB of text (strings counted at 2 bytes a character plus 32 of overhead). */
export const SHARED_STRINGS_BUDGET_BYTES = 16 * 1024 * 1024;

/** One <si> as exceljs's reader gives it: plain text, or rich-text runs (their text is what a cell shows). */
export type SharedStringItem = string | null | { richText: readonly { text: string | null }[] };

export function sharedStringText(item: SharedStringItem): string {
  if (item === null) return '';
  if (typeof item === 'string') return item;
  return item.richText.map((run) => run.text ?? '').join('');
}

/** Spilled strings read per query while reading forward. */
const WINDOW = 256;

export interface SharedStringsCaps {
  /** Strings in the table. */
  maxCount: number;
  /** Characters in all its strings. */
  maxChars: number;
  /** Bytes of the temporary file. */
  maxSpillBytes: number;
}

const NO_CAPS: SharedStringsCaps = { maxCount: Number.MAX_SAFE_INTEGER, maxChars: Number.MAX_SAFE_INTEGER, maxSpillBytes: 64 * 1024 ** 3 };

/** The table went past a cap: 'count' strings, 'chars' characters, 'spill' the temporary file's bytes. */
export class SharedStringsLimitError extends Error {
  readonly kind: 'count' | 'chars' | 'spill';
  readonly limit: number;
  constructor(kind: SharedStringsLimitError['kind'], limit: number) {
    const what = kind === 'count' ? `more than ${limit} texts` : kind === 'chars' ? `more than ${limit} characters of text` : `more than ${limit} bytes in its temporary file`;
    super(`the shared-string table holds ${what}`);
    this.kind = kind;
    this.limit = limit;
  }
}

const SPILL_PAGE_BYTES = 4096;
/** A spilled row's overhead besides its text: its key, header and cell pointer. */
const SPILL_ROW_BYTES = 16;

export class SharedStrings {
  private readonly held: string[] = [];
  private heldBytes = 0;
  private readonly budgetBytes: number;
  private count = 0;
  private chars = 0;
  /** Bytes written to the temporary file so far: the text as UTF-8 plus a row's overhead each. */
  private spillBytes = 0;
  private readonly caps: SharedStringsCaps;
  private spill: { db: Database.Database; insert: Database.Statement; select: Database.Statement; selectFrom: Database.Statement } | null = null;
  /** Spilled strings from index windowStart on, read ahead. */
  private windowStart = -1;
  private window: string[] = [];

  constructor(budgetBytes: number = SHARED_STRINGS_BUDGET_BYTES, caps: SharedStringsCaps = NO_CAPS) {
    this.budgetBytes = budgetBytes;
    this.caps = caps;
  }

  get size(): number {
    return this.count;
  }

  /** Whether some strings live on disk. */
  get spilled(): boolean {
    return this.spill !== null;
  }

  add(text: string): void {
    if (this.count >= this.caps.maxCount) throw new SharedStringsLimitError('count', this.caps.maxCount);
    if (this.chars + text.length > this.caps.maxChars) throw new SharedStringsLimitError('chars', this.caps.maxChars);
    const bytes = 2 * text.length + 32;
    if (this.spill === null && this.heldBytes + bytes <= this.budgetBytes) {
      this.held.push(text);
      this.heldBytes += bytes;
    } else {
      this.spillInsert(text);
    }
    this.count += 1;
    this.chars += text.length;
  }

  private spillInsert(text: string): void {
    this.spillBytes += Buffer.byteLength(text) + SPILL_ROW_BYTES;
    if (this.spillBytes > this.caps.maxSpillBytes) throw new SharedStringsLimitError('spill', this.caps.maxSpillBytes);
    const spill = this.spillStore();
    try {
      spill.insert.run(this.count, text);
    } catch (error) {
      // SQLITE_FULL: the file reached max_page_count (the backstop, as pages are not all full)
      // or the disk is full; the second is another problem, and its own message stays.
      if ((error as { code?: string }).code === 'SQLITE_FULL' && this.spillBytes > this.caps.maxSpillBytes / 2) {
        throw new SharedStringsLimitError('spill', this.caps.maxSpillBytes);
      }
      throw error;
    }
  }

  /** The string at an index, or undefined for an index the table does not have. */
  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    if (index < this.held.length) return this.held[index];
    const offset = index - this.windowStart;
    if (offset >= 0 && offset < this.window.length) return this.window[offset];
    if (offset < 0) return this.spill!.select.get(index) as string | undefined;
    this.windowStart = index;
    this.window = this.spill!.selectFrom.all(index, WINDOW) as string[];
    return this.window[0];
  }

  /** Deletes the temporary database (SQLite removes an unnamed one on close). */
  close(): void {
    this.spill?.db.close();
    this.spill = null;
    this.held.length = 0;
    this.window = [];
    this.windowStart = -1;
    this.count = 0;
    this.chars = 0;
    this.spillBytes = 0;
  }

  private spillStore(): NonNullable<SharedStrings['spill']> {
    if (this.spill) return this.spill;
    // '' opens a private temporary database on disk. Nothing in it needs to survive a crash,
    // so no journal and no syncing; one open transaction keeps the appends cheap.
    const db = new Database('');
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -4096');
    db.pragma(`page_size = ${SPILL_PAGE_BYTES}`);
    db.pragma(`max_page_count = ${Math.max(1, Math.floor(this.caps.maxSpillBytes / SPILL_PAGE_BYTES))}`);
    db.exec('CREATE TABLE strings (i INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    db.exec('BEGIN');
    this.spill = {
      db,
      insert: db.prepare('INSERT INTO strings (i, text) VALUES (?, ?)'),
      select: db.prepare('SELECT text FROM strings WHERE i = ?').pluck(),
      selectFrom: db.prepare('SELECT text FROM strings WHERE i >= ? ORDER BY i LIMIT ?').pluck(),
    };
    return this.spill;
  }
}
