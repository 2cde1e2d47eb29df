// The desktop app end to end in real Electron, through Playwright's Electron driver. It needs the
// Electron binary, which the electron package downloads on first use: on machines without
// internet access it is missing, and this test reports itself skipped with that reason.
// (main-bundle.test.ts checks the same build against a fake electron everywhere.)

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../helpers/temp.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The Electron binary if it is installed, found the way the electron package does, without starting its download. */
function electronBinary(): string | null {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist'), relative);
  return fs.existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].every((file) => fs.existsSync(path.join(root, file)));
const skipReason = !binary
  ? 'the Electron binary is not installed (the electron package downloads it on first use, and this machine cannot download it)'
  : !built
    ? 'the app is not built (run npm run build first)'
    : null;
if (skipReason) console.warn(`Electron end-to-end test skipped: ${skipReason}.`);

// Each test calls ctx.skip(reason), so reporters show the reason beside every skipped test.
describe('Electron app', () => {
  let app: ElectronApplication | undefined;
  let page: Page | undefined;
  let dbPath = '';

  beforeAll(async () => {
    if (skipReason || !binary) return;
    dbPath = tempDbPath(tempDir('tillit-electron-'));
    // Chromium will not start its OS sandbox as root (containers, CI); the renderer sandbox under test is Electron's.
    const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
    app = await electron.launch({
      executablePath: binary,
      args: [root, ...(asRoot ? ['--no-sandbox'] : [])],
      cwd: root,
      env: { ...process.env, TILLIT_DB: dbPath, ELECTRON_RENDERER_URL: '', ELECTRON_RUN_AS_NODE: '' },
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.getByTestId('nav-contacts').waitFor({ timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('opens the app window and shows the app frame', async (ctx) => {
    if (skipReason || !page) return ctx.skip(skipReason ?? 'the app did not start');
    fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-results/electron.png') });
    expect(await page.title()).toBe('Tillit');
    expect(page.url()).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html/);
  });

  it('gives the page window.tillit and nothing of Node', async (ctx) => {
    if (skipReason || !page) return ctx.skip(skipReason ?? 'the app did not start');
    const exposed = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const tillit = w.tillit as Record<string, unknown> | undefined;
      return {
        tillit: typeof tillit,
        members: tillit ? Object.keys(tillit).sort() : [],
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
        ipcRenderer: typeof w.ipcRenderer,
      };
    });
    expect(exposed).toEqual({
      tillit: 'object',
      members: ['invoke', 'subscribe'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      ipcRenderer: 'undefined',
    });
  });

  it('answers the contract over IPC, and checks what the page sends', async (ctx) => {
    if (skipReason || !page) return ctx.skip(skipReason ?? 'the app did not start');
    const answers = await page.evaluate(async () => {
      const tillit = (window as unknown as { tillit: { invoke(method: unknown, input: unknown): Promise<unknown> } }).tillit;
      const info = await tillit.invoke('app.info', {});
      const unknownMethod = await tillit.invoke('no.such.method', {});
      const notAString = await tillit.invoke(42, {}).then(
        () => 'resolved',
        (error: unknown) => (error instanceof Error ? error.name : String(error)),
      );
      return { info, unknownMethod, notAString };
    });
    expect(answers.info).toMatchObject({ ok: true, value: { dbPath } });
    expect(answers.unknownMethod).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(answers.notAString).toBe('TypeError');
  });

  it('keeps the window on the app: no pop-ups, no navigation away', async (ctx) => {
    if (skipReason || !app || !page) return ctx.skip(skipReason ?? 'the app did not start');
    // (The webPreferences main passes are checked in main-bundle.test.ts; here, their effect.)
    const isolated = await page.evaluate(() => {
      const tillit = (window as unknown as { tillit: object }).tillit;
      // contextBridge hands the page a frozen copy: the page cannot swap out the transport's methods.
      return Object.isFrozen(tillit) || !Object.getOwnPropertyDescriptor(tillit, 'invoke')?.writable;
    });
    expect(isolated).toBe(true);
    const before = page.url();
    const opened = await page.evaluate(() => {
      const popup = window.open('https://example.com/', '_blank');
      window.location.href = 'https://example.com/';
      return popup === null;
    });
    expect(opened).toBe(true);
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });
});
