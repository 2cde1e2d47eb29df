// The link to browser mode without the token in anyone's command line: Tillit writes a small
// HTML file, readable only by the user who started it (as Jupyter does), that sends the
// browser on to http://127.0.0.1:PORT/#token=…; the browser is given the file's file:// URL,
// and the terminal shows that path, never the token. The page then moves the token from the
// fragment into the tab's sessionStorage and takes it out of the address bar
// (src/renderer/api/http-transport.ts).

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PREFIX = 'open-';

/** The folder for a workspace's redirect files: beside its evidence, private to the user. */
export function openFilesDir(filesDir: string): string {
  return path.join(filesDir, 'browser');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function redirectHtml(appUrl: string): string {
  const href = escapeHtml(appUrl);
  // location.replace: the file's own address does not stay in the tab's history either.
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    `<meta http-equiv="refresh" content="1;url=${href}">`,
    '<meta name="referrer" content="no-referrer">',
    '<title>Opening Tillit…</title></head>',
    `<body><script>location.replace(${JSON.stringify(appUrl).replace(/</g, '\\u003c')});</script>`,
    `<p>Opening Tillit… If nothing happens, <a href="${href}">open Tillit</a>.</p></body></html>`,
    '',
  ].join('\n');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface OpenFile {
  path: string;
  /** file:// URL of the redirect file: what is printed and handed to the browser. */
  url: string;
  remove(): void;
}

/**
 * Writes the redirect file for this process (mode 0600 in a 0700 folder) and removes files
 * left by earlier starts whose process is gone (a crash, a power cut).
 */
export function writeOpenFile(filesDir: string, appUrl: string, pid: number = process.pid): OpenFile {
  const dir = openFilesDir(filesDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  for (const name of fs.readdirSync(dir)) {
    const match = /^open-(\d+)\.html$/.exec(name);
    if (match && Number(match[1]) !== pid && !alive(Number(match[1]))) fs.rmSync(path.join(dir, name), { force: true });
  }
  const file = path.join(dir, `${PREFIX}${pid}.html`);
  fs.rmSync(file, { force: true });
  // 'wx' creates a new file, never following a link someone placed there.
  fs.writeFileSync(file, redirectHtml(appUrl), { mode: 0o600, flag: 'wx' });
  return { path: file, url: pathToFileURL(file).href, remove: () => fs.rmSync(file, { force: true }) };
}
