// A file that cannot be imported, with where: the message names the file and, where it
// applies, the row and column, so the user can open the file and fix it.

export class ImportFileError extends Error {
  readonly code: string;
  readonly file: string;
  readonly row: number | null;
  readonly column: number | null;

  constructor(code: string, file: string, message: string, row: number | null = null, column: number | null = null) {
    const where = [row !== null ? `row ${row}` : null, column !== null ? `column ${column}` : null].filter(Boolean).join(', ');
    super(`${file}${where ? ` (${where})` : ''}: ${message}`);
    this.name = 'ImportFileError';
    this.code = code;
    this.file = file;
    this.row = row;
    this.column = column;
  }
}
