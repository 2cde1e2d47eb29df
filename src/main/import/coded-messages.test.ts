// What main tells the UI about a file and its rows comes with a code and the values the
// sentence names, so the UI can say it in its own language: a file the reader refused (the
// 'import-failed' error's details), a row the reader could not read, a consent cell that
// could not be read. The English text stays main's own.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp.ts';
import type { FileErrorDetails } from '../../shared/contract/dto.ts';
import { AppError } from '../../shared/contract/envelope.ts';
import type { FieldKey } from '../../shared/import/mapping.ts';
import { sniff } from './pipeline.ts';
import { RowPreparer, type PreparedRow } from './prepare.ts';
import { readRecords, sniffFile } from './read/index.ts';

const dir = tempDir('tillit-coded-');

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function prepareAll(file: string, fields: FieldKey[]): Promise<PreparedRow[]> {
  const sniffed = await sniffFile(file);
  const preparer = new RowPreparer({
    headers: sniffed.headers,
    mapping: { layout: null, fields },
    batch: { source: 'event-booth', collectedAt: '2026-05-01', basis: null, brand: null },
    settings: { brand: null, policy: 'default', statusesAsOf: null },
    asOf: '2026-11-29',
    erased: [],
  });
  const rows: PreparedRow[] = [];
  for await (const batch of readRecords(file, sniffed)) for (const record of batch) rows.push(preparer.prepare(record));
  return rows;
}

describe('row messages', () => {
  it('a row the reader could not read is refused with its code; an unreadable consent cell is a coded warning naming its column', async () => {
    const file = write('rows.csv', 'E-post;Påmeldt;Samtykke\nola@bakeri.no;31.02.2024;kanskje\nkari@bakeri.no;05.03.2024\n');
    const [ola, kari] = await prepareAll(file, ['email', 'collectedAt', 'consent']);
    expect(ola).toMatchObject({
      refused: null,
      warnings: [
        { text: 'Påmeldt: “31.02.2024” is not a real calendar date', code: 'date-not-real', params: { column: 'Påmeldt', value: '31.02.2024' } },
        { text: 'Samtykke: “kanskje” is not a yes or a no', code: 'flag-unknown', params: { column: 'Samtykke', value: 'kanskje' } },
      ],
    });
    expect(kari!.refused).toEqual({ text: 'row 3 has 2 fields, the header has 3', code: 'ragged-row', params: { row: 3, count: 2, width: 3 } });
  });

  it('a vCard without its end is refused with its code', async () => {
    const file = write('cards.vcf', 'BEGIN:VCARD\nEMAIL:a@x.no\nBEGIN:VCARD\nEMAIL:b@x.no\nEND:VCARD\n');
    const [first, second] = await prepareAll(file, ['email', 'otherEmails', 'firstName', 'lastName', 'fullName', 'company', 'title', 'phone', 'city', 'country', 'tags', 'note']);
    expect(first!.refused).toEqual({ text: 'card 1 (line 1) is not closed with END:VCARD', code: 'card-not-closed', params: { card: 1, line: 1 } });
    expect(second!.refused).toBeNull();
  });
});

describe('file errors', () => {
  let uploads = 0;
  /** The error sniffing a staged upload (stored under a name of Tillit's) gives for the user's file. */
  async function sniffError(content: string, fileName: string): Promise<AppError> {
    const file = write(`upload-${++uploads}.csv`, content);
    try {
      await sniff(file, fileName);
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected an AppError');
  }

  it('an import-failed error names the user’s file and carries the code, where, params and parts', async () => {
    const error = await sniffError('Email,,email\na,b,c\n', 'Kunder.csv');
    expect(error.code).toBe('import-failed');
    expect(error.message).toBe(
      'Kunder.csv (row 1, column 2): the header row has problems: column 2 has no name; columns 1 and 3 have the same name, “Email”. Give every column its own name (or delete the column) and import again',
    );
    const details: FileErrorDetails = {
      code: 'bad-headers',
      file: 'Kunder.csv',
      row: 1,
      column: 2,
      params: {},
      parts: [
        { code: 'header-unnamed', params: { count: 1, columns: '', last: 2 } },
        { code: 'header-duplicate', params: { count: 2, columns: '1', last: 3, name: 'Email' } },
      ],
    };
    expect(error.details).toEqual(details);
  });

  it('a whole-file error has no row, column or parts', async () => {
    const error = await sniffError(',,,\n', 'Tom liste.csv');
    expect(error.message).toBe('Tom liste.csv: the file has no rows (only blank lines)');
    expect(error.details).toStrictEqual({ code: 'only-blank-rows', file: 'Tom liste.csv', row: null, column: null, params: {} });
  });
});
