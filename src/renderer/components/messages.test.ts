// Messages from main in the UI's language: a file the reader refused and a row's coded reason
// or warning read in Norwegian; English shows main's own text; what the UI has no code for
// stays main's English. The inputs are shaped as main sends them (coded-messages.test.ts
// checks that side).

import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CodedMessage, FileErrorDetails } from '../../shared/contract/dto.ts';
import { ApiCallError } from '../../shared/contract/envelope.ts';
import i18n from '../i18n/index.ts';
import { errorMessage } from '../util/errors.ts';
import { appErrorText, fileErrorText, messageText, rejectedReason } from './messages.ts';

// i18n/index.ts reads the stored language and sets the document's at load; the unit tests run in Node.
vi.hoisted(() => {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
  vi.stubGlobal('document', { documentElement: {} });
});
afterAll(() => vi.unstubAllGlobals());

function importFailed(message: string, details?: unknown): ApiCallError {
  return new ApiCallError({ code: 'import-failed', message, details });
}

const badHeaders: FileErrorDetails = {
  code: 'bad-headers',
  file: 'Kunder.csv',
  row: 1,
  column: 2,
  params: {},
  parts: [
    { code: 'header-unnamed', params: { count: 2, columns: '2', last: 3 } },
    { code: 'header-proto', params: { count: 1, columns: '', last: 4 } },
    { code: 'header-duplicate', params: { count: 3, columns: '1, 5', last: 6, name: 'E-post' } },
  ],
};

/** Errors as main sends them with a sentence code (workspace.test.ts checks that side), and their Norwegian. */
const appErrors: [string, ApiCallError, string][] = [
  [
    'an import refused for a missing e-mail column',
    new ApiCallError({
      code: 'import-failed',
      message: 'liste.csv has no e-mail column (columns: Navn, Kontakt). Map one column to "email".',
      messageCode: 'import-no-email-column',
      messageParams: { file: 'liste.csv', columns: 'Navn, Kontakt' },
    }),
    'liste.csv har ingen e-postkolonne (kolonner: Navn, Kontakt). Velg hvilken kolonne som er E-post.',
  ],
  [
    'an undo of an undone import',
    new ApiCallError({
      code: 'conflict',
      message: 'Import 2 (kunder.csv) was already undone on 2026-01-10T10:00:00.000Z.',
      messageCode: 'import-already-undone',
      messageParams: { importId: 2, file: 'kunder.csv', undoneAt: '2026-01-10T10:00:00.000Z' },
    }),
    'Importen av kunder.csv ble allerede angret 2026-01-10T10:00:00.000Z.',
  ],
  [
    'a second import while one runs',
    new ApiCallError({ code: 'conflict', message: 'Another import is running; wait for it to finish or cancel it.', messageCode: 'import-running' }),
    'En annen import pågår; vent til den er ferdig, eller avbryt den.',
  ],
];

const fileErrors: [string, ApiCallError, string][] = [
  [
    'a bad header row, with its parts',
    importFailed(
      'Kunder.csv (row 1, column 2): the header row has problems: columns 2 and 3 have no name; column 4 is called “__proto__”, which cannot be a column name; columns 1, 5 and 6 have the same name, “E-post”. Give every column its own name (or delete the column) and import again',
      badHeaders,
    ),
    'Kunder.csv (rad 1, kolonne 2): overskriftsraden har feil: kolonnene 2 og 3 har ikke noe navn; kolonne 4 heter «__proto__», som ikke kan brukes som kolonnenavn; kolonnene 1, 5 og 6 har samme navn, «E-post». Gi hver kolonne sitt eget navn (eller slett kolonnen), og importer på nytt',
  ],
  [
    'an unclosed quote (row and column)',
    importFailed(
      'liste.csv (row 5, column 3): a quoted field opens here and is never closed (a " is missing), so the rest of the file would be read as one field. Add the missing quote and import again',
      { code: 'unterminated-quote', file: 'liste.csv', row: 5, column: 3, params: {} },
    ),
    'liste.csv (rad 5, kolonne 3): et felt i anførselstegn begynner her og blir aldri avsluttet (det mangler en "), så resten av filen ville blitt lest som ett felt. Legg til anførselstegnet som mangler, og importer på nytt',
  ],
  [
    'a sheet without rows (row only, a param)',
    importFailed('kunder.xlsx (row 1): the sheet “Ark1” has a header row but no rows to import', { code: 'no-sheet-rows', file: 'kunder.xlsx', row: 1, column: null, params: { sheet: 'Ark1' } }),
    'kunder.xlsx (rad 1): arket «Ark1» har en overskriftsrad, men ingen rader å importere',
  ],
  [
    'a missing sheet (the whole file)',
    importFailed('kunder.xlsx: there is no sheet called “Ark3” (the sheets are: “Kunder”, “Leverandører”)', {
      code: 'no-sheet',
      file: 'kunder.xlsx',
      row: null,
      column: null,
      params: { sheet: 'Ark3', sheets: 'Kunder, Leverandører' },
    }),
    'kunder.xlsx: det finnes ikke noe ark som heter «Ark3» (arkene er: Kunder, Leverandører)',
  ],
  [
    'a file too large',
    importFailed('stor.csv: the file is larger than 2 GiB; split it into smaller files and import them one by one', { code: 'too-large', file: 'stor.csv', row: null, column: null, params: { size: '2 GiB' } }),
    'stor.csv: filen er større enn 2 GiB; del den opp i mindre filer og importer dem én og én',
  ],
];

