// Where a preview runs: a small file's in the calling thread (no worker start), a big file's
// in the import worker, so the app's thread is not held up for seconds.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../../../test/helpers/temp.ts';
import { filesDirFor } from '../services/context.ts';
import type { ImportRunner } from '../services/imports.ts';
import { openStore } from '../store/open.ts';
import { IN_PROCESS_PREVIEW_BYTES, workerRunner } from './runner.ts';

const dir = tempDir('tillit-runner-');

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
});
