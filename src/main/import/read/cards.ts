// vCard files and badge-scan files, line by line, into records — streamed: one card is in
// memory at a time.
//
// - 'vcard': BEGIN:VCARD … END:VCARD blocks. Lines are unfolded (a line starting with a space
//   or tab continues the previous one; in 2.1, a quoted-printable value ending in "=" goes on
//   on the next line). Embedded photos are left out.
// - 'mecard' (scan files from badge scanners and QR apps): one scan per line — MECARD lines,
//   vCards written on one line with literal "\n" between properties, or ordinary vCard blocks.
//
// A record's rowNumber is the line its card starts on (a text editor's line number); its raw
// text is the card as written. Lines that belong to no card become records with an error,
// so the pipeline rejects them with a reason instead of losing them silently.

import { ImportFileError, type RecordError } from './errors.ts';
import { formatSize, LIMITS } from './limits.ts';
import { BINARY_PROPERTY, elideBinary, type PhysicalLine } from './lines.ts';
import { isMecard, mecardValues } from './mecard.ts';
import { CARD_HEADERS, cardValues } from './vcard.ts';

export type CardFormat = 'vcard' | 'mecard';

export interface CardRecord {
  values: string[];
  raw: string;
  /** The line the card or scan starts on. */
  rowNumber: number;
  error?: RecordError;
}

interface OpenCard {
  line: number;
  ordinal: number;
  logical: string[];
  raw: string[];
  chars: number;
}

interface Logical {
  text: string;
  binary: boolean;
  quotedPrintable: boolean;
}

const BEGIN = /^\s*BEGIN:VCARD\s*$/i;
const END = /^\s*END:VCARD\s*$/i;
/** A one-line vCard from a scanner: properties separated by a literal backslash-n. */
const ONE_LINE_VCARD = /^\s*BEGIN:VCARD\\[rn].*END:VCARD\s*$/i;
/** A literal "\n" (or "\r\n") that separates properties — not one inside a NOTE's text. */
const LITERAL_BREAK = /\\r\\n|\\n(?=[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)?[;:])/g;

function isQuotedPrintableStart(text: string): boolean {
  const colon = text.indexOf(':');
  return colon !== -1 && /QUOTED-PRINTABLE/i.test(text.slice(0, colon));
}

export class CardReader {
  private card: OpenCard | null = null;
  private current: Logical | null = null;
  private ordinal = 0;
  private readonly format: CardFormat;
  private readonly file: string;

  constructor(format: CardFormat, file: string) {
    this.format = format;
    this.file = file;
  }

  /** Feeds lines; returns the records they complete. `final`: end of file (an open card is reported). */
  push(lines: readonly PhysicalLine[], final = false): CardRecord[] {
    const records: CardRecord[] = [];
    for (const line of lines) this.take(line, records);
    if (final && this.card) {
      const card = this.card;
      records.push({ ...this.close(), error: notClosed(card) });
    }
    return records;
  }

  private take({ text, line }: PhysicalLine, records: CardRecord[]): void {
    const card = this.card;
    if (card) {
      const current = this.current;
      // A quoted-printable soft line break first: its next line may start with a space
      // that is part of the value.
      if (current && current.quotedPrintable && current.text.endsWith('=') && !END.test(text)) {
        current.text = current.text.slice(0, -1) + text;
        this.keep(card, text);
        return;
      }
      if (current && /^[ \t]/.test(text) && text.trim() !== '') {
        if (!current.binary) {
          current.text += text.slice(1);
          this.keep(card, text);
        }
        return;
      }
      this.flush();
      if (text.trim() === '') return;
      if (END.test(text)) {
        this.keep(card, text);
        records.push(this.close());
        return;
      }
      if (BEGIN.test(text)) {
        records.push({ ...this.close(), error: notClosed(card) });
        this.open(text, line);
        return;
      }
      const binary = BINARY_PROPERTY.test(text);
      this.current = { text, binary, quotedPrintable: !binary && isQuotedPrintableStart(text) };
      this.keep(card, binary ? elideBinary(text) : text);
      return;
    }

    if (text.trim() === '') return;
    if (BEGIN.test(text)) {
      this.open(text, line);
      return;
    }
    if (this.format === 'mecard' && isMecard(text)) {
      this.ordinal++;
      records.push({ values: mecardValues(text), raw: text, rowNumber: line });
      return;
    }
    if (this.format === 'mecard' && ONE_LINE_VCARD.test(text)) {
      this.ordinal++;
      const properties = text.trim().split(LITERAL_BREAK);
      records.push({ values: cardValues(properties.slice(1, -1)), raw: text, rowNumber: line });
      return;
    }
    const error: RecordError =
      this.format === 'mecard'
        ? { text: `line ${line} is neither a MECARD nor a vCard scan`, code: 'not-a-scan', params: { line } }
        : { text: `line ${line} is outside any BEGIN:VCARD … END:VCARD card`, code: 'outside-card', params: { line } };
    records.push({ values: CARD_HEADERS.map(() => ''), raw: text, rowNumber: line, error });
  }

  private open(text: string, line: number): void {
    this.ordinal++;
    this.card = { line, ordinal: this.ordinal, logical: [], raw: [text], chars: text.length };
    this.current = null;
  }

  private keep(card: OpenCard, text: string): void {
    card.raw.push(text);
    card.chars += text.length + 1;
    if (card.chars > LIMITS.maxRecordChars) {
      const size = formatSize(LIMITS.maxRecordChars);
      throw new ImportFileError('card-too-long', this.file, `card ${card.ordinal} is longer than ${size} of text (not counting photos); is END:VCARD missing?`, {
        row: card.line,
        params: { card: card.ordinal, size },
      });
    }
  }

  private flush(): void {
    if (this.current && this.card && !this.current.binary) this.card.logical.push(this.current.text);
    this.current = null;
  }

  private close(): CardRecord {
    this.flush();
    const card = this.card!;
    this.card = null;
    return { values: cardValues(card.logical), raw: card.raw.join('\n'), rowNumber: card.line };
  }
}

function notClosed(card: OpenCard): RecordError {
  return { text: `card ${card.ordinal} (line ${card.line}) is not closed with END:VCARD`, code: 'card-not-closed', params: { card: card.ordinal, line: card.line } };
}
