// Backups and restore on real workspace files: what a backup holds (database, evidence,
// manifest with the ledger head), the automatic ones before imports and undos, rotation, the
// second folder, a restore in place behind the app's dispatcher, the backups a restore
// refuses, and a full disk.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../src/main/app/workspace.ts';
import { readAnchors } from '../src/main/store/anchors.ts';
import { backupsDirFor, backupsToRotate, listBackups, restoreBackup, type BackupEntry, type BackupManifest, type BackupReason } from '../src/main/store/backup.ts';
import { LATEST_VERSION } from '../src/main/store/migrations/index.ts';
import { verifyLedger } from '../src/main/store/ledger-verify.ts';
import { ledgerHead } from '../src/main/store/anchors.ts';
import type { BackupsOverview, BackupSummary, ContactPage, ImportReport, RestoreSummary } from '../src/shared/contract/dto.ts';
import type { ApiError, Envelope } from '../src/shared/contract/envelope.ts';
import { damageBtreePage } from './helpers/damage.ts';
import { mountSmallDisk } from './helpers/tmpfs.ts';
import { tempDbPath, tempDir } from './helpers/temp.ts';

const dir = tempDir('tillit-backup-');
const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

function workspace(dbPath = tempDbPath(dir), extra: Partial<Parameters<typeof openWorkspace>[0]> = {}): Workspace {
  const w = openWorkspace({ dbPath, importsInWorker: false, today: () => '2026-03-01', ...extra });
  open.push(w);
  return w;
}

