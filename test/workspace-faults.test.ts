// A workspace file that is damaged, read-only or locked by another connection: the app and
// every CLI command say so in words the user can act on, and nothing is written into it.

import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../src/main/app/workspace.ts';
import { startLoopbackServer } from '../src/main/server/http.ts';
import type { AppInfo, ContactPage } from '../src/shared/contract/dto.ts';
import type { Envelope } from '../src/shared/contract/envelope.ts';
import { AppError } from '../src/shared/contract/envelope.ts';
import { en } from '../src/renderer/i18n/en.ts';
import { nb } from '../src/renderer/i18n/nb.ts';
import { tillit, tillitJson } from './helpers/cli.ts';
import { damageBtreePage } from './helpers/damage.ts';
import { tempDbPath, tempDir } from './helpers/temp.ts';

const dir = tempDir('tillit-faults-');
const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function csv(name: string, rows: number): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `email,first_name\n${Array.from({ length: rows }, (_, i) => `kunde${i}@example.no,Kunde ${i}`).join('\n')}\n`);
  return file;
}

describe('a damaged workspace file', () => {
  it('is refused by the app and by every CLI command with the restore-a-backup message, and no byte of it changes', () => {
    const db = tempDbPath(dir);
    tillitJson(db, ['import', csv('kunder.csv', 2000), '--source', 'web-form']);
    const backup = tillitJson<{ backup: string }>(db, ['backup']);
    const page = damageBtreePage(db, 'contacts');
    expect(page).toBeGreaterThan(1);
    const before = sha(db);

    // The app (and the loopback server) open with quick_check.
    let thrown: unknown;
    try {
      openWorkspace({ dbPath: db, importsInWorker: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).sentence?.messageCode).toBe('workspace-damaged');
    expect((thrown as AppError).message).toMatch(/^This workspace is damaged.*Restore a backup \(tillit restore FILE, or Settings → Backups in the app\)/);

    const evidence = path.join(dir, 'proof.txt');
    fs.writeFileSync(evidence, 'ja');
    const commands = [
      ['list'],
      ['list', '--json'],
      ['status'],
      ['verify'],
      ['export', '--profile', 'generic', '--out', path.join(dir, 'out.csv')],
      ['import', csv('more.csv', 3), '--source', 'web-form'],
      ['import', csv('dry.csv', 3), '--dry-run'],
      ['consent', 'add', 'ny@example.no', '--source', 'web-form', '--date', '2026-01-01', '--evidence', evidence],
      ['consent', 'withdraw', 'kunde1@example.no'],
      ['bounce', 'kunde2@example.no'],
      ['backup'],
    ];
    for (const args of commands) {
      const result = tillit(db, args);
      expect({ args, status: result.status }).toEqual({ args, status: 1 });
      expect(result.stderr).toMatch(/^tillit: This workspace is damaged .*Nothing was written to it\. Restore a backup \(tillit restore FILE/);
      expect(result.stderr).not.toMatch(/unexpected error/);
      expect(sha(db)).toBe(before);
    }
    // Said in Norwegian too (the app shows the code's sentence).
    expect(nb.errors?.['workspace-damaged']).toMatch(/skadet.*Gjenopprett en sikkerhetskopi/);
    expect(en.errors['workspace-damaged']).toMatch(/damaged.*Restore a backup/);

    // The way out: restore the backup; the damaged file is kept aside, the ledger verifies.
    const restored = tillit(db, ['restore', backup.backup]);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/The damaged workspace file was kept as .*\.damaged-/);
    expect(tillitJson<{ intact: boolean; checked: number }>(db, ['verify'])).toMatchObject({ intact: true, checked: 2001 }); // 2,000 events and the import's original as an evidence record
    expect(tillitJson<{ total: number }>(db, ['status']).total).toBe(2000);
  }, 180_000);
});

describe('a damaged workspace in the app', () => {
  it('starts restore-only: it says it is damaged, refuses everything else, lists the backups and restores one', async () => {
    const db = tempDbPath(dir);
    const first = openWorkspace({ dbPath: db, importsInWorker: false });
    const staged = (await first.dispatch('files.stage', { fileName: 'k.csv', chunkBase64: Buffer.from(fs.readFileSync(csv('app.csv', 500))).toString('base64') })) as Envelope<{ stagedId: string }>;
    expect(await first.dispatch('import.commit', { stagedId: staged.ok ? staged.value.stagedId : '', source: 'web-form', collectedAt: '2026-01-01' })).toMatchObject({ ok: true });
    expect(await first.dispatch('backups.create', {})).toMatchObject({ ok: true });
    first.close();
    damageBtreePage(db, 'contacts');
    const before = sha(db);

    const w = openWorkspace({ dbPath: db, importsInWorker: false, whenDamaged: 'restore-only', dailyBackup: true });
    open.push(w);
    expect(await w.dispatch('app.info', {})).toMatchObject({ ok: true, value: { damaged: true, readOnly: true } });
    for (const [method, input] of [
      ['contacts.list', {}],
      ['consent.record', { contactIds: [1], kind: 'withdrawal', date: '2026-01-02' }],
      ['backups.create', {}],
      ['export.run', { profile: 'generic' }],
    ] as const) {
      expect(await w.dispatch(method, input)).toMatchObject({ ok: false, error: { code: 'conflict', messageCode: 'workspace-damaged' } });
    }
    expect(sha(db)).toBe(before);
    const listed = (await w.dispatch('backups.list', {})) as Envelope<{ backups: { name: string; reason: string }[] }>;
    const manual = listed.ok ? listed.value.backups.find((b) => b.reason === 'manual') : undefined;
    expect(manual).toBeDefined();

    const restored = await w.dispatch('backups.restore', { location: 'workspace', name: manual!.name });
    expect(restored).toMatchObject({ ok: true, value: { safetyBackup: null, damagedCopy: expect.stringMatching(/\.damaged-/) } });
    expect(await w.dispatch('app.info', {})).toMatchObject({ ok: true, value: { readOnly: false, contactCount: 500 } });
    expect(((await w.dispatch('contacts.list', {})) as Envelope<ContactPage>)).toMatchObject({ ok: true, value: { total: 500 } });
  }, 120_000);
});

/** Makes the file immutable (root ignores permission bits; chattr +i binds root too), or says why not. */
function makeImmutable(file: string): string | null {
  try {
    execFileSync('chattr', ['+i', file], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `cannot make a file read-only for root here (chattr +i: ${(error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message}); read-only workspaces not tested`;
  }
}

describe('a read-only workspace file', () => {
  it('opens for reading and says so; every change is refused with a clear message and nothing changes', async (ctx) => {
    const db = tempDbPath(dir);
    tillitJson(db, ['import', csv('ro.csv', 5), '--source', 'web-form']);
    const before = sha(db);
    const refused = makeImmutable(db);
    if (refused) {
      console.warn(refused);
      ctx.skip();
      return;
    }
    try {
      const w = openWorkspace({ dbPath: db, importsInWorker: false, dailyBackup: true });
      open.push(w);
      const info = (await w.dispatch('app.info', {})) as Envelope<AppInfo>;
      expect(info).toMatchObject({ ok: true, value: { readOnly: true, contactCount: 5 } });
      const page = (await w.dispatch('contacts.list', {})) as Envelope<ContactPage>;
      expect(page.ok && page.value.total).toBe(5);
      const id = page.ok ? page.value.items[0]!.id : 0;
      const write = await w.dispatch('consent.record', { contactIds: [id], kind: 'withdrawal', date: '2026-01-02' });
      expect(write).toMatchObject({ ok: false, error: { code: 'conflict', messageCode: 'workspace-read-only' } });
      expect(write.ok ? '' : write.error.message).toMatch(/read-only .*open for reading and nothing was changed/);
      expect(await w.dispatch('backups.create', {})).toMatchObject({ ok: false, error: { messageCode: 'workspace-read-only' } });
      w.close();

      expect(tillitJson<unknown[]>(db, ['list'])).toHaveLength(5);
      const cli = tillit(db, ['consent', 'withdraw', 'kunde1@example.no']);
      expect(cli.status).toBe(1);
      expect(cli.stderr).toMatch(/^tillit: This workspace is read-only/);
      expect(sha(db)).toBe(before);
      expect(nb.errors?.['workspace-read-only']).toMatch(/skrivebeskyttet/);
    } finally {
      execFileSync('chattr', ['-i', db]);
    }
  }, 120_000);
});

describe('a workspace another connection is writing to', () => {
  it('keeps the server answering: a write is refused as busy within a moment, reads go on', async () => {
    const db = tempDbPath(dir);
    const w = openWorkspace({ dbPath: db, importsInWorker: false });
    open.push(w);
    const staticDir = fs.mkdtempSync(path.join(dir, 'static-'));
    const server = await startLoopbackServer({ workspace: w, staticDir, token: 't'.repeat(48) });
    await w.dispatch('contacts.list', {}); // today's statuses cached before the lock is taken
    const other = new Database(db);
    try {
      other.pragma('busy_timeout = 0');
      other.exec("INSERT INTO settings (key, value) VALUES ('lock-test', '1') ON CONFLICT (key) DO NOTHING");
      other.exec('BEGIN IMMEDIATE'); // holds the write lock, as the CLI's import does
      const post = (method: string, body: unknown): Promise<Envelope<unknown>> =>
        fetch(new URL(`/api/${method}`, server.url), {
          method: 'POST',
          headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json() as Promise<Envelope<unknown>>);
      const started = Date.now();
      const [write, read] = await Promise.all([post('settings.update', { brand: 'Bakeriet' }), post('contacts.list', {})]);
      const elapsed = Date.now() - started;
      expect(write).toMatchObject({ ok: false, error: { code: 'conflict', messageCode: 'store-busy' } });
      expect(read).toMatchObject({ ok: true });
      expect(elapsed).toBeLessThan(2500); // the app's connection waits 250 ms, not the CLI's 5 s
      other.exec('ROLLBACK');
      expect(await post('settings.update', { brand: 'Bakeriet' })).toMatchObject({ ok: true });
    } finally {
      other.close();
      await server.close();
    }
  });
});
