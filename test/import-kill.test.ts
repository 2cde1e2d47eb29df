// An import is all-or-nothing: killing the real import process half-way leaves the store
// exactly as it was before the import started.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateContactsCsv } from '../bench/generate.ts';
import { BIN, tillit, tillitJson } from './helpers/cli.ts';
import { tempDbPath, tempDir } from './helpers/temp.ts';

const dir = tempDir('tillit-kill-');

interface Contact {
  email: string;
  status: string;
}

describe('killing an import', () => {
  it('leaves the store as it was (SIGKILL mid-import)', async () => {
    const db = tempDbPath(dir);
    tillit(db, ['consent', 'add', 'before@example.no', '--source', 'web-form', '--date', '2026-01-01']);
    const before = tillitJson<Contact[]>(db, ['list']);
    const verifyBefore = tillitJson<{ checked: number }>(db, ['verify']);

    const big = path.join(dir, 'big.csv');
    generateContactsCsv(big, { rows: 300_000, seed: 7 });
    const child = spawn(process.execPath, [BIN, '--db', db, 'import', big, '--source', 'web-form'], { stdio: 'ignore' });
    // Kill it once it is writing: the WAL grows while the transaction is open.
    const wal = `${db}-wal`;
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      if (fs.existsSync(wal) && fs.statSync(wal).size > 2 * 1024 * 1024) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(child.exitCode).toBeNull(); // still running: we kill it mid-way, not after
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    expect(tillitJson<Contact[]>(db, ['list'])).toEqual(before);
    expect(tillitJson<{ intact: boolean; checked: number }>(db, ['verify'])).toMatchObject({ intact: true, checked: verifyBefore.checked });
    expect(tillitJson<{ total: number }>(db, ['status']).total).toBe(1);
  });
});
