// The desktop build, checked without the Electron binary: electron.config.ts is built into a
// scratch folder, the built preload and renderer are inspected, and the BUILT main process
// (out/main/index.js) is booted under Node against a fake 'electron' module
// (fake-electron/electron.js) with a real workspace on a temp SQLite file. The test then drives
// it: IPC from our window and from strangers, navigation, pop-ups, webviews, the menu, quit.
// What a fake cannot show (Chromium really sandboxing the page) is electron.e2e.test.ts's job.

import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from 'electron-vite';
import { build as viteBuild, mergeConfig, type InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/contract/envelope.ts';
import { IPC_EVENT_CHANNEL } from '../../src/shared/contract/transport-protocol.ts';
import { PREPARE_IN_WORKER_BYTES } from '../../src/main/import/prepared-batches.ts';
import { tempDbPath, tempDir } from '../helpers/temp.ts';

const root = path.resolve(import.meta.dirname, '../..');
// Inside the repository, so that the bundle finds node_modules and package.json ("type": "module").
const outDir = path.join(root, 'test-results', `electron-build-${process.pid}`);
const fixtureRenderer = path.join(import.meta.dirname, 'fixtures/renderer');

async function buildApp(): Promise<void> {
  process.env.NODE_ENV_ELECTRON_VITE = 'production'; // what `electron-vite build` sets
  const { config } = await resolveConfig(
    { root, configFile: path.join(root, 'electron.config.ts'), build: { outDir }, logLevel: 'warn' },
    'build',
    'production',
  );
  if (!config?.main || !config.preload || !config.renderer) throw new Error('electron.config.ts lacks main, preload or renderer');
  await viteBuild(config.main);
  await viteBuild(config.preload);
  // The renderer config with a small stand-in page (src/renderer is built by `npm run build`).
  await viteBuild(
    mergeConfig(config.renderer as InlineConfig, {
      root: fixtureRenderer,
      build: { rolldownOptions: { input: { index: path.join(fixtureRenderer, 'index.html') } } },
    }),
  );
}

beforeAll(buildApp, 120_000);
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('the build layout', () => {
  it('puts main, the import worker, the preload and the renderer where main.ts looks for them', () => {
    for (const file of ['main/index.js', 'main/import-worker.js', 'main/prepare-worker.js', 'preload/index.cjs', 'renderer/index.html']) {
      expect(fs.existsSync(path.join(outDir, file)), file).toBe(true);
    }
  });

  it('builds main as ES modules that leave electron and native dependencies external', () => {
    const main = fs.readFileSync(path.join(outDir, 'main/index.js'), 'utf8');
    expect(main).toMatch(/^import .* from "electron";$/m);
    const chunks = fs.readdirSync(path.join(outDir, 'main/chunks')).map((f) => fs.readFileSync(path.join(outDir, 'main/chunks', f), 'utf8'));
    expect(chunks.join('\n')).toMatch(/^import \w+ from "better-sqlite3";$/m);
    // An external JSON import would lose its `with { type: 'json' }` and fail to load.
    expect([main, ...chunks].join('\n')).not.toMatch(/^import .* from "[^"]+\.json";$/m);
  });

  it('bundles the preload into one CommonJS file that requires only electron', () => {
    const preload = fs.readFileSync(path.join(outDir, 'preload/index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld');
    // The page gets invoke/subscribe, never ipcRenderer itself.
    expect(preload).not.toMatch(/exposeInMainWorld\([^,]+,\s*(electron\.)?ipcRenderer\s*\)/);
  });

  it('gives the renderer relative asset URLs and the app CSP ahead of every script', () => {
    const html = fs.readFileSync(path.join(outDir, 'renderer/index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta[^>]*http-equiv="Content-Security-Policy"[^>]*content="([^"]*)"/g)].map((m) => m[1] ?? '');
    // The fixture's own, loose policy is replaced by the app's (security-policy.ts buildMetaCsp).
    expect(metas).toHaveLength(1);
    const policy = new Map(metas[0]!.split('; ').map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)]));
    expect(Object.fromEntries(policy)).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    });
    expect(metas[0]).not.toMatch(/unsafe|\*/);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/[^"]+\.js"><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // nothing inline
  });
});

interface Reply {
  id?: number;
  result?: unknown;
  error?: string;
  ready?: boolean;
  errorBoxes?: unknown[];
}

