// The link to browser mode without the token in anyone's command line: Tillit writes a small
// HTML file, readable only by the user who started it (as Jupyter does), whose form posts the
// token to http://127.0.0.1:PORT/open; the browser is given the file's file:// URL, and the
// terminal shows that path, never the token. The answer is the app's page with the token in a
// meta tag, which the page moves into the tab's sessionStorage
// (src/renderer/api/http-transport.ts). A redirect to …/#token=… (Jupyter's way) would leave
// the token in the browser's history database, even after the page cleans the address bar.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TOKEN_FORM_FIELD } from '../../shared/contract/transport-protocol.ts';

const PREFIX = 'open-';

/** The folder for a workspace's redirect files: beside its evidence, private to the user. */
export function openFilesDir(filesDir: string): string {
  return path.join(filesDir, 'browser');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A page that posts the token to the server (POST /open): the token travels in the request
 * body, never in a URL, so the browser's history and address bar never hold it.
 */
export function redirectHtml(openUrl: string, token: string): string {
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    '<title>Opening Tillit…</title></head>',
    '<body>',
    `<form method="post" action="${escapeHtml(openUrl)}">`,
    `<input type="hidden" name="${TOKEN_FORM_FIELD}" value="${escapeHtml(token)}">`,
    '<p>Opening Tillit… If nothing happens, <button type="submit">open Tillit</button>.</p>',
    '</form>',
    '<script>document.forms[0].submit();</script>',
    '</body></html>',
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
export function writeOpenFile(filesDir: string, openUrl: string, token: string, pid: number = process.pid): OpenFile {
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
  fs.writeFileSync(file, redirectHtml(openUrl, token), { mode: 0o600, flag: 'wx' });
  return { path: file, url: pathToFileURL(file).href, remove: () => fs.rmSync(file, { force: true }) };
}
