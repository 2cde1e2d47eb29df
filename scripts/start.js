// `npm start [-- --db PATH] [-- --port N]`: build, then open Tillit in Electron. Where the Electron
// binary cannot be had (the electron package downloads it on first use, and some machines cannot
// download), say so in one line and start browser mode instead: `tillit serve`, which prints the
// app's address and the redirect file that opens it (with the token, which is never printed
// nor put on a command line), opened in the default browser when there is a display. Stopping
// this process in any way (Ctrl-C, a signal, SIGKILL) stops the server it started.
//
// Environment: TILLIT_DB (the workspace file; `--db PATH` sets it), TILLIT_BROWSER_MODE=1 (browser
// mode even where Electron is available), TILLIT_START_SKIP_BUILD=1 (use the existing out/).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const isWindows = process.platform === 'win32';
const INSTALL_TIMEOUT_MS = 60_000;

/** `--db PATH` / `--db=PATH` become TILLIT_DB (both modes honour it); the rest go to `tillit serve`. */
function parseArgs(argv) {
  const rest = [];
  let db = process.env.TILLIT_DB;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--db' && i + 1 < argv.length) db = argv[++i];
    else if (arg.startsWith('--db=')) db = arg.slice('--db='.length);
    else rest.push(arg);
  }
  return { db: db ? path.resolve(db) : undefined, rest };
}

function build() {
  const cli = path.join(root, 'node_modules/electron-vite/bin/electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build', '--config', 'electron.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Tillit could not be built (see above).');
    process.exit(result.status ?? 1);
  }
}

/** The Electron binary, located the way node_modules/electron/index.js does, without its download. */
function findElectron(pkgDir) {
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist'), relative);
  return fs.existsSync(binary) ? binary : null;
}

/** The binary if it is installed, else after one quiet, time-limited attempt at the package's own download. */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null; // the electron package itself is not installed
  }
  const found = findElectron(pkgDir);
  if (found) return found;
  spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { cwd: pkgDir, stdio: 'ignore', timeout: INSTALL_TIMEOUT_MS });
  return findElectron(pkgDir);
}

function openBrowser(url) {
  // Only where someone can see a window; never fail when there is no browser: the file is printed.
  let command;
  let args;
  if (process.platform === 'darwin') [command, args] = ['open', [url]];
  else if (isWindows) [command, args] = ['rundll32', ['url.dll,FileProtocolHandler', url]];
  else if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) [command, args] = ['xdg-open', [url]];
  else return;
  try {
    const opener = spawn(command, args, { stdio: 'ignore', detached: true });
    opener.on('error', () => {});
    opener.unref();
  } catch {
    // No opener installed.
  }
}

/**
 * Runs the app as a child and mirrors its life: Ctrl-C, SIGTERM and SIGHUP reach it once (it has
 * its own process group on POSIX, so the terminal does not signal it a second time, which would
 * cut its clean shutdown short), and this process exits with its exit code.
 */
function supervise(child) {
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));
  process.on('exit', () => forward('SIGTERM'));
  child.on('error', (error) => {
    console.error(`Tillit could not start: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0));
  });
}

function startElectron(binary, env) {
  // ELECTRON_RUN_AS_NODE (set by some editors' terminals) would run main as a plain Node script.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...childEnv } = env;
  supervise(spawn(binary, [root], { cwd: root, env: childEnv, stdio: ['ignore', 'inherit', 'inherit'], detached: !isWindows }));
}

function startBrowserMode(rest, env) {
  // The IPC channel ties the server's life to this process: when it closes (this process
  // exits in any way, SIGKILL included), the server shuts down (src/main/cli/serve.ts).
  const child = spawn(process.execPath, [path.join(root, 'bin/tillit.js'), 'serve', ...rest], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    detached: !isWindows,
  });
  let opened = false;
  let pending = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (opened) return;
    pending += chunk.toString();
    // The redirect file that carries the token (readable only by this user): the browser's
    // command line gets its file:// address, never the token itself.
    const match = /Open Tillit in your browser with this file \(only you can read it\): (file:\/\/\S+)/.exec(pending);
    if (match) {
      opened = true;
      openBrowser(match[1]);
    }
  });
  supervise(child);
}

const { db, rest } = parseArgs(process.argv.slice(2));
const env = { ...process.env, ...(db ? { TILLIT_DB: db } : {}) };

if (!process.env.TILLIT_START_SKIP_BUILD) build();

if (process.env.TILLIT_BROWSER_MODE === '1') {
  console.log('Starting Tillit in browser mode (TILLIT_BROWSER_MODE=1).');
  startBrowserMode(rest, env);
} else {
  const binary = electronBinary();
  if (binary) {
    startElectron(binary, env);
  } else {
    console.log('Electron is not available on this machine (its binary could not be downloaded); starting Tillit in browser mode instead.');
    startBrowserMode(rest, env);
  }
}
