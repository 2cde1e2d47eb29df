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

/** "64 KiB", "1 MiB": limits as a person reads them. */
export function formatSize(chars: number): string {
  if (chars >= 1024 ** 3) return `${chars / 1024 ** 3} GiB`;
  if (chars >= 1024 ** 2) return `${chars / 1024 ** 2} MiB`;
  if (chars >= 1024) return `${chars / 1024} KiB`;
  return `${chars}`;
}
