// Reading and preparing in a worker thread (big files) gives exactly what doing it in the
// import's own thread gives: the same report, the same contacts, ledger and import rows,
// the same error for a broken file, and a cancel still leaves the store as it was.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../../../test/helpers/temp.ts';
import { filesDirFor } from '../services/context.ts';
import { openStore, type DB } from '../store/open.ts';
import { runImport, type ImportHooks, type ImportRequest } from './pipeline.ts';
import { PREPARE_IN_WORKER_BYTES, prepareThreadFor } from './prepared-batches.ts';

const dir = tempDir('tillit-prepared-');
const CLOCK = { today: '2026-03-01', now: '2026-03-01T09:00:00.000Z' };

/** A messy list: repeats in other case, bad and role addresses, quoted multi-line notes, per-row consent. */
function messyCsv(rows: number): string {
  const lines = ['E-post;Fornavn;Etternavn;Firma;Notat;Samtykke;Kilde'];
  for (let i = 0; i < rows; i++) {
    const email = i % 17 === 5 ? `ikke-adresse-${i}` : i % 23 === 7 ? `post@firma${i}.no` : i % 11 === 3 ? `Kunde${i - 1}@Firma.no ` : `kunde${i}@firma.no`;
    const note = i % 13 === 0 ? `"Sa ""ja"" på\nstanden; ${i}"` : '';
    const consent = i % 5 === 0 ? 'ja' : i % 7 === 0 ? 'kanskje' : '';
    lines.push(`${email};Ødegård ${i};Æsøy;Bakeriet ${i % 9} AS;${note};${consent};${i % 3 === 0 ? 'nettskjema' : ''}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

function dump(db: DB): unknown {
  return {
    contacts: db.prepare('SELECT * FROM contacts ORDER BY id').raw().all(),
    events: db.prepare('SELECT * FROM consent_events ORDER BY id').raw().all(),
    rows: db.prepare('SELECT * FROM import_rows ORDER BY row_number').raw().all(),
  };
}

async function importIn(thread: 'here' | 'worker', file: string, hooks: ImportHooks = {}, dbPath = tempDbPath(dir)) {
  const db = openStore(dbPath);
  const request: ImportRequest = { filePath: file, fileName: path.basename(file), source: 'event-booth', collectedAt: '2026-02-20', basis: null, brand: null, dryRun: false };
  try {
    const { report, preview } = await runImport(db, filesDirFor(dbPath), request, CLOCK, { ...hooks, prepareThread: thread });
    return { report: { ...report, durationMs: 0 }, preview, store: dump(db) };
  } finally {
    db.close();
  }
}

describe('prepared batches from a worker thread', () => {
  it('import the same as in the import’s own thread, row for row', async () => {
    const file = path.join(dir, 'messy.csv');
    fs.writeFileSync(file, messyCsv(5_000)); // several batches
    const here = await importIn('here', file);
    const worker = await importIn('worker', file);
    expect(here.report).toMatchObject({ rows: 5_000 });
    expect(here.report.rejected).toBeGreaterThan(0);
    expect(here.report.duplicates).toBeGreaterThan(0);
    expect(worker.report).toEqual(here.report);
    expect(worker.store).toEqual(here.store);
  }, 60_000);

  it.each([
    [1024, false, 'csv', 'here'],
    [PREPARE_IN_WORKER_BYTES, false, 'csv', 'here'],
    [PREPARE_IN_WORKER_BYTES + 1, false, 'csv', 'worker'],
    [PREPARE_IN_WORKER_BYTES + 1, false, 'vcard', 'worker'],
    [PREPARE_IN_WORKER_BYTES + 1, true, 'csv', 'here'],
    [PREPARE_IN_WORKER_BYTES + 1, false, 'xlsx', 'here'],
  ] as const)('a file of %i bytes, dry run %s, %s, is prepared: %s', (size, dryRun, format, thread) => {
    expect(prepareThreadFor(size, dryRun, format)).toBe(thread);
  });

  it('a broken file fails with the same message, row and column', async () => {
    const file = path.join(dir, 'broken.csv');
    fs.writeFileSync(file, `${messyCsv(3_000)}"unclosed;quote\r\nmore;rows\r\n`);
    const failure = async (thread: 'here' | 'worker') => importIn(thread, file).then(() => null, (error: unknown) => error);
    const here = await failure('here');
    const worker = await failure('worker');
    expect(here).toMatchObject({ code: 'import-failed', message: expect.stringMatching(/^broken\.csv \(row \d+, column 1\): /) as string });
    expect(worker).toEqual(here);
    expect((worker as { details: unknown }).details).toEqual((here as { details: unknown }).details);
  }, 60_000);

  it('a cancel stops the worker and leaves the store as it was', async () => {
    const file = path.join(dir, 'cancelled.csv');
    fs.writeFileSync(file, messyCsv(20_000));
    const dbPath = tempDbPath(dir);
    const controller = new AbortController();
    let batchesSeen = 0;
    const failure = await importIn('worker', file, {
      signal: controller.signal,
      onProgress: (step) => {
        if (step === 'reading' && ++batchesSeen === 3) controller.abort();
      },
    }, dbPath).then(() => null, (error: unknown) => error);
    expect(failure).toMatchObject({ code: 'conflict', message: 'The import was cancelled; nothing was changed.' });
    const db = openStore(dbPath);
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM contacts) + (SELECT COUNT(*) FROM consent_events) + (SELECT COUNT(*) FROM imports)').pluck().get()).toBe(0);
    db.close();
  }, 60_000);
});
