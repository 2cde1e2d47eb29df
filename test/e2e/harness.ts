// End-to-end harness: the real `tillit serve` process on a temp workspace, and Debian's
// Chromium driven by playwright-core (never a downloaded browser).

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BIN } from '../helpers/cli.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS_DIR = path.resolve(import.meta.dirname, '../../test-results');

export interface ServeProcess {
  /** The app's address with the token in the fragment (#token=…), read from the redirect file. */
  appUrl: string;
  /** The redirect file tillit serve printed (file://…, readable only by this user). */
  openFileUrl: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServe(dbPath: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, '--db', dbPath, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // The token is never printed: it is in the redirect file the output names.
  const openFileUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tillit serve did not print its redirect file in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Open Tillit in your browser with this file \(only you can read it\): (file:\/\/\S+)\n/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`tillit serve exited with ${code}:\n${output}`)));
  });
  // The file's form posts the token to …/open; the same token works in the fragment.
  const html = fs.readFileSync(fileURLToPath(openFileUrl), 'utf8');
  const action = /<form method="post" action="(http:\/\/127\.0\.0\.1:\d+\/)open">/.exec(html)?.[1];
  const token = /name="token" value="([0-9a-f]+)"/.exec(html)?.[1];
  if (!action || !token) throw new Error(`the redirect file ${openFileUrl} holds no address or token`);
  const appUrl = `${action}#token=${token}`;
  return {
    appUrl,
    openFileUrl,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-dev-shm-usage',
    ],
  });
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  return path.join(RESULTS_DIR, `${name}.png`);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core on the page as it is now (the context needs bypassCSP: the app's CSP refuses injected scripts). */
export async function axeViolations(target: Page): Promise<AxeViolation[]> {
  if (!(await target.evaluate(() => 'axe' in window))) await target.addScriptTag({ path: AXE_SCRIPT });
  return target.evaluate(async () => {
    const run = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await run.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}
