// A file that cannot be imported, with where: the message names the file and, where it
// applies, the row and column, so the user can open the file and fix it. `code` is stable
// for programs (the pipeline, the UI, tests); the message is for people.

export type ImportFileErrorCode =
  | 'empty'
  | 'no-header'
  | 'no-rows'
  | 'bad-headers'
  | 'binary'
  | 'old-excel'
  | 'not-xlsx'
  | 'bad-xlsx'
  | 'no-sheet'
  | 'too-large'
  | 'bad-encoding'
  | 'unterminated-quote'
  | 'field-too-long'
  | 'record-too-long'
  | 'too-many-columns'
  | 'bad-option';

export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;
  /** The file's name (not its path). */
  readonly file: string;
  /** 1-based: the line in a text file, the row in a sheet; null when the whole file is at fault. */
  readonly row: number | null;
  /** 1-based column (field) number, or null. */
  readonly column: number | null;

  constructor(code: ImportFileErrorCode, file: string, message: string, row: number | null = null, column: number | null = null) {
    const where = [row !== null ? `row ${row}` : null, column !== null ? `column ${column}` : null].filter(Boolean).join(', ');
    super(`${file}${where ? ` (${where})` : ''}: ${message}`);
    this.name = 'ImportFileError';
    this.code = code;
    this.file = file;
    this.row = row;
    this.column = column;
  }
}
