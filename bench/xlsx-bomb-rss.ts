// The server's memory against a crafted spreadsheet: `node bench/xlsx-bomb-rss.ts [ROOT]`
// writes a 0.5 MB .xlsx whose shared-string table unpacks to one 500 MB text, starts ROOT's
// `tillit serve` (default: this checkout) on a temp workspace, uploads the file and asks for
// its preview over HTTP as the app does, and prints the server's peak RSS (VmHWM) before and
// after, the time, and the answer. Works against older checkouts too (which printed the URL
// with its token instead of naming a redirect file).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { craftedXlsx, hugeTextStrings } from '../test/helpers/xlsx-craft.ts';

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-rss-'));
const file = path.join(dir, 'bomb.xlsx');
fs.writeFileSync(file, craftedXlsx(hugeTextStrings(500_000_000)));

const child = spawn(process.execPath, [path.join(root, 'bin/tillit.js'), '--db', path.join(dir, 'w.sqlite'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
let out = '';
const appUrl = await new Promise<string>((resolve) => {
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const printed = /Tillit is running at (\S+#token=\S+)/.exec(out);
    if (printed) return resolve(printed[1]!);
    const redirect = /with this file \(only you can read it\): (file:\S+)\n/.exec(out);
    if (!redirect) return;
    const html = fs.readFileSync(fileURLToPath(redirect[1]!), 'utf8');
    resolve(`${/action="(http:\/\/[^"]+\/)open"/.exec(html)![1]}#token=${/name="token" value="([0-9a-f]+)"/.exec(html)![1]}`);
  });
});
const [base, token] = appUrl.split('#token=') as [string, string];
const peakMb = (): number => Math.round(Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024);
const call = async (method: string, body: unknown): Promise<{ ok: boolean; value?: { stagedId: string }; error?: unknown }> =>
  (await fetch(`${base}api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<{
    ok: boolean;
    value?: { stagedId: string };
    error?: unknown;
  }>;

const before = peakMb();
const staged = await call('files.stage', { fileName: 'bomb.xlsx', chunkBase64: fs.readFileSync(file).toString('base64') });
const started = Date.now();
const preview = await call('import.preview', { stagedId: staged.value!.stagedId, source: 'web-form', collectedAt: '2026-01-01' });
console.log(
  JSON.stringify({ root, fileBytes: fs.statSync(file).size, peakRssMbBefore: before, peakRssMbAfter: peakMb(), seconds: (Date.now() - started) / 1000, answer: preview.ok ? 'ok' : preview.error }, null, 2),
);
child.kill('SIGTERM');
fs.rmSync(dir, { recursive: true, force: true });
