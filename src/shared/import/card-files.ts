// Business-card and phone apps export a folder of vCard files, one card each. Tillit imports
// such a set as ONE import (one unit to undo, one original kept as evidence): the files are
// joined, in name order, into one vCard file. Only card files can be joined this way; two
// spreadsheets would each bring their own header row.

const CARD_EXTENSIONS = ['.vcf', '.vcard'];

export function isCardFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return CARD_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** The order the files are joined in: by name, numbers as numbers (kort-2 before kort-10). */
export function byCardFileName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * The name the joined set is known by: the folder's, or how many files it holds. No extension:
 * it names the set the user chose, not a file of that name (there is none).
 */
export function joinedCardsName(count: number, folder?: string): string {
  return folder ? `${folder} (${count} vCard files)` : `${count} vCard files`;
}

/** Between two files: a line break, so a file without a final one cannot run into the next card. */
export const CARD_FILE_SEPARATOR = '\r\n';
