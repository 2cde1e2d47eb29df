// Where a preview runs: a small text file's in the calling thread (no worker start), a big
// file's in the import worker, so the app's thread is not held up for seconds, and every
// spreadsheet's there too, whatever its size, since it may unpack to gigabytes.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../../../test/helpers/temp.ts';
import { filesDirFor } from '../services/context.ts';
import type { ImportRunner } from '../services/imports.ts';
import { openStore } from '../store/open.ts';
import { craftedXlsx, hugeTextStrings } from '../../../test/helpers/xlsx-craft.ts';
import { IN_PROCESS_PREVIEW_BYTES, workerRunner } from './runner.ts';

const dir = tempDir('tillit-runner-');
const clock = { today: '2026-01-10', now: '2026-01-10T10:00:00.000Z' };

/** A runner that fails when the preview runs in this thread, and whether it did. */
function thisThread(): { here: ImportRunner; called: () => boolean } {
  let called = false;
  return {
    here: () => {
      called = true;
      return Promise.reject(new Error('ran in this thread'));
    },
    called: () => called,
  };
}

describe('workerRunner previews', () => {
  it.each([
    ['a small file, in this thread', 100, true],
    ['a file over the limit, in the worker', Math.ceil(IN_PROCESS_PREVIEW_BYTES / 10), false],
  ])('%s', async (_name, rows, inThisThread) => {
    const dbPath = tempDbPath(dir);
    openStore(dbPath).close();
    const file = path.join(dir, `preview-${rows}.csv`);
    fs.writeFileSync(file, `email\n${Array.from({ length: rows }, (_, i) => `p${i}@ex.no`).join('\n')}\n`); // 10–14 bytes a row
    expect(fs.statSync(file).size > IN_PROCESS_PREVIEW_BYTES).toBe(!inThisThread);
    let calledHere = false;
    const here: ImportRunner = () => {
      calledHere = true;
      return Promise.reject(new Error('ran in this thread'));
    };
    const run = workerRunner(dbPath, filesDirFor(dbPath), here)(
      { filePath: file, fileName: 'preview.csv', source: 'web-form', collectedAt: '2026-01-01', basis: null, brand: null, dryRun: true },
      { today: '2026-01-10', now: '2026-01-10T10:00:00.000Z' },
      {},
    );
    if (inThisThread) await expect(run).rejects.toThrow('ran in this thread');
    else expect((await run).report).toMatchObject({ rows, added: rows, dryRun: true });
    expect(calledHere).toBe(inThisThread);
  }, 60_000);

  it('a small spreadsheet, in the worker all the same', async () => {
    const dbPath = tempDbPath(dir);
    openStore(dbPath).close();
    const file = path.join(dir, 'small.xlsx');
    fs.writeFileSync(file, craftedXlsx());
    expect(fs.statSync(file).size).toBeLessThan(2048);
    const { here, called } = thisThread();
    const outcome = await workerRunner(dbPath, filesDirFor(dbPath), here)(
      { filePath: file, fileName: 'small.xlsx', source: 'web-form', collectedAt: '2026-01-01', basis: null, brand: null, dryRun: true },
      clock,
      {},
    );
    expect(outcome.report).toMatchObject({ rows: 2, added: 2, dryRun: true });
    expect(called()).toBe(false);
  }, 60_000);

  it('a 0.5 MB spreadsheet that unpacks to a 500 MB text: refused in the worker with the reader error, this thread untouched', async () => {
    const dbPath = tempDbPath(dir);
    openStore(dbPath).close();
    const file = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(file, craftedXlsx(hugeTextStrings(500_000_000)));
    expect(fs.statSync(file).size).toBeLessThan(600_000);
    const { here, called } = thisThread();
    const before = process.memoryUsage().rss;
    const run = workerRunner(dbPath, filesDirFor(dbPath), here)(
      { filePath: file, fileName: 'bomb.xlsx', source: 'web-form', collectedAt: '2026-01-01', basis: null, brand: null, dryRun: true },
      clock,
      {},
    );
    await expect(run).rejects.toMatchObject({
      code: 'import-failed',
      details: { code: 'xlsx-xml-too-long', file: 'bomb.xlsx', params: { part: 'xl/sharedStrings.xml', size: '1 MiB' } },
    });
    expect(called()).toBe(false);
    // The worker's heap is its own and bounded; this thread's memory barely moves.
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  }, 60_000);
});

