// `npm start` in browser mode, with real processes: on a machine where the Electron binary
// cannot be obtained it says so in one line; the browser is handed a redirect file, so the
// token is in no process's command line; and stopping `npm start` in any way (Ctrl-C, SIGKILL)
// stops the server it started (the orphan-server check).

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from './helpers/temp.ts';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const electronInstalled = fs.existsSync(path.join(electronDir, 'path.txt'));

interface Started {
  child: ChildProcess;
  port: number;
  /** The redirect file (file:// URL) the output names. */
  openUrl: string;
  output: () => string;
}

/** Runs `npm start` (scripts/start.js) without a build and waits for browser mode's lines. */
async function npmStart(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.js')], {
    cwd: root,
    // The build is npm test's own first step; rebuilding here would pull out/ from under the e2e tests.
    env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', TILLIT_START_SKIP_BUILD: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const found = await new Promise<{ port: number; openUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address within 120 s:\n${output}`)), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const running = /Tillit is running at http:\/\/127\.0\.0\.1:(\d+)\/\n/.exec(output);
      const open = /Open Tillit in your browser with this file \(only you can read it\): (file:\/\/\S+)\n/.exec(output);
      if (running && open) {
        clearTimeout(timer);
        resolve({ port: Number(running[1]), openUrl: open[1]! });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  return { child, ...found, output: () => output };
}

/** Every process's command line, as /proc shows it to anyone on the machine. */
function allCommandLines(): { pid: string; cmdline: string }[] {
  const lines: { pid: string; cmdline: string }[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      lines.push({ pid, cmdline: fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // The process ended meanwhile.
    }
  }
  return lines;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Processes whose command line is `tillit.js … serve` on this workspace. */
function serversOf(db: string): string[] {
  return allCommandLines()
    .filter((p) => p.cmdline.includes('bin/tillit.js') && p.cmdline.includes(' serve') && p.pid !== String(process.pid))
    .filter((p) => {
      try {
        return (fs.readFileSync(`/proc/${p.pid}/environ`, 'utf8').split('\0')).includes(`TILLIT_DB=${db}`);
      } catch {
        return false;
      }
    })
    .map((p) => p.pid);
}

/** No such process, or only its exit status is left (a zombie its new parent has not reaped). */
function gone(pid: string): boolean {
  try {
    return /^\d+ \(.*\) [ZX]/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

describe(electronInstalled ? 'npm start — skipped: Electron is installed here, it would open a window' : 'npm start without Electron', () => {
  it.skipIf(electronInstalled)('says so in one line and starts browser mode, naming the file that opens it', async () => {
    const dir = tempDir('tillit-start-');
    const { child, output } = await npmStart({ TILLIT_DB: tempDbPath(dir) });
    try {
      const notices = output()
        .split('\n')
        .filter((line) => line.includes('Electron is not available'));
      expect(notices).toEqual(['Electron is not available on this machine (its binary could not be downloaded); starting Tillit in browser mode instead.']);
    } finally {
      killGroup(child);
    }
  }, 150_000);
});

describe('npm start in browser mode', () => {
  it('hands the browser a redirect file readable only by the user: the token is in no command line and not printed', async () => {
    const dir = tempDir('tillit-start-token-');
    // A stand-in for xdg-open that records what it was given and stays running meanwhile, as
    // a browser would, so its command line can be read.
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const opened = path.join(dir, 'opened.txt');
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\necho $$ > '${opened}.pid'\nprintf '%s\\n' "$@" > '${opened}'\nexec sleep 30\n`, { mode: 0o755 });
    const { child, openUrl, port, output } = await npmStart({
      TILLIT_DB: tempDbPath(dir),
      TILLIT_BROWSER_MODE: '1',
      DISPLAY: ':99',
      PATH: `${bin}:${process.env.PATH ?? ''}`,
    });
    try {
      const file = fileURLToPath(openUrl);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      const html = fs.readFileSync(file, 'utf8');
      const token = /name="token" value="([0-9a-f]{48})"/.exec(html)?.[1];
      expect(token).toBeDefined();
      expect(html).toContain(`<form method="post" action="http://127.0.0.1:${port}/open">`);
      expect(await waitFor(() => fs.existsSync(opened) && fs.readFileSync(opened, 'utf8') !== '', 10_000)).toBe(true);
      expect(fs.readFileSync(opened, 'utf8').trim()).toBe(openUrl);
      expect(output()).not.toContain(token);
      expect(allCommandLines().filter((p) => p.cmdline.includes(token!))).toEqual([]);
      // And the token in the file is the one the server takes.
      const answer = await fetch(`http://127.0.0.1:${port}/api/app.info`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{}' });
      expect(answer.status).toBe(200);
    } finally {
      killGroup(child);
      if (fs.existsSync(`${opened}.pid`)) process.kill(Number(fs.readFileSync(`${opened}.pid`, 'utf8')), 'SIGKILL');
    }
  }, 150_000);

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGKILL'] as const) {
    it(`the orphan-server check: ${signal} to npm start stops the server it started`, async () => {
      const dir = tempDir('tillit-start-stop-');
      const db = tempDbPath(dir);
      const { child, port, openUrl } = await npmStart({ TILLIT_DB: db, TILLIT_BROWSER_MODE: '1' });
      try {
        expect(await portAnswers(port)).toBe(true);
        const servers = serversOf(db);
        expect(servers).toHaveLength(1);
        // Only npm start's own process gets the signal, not its group: as a process manager or
        // `kill PID` would do it.
        process.kill(child.pid!, signal);
        expect(await waitFor(async () => !(await portAnswers(port)), 30_000)).toBe(true);
        expect(await waitFor(() => serversOf(db).length === 0, 30_000)).toBe(true);
        // While it exits its command line empties before it is gone: wait for that too.
        expect(await waitFor(() => gone(servers[0]!), 30_000)).toBe(true);
        // A clean stop removes the redirect file too.
        expect(fs.existsSync(fileURLToPath(openUrl))).toBe(false);
      } finally {
        killGroup(child);
        // Without the fix the server outlives the test: end it here, not in later tests.
        for (const pid of serversOf(db)) process.kill(Number(pid), 'SIGKILL');
      }
    }, 150_000);
  }
});
