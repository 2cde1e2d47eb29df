// Prepared rows as they travel from the preparing thread to the writing one. Structured clone
// of the row objects costs about 5 µs a row on each side, as much as preparing them; this
// codec sends a batch as one string of cells plus their lengths (an Int32Array, transferred),
// so the writing thread mostly slices strings. The few list cells are JSON, left empty for an
// empty list; a row's events are usually the row before's and are then not sent again, and a
// repeated reasons cell is parsed once.
//
// Decoded rows may share their events and reasons with other rows: they are read-only.
// Strings are slices of the batch text, except a refused row's (kept in reports, so copied);
// whatever else is kept past the batch is copied by its keeper.

import { detachedCopy } from '../../shared/email/text.ts';
import type { AcceptedRow, PreparedRow, RefusedRow, RowDetails } from './prepare.ts';

export interface EncodedBatch {
  text: string;
  /** The row count; per row its number, flags and number of cells; then every cell's length in UTF-16 units. */
  layout: Int32Array;
}

const REFUSED = 1;
const MAYBE_SEEN = 2;
const HAS_EXPIRY = 4;
const HAS_RAW = 8;
const HAS_ROW = 16;
/** The row's events are the row before's (most files: one opt-in per row, same source and date). */
const SAME_EVENTS = 32;

const DETAIL_TEXTS = ['email', 'otherEmails', 'firstName', 'lastName', 'company', 'title', 'phone', 'city', 'country', 'note'] as const;

/** A list as a cell: '' when empty (most rows), else JSON. */
function listCell(list: readonly unknown[]): string {
  return list.length === 0 ? '' : JSON.stringify(list);
}

function pushDetails(cells: string[], row: RowDetails): void {
  for (const field of DETAIL_TEXTS) cells.push(row[field]);
  cells.push(listCell(row.tags));
}

type RowEvents = AcceptedRow['events'];

function sameEvents(a: RowEvents, b: RowEvents | null): boolean {
  if (b === null || a.length !== b.length) return false;
  return a.every((event, i) => {
    const other = b[i]!;
    const keys = Object.keys(event) as (keyof typeof event)[];
    return keys.length === Object.keys(other).length && keys.every((key) => event[key] === other[key]);
  });
}

export function encodeBatch(rows: readonly PreparedRow[]): EncodedBatch {
  const cells: string[] = [];
  const layout: number[] = [rows.length];
  let previousEvents: RowEvents | null = null;
  for (const prepared of rows) {
    const start = cells.length;
    let flags = 0;
    if (prepared.refused !== null) {
      flags |= REFUSED;
      cells.push(JSON.stringify(prepared.refused), prepared.raw);
      if (prepared.row !== null) {
        flags |= HAS_ROW;
        pushDetails(cells, prepared.row);
      }
    } else {
      const { evaluation } = prepared;
      cells.push(prepared.key, prepared.display);
      pushDetails(cells, prepared.row);
      cells.push(listCell(prepared.warnings));
      if (sameEvents(prepared.events, previousEvents)) flags |= SAME_EVENTS;
      else cells.push(JSON.stringify(prepared.events));
      previousEvents = prepared.events;
      cells.push(evaluation.status, JSON.stringify(evaluation.reasons));
      if (prepared.maybeSeen) flags |= MAYBE_SEEN;
      if (evaluation.expiresAt !== null) {
        flags |= HAS_EXPIRY;
        cells.push(evaluation.expiresAt);
      }
      if (prepared.raw !== null) {
        flags |= HAS_RAW;
        cells.push(prepared.raw);
      }
    }
    layout.push(prepared.rowNumber, flags, cells.length - start);
  }
  for (const cell of cells) layout.push(cell.length);
  return { text: cells.join(''), layout: Int32Array.from(layout) };
}

/** Parses a JSON cell, reusing the last value while the text repeats (one opt-in event, one status reason, row after row). */
export class RepeatedJson {
  private lastText: string | null = null;
  private lastValue: unknown = null;

  parse<T>(text: string): T {
    if (text !== this.lastText) {
      this.lastValue = JSON.parse(text) as unknown;
      this.lastText = text;
    }
    return this.lastValue as T;
  }
}

/** The decoder's memory across the batches of one file. */
export class BatchDecoder {
  private readonly reasons = new RepeatedJson();
  private events: RowEvents = [];

  decode({ text, layout }: EncodedBatch): PreparedRow[] {
    const count = layout[0]!;
    const rows: PreparedRow[] = [];
    let cellIndex = 1 + count * 3;
    let offset = 0;
    const next = (): string => {
      const length = layout[cellIndex++]!;
      offset += length;
      return text.slice(offset - length, offset);
    };
    const list = <T>(): T[] => {
      const cell = next();
      return cell === '' ? [] : (JSON.parse(cell) as T[]);
    };
    const details = (): RowDetails => {
      const row = {} as RowDetails;
      for (const field of DETAIL_TEXTS) row[field] = next();
      row.tags = list<string>();
      return row;
    };
    for (let i = 0; i < count; i++) {
      const rowNumber = layout[1 + i * 3]!;
      const flags = layout[2 + i * 3]!;
      if (flags & REFUSED) {
        const refused: RefusedRow = {
          rowNumber,
          refused: JSON.parse(next()) as RefusedRow['refused'],
          // A copy, as RowPreparer gives it: a rejected row's text is kept in the report.
          raw: detachedCopy(next()),
          row: flags & HAS_ROW ? details() : null,
        };
        rows.push(refused);
        continue;
      }
      const key = next();
      const display = next();
      const row = details();
      // Warnings are the one list the pipeline adds to (a suppressed contact): each row's own.
      const warnings = list<AcceptedRow['warnings'][number]>();
      // (A batch's first row always sends its events: the encoder starts each batch afresh.)
      if (!(flags & SAME_EVENTS)) this.events = JSON.parse(next()) as RowEvents;
      const events = this.events;
      const status = next() as AcceptedRow['evaluation']['status'];
      const reasons = this.reasons.parse<AcceptedRow['evaluation']['reasons']>(next());
      const accepted: AcceptedRow = {
        rowNumber,
        refused: null,
        row,
        key,
        display,
        warnings,
        events,
        evaluation: { status, reasons, expiresAt: flags & HAS_EXPIRY ? next() : null },
        maybeSeen: (flags & MAYBE_SEEN) !== 0,
        raw: flags & HAS_RAW ? next() : null,
      };
      rows.push(accepted);
    }
    return rows;
  }
}