/** The booted bundle, driven through fake-electron/register.js. */
class FakeElectronApp {
  readonly child: ChildProcess;
  readonly ready: Promise<Reply>;
  readonly exited: Promise<number | null>;
  output = '';
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  constructor(env: NodeJS.ProcessEnv) {
    this.child = fork(path.join(outDir, 'main/index.js'), [], {
      cwd: root,
      env,
      execArgv: ['--import', pathToFileURL(path.join(import.meta.dirname, 'fake-electron/register.js')).href],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.ready = new Promise((resolve, reject) => {
      this.child.on('message', (reply: Reply) => {
        if (reply.ready !== undefined) resolve(reply);
        else if (reply.id !== undefined) this.pending.get(reply.id)?.(reply);
      });
      void this.exited.then((code) => reject(new Error(`main exited (${code}) before its window was up:\n${this.output}`)));
    });
  }

  async command<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const reply = await new Promise<Reply>((resolve) => {
      this.pending.set(id, resolve);
      this.child.send({ id, command, args });
    });
    this.pending.delete(id);
    if (reply.error) throw new Error(`fake electron: ${reply.error}\n${this.output}`);
    return reply.result as T;
  }

  invoke(sender: string, method: unknown, payload: unknown = {}): Promise<Envelope<unknown>> {
    return this.command('invoke', { sender, method, payload });
  }
}

interface MenuItem {
  id?: string;
  label?: string;
  role?: string;
  submenu?: MenuItem[];
}

interface State {
  sandboxEnabled: boolean;
  singleInstanceLockRequested: boolean;
  errorBoxes: unknown[];
  windows: { options: { webPreferences: Record<string, unknown>; show?: boolean }; calls: [string, string?][]; url: string }[];
  menu: MenuItem[];
  session: {
    permissionRequest: unknown;
    permissionCheck: unknown;
    devicePermission: unknown;
    displayMedia: unknown;
    events: string[];
    headers: Record<string, string[]> | null;
  };
  webContentsCreatedListeners: number;
  contentsEvents: string[];
  hasWindowOpenHandler: boolean;
  ipcChannels: string[];
}

describe('the built main process, booted against a fake electron', () => {
  let app: FakeElectronApp;
  let dbPath: string;
  let state: State;
  const dir = tempDir('tillit-fake-electron-');

  beforeAll(async () => {
    dbPath = tempDbPath(dir);
    app = new FakeElectronApp({ ...process.env, TILLIT_DB: dbPath, FAKE_ELECTRON_USER_DATA: dir, ELECTRON_RENDERER_URL: '' });
    const ready = await app.ready;
    if (!ready.ready) throw new Error(`main did not open its window: ${JSON.stringify(ready)}\n${app.output}`);
    state = await app.command<State>('state');
  }, 60_000);

  afterAll(() => {
    if (app.child.exitCode === null) app.child.kill();
  });

  it('asks for the single-instance lock and sandboxes every renderer', () => {
    expect(state.singleInstanceLockRequested).toBe(true);
    expect(state.sandboxEnabled).toBe(true);
    expect(state.errorBoxes).toEqual([]);
  });

  it('opens one hidden-until-ready window with hardened preferences and the built preload', () => {
    expect(state.windows).toHaveLength(1);
    const [window] = state.windows;
    expect(window?.options.show).toBe(false);
    expect(window?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    const preload = window?.options.webPreferences.preload as string;
    expect(path.resolve(preload)).toBe(path.join(outDir, 'preload/index.cjs'));
    expect(fs.existsSync(preload)).toBe(true);
    expect(window?.calls).toContainEqual(['loadFile', path.join(outDir, 'renderer/index.html')]);
    expect(window?.calls).toContainEqual(['show']);
    expect(window?.url).toBe(pathToFileURL(path.join(outDir, 'renderer/index.html')).href);
  });

  it('denies every permission and device, and sets the strict CSP header', () => {
    expect(state.session.permissionRequest).toBe(false);
    expect(state.session.permissionCheck).toBe(false);
    expect(state.session.devicePermission).toBe(false);
    expect(state.session.displayMedia).toBeNull();
    expect(state.session.events).toEqual(expect.arrayContaining(['select-hid-device', 'select-serial-port', 'select-usb-device']));
    const headers = state.session.headers ?? {};
    expect(Object.keys(headers).filter((name) => name.toLowerCase() === 'content-security-policy')).toEqual(['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/^default-src 'self'; script-src 'self';/);
    expect(headers['X-Other']).toEqual(['kept']);
  });

  it('hardens every web contents it creates', () => {
    expect(state.webContentsCreatedListeners).toBeGreaterThan(0);
    expect(state.contentsEvents).toEqual(expect.arrayContaining(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']));
    expect(state.hasWindowOpenHandler).toBe(true);
  });

  it('answers IPC from its window through the real workspace', async () => {
    expect(state.ipcChannels).toEqual(['tillit:invoke']);
    const info = await app.invoke('app', 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { dbPath } });
    expect(await app.invoke('app', 'no.such.method', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await app.invoke('app', 42, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it.each(['subframe', 'foreign-url', 'gone', 'other-contents'])('refuses IPC from %s', async (sender) => {
    expect(await app.invoke(sender, 'app.info', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'unauthorized' }) });
  });

  it('runs an import in the bundled worker and forwards its events to the window', async () => {
    const csv = 'email,first name\nola@nordmann.no,Ola\nkari@example.no,Kari\n';
    const staged = await app.invoke('app', 'files.stage', { fileName: 'list.csv', chunkBase64: Buffer.from(csv).toString('base64') });
    expect(staged.ok, JSON.stringify(staged)).toBe(true);
    const stagedId = (staged as { value: { stagedId: string } }).value.stagedId;
    const report = await app.invoke('app', 'import.commit', { stagedId, source: 'web-form', collectedAt: '2026-01-15' });
    expect(report, app.output).toMatchObject({ ok: true, value: { added: 2 } });
    const sent = await app.command<unknown[][]>('sent');
    expect(sent.every((message) => message[0] === IPC_EVENT_CHANNEL)).toBe(true);
    expect(sent.map((message) => message[1])).toContain('contacts.changed');
  });

  it('reads and prepares a big file in the bundled prepare worker, and undoes it in the bundled import worker', async () => {
    // Over PREPARE_IN_WORKER_BYTES, so the import worker starts out/main/prepare-worker.js.
    const rows = Array.from({ length: 90_000 }, (_, i) => `kunde${i}@firma${i % 50}.no,Kunde ${i},Bakeriet ${i % 9} AS`);
    const csv = `email,first name,company\n${rows.join('\n')}\n`;
    expect(csv.length).toBeGreaterThan(PREPARE_IN_WORKER_BYTES);
    const staged = await app.invoke('app', 'files.stage', { fileName: 'big.csv', chunkBase64: Buffer.from(csv).toString('base64') });
    const stagedId = (staged as { value: { stagedId: string } }).value.stagedId;
    const report = await app.invoke('app', 'import.commit', { stagedId, source: 'web-form', collectedAt: '2026-01-15' });
    expect(report, app.output).toMatchObject({ ok: true, value: { rows: 90_000, added: 90_000 } });
    // Undoing it runs in the bundled import worker too.
    const importId = (report as { value: { importId: number } }).value.importId;
    expect(await app.invoke('app', 'import.undo', { importId }), app.output).toMatchObject({ ok: true, value: { id: importId, state: 'undone' } });
  }, 60_000);

  it.each([
    ['https://evil.example/', 'will-navigate', true],
    ['file:///etc/passwd', 'will-navigate', true],
    ['javascript:alert(1)', 'will-navigate', true],
    ['https://evil.example/', 'will-redirect', true],
    ['https://evil.example/', 'will-frame-navigate', true],
  ])('blocks navigation to %s (%s)', async (url, event, prevented) => {
    expect(await app.command('navigate', { url, event })).toEqual({ prevented });
  });

  it('lets the window reload itself', async () => {
    const self = pathToFileURL(path.join(outDir, 'renderer/index.html')).href;
    expect(await app.command('navigate', { url: self })).toEqual({ prevented: false });
    expect(await app.command('navigate', { url: self, event: 'will-frame-navigate', isMainFrame: false })).toEqual({ prevented: true });
  });

  it('opens no windows: https links go to the browser, anything else nowhere', async () => {
    expect(await app.command('open', { url: 'https://www.electronjs.org/' })).toEqual({
      decision: { action: 'deny' },
      openedExternally: ['https://www.electronjs.org/'],
    });
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      expect(await app.command('open', { url })).toEqual({ decision: { action: 'deny' }, openedExternally: [] });
    }
  });

  it('refuses to attach webviews', async () => {
    expect(await app.command('attachWebview')).toEqual({ prevented: true });
  });

  it('has a menu whose Import… and Export… reach the window, and an About box with the version', async () => {
    const labels = state.menu.map((item) => item.label?.replace('&', '') ?? item.role);
    expect(labels).toEqual(expect.arrayContaining(['File', 'editMenu', 'View', 'Help']));
    const roles = JSON.stringify(state.menu);
    expect(roles).not.toContain('toggleDevTools'); // not in a production build
    await app.command('menu', { id: 'import' });
    await app.command('menu', { id: 'export' });
    const sent = await app.command<unknown[][]>('sent');
    expect(sent).toContainEqual([IPC_EVENT_CHANNEL, 'app.menu-command', { command: 'import' }]);
    expect(sent).toContainEqual([IPC_EVENT_CHANNEL, 'app.menu-command', { command: 'export' }]);
    const { messageBoxes } = await app.command<{ messageBoxes: { message: string; detail: string }[] }>('menu', { id: 'about' });
    const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(messageBoxes.at(-1)?.message).toBe(`Tillit ${version}`);
    expect(messageBoxes.at(-1)?.detail).toContain(dbPath);
  });

  it('brings its window back when a second instance starts', async () => {
    const { calls } = await app.command<{ calls: [string][] }>('secondInstance');
    expect(calls.slice(-3)).toEqual([['restore'], ['show'], ['focus']]);
  });

  it('closes the workspace and exits cleanly on quit', async () => {
    await app.command('quit');
    expect(await app.exited).toBe(0);
    // The last connection closing checkpoints and removes the write-ahead log.
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
  });
});
