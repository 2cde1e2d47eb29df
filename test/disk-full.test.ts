// A full disk while saving evidence or importing: a clear message (coded 'disk-full' for the
// UI's two languages), the store unchanged (counts and ledger head), no temp or partial file
// left, and once space is freed the next operation works. On a real small filesystem (a
// tmpfs mounted by the test; where mounting is refused the tests say so and skip).

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { openWorkspace, type Workspace } from '../src/main/app/workspace.ts';
import { filesDirFor } from '../src/main/services/context.ts';
import { evidenceDir } from '../src/main/store/evidence.ts';
import { verifyLedger } from '../src/main/store/ledger-verify.ts';
import { openStore } from '../src/main/store/open.ts';
import type { Envelope } from '../src/shared/contract/envelope.ts';
import { en } from '../src/renderer/i18n/en.ts';
import { nb } from '../src/renderer/i18n/nb.ts';
import { tillit } from './helpers/cli.ts';
import { tempDir } from './helpers/temp.ts';
import { mountSmallDisk, type SmallDisk } from './helpers/tmpfs.ts';

const outside = tempDir('tillit-disk-full-');
const mounted: SmallDisk[] = [];
const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
  for (const d of mounted.splice(0)) d.unmount();
});

/** A 24 MB disk with a workspace on it, or a skip that says why not. */
function smallDisk(ctx: TestContext): { disk: SmallDisk; db: string } {
  const disk = mountSmallDisk(24 * 1024 * 1024);
  if ('refused' in disk) {
    console.warn(disk.refused);
    ctx.skip();
    throw new Error('skipped');
  }
  mounted.push(disk);
  const db = path.join(disk.dir, 'tillit.sqlite');
  expect(tillit(db, ['consent', 'add', 'before@example.no', '--source', 'web-form', '--date', '2026-01-01', '--evidence', file('before.txt', 'signed form')]).status).toBe(0);
  return { disk, db };
}

function file(name: string, content: string | Buffer): string {
  const at = path.join(outside, name);
  fs.writeFileSync(at, content);
  return at;
}

const csv = (rows: number, from = 0): string => `email,first_name,last_name,company\n${Array.from({ length: rows }, (_, i) => `kunde${from + i}@example.no,Kunde,Nummer ${from + i},Firma ${i % 50} AS`).join('\n')}\n`;

interface Snapshot {
  contacts: number;
  events: number;
  evidence: number;
  imports: number;
  head: string | null;
  intact: boolean;
}