async function call<T>(w: Workspace, method: string, input: unknown = {}): Promise<T> {
  const envelope = (await w.dispatch(method, input)) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

async function refused(w: Workspace, method: string, input: unknown = {}): Promise<ApiError> {
  const envelope = (await w.dispatch(method, input));
  if (envelope.ok) throw new Error(`${method} was expected to fail`);
  return envelope.error;
}

async function importCsv(w: Workspace, csv: string, name = 'kunder.csv'): Promise<ImportReport> {
  const { stagedId } = await call<{ stagedId: string }>(w, 'files.stage', { fileName: name, chunkBase64: Buffer.from(csv).toString('base64') });
  return call<ImportReport>(w, 'import.commit', { stagedId, source: 'web-form', collectedAt: '2026-02-01', basis: 'explicit' });
}

async function emails(w: Workspace): Promise<string[]> {
  return (await call<ContactPage>(w, 'contacts.list', { sort: 'email', limit: 1000 })).items.map((c) => c.email);
}

async function optIn(w: Workspace, id: number, proof?: string): Promise<void> {
  await call(w, 'consent.record', {
    contactIds: [id],
    kind: 'opt-in',
    date: '2026-02-10',
    source: 'web-form',
    ...(proof ? { evidence: { fileName: 'skjema.txt', dataBase64: Buffer.from(proof).toString('base64') } } : {}),
  });
}

const CSV = 'email,first_name\nola@nordmann.no,Ola\nkari@example.no,Kari\n';

describe('a backup', () => {
  it('holds the database, the evidence it refers to (hard-linked) and a manifest with the ledger head; it logs a backup anchor', async () => {
    const dbPath = tempDbPath(dir);
    const w = workspace(dbPath);
    await importCsv(w, CSV);
    const [first] = (await call<ContactPage>(w, 'contacts.list', { sort: 'email' })).items;
    await optIn(w, first!.id, 'Ja takk, send meg nyhetsbrev');
    const summary = await call<BackupSummary>(w, 'backups.create');
    expect(summary).toMatchObject({ location: 'workspace', reason: 'manual', contacts: 2, evidenceFiles: 2 }); // the CSV original and the proof
    expect(summary.ledger).toEqual(ledgerHead(w.context.db));

    const manifest = JSON.parse(fs.readFileSync(path.join(summary.dir, 'manifest.json'), 'utf8')) as BackupManifest;
    expect(manifest).toMatchObject({ format: 'tillit-backup', schemaVersion: LATEST_VERSION, reason: 'manual', missingEvidence: [] });
    expect(manifest.counts).toMatchObject({ contacts: 2, imports: 1, evidenceFiles: 2 });
    const copy = new Database(path.join(summary.dir, 'tillit.sqlite'), { readonly: true });
    expect(ledgerHead(copy)).toEqual(manifest.ledger);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete'); // one self-contained file
    copy.close();
    expect(fs.readdirSync(summary.dir).sort()).toEqual(['evidence', 'manifest.json', 'tillit.sqlite']);
    for (const file of manifest.evidence) {
      const inBackup = fs.statSync(path.join(summary.dir, 'evidence', file.sha256));
      const inWorkspace = fs.statSync(path.join(`${dbPath}-files`, 'evidence', file.sha256));
      expect(inBackup.ino).toBe(inWorkspace.ino); // hard link: same file, no second copy
    }
    expect(readAnchors(dbPath).filter((a) => a.reason === 'backup').at(-1)).toMatchObject({ ...manifest.ledger, note: summary.dir });
  });

  it('is taken automatically before every import and undo, holding the state before it', async () => {
    const dbPath = tempDbPath(dir);
    const w = workspace(dbPath);
    const report = await importCsv(w, CSV);
    const headAfterImport = ledgerHead(w.context.db);
    await call(w, 'import.undo', { importId: report.importId });
    const backups = listBackups(backupsDirFor(dbPath));
    expect(backups.map((b) => b.manifest.reason)).toEqual(['undo', 'import']);
    expect(backups[1]!.manifest.ledger.events).toBe(0); // before the import
    expect(backups[0]!.manifest.ledger).toEqual(headAfterImport); // before the undo
  });

  it('is taken once a day when the app opens', async () => {
    const dbPath = tempDbPath(dir);
    workspace(dbPath).close();
    const first = openWorkspace({ dbPath, dailyBackup: true, importsInWorker: false });
    open.push(first);
    await waitFor(() => listBackups(backupsDirFor(dbPath)).length === 1);
    first.close();
    const second = openWorkspace({ dbPath, dailyBackup: true, importsInWorker: false });
    open.push(second);
    await new Promise((r) => setTimeout(r, 300));
    expect(listBackups(backupsDirFor(dbPath)).map((b) => b.manifest.reason)).toEqual(['daily']); // not again the same day
  });

  it('is also copied to the second folder; a second folder that went away does not stop the backup, and Settings shows why', async () => {
    const dbPath = tempDbPath(dir);
    const w = workspace(dbPath);
    const usb = fs.mkdtempSync(path.join(dir, 'usb-'));
    expect((await refused(w, 'backups.setSecondFolder', { folder: path.join(dir, 'nowhere') })).messageCode).toBe('backup-folder-unusable');
    await call(w, 'backups.setSecondFolder', { folder: usb });
    const made = await call<BackupSummary>(w, 'backups.create');
    const overview = await call<BackupsOverview>(w, 'backups.list');
    expect(overview.backups.map((b) => [b.location, b.name])).toEqual([
      ['workspace', made.name],
      ['second', made.name],
    ]);
    expect(fs.readdirSync(path.join(usb, made.name)).sort()).toEqual(['evidence', 'manifest.json', 'tillit.sqlite']);

    fs.rmSync(usb, { recursive: true }); // the stick is unplugged
    await call<BackupSummary>(w, 'backups.create');
    const after = await call<BackupsOverview>(w, 'backups.list');
    expect(after.backups.filter((b) => b.location === 'workspace')).toHaveLength(2);
    expect(after.secondFolderProblem?.messageCode).toBe('backup-failed');
  });
});

describe('rotation', () => {
  const entry = (createdAt: string, reason: BackupReason): BackupEntry =>
    ({ name: `${createdAt}-${reason}`, dir: '', manifest: { createdAt, reason } as BackupManifest });

  it('keeps the newest five automatic backups, the newest of each of the last seven days, and every manual one', () => {
    const now = '2026-03-20T12:00:00.000Z';
    const entries = [
      ...Array.from({ length: 8 }, (_, i) => entry(`2026-03-20T11:0${i}:00.000Z`, 'import')).reverse(), // today, newest first
      entry('2026-03-19T10:00:00.000Z', 'undo'),
      entry('2026-03-19T09:00:00.000Z', 'daily'),
      entry('2026-03-15T09:00:00.000Z', 'daily'),
      entry('2026-03-01T09:00:00.000Z', 'daily'), // older than a week
      entry('2026-02-01T09:00:00.000Z', 'manual'),
    ];
    const removed = backupsToRotate(entries, now).map((e) => e.name);
    expect(removed).toEqual([
      '2026-03-20T11:02:00.000Z-import',
      '2026-03-20T11:01:00.000Z-import',
      '2026-03-20T11:00:00.000Z-import',
      '2026-03-19T09:00:00.000Z-daily',
      '2026-03-01T09:00:00.000Z-daily',
    ]);
  });
});

describe('restoring', () => {
  it('in the app: re-opens the workspace behind the same dispatcher, keeps a safety backup, logs a restore anchor, and the ledger verifies', async () => {
    const dbPath = tempDbPath(dir);
    const w = workspace(dbPath);
    const events: string[] = [];
    w.subscribe((name, payload) => events.push(`${name}:${(payload as { reason?: string }).reason ?? ''}`));
    await importCsv(w, CSV);
    const backup = await call<BackupSummary>(w, 'backups.create');
    await importCsv(w, 'email\nper@example.no\n', 'mer.csv');
    expect(await emails(w)).toEqual(['kari@example.no', 'ola@nordmann.no', 'per@example.no']);
    const headBefore = ledgerHead(w.context.db);

    const result = await call<RestoreSummary>(w, 'backups.restore', { location: 'workspace', name: backup.name });
    expect(result.restored.ledger).toEqual(backup.ledger);
    expect(await emails(w)).toEqual(['kari@example.no', 'ola@nordmann.no']);
    expect(verifyLedger(w.context.db).intact).toBe(true);
    expect(events).toContain('contacts.changed:restore');
    const safety = listBackups(backupsDirFor(dbPath)).find((b) => b.name === result.safetyBackup);
    expect(safety?.manifest).toMatchObject({ reason: 'before-restore', ledger: headBefore });
    // The restore's anchor (the re-opened workspace's check may log it as verified after it).
    expect(readAnchors(dbPath).filter((a) => a.reason === 'restore').at(-1)).toMatchObject({ reason: 'restore', ...backup.ledger });
    // Anchors logged at or below the restored head still match it.
    for (const anchor of readAnchors(dbPath).filter((a) => a.events === backup.ledger.events)) expect(anchor.head).toBe(backup.ledger.head);

    // The re-opened workspace works: a new import, and the safety backup brings the later state back.
    await importCsv(w, 'email\nliv@example.no\n', 'liv.csv');
    await call(w, 'backups.restore', { location: 'workspace', name: result.safetyBackup });
    expect(await emails(w)).toEqual(['kari@example.no', 'ola@nordmann.no', 'per@example.no']);
  });

  it('into an empty place (a new computer) brings the evidence files with it', async () => {
    const source = tempDbPath(dir);
    const w = workspace(source);
    await importCsv(w, CSV);
    const backup = await call<BackupSummary>(w, 'backups.create');
    const target = tempDbPath(dir);
    const result = await restoreBackup(target, backup.dir, { appVersion: 'test', now: new Date().toISOString() });
    expect(result.safetyBackup).toBeNull();
    expect(result.evidenceCopied).toBe(1);
    const restored = workspace(target);
    expect(await emails(restored)).toEqual(['kari@example.no', 'ola@nordmann.no']);
    const imports = await call<{ id: number }[]>(restored, 'imports.list');
    expect(imports).toHaveLength(1);
  });

  it.each([
    {
      name: 'a damaged database',
      code: 'backup-damaged',
      spoil: (dir: string) => void damageBtreePage(path.join(dir, 'tillit.sqlite'), 'contacts'),
    },
    {
      name: 'a ledger edited behind the app’s back',
      code: 'backup-ledger-broken',
      spoil: (dir: string) => {
        const db = new Database(path.join(dir, 'tillit.sqlite'));
        for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'consent_events'").pluck().all() as string[]) db.exec(`DROP TRIGGER "${t}"`);
        db.prepare("UPDATE consent_events SET date = '2020-01-01' WHERE id = 1").run();
        db.close();
      },
    },
    {
      name: 'a newer schema',
      code: 'backup-newer',
      spoil: (dir: string) => {
        const db = new Database(path.join(dir, 'tillit.sqlite'));
        db.pragma('user_version = 99');
        db.close();
      },
    },
    {
      name: 'a database that does not match its manifest',
      code: 'backup-ledger-broken',
      spoil: (dir: string) => {
        const file = path.join(dir, 'manifest.json');
        const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
        fs.writeFileSync(file, JSON.stringify({ ...manifest, ledger: { events: manifest.ledger.events + 5, head: manifest.ledger.head } }));
      },
    },
    { name: 'a missing manifest', code: 'backup-invalid', spoil: (dir: string) => fs.rmSync(path.join(dir, 'manifest.json')) },
  ])('refuses $name and leaves the workspace as it was', async ({ code, spoil }) => {
    const dbPath = tempDbPath(dir);
    const w = workspace(dbPath);
    await importCsv(w, CSV);
    const backup = await call<BackupSummary>(w, 'backups.create');
    await importCsv(w, 'email\nper@example.no\n', 'mer.csv');
    spoil(backup.dir);
    const listed = listBackups(backupsDirFor(dbPath)).map((b) => b.name);
    const before = await emails(w);
    const anchors = readAnchors(dbPath).length;
    const error = code === 'backup-invalid'
      ? await restoreBackup(dbPath, backup.dir, { appVersion: 'test', now: new Date().toISOString() }).then(() => null, (e: { sentence?: { messageCode: string } }) => e)
      : await refused(w, 'backups.restore', { location: 'workspace', name: backup.name });
    const messageCode = error && 'messageCode' in error ? error.messageCode : (error as { sentence?: { messageCode: string } } | null)?.sentence?.messageCode;
    expect(messageCode).toBe(code);
    expect(await emails(w)).toEqual(before);
    expect(readAnchors(dbPath)).toHaveLength(anchors);
    expect(fs.readdirSync(path.dirname(dbPath)).filter((f) => f.includes('.restoring-'))).toEqual([]);
    // Refused before the safety backup: the list holds only the backups made so far.
    expect(listBackups(backupsDirFor(dbPath)).map((b) => b.name)).toEqual(listed);
  });

  it('from the CLI refuses while the app has the workspace open, and changes nothing', async () => {
    const dbPath = tempDbPath(dir);
    const w = workspace(dbPath);
    await importCsv(w, CSV);
    const backup = await call<BackupSummary>(w, 'backups.create');
    await importCsv(w, 'email\nper@example.no\n', 'mer.csv');
    const error = await restoreBackup(dbPath, backup.dir, { appVersion: 'test', now: new Date().toISOString() }).then(
      () => null,
      (e: { sentence?: { messageCode: string }; message: string }) => e,
    );
    expect(error?.sentence?.messageCode).toBe('workspace-in-use');
    expect(await emails(w)).toEqual(['kari@example.no', 'ola@nordmann.no', 'per@example.no']);
  });
});

describe('a full disk', () => {
  it('while backing up: a clear message, the store unchanged, no partial backup left, and the next backup works', async (ctx) => {
    const disk = mountSmallDisk(24 * 1024 * 1024);
    if ('refused' in disk) {
      console.warn(disk.refused);
      ctx.skip();
      return;
    }
    try {
      const dbPath = path.join(disk.dir, 'tillit.sqlite');
      const w = workspace(dbPath);
      const rows = Array.from({ length: 3000 }, (_, i) => `kunde${i}@example.no,Kunde ${i} ${'x'.repeat(200)}`);
      await importCsv(w, `email,first_name\n${rows.join('\n')}\n`);
      const before = await emails(w);
      const backupsBefore = listBackups(backupsDirFor(dbPath)).map((b) => b.name);
      disk.fill(64 * 1024); // room for the WAL's next pages, not for a copy of the database

      const error = await refused(w, 'backups.create');
      expect(error).toMatchObject({ code: 'conflict', messageCode: 'backup-disk-full' });
      expect(error.message).toMatch(/disk is full.*Nothing was changed and no partial backup was left/);
      expect(fs.readdirSync(backupsDirFor(dbPath)).filter((n) => n.startsWith('.'))).toEqual([]);
      expect(listBackups(backupsDirFor(dbPath)).map((b) => b.name)).toEqual(backupsBefore);
      expect(await emails(w)).toEqual(before);
      expect(verifyLedger(w.context.db).intact).toBe(true);

      // An import needs its backup first: refused the same way, nothing imported.
      const refusedImport = await w.dispatch('import.commit', {
        stagedId: (await call<{ stagedId: string }>(w, 'files.stage', { fileName: 'x.csv', chunkBase64: Buffer.from('email\nny@example.no\n').toString('base64') })).stagedId,
        source: 'web-form',
        collectedAt: '2026-02-01',
      }).catch((e: unknown) => e);
      expect(refusedImport).toMatchObject({ ok: false, error: { messageCode: 'backup-disk-full' } });
      expect(await emails(w)).toEqual(before);

      disk.free();
      const made = await call<BackupSummary>(w, 'backups.create');
      expect(made.contacts).toBe(3000);
    } finally {
      for (const w of open.splice(0)) w.close();
      disk.unmount();
    }
  });
});

async function waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
