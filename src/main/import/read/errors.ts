// A file that cannot be imported, with where: the message names the file and, where it
// applies, the row and column, so the user can open the file and fix it. `code` is stable
// for programs (the pipeline, the UI, tests); the message is for people, in English. `params`
// (and a bad header row's `parts`) hold the values the message names, so the UI can say the
// same sentence in its own language from the code.

import type { CodedMessage, FileErrorCode, HeaderProblem, MessageParams } from '../../../shared/contract/dto.ts';

export type ImportFileErrorCode = FileErrorCode;

export interface ImportFileErrorOptions {
  row?: number | null;
  column?: number | null;
  params?: MessageParams;
  parts?: HeaderProblem[];
}

export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;
  /** The file's name (not its path). */
  readonly file: string;
  /** 1-based: the line in a text file, the row in a sheet; null when the whole file is at fault. */
  readonly row: number | null;
  /** 1-based column (field) number, or null. */
  readonly column: number | null;
  readonly params: MessageParams;
  readonly parts: HeaderProblem[] | undefined;

  constructor(code: ImportFileErrorCode, file: string, message: string, options: ImportFileErrorOptions = {}) {
    const { row = null, column = null, params = {}, parts } = options;
    const where = [row !== null ? `row ${row}` : null, column !== null ? `column ${column}` : null].filter(Boolean).join(', ');
    super(`${file}${where ? ` (${where})` : ''}: ${message}`);
    this.name = 'ImportFileError';
    this.code = code;
    this.file = file;
    this.row = row;
    this.column = column;
    this.params = params;
    this.parts = parts;
  }
}

/** A problem with one record (a ragged row, an unclosed card): English text, and a code with its values for the UI. */
export type RecordError = Required<CodedMessage>;

/**
 * Why the operating system would not open a file, as the user can act on it: the file was
 * moved, Tillit may not read it (a folder macOS protects, a file's permissions), or another
 * program holds it. Other errors name the system's code.
 */
export function openError(name: string, error: unknown): ImportFileError {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EISDIR':
      return new ImportFileError('not-a-file', name, 'this is not a file');
    case 'ENOENT':
    case 'ENOTDIR':
      return new ImportFileError('file-missing', name, 'the file is not there any more (moved, renamed or deleted?); choose it again');
    case 'EACCES':
    case 'EPERM':
      return new ImportFileError(
        'no-permission',
        name,
        'Tillit is not allowed to read the file (on a Mac: System Settings › Privacy & Security › Files and Folders); allow it, or copy the file to another folder and import the copy',
      );
    case 'EBUSY':
      return new ImportFileError('file-in-use', name, 'another program is using the file; close it there (Excel?) and try again');
    default: {
      const reason = code ?? (error as Error).message;
      return new ImportFileError('cannot-open', name, `the file cannot be opened (${reason})`, { params: { reason } });
    }
  }
}