function snapshot(db: string): Snapshot {
  const store = openStore(db);
  try {
    const count = (t: string): number => store.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;
    const head = (store.prepare('SELECT hash FROM consent_events ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? null;
    return { contacts: count('contacts'), events: count('consent_events'), evidence: count('evidence'), imports: count('imports'), head, intact: verifyLedger(store).intact };
  } finally {
    store.close();
  }
}

/** Temp files anywhere in the workspace's files folder. */
function tempFiles(db: string): string[] {
  const folder = filesDirFor(db);
  if (!fs.existsSync(folder)) return [];
  return (fs.readdirSync(folder, { recursive: true }) as string[]).filter((f) => f.endsWith('.tmp'));
}

const DISK_FULL = /disk is full.*nothing was changed/i;

// Each test starts several real CLI processes: slow on a busy machine.
describe('a full disk', { timeout: 180_000 }, () => {
  it('consent add --evidence (CLI): a clear message, nothing changed, no temp file; after freeing space a withdrawal and the same command work', (ctx) => {
    const { disk, db } = smallDisk(ctx);
    const before = snapshot(db);
    disk.fill(256 * 1024);
    const proof = file('big-proof.pdf', Buffer.alloc(2 * 1024 * 1024, 7));
    const run = tillit(db, ['consent', 'add', 'new@example.no', '--source', 'web-form', '--date', '2026-01-02', '--evidence', proof]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(DISK_FULL);
    expect(run.stderr).not.toMatch(/unexpected/i);
    expect(snapshot(db)).toEqual(before);
    expect(tempFiles(db)).toEqual([]);
    expect(fs.readdirSync(evidenceDir(filesDirFor(db)))).toHaveLength(1); // only the earlier proof
    disk.free();
    expect(tillit(db, ['consent', 'withdraw', 'before@example.no', '--date', '2026-01-03']).status).toBe(0);
    expect(tillit(db, ['consent', 'add', 'new@example.no', '--source', 'web-form', '--date', '2026-01-02', '--evidence', proof]).status).toBe(0);
    expect(snapshot(db)).toMatchObject({ contacts: 2, events: 5, evidence: 2, intact: true }); // each proof is an evidence record in the ledger too
  });

  it('recording evidence in the app: the error carries the disk-full code, which both languages translate', async (ctx) => {
    const { disk, db } = smallDisk(ctx);
    const w = openWorkspace({ dbPath: db, importsInWorker: false });
    open.push(w);
    const before = snapshot(db);
    disk.fill(256 * 1024);
    const envelope = (await w.dispatch('consent.record', {
      contactIds: [1], kind: 'opt-in', date: '2026-01-02', source: 'web-form',
      evidence: { fileName: 'scan.pdf', dataBase64: Buffer.alloc(2 * 1024 * 1024, 1).toString('base64') },
    }));
    expect(envelope).toMatchObject({ ok: false, error: { messageCode: 'disk-full', message: expect.stringMatching(DISK_FULL) as unknown } });
    expect(en.errors['disk-full']).toMatch(DISK_FULL);
    expect(nb.errors?.['disk-full']).toMatch(/Disken er full.*ingenting ble endret/);
    expect(snapshot(db)).toEqual(before);
    expect(tempFiles(db)).toEqual([]);
    disk.free();
    const again = (await w.dispatch('consent.record', { contactIds: [1], kind: 'withdrawal', date: '2026-01-03' }));
    expect(again.ok).toBe(true);
  });

  it('an import (CLI) whose original cannot be copied in: a clear message, nothing imported, no temp file; the same import works after', (ctx) => {
    const { disk, db } = smallDisk(ctx);
    const list = file('kunder.csv', csv(8_000));
    const before = snapshot(db);
    disk.fill(256 * 1024);
    const run = tillit(db, ['import', list, '--source', 'web-form']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(DISK_FULL);
    expect(snapshot(db)).toEqual(before);
    expect(tempFiles(db)).toEqual([]);
    disk.free();
    const ok = tillit(db, ['import', list, '--source', 'web-form', '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ rows: 8_000, added: 8_000 });
  });

  it('SQLite itself runs out of space mid-transaction (SQLITE_FULL), in the app’s import worker: nothing imported, the ledger head unchanged; after freeing space and the next start, no orphan file and the same import works', async (ctx) => {
    const { disk, db } = smallDisk(ctx);
    const w = openWorkspace({ dbPath: db, importsInWorker: true });
    open.push(w);
    const content = csv(30_000, 1000);
    const staged = (await w.dispatch('files.stage', { fileName: 'stor.csv', chunkBase64: Buffer.from(content).toString('base64') })) as Envelope<{ stagedId: string }>;
    if (!staged.ok) throw new Error(staged.error.message);
    const before = snapshot(db);
    // Room for the original's copy (about 1.5 MB), not for the rows it becomes.
    disk.fill(Buffer.byteLength(content) + 1024 * 1024);
    const result = (await w.dispatch('import.commit', { stagedId: staged.value.stagedId, source: 'web-form', collectedAt: '2026-01-01' }));
    expect(result).toMatchObject({ ok: false, error: { messageCode: 'disk-full' } });
    expect(snapshot(db)).toEqual(before);
    expect(tempFiles(db)).toEqual([]);
    disk.free();
    w.close();
    open.length = 0;
    // The next start: the original copied in for the failed import is named by no row; once
    // past the sweep's grace period it goes.
    const folder = evidenceDir(filesDirFor(db));
    const past = new Date(Date.now() - 60 * 60 * 1000);
    for (const f of fs.readdirSync(folder)) fs.utimesSync(path.join(folder, f), past, past);
    const lines: string[] = [];
    const next = openWorkspace({ dbPath: db, importsInWorker: true, log: (l) => lines.push(l) });
    open.push(next);
    expect(lines).toEqual([expect.stringMatching(/1 evidence file\(s\) no record refers to/)]);
    const report = (await next.dispatch('import.commit', { stagedId: staged.value.stagedId, source: 'web-form', collectedAt: '2026-01-01' })) as Envelope<{ added: number }>;
    expect(report).toMatchObject({ ok: true, value: { added: 30_000 } });
  });
});
