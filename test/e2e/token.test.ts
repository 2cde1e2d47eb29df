// The token of browser mode stays out of the browser: opened as a user opens it (the redirect
// file tillit serve named), the app runs, a reload keeps it running, and no file of the
// browser's profile (history, favicons, session) holds the token. Before, the file sent the
// browser to …/#token=…, and Chromium's History database kept that address even after the
// page had cleaned the address bar.

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../helpers/temp.ts';
import { CHROMIUM, screenshotPath, startServe, type ServeProcess } from './harness.ts';

const dir = tempDir('tillit-e2e-token-');
let server: ServeProcess;

beforeAll(async () => {
  server = await startServe(tempDbPath(dir));
});

afterAll(async () => {
  await server?.stop();
});

/** Files under `folder` whose bytes contain `needle`. */
function filesContaining(folder: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && fs.readFileSync(p).includes(needle)) hits.push(path.relative(folder, p));
    }
  };
  walk(folder);
  return hits;
}

describe('the token in the browser', () => {
  it('opens from the redirect file, survives a reload, and is nowhere in the browser profile afterwards', async () => {
    const token = server.appUrl.split('#token=')[1]!;
    const profile = path.join(dir, 'profile');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      viewport: { width: 1366, height: 768 },
    });
    try {
      const page = await context.newPage();
      await page.goto(server.openFileUrl);
      await page.getByTestId('contacts-empty').waitFor();
      expect(page.url()).toBe(server.appUrl.split('#')[0]);
      await page.reload();
      await page.getByTestId('contacts-empty').waitFor();
      await page.screenshot({ path: screenshotPath('19-opened-from-redirect-file') });
      // Let the browser write its history before it closes.
      await page.waitForTimeout(1000);
    } finally {
      await context.close();
    }
    expect(fs.existsSync(path.join(profile, 'Default', 'History'))).toBe(true);
    expect(filesContaining(profile, token)).toEqual([]);
  }, 120_000);

  it('refuses the redirect form with a wrong token', async () => {
    const answer = await fetch(server.appUrl.replace(/#.*/, 'open'), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'token=0000' });
    expect(answer.status).toBe(401);
    expect(await answer.text()).not.toContain('tillit-token');
  });
});
