// Caps that keep a hostile or broken file from eating the machine's memory. Each one ends
// the import with an ImportFileError that says where the file went wrong; none of them is
// near anything a real contact list needs.

export const LIMITS = {
  /** Larger files are refused before any reading (a contact list of 2 GiB is ~15 million rows). */
  maxFileBytes: 2 * 1024 ** 3,
  /** Columns in one row. The widest real export (Outlook) has under 100. */
  maxColumns: 1000,
  /** Characters in one field (Excel's own cell limit is 32,767). */
  maxFieldChars: 64 * 1024,
  /** Characters in one record: a CSV row, or a vCard without its embedded photos. */
  maxRecordChars: 1024 * 1024,
  /** Bytes read from the start of a file to sniff it. */
  sniffBytes: 256 * 1024,
  /** Data rows shown in the preview. */
  sampleRows: 20,
  /** Default and bounds for the number of records per batch that readRecords yields. */
  defaultBatchSize: 2000,
  minBatchSize: 1,
  maxBatchSize: 5000,
  /** Read-stream chunk size: small enough that one chunk never holds many batches. */
  chunkBytes: 64 * 1024,
} as const;

/**
 * Caps for a spreadsheet (.xlsx, a ZIP of XML parts), which unpacks to far more than its size:
 * a crafted 0.5 MB file once took the loopback server to 2.2 GB. Each cap is checked against
 * what the ZIP's directory declares AND against the bytes actually inflated, so a lying header
 * does not get past. Sized from Excel's own maximum sheet (1,048,576 rows): a contact list of
 * that many rows with 8 text columns is about 400 MB of sheet XML and 3 million distinct texts
 * (about 100 MB) in the shared-string table, well inside every cap.
 */
export interface XlsxLimits {
  /** Bytes one part (a sheet, the shared strings) may unpack to. */
  partBytes: number;
  /** Bytes all parts together may unpack to (the same 2 GiB a CSV may have). */
  totalBytes: number;
  /** Texts in the shared-string table: 16 distinct texts for each of Excel's rows. */
  sharedStrings: number;
  /** Characters of text in the shared-string table. */
  sharedStringChars: number;
  /** Bytes the shared-string table's temporary file may grow to (xlsx-shared-strings.ts). */
  spillBytes: number;
  /** XML nesting: a sheet's cells are 4–7 levels deep; deeper is a file built to exhaust memory. */
  xmlDepth: number;
  /** Characters of one XML text or tag: a cell holds at most 32,767 characters, escaped at most 10 bytes each. */
  xmlRunChars: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  partBytes: 1024 ** 3,
  totalBytes: 2 * 1024 ** 3,
  sharedStrings: 16 * 1024 * 1024,
  sharedStringChars: 512 * 1024 * 1024,
  spillBytes: 2 * 1024 ** 3,
  xmlDepth: 100,
  xmlRunChars: 1024 * 1024,
};

/** "64 KiB", "1 MiB": limits as a person reads them. */
export function formatSize(chars: number): string {
  if (chars >= 1024 ** 3) return `${chars / 1024 ** 3} GiB`;
  if (chars >= 1024 ** 2) return `${chars / 1024 ** 2} MiB`;
  if (chars >= 1024) return `${chars / 1024} KiB`;
  return `${chars}`;
}
