// Temp folders for tests that use real SQLite files; removed after each test file.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export function tempDir(prefix = 'tillit-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

let counter = 0;
/** A fresh database path inside a temp folder. */
export function tempDbPath(dir: string): string {
  counter += 1;
  return path.join(dir, `workspace-${process.pid}-${counter}.sqlite`);
}
