// `npm start`: build, then open Tillit in Electron. Where the Electron binary cannot be
// obtained (no internet access, say), say so in one line and start browser mode instead.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron binary, trying its (lazy) download once, quietly and briefly. */
function electronBinary() {
  const pkg = path.dirname(require.resolve('electron/package.json'));
  const find = () => {
    const pathFile = path.join(pkg, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const binary = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  };
  if (find()) return find();
  spawnSync(process.execPath, [path.join(pkg, 'install.js')], { cwd: pkg, stdio: 'ignore', timeout: 60_000 });
  return find();
}

function openBrowser(url) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  try {
    spawn(opener, [url], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  } catch {
    // No browser to open: the URL is printed above.
  }
}

// TILLIT_START_SKIP_BUILD: for the test of this script, which runs after `npm test` has built the
// app and beside tests that serve the built files.
if (!process.env.TILLIT_START_SKIP_BUILD) {
  run(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--config', 'electron.config.ts']);
}

const binary = electronBinary();
if (binary) {
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron is not available on this machine (its binary could not be downloaded); starting Tillit in browser mode instead.');
  const child = spawn(process.execPath, [path.join(root, 'bin/tillit.js'), 'serve', ...process.argv.slice(2)], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const match = /Tillit is running at (\S+)/.exec(chunk.toString());
    if (match) openBrowser(match[1]);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
