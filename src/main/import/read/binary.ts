// Files that are not text. papaparse parses ZIP and XLSX bytes "successfully" into garbage,
// so the kind of file is decided from its first bytes before any text parser runs.

import type { FileErrorCode } from '../../../shared/contract/dto.ts';
import { ImportFileError } from './errors.ts';

export type BinaryKind = 'zip' | 'ole' | 'png' | 'jpeg' | 'gif' | 'pdf' | 'gzip' | 'rtf' | 'other';

const SIGNATURES: [BinaryKind, number[]][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]], // an empty ZIP archive
  ['ole', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]], // old .xls/.doc, and password-protected .xlsx
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['gzip', [0x1f, 0x8b]],
  ['rtf', [0x7b, 0x5c, 0x72, 0x74, 0x66]], // {\rtf
];

/** A known non-text file format from the first bytes, or null. */
export function binarySignature(head: Uint8Array): BinaryKind | null {
  for (const [kind, bytes] of SIGNATURES) {
    if (bytes.every((b, i) => head[i] === b)) return kind;
  }
  return null;
}

/** NUL bytes do not occur in text (other than UTF-16, which is checked first). */
export function hasNulBytes(head: Uint8Array): boolean {
  return head.includes(0);
}

/** What to tell the user about a file that is not a contact list Tillit reads. */
export function binaryMessage(kind: BinaryKind): string {
  const save = 'Save the list as CSV (comma or semicolon separated), vCard (.vcf) or Excel (.xlsx) and import that file.';
  switch (kind) {
    case 'ole':
      return `this is an old-style Excel file (.xls) — or a password-protected spreadsheet. Open it in Excel or LibreOffice (removing any password) and save it as .xlsx or CSV.`;
    case 'png':
    case 'jpeg':
    case 'gif':
      return `this is an image, not a contact list. ${save}`;
    case 'pdf':
      return `this is a PDF document; Tillit cannot read contacts from a PDF. ${save}`;
    case 'gzip':
      return `this is a compressed (gzip) file. Unpack it first, then import the file inside.`;
    case 'rtf':
      return `this is a Rich Text (RTF) document, not plain text. ${save}`;
    case 'zip':
      return `this is a ZIP archive, not a spreadsheet. Unpack it and import the file inside, or save the list as .xlsx or CSV.`;
    case 'other':
      return `this is not a text file (it contains binary data). ${save}`;
  }
}

/** One code per message above; an OLE file is most likely an old Excel file. */
const CODES: Record<BinaryKind, FileErrorCode> = {
  ole: 'old-excel',
  png: 'binary-image',
  jpeg: 'binary-image',
  gif: 'binary-image',
  pdf: 'binary-pdf',
  gzip: 'binary-gzip',
  rtf: 'binary-rtf',
  zip: 'binary-zip',
  other: 'binary',
};

/** The error for a file of this kind. */
export function binaryError(file: string, kind: BinaryKind): ImportFileError {
  return new ImportFileError(CODES[kind], file, binaryMessage(kind));
}
