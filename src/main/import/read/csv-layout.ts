// Which delimiter a delimited text file uses and on which line its header is. Decided on a
// sample (the first lines), by parsing it — quotes respected — with each candidate.
//
// The header is the first row with at least two fields that the rows after it agree with
// (same number of fields). Narrower lines before it are a preamble: LinkedIn's Connections
// export starts with "Notes:", a quoted paragraph and a blank line. Excel's "sep=;" first
// line names the delimiter and is skipped.

import { CsvTokenizer, type CsvRecord } from './csv-tokenizer.ts';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

export interface CsvLayout {
  delimiter: string;
  /** 1-based physical line of the header. */
  headerLine: number;
}

interface Candidate extends CsvLayout {
  /** Share of the following rows with as many fields as the header. */
  agreement: number;
  index: number;
  width: number;
}

/** Records of a sample; a malformed sample under a wrong delimiter is simply no candidate. */
function sampleRecords(sample: string, delimiter: string, complete: boolean, limit: number): CsvRecord[] | null {
  try {
    return new CsvTokenizer(delimiter, 'sample').push(sample, complete).slice(0, limit);
  } catch {
    return null;
  }
}

function candidateFor(records: CsvRecord[], delimiter: string): Candidate | null {
  for (let h = 0; h < Math.min(records.length, 12); h++) {
    const width = records[h]!.fields.length;
    if (width < 2) continue;
    // A preamble is narrow: lines as wide as the header are data, not notes.
    const preambleOk = records.slice(0, h).every((r) => r.fields.length <= Math.max(1, Math.floor(width / 2)));
    if (!preambleOk) return null;
    const rest = records.slice(h + 1, h + 31);
    const agreement = rest.length === 0 ? 1 : rest.filter((r) => r.fields.length === width).length / rest.length;
    if (agreement >= 0.6) return { delimiter, headerLine: records[h]!.line, agreement, index: h, width };
  }
  return null;
}

/** Layout of a sample (decoded text of the file's start; `complete` when it is the whole file). */
export function detectCsvLayout(sample: string, complete: boolean, forcedDelimiter?: string): CsvLayout {
  const sep = /^sep=(.)(\r\n|\r|\n|$)/i.exec(sample);
  if (sep) return { delimiter: forcedDelimiter ?? sep[1]!, headerLine: 2 };

  const candidates: Candidate[] = [];
  const firsts: { delimiter: string; record: CsvRecord }[] = [];
  for (const delimiter of forcedDelimiter !== undefined ? [forcedDelimiter] : DELIMITERS) {
    const records = sampleRecords(sample, delimiter, complete, 60);
    if (!records || records.length === 0) continue;
    firsts.push({ delimiter, record: records[0]! });
    const candidate = candidateFor(records, delimiter);
    if (candidate) candidates.push(candidate);
  }
  candidates.sort((a, b) => b.agreement - a.agreement || a.index - b.index || b.width - a.width);
  const best = candidates[0];
  if (best) return { delimiter: best.delimiter, headerLine: best.headerLine };
  // Nothing agrees (a single column, or rows of all widths): the first line is the header,
  // split by the delimiter that makes it widest; ragged rows are then reported one by one.
  firsts.sort((a, b) => b.record.fields.length - a.record.fields.length);
  const widest = firsts[0];
  if (widest && widest.record.fields.length >= 2) return { delimiter: widest.delimiter, headerLine: widest.record.line };
  return { delimiter: forcedDelimiter ?? ',', headerLine: firsts.find((f) => f.delimiter === (forcedDelimiter ?? ','))?.record.line ?? 1 };
}
