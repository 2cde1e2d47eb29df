// `npm start` on a machine where the Electron binary cannot be obtained: one line saying so,
// then browser mode with its URL. (Where Electron is installed this would open a window, so
// the test is skipped there, saying why.)

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from './helpers/temp.ts';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const electronInstalled = fs.existsSync(path.join(electronDir, 'path.txt'));

describe(electronInstalled ? 'npm start — skipped: Electron is installed here, it would open a window' : 'npm start without Electron', () => {
  it.skipIf(electronInstalled)('says so in one line and starts browser mode, printing the URL', async () => {
    const dir = tempDir('tillit-start-');
    const child = spawn(process.execPath, [path.join(root, 'scripts/start.js')], {
      cwd: root,
      // The build is npm test's own first step; rebuilding here would pull out/ from under the e2e tests.
      env: { ...process.env, TILLIT_DB: tempDbPath(dir), DISPLAY: '', TILLIT_START_SKIP_BUILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 120 s:\n${output}`)), 120_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (/Tillit is running at http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/.test(output)) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
      });
      const notices = output.split('\n').filter((line) => line.includes('Electron is not available'));
      expect(notices).toEqual(['Electron is not available on this machine (its binary could not be downloaded); starting Tillit in browser mode instead.']);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  }, 150_000);
});