const rowMessages: [string, CodedMessage, string][] = [
  ['a ragged row', { text: 'row 3 has 2 fields, the header has 3', code: 'ragged-row', params: { row: 3, count: 2, width: 3 } }, 'rad 3 har 2 felt, mens overskriftsraden har 3'],
  ['a ragged row of one field', { text: 'row 4 has 1 field, the header has 3', code: 'ragged-row', params: { row: 4, count: 1, width: 3 } }, 'rad 4 har 1 felt, mens overskriftsraden har 3'],
  ['an unclosed card', { text: 'card 2 (line 9) is not closed with END:VCARD', code: 'card-not-closed', params: { card: 2, line: 9 } }, 'kort 2 (linje 9) er ikke avsluttet med END:VCARD'],
  [
    'an impossible date',
    { text: 'Påmeldt: “31.02.2024” is not a real calendar date', code: 'date-not-real', params: { column: 'Påmeldt', value: '31.02.2024' } },
    'Påmeldt: «31.02.2024» er ikke en dato som finnes i kalenderen',
  ],
  ['neither yes nor no', { text: 'Samtykke: “kanskje” is not a yes or a no', code: 'flag-unknown', params: { column: 'Samtykke', value: 'kanskje' } }, 'Samtykke: «kanskje» er verken ja eller nei'],
];

describe('in Norwegian', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nb');
  });

  it.each(fileErrors)('a file error: %s', (_name, error, norwegian) => {
    expect(fileErrorText(error)).toBe(norwegian);
    expect(errorMessage(error)).toBe(norwegian);
  });

  it.each(rowMessages)('a row message: %s', (_name, message, norwegian) => {
    expect(messageText(message)).toBe(norwegian);
  });

  it('a rejected row’s reason', () => {
    const row = { rowNumber: 3, reason: 'row 3 has 2 fields, the header has 3', raw: 'a@x.no;Ola', code: 'ragged-row' as const, params: { row: 3, count: 2, width: 3 } };
    expect(rejectedReason(row)).toBe('rad 3 har 2 felt, mens overskriftsraden har 3');
  });

  it.each([
    ['nb', 'rad 5: ingen e-postadresse', 'Ingen e-postadresse'],
    ['en', 'row 5: no e-mail address', 'No e-mail address'],
  ])('beside the row column, a reason does not print the row number again (%s)', async (language, full, short) => {
    await i18n.changeLanguage(language);
    const row = { rowNumber: 5, reason: 'row 5: no e-mail address', raw: ';Ola', code: 'no-email' as const, params: { row: 5 } };
    expect(rejectedReason(row)).toBe(full);
    expect(rejectedReason(row, { withoutRow: true })).toBe(short);
    // A sentence that names the row in its own words keeps it.
    const ragged = { rowNumber: 3, reason: 'row 3 has 2 fields, the header has 3', raw: 'a', code: 'ragged-row' as const, params: { row: 3, count: 2, width: 3 } };
    expect(rejectedReason(ragged, { withoutRow: true })).toBe(rejectedReason(ragged));
    await i18n.changeLanguage('nb');
  });

  it.each(appErrors)('an error with a sentence code: %s', (_name, error, norwegian) => {
    expect(appErrorText(error)).toBe(norwegian);
    expect(errorMessage(error)).toBe(norwegian);
  });

  it('keeps main’s English for an error whose sentence code this UI does not know', () => {
    const newer = new ApiCallError({ code: 'conflict', message: 'Something new.', messageCode: 'something-new' as never });
    expect([appErrorText(newer), errorMessage(newer)]).toEqual([null, 'Something new.']);
  });

  it('keeps main’s English for an unknown code, an import failure without a reader code, and other errors', () => {
    const unknown = importFailed('x.csv: something new', { code: 'something-new', file: 'x.csv', row: null, column: null, params: {} });
    const noEmailColumn = importFailed('x.csv has no e-mail column (columns: Navn). Map one column to "email".');
    const other = new ApiCallError({ code: 'bad-request', message: 'bad', details: { code: 'empty' } });
    expect([unknown, noEmailColumn, other].map(fileErrorText)).toEqual([null, null, null]);
    expect([unknown, noEmailColumn, other].map(errorMessage)).toEqual(['x.csv: something new', 'x.csv has no e-mail column (columns: Navn). Map one column to "email".', 'bad']);
    expect(messageText({ text: 'row 2: something new' })).toBe('row 2: something new');
  });
});

describe('in English', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it.each(fileErrors)('a file error keeps main’s message: %s', (_name, error) => {
    expect(fileErrorText(error)).toBe(error.message);
    expect(errorMessage(error)).toBe(error.message);
  });

  it.each(appErrors)('an error with a sentence code keeps main’s message: %s', (_name, error) => {
    expect(appErrorText(error)).toBeNull();
    expect(errorMessage(error)).toBe(error.message);
  });

  it.each(rowMessages)('a row message keeps main’s text: %s', (_name, message) => {
    expect(messageText(message)).toBe(message.text);
  });
});
