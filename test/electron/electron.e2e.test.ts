// The desktop app end to end, through Playwright's Electron driver. It needs the Electron
// binary, which npm cannot download on machines without internet access: there the test is
// reported as skipped, with the reason.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../helpers/temp.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The Electron binary's path if it is installed, without triggering its download. */
function electronBinary(): string | null {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const built = fs.existsSync(path.join(root, 'out/main/index.js'));
const reason = !binary
  ? 'the Electron binary is not installed (it downloads on first use, and this machine has no internet access)'
  : 'the app is not built (run npm run build)';

const runnable = binary !== null && built;
// Said out loud, so a skipped run shows why in the test output.
if (!runnable) console.warn(`Electron end-to-end test skipped: ${reason}.`);

describe(runnable ? 'Electron app' : `Electron app — skipped: ${reason}`, () => {
  it.skipIf(!runnable)('opens a sandboxed window with the app frame, no Node in the renderer', async (ctx) => {
    if (!binary || !built) return ctx.skip(reason);
    const dir = tempDir('tillit-electron-');
    const app = await electron.launch({ executablePath: binary, args: [root, '--no-sandbox'], env: { ...process.env, TILLIT_DB: tempDbPath(dir) } });
    try {
      const window = await app.firstWindow();
      await window.getByTestId('nav-contacts').waitFor();
      await window.screenshot({ path: path.join(root, 'test-results/electron.png') });
      const exposed = await window.evaluate(() => ({
        tillit: typeof (window as unknown as { tillit?: unknown }).tillit,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({ tillit: 'object', require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
    }
  });
});
