// Backups of a workspace: the database copied with SQLite's online backup API (a consistent
// snapshot while the app keeps working), the evidence files it refers to, and a manifest with
// the ledger head (an anchor outside the database). Each backup is a folder,
// `<db>-files/backups/<stamp>-<reason>/`, built under a hidden `.partial-…` name and renamed
// into place when complete: a crash or a full disk leaves no half backup in the list.
// Restoring checks the backup as hard as the app checks its own file, keeps a safety backup of
// the current state, and swaps the database file in with one rename.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/contract/envelope.ts';
import { filesDirFor } from '../services/context.ts';
import { appendAnchor, ledgerHead, readAnchors, type LedgerAnchor } from './anchors.ts';
import { evidenceDir, sha256File } from './evidence.ts';
import { verifyLedger } from './ledger-verify.ts';
import { LATEST_VERSION } from './migrations/index.ts';
import { damagedError, isStoreDamaged, openStore, type DB } from './open.ts';

export const BACKUP_REASONS = ['manual', 'import', 'undo', 'daily', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_DB_FILE = 'tillit.sqlite';
export const MANIFEST_FILE = 'manifest.json';

/** Automatic backups kept: the newest few, plus the newest of each of the last days. Manual ones are never removed. */
export const KEEP_AUTOMATIC = 5;
export const KEEP_DAILY_DAYS = 7;

export interface BackupManifest {
  format: 'tillit-backup';
  formatVersion: 1;
  createdAt: string;
  reason: BackupReason;
  appVersion: string;
  schemaVersion: number;
  /** The workspace it was taken from. */
  workspace: string;
  /** The ledger head inside the copied database: an anchor. */
  ledger: LedgerAnchor;
  counts: { contacts: number; events: number; imports: number; evidenceFiles: number };
  database: { file: typeof BACKUP_DB_FILE; size: number; sha256: string };
  /** Evidence files in `evidence/`, named by their SHA-256. */
  evidence: { sha256: string; size: number }[];
  /** Files the database refers to that were already missing from the workspace. */
  missingEvidence: string[];
}

export interface BackupEntry {
  /** Folder name inside the backups folder. */
  name: string;
  dir: string;
  manifest: BackupManifest;
}

export function backupsDirFor(dbPath: string): string {
  return path.join(filesDirFor(dbPath), 'backups');
}

/** Test hook: a kill test names a step, and the process kills itself there (SIGKILL, no clean-up). */
function crashPoint(step: string): void {
  if (process.env.TILLIT_TEST_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}

function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

export function backupDiskFullError(dir: string): AppError {
  return new AppError(
    'conflict',
    `The disk is full: the backup could not be written to ${dir}. Nothing was changed and no partial backup was left. Free some space and try again.`,
    undefined,
    { messageCode: 'backup-disk-full', messageParams: { folder: dir } },
  );
}

function backupFailedError(dir: string, error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('conflict', `The backup could not be written to ${dir} (${reason}). Nothing was changed.`, undefined, {
    messageCode: 'backup-failed',
    messageParams: { folder: dir, reason },
  });
}

function fsyncPath(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // some filesystems refuse fsync on a directory; the rename is still ordered after the data
  } finally {
    fs.closeSync(fd);
  }
}

/** `2026-12-03T19-05-12-123Z`: sorts as time does and is a valid file name everywhere. */
function stamp(iso: string): string {
  return iso.replace(/:/g, '-').replace(/\./g, '-');
}

/** Hard link where the filesystem allows (evidence files are immutable, named by hash), else copy. */
function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code === 'ENOSPC') throw error;
    fs.copyFileSync(from, to);
  }
}

/** Removes `.partial-…` folders left by a backup that was killed (never one still being written by a live process). */
function removeStalePartials(parent: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const match = /^\.partial-(\d+)-/.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && processAlive(pid)) continue;
    fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function count(db: DB, sql: string): number {
  return db.prepare(sql).pluck().get() as number;
}

/** Every evidence file a database refers to: attached proof and the originals of imports. */
function referencedEvidence(db: DB): string[] {
  return db
    .prepare('SELECT sha256 FROM evidence WHERE sha256 IS NOT NULL UNION SELECT file_sha256 FROM imports ORDER BY 1')
    .pluck()
    .all() as string[];
}

export interface CreateBackupOptions {
  reason: BackupReason;
  appVersion: string;
  /** ISO timestamp. */
  now: string;
  /** Folder the backup folder goes in (default: the workspace's backups folder). */
  parentDir?: string;
}

/**
 * Backs up the open workspace into a new folder and returns it. The copy is made with the
 * online backup API, then checked (quick_check) before it counts: a damaged page in the
 * workspace is refused here rather than kept as a backup that cannot be restored.
 */
export async function createBackup(db: DB, dbPath: string, options: CreateBackupOptions): Promise<BackupEntry> {
  const parent = options.parentDir ?? backupsDirFor(dbPath);
  const name = `${stamp(options.now)}-${options.reason}`;
  const finalDir = path.join(parent, name);
  const partial = path.join(parent, `.partial-${process.pid}-${name}`);
  try {
    fs.mkdirSync(parent, { recursive: true });
    removeStalePartials(parent);
    if (fs.existsSync(finalDir)) throw new Error(`a backup named ${name} already exists`);
    fs.mkdirSync(path.join(partial, 'evidence'), { recursive: true });
    const copy = path.join(partial, BACKUP_DB_FILE);
    await db.backup(copy);
    crashPoint('backup-copied');
    selfContained(copy);
    const facts = inspectCopy(copy, dbPath);
    const sourceEvidence = evidenceDir(filesDirFor(dbPath));
    const evidence: BackupManifest['evidence'] = [];
    const missingEvidence: string[] = [];
    for (const sha256 of facts.referenced) {
      const from = path.join(sourceEvidence, sha256);
      if (!fs.existsSync(from)) {
        missingEvidence.push(sha256);
        continue;
      }
      linkOrCopy(from, path.join(partial, 'evidence', sha256));
      evidence.push({ sha256, size: fs.statSync(from).size });
    }
    const manifest: BackupManifest = {
      format: 'tillit-backup',
      formatVersion: 1,
      createdAt: options.now,
      reason: options.reason,
      appVersion: options.appVersion,
      schemaVersion: facts.schemaVersion,
      workspace: path.resolve(dbPath),
      ledger: facts.ledger,
      counts: { ...facts.counts, evidenceFiles: evidence.length },
      database: { file: BACKUP_DB_FILE, size: fs.statSync(copy).size, sha256: sha256File(copy) },
      evidence,
      missingEvidence,
    };
    writeFileDurably(path.join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    fsyncPath(copy);
    fsyncPath(path.join(partial, 'evidence'));
    fsyncPath(partial);
    crashPoint('backup-before-rename');
    fs.renameSync(partial, finalDir);
    fsyncPath(parent);
    return { name, dir: finalDir, manifest };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    if (error instanceof AppError) throw error;
    if (isDiskFull(error)) throw backupDiskFullError(parent);
    throw backupFailedError(parent, error);
  }
}

/**
 * The copy leaves WAL mode: one self-contained file (no -wal or -shm beside it, nothing a reader
 * of the copy has to create), which is what a backup folder on a USB stick should hold.
 * Opening it later in the app switches it back to WAL.
 */
function selfContained(copy: string): void {
  const db = new Database(copy);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

function writeFileDurably(file: string, text: string): void {
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

interface CopyFacts {
  schemaVersion: number;
  ledger: LedgerAnchor;
  counts: { contacts: number; events: number; imports: number };
  referenced: string[];
}

/** Reads what the manifest records from the copy itself, after checking it is intact. */
function inspectCopy(copy: string, dbPath: string): CopyFacts {
  const db = new Database(copy, { readonly: true });
  try {
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw damagedError(dbPath, problems);
    return {
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      ledger: ledgerHead(db),
      counts: {
        contacts: count(db, 'SELECT COUNT(*) FROM contacts WHERE removed_at IS NULL'),
        events: count(db, 'SELECT COUNT(*) FROM consent_events'),
        imports: count(db, 'SELECT COUNT(*) FROM imports'),
      },
      referenced: referencedEvidence(db),
    };
  } catch (error) {
    if (isStoreDamaged(error)) throw damagedError(dbPath, [(error as Error).message]);
    throw error;
  } finally {
    db.close();
  }
}

/** Copies a finished backup folder into another folder (the second, user-chosen place), the same way: partial, then rename. */
export function copyBackup(entry: BackupEntry, parent: string): BackupEntry {
  const finalDir = path.join(parent, entry.name);
  const partial = path.join(parent, `.partial-${process.pid}-${entry.name}`);
  // Never created here: a missing folder is an unplugged stick, not a place to start a new one.
  if (!fs.existsSync(parent)) throw backupFailedError(parent, new Error('the folder is not there (is the USB stick plugged in?)'));
  try {
    removeStalePartials(parent);
    fs.mkdirSync(path.join(partial, 'evidence'), { recursive: true });
    fs.copyFileSync(path.join(entry.dir, BACKUP_DB_FILE), path.join(partial, BACKUP_DB_FILE));
    for (const file of entry.manifest.evidence) {
      linkOrCopy(path.join(entry.dir, 'evidence', file.sha256), path.join(partial, 'evidence', file.sha256));
    }
    writeFileDurably(path.join(partial, MANIFEST_FILE), `${JSON.stringify(entry.manifest, null, 2)}\n`);
    fsyncPath(path.join(partial, BACKUP_DB_FILE));
    fsyncPath(partial);
    fs.renameSync(partial, finalDir);
    fsyncPath(parent);
    return { name: entry.name, dir: finalDir, manifest: entry.manifest };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    if (isDiskFull(error)) throw backupDiskFullError(parent);
    throw backupFailedError(parent, error);
  }
}

function parseManifest(text: string): BackupManifest | null {
  try {
    const value = JSON.parse(text) as Partial<BackupManifest>;
    if (value.format !== 'tillit-backup' || typeof value.createdAt !== 'string' || !value.ledger || !value.database) return null;
    if (!(BACKUP_REASONS as readonly string[]).includes(value.reason ?? '')) return null;
    return value as BackupManifest;
  } catch {
    return null;
  }
}

/** The finished backups in a folder, newest first (partial and unreadable folders are left out). */
export function listBackups(parent: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const dir = path.join(parent, name);
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8');
    } catch {
      continue;
    }
    const manifest = parseManifest(text);
    if (manifest) entries.push({ name, dir, manifest });
  }
  return entries.sort((a, b) => (a.manifest.createdAt < b.manifest.createdAt ? 1 : a.manifest.createdAt > b.manifest.createdAt ? -1 : 0));
}

/**
 * Which backups rotation removes: automatic ones beyond the newest KEEP_AUTOMATIC, unless it
 * is the newest of its day within the last KEEP_DAILY_DAYS days. Manual backups are kept.
 */
export function backupsToRotate(entries: readonly BackupEntry[], now: string): BackupEntry[] {
  const automatic = entries.filter((e) => e.manifest.reason !== 'manual');
  const keep = new Set(automatic.slice(0, KEEP_AUTOMATIC));
  const cutoff = Date.parse(now) - KEEP_DAILY_DAYS * 86_400_000;
  const daysSeen = new Set<string>();
  for (const entry of automatic) {
    const day = entry.manifest.createdAt.slice(0, 10);
    if (daysSeen.has(day)) continue;
    daysSeen.add(day);
    if (Date.parse(entry.manifest.createdAt) >= cutoff) keep.add(entry);
  }
  return automatic.filter((e) => !keep.has(e));
}

export function rotateBackups(parent: string, now: string): string[] {
  const removed: string[] = [];
  for (const entry of backupsToRotate(listBackups(parent), now)) {
    fs.rmSync(entry.dir, { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------
// Restore

function restoreError(messageCode: 'backup-invalid' | 'backup-damaged' | 'backup-newer' | 'backup-ledger-broken' | 'workspace-in-use', message: string, params: Record<string, string | number>): AppError {
  return new AppError('conflict', message, undefined, { messageCode, messageParams: params });
}

/** The backup folder a user named: the folder, its manifest or its database file. */
export function resolveBackupDir(given: string): string {
  const resolved = path.resolve(given);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw restoreError('backup-invalid', `${given} is not there: name a backup folder (it holds manifest.json and tillit.sqlite).`, { file: given, reason: 'not found' });
  }
  const dir = stat.isDirectory() ? resolved : path.dirname(resolved);
  if (!fs.existsSync(path.join(dir, MANIFEST_FILE))) {
    throw restoreError('backup-invalid', `${given} is not a Tillit backup: there is no manifest.json beside it. Name a backup folder.`, { file: given, reason: 'no manifest.json' });
  }
  return dir;
}

export function readManifest(dir: string): BackupManifest {
  const manifest = parseManifest(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'));
  if (!manifest) throw restoreError('backup-invalid', `${dir} is not a Tillit backup: its manifest.json cannot be read.`, { file: dir, reason: 'unreadable manifest.json' });
  return manifest;
}

function stagedPath(dbPath: string, pid: number = process.pid): string {
  return `${dbPath}.restoring-${pid}`;
}

function intentPath(dbPath: string): string {
  return path.join(filesDirFor(dbPath), 'restore-pending.json');
}

interface RestoreIntent {
  pid: number;
  ledger: LedgerAnchor;
  source: string;
  at: string;
}

/**
 * Checks a staged copy as the app checks its own file, and more: quick_check, a schema this
 * version knows, an intact ledger, and the head its manifest promised.
 */
function validateStaged(staged: string, dir: string, manifest: BackupManifest): void {
  let db: DB | null = null;
  try {
    db = new Database(staged, { readonly: true });
    const schema = db.pragma('user_version', { simple: true }) as number;
    if (schema > LATEST_VERSION) {
      throw restoreError('backup-newer', `The backup ${dir} was made by a newer Tillit (schema ${schema}; this version knows up to ${LATEST_VERSION}). Update Tillit to restore it. Nothing was changed.`, { file: dir, schema });
    }
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) {
      throw restoreError('backup-damaged', `The backup ${dir} is damaged (${problems.slice(0, 3).join('; ')}); it was not restored and nothing was changed. Choose another backup.`, { file: dir });
    }
    const ledger = verifyLedger(db);
    if (!ledger.intact) {
      const broken = ledger.firstBroken!;
      throw restoreError('backup-ledger-broken', `The consent ledger in the backup ${dir} is broken at event ${broken.id} (${broken.reason}); it was not restored and nothing was changed. Choose another backup.`, { file: dir, eventId: broken.id });
    }
    const head = ledgerHead(db);
    if (head.events !== manifest.ledger.events || head.head !== manifest.ledger.head) {
      throw restoreError(
        'backup-ledger-broken',
        `The backup ${dir} does not match its manifest: the manifest records the ledger at ${manifest.ledger.events} events, the database holds ${head.events}. It was not restored and nothing was changed.`,
        { file: dir, eventId: head.events },
      );
    }
  } catch (error) {
    if (isStoreDamaged(error)) {
      throw restoreError('backup-damaged', `The backup ${dir} is damaged (${(error as Error).message}); it was not restored and nothing was changed. Choose another backup.`, { file: dir });
    }
    throw error;
  } finally {
    db?.close();
  }
}

export interface RestoreOptions {
  appVersion: string;
  now: string;
  /** Called just before the swap: the app closes its own connection here. */
  beforeSwap?: () => void;
}

export interface RestoreResult {
  restored: BackupManifest;
  from: string;
  /** The backup of the state before the restore (null when that state was damaged: kept aside instead). */
  safetyBackup: BackupEntry | null;
  /** Where a damaged workspace file was moved, when it was. */
  damagedCopy: string | null;
  evidenceCopied: number;
}

/**
 * Restores the backup in `source` over the workspace at dbPath. A kill at any point leaves
 * either the old or the new database in place, whole: the new one is staged beside the old
 * one, checked, and renamed over it; evidence is only ever added (files are named by hash).
 */
export async function restoreBackup(dbPath: string, source: string, options: RestoreOptions): Promise<RestoreResult> {
  const dir = resolveBackupDir(source);
  const manifest = readManifest(dir);
  const staged = stagedPath(dbPath);
  fs.mkdirSync(filesDirFor(dbPath), { recursive: true });
  let swapped = false;
  try {
    try {
      fs.copyFileSync(path.join(dir, BACKUP_DB_FILE), staged);
    } catch (error) {
      if (isDiskFull(error)) throw backupDiskFullError(path.dirname(dbPath));
      throw restoreError('backup-invalid', `${dir} is not a Tillit backup: ${BACKUP_DB_FILE} cannot be read (${(error as Error).message}).`, { file: dir, reason: (error as Error).message });
    }
    fsyncPath(staged);
    crashPoint('restore-staged');
    validateStaged(staged, dir, manifest);

    // Evidence: check each file against its name, add the ones the workspace lacks.
    const targetEvidence = evidenceDir(filesDirFor(dbPath));
    fs.mkdirSync(targetEvidence, { recursive: true });
    let evidenceCopied = 0;
    for (const file of manifest.evidence) {
      const from = path.join(dir, 'evidence', file.sha256);
      const to = path.join(targetEvidence, file.sha256);
      if (fs.existsSync(to)) continue;
      if (!fs.existsSync(from) || sha256File(from) !== file.sha256) {
        throw restoreError('backup-damaged', `The backup ${dir} is damaged: the evidence file ${file.sha256} is missing or was changed. It was not restored and nothing was changed.`, { file: dir });
      }
      const temp = `${to}.${process.pid}.tmp`;
      fs.copyFileSync(from, temp);
      fsyncPath(temp);
      fs.renameSync(temp, to);
      evidenceCopied += 1;
    }
    crashPoint('restore-evidence');

    // The state before: a safety backup, or, when it is damaged, the file itself kept aside.
    let safetyBackup: BackupEntry | null = null;
    let damaged = false;
    if (fs.existsSync(dbPath)) {
      let current: DB | null = null;
      try {
        current = openStore(dbPath, { quickCheck: true });
        safetyBackup = await createBackup(current, dbPath, { reason: 'before-restore', appVersion: options.appVersion, now: options.now });
        anchorBackup(dbPath, safetyBackup);
      } catch (error) {
        if (!(error instanceof AppError && error.sentence?.messageCode === 'workspace-damaged')) throw error;
        damaged = true;
      } finally {
        current?.close();
      }
    }
    crashPoint('restore-safety');

    options.beforeSwap?.();
    let damagedCopy: string | null = null;
    if (damaged) {
      damagedCopy = `${dbPath}.damaged-${stamp(options.now)}`;
      for (const suffix of ['-wal', '-shm']) {
        if (fs.existsSync(`${dbPath}${suffix}`)) fs.renameSync(`${dbPath}${suffix}`, `${damagedCopy}${suffix}`);
      }
      fs.renameSync(dbPath, damagedCopy);
    } else if (fs.existsSync(dbPath)) {
      // Leaving WAL mode needs every other connection closed: it folds the WAL into the file
      // and deletes it, so no stale WAL can be replayed over the restored file.
      const current = new Database(dbPath);
      try {
        current.pragma('busy_timeout = 0');
        current.pragma('journal_mode = DELETE');
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
          throw restoreError('workspace-in-use', `The workspace ${dbPath} is open in Tillit or another program; close it there first (or restore from Settings → Backups in the app). Nothing was changed.`, { file: dbPath });
        }
        throw error;
      } finally {
        current.close();
      }
    }
    crashPoint('restore-exclusive');

    const intent: RestoreIntent = { pid: process.pid, ledger: manifest.ledger, source: dir, at: options.now };
    writeFileDurably(intentPath(dbPath), `${JSON.stringify(intent)}\n`);
    crashPoint('restore-intent');
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbPath}${suffix}`, { force: true });
    fs.renameSync(staged, dbPath);
    swapped = true;
    fsyncPath(path.dirname(dbPath));
    crashPoint('restore-swapped');
    finishPendingRestore(dbPath);
    return { restored: manifest, from: dir, safetyBackup, damagedCopy, evidenceCopied };
  } finally {
    if (!swapped) fs.rmSync(staged, { force: true });
  }
}

/**
 * Completes or drops a restore a crash interrupted: when the restored database is in place
 * (its head is the one the restore recorded), the 'restore' anchor is logged; otherwise the
 * old database is still there and the staged copy is removed. Called before every open.
 */
export function finishPendingRestore(dbPath: string): void {
  const intentFile = intentPath(dbPath);
  let intent: RestoreIntent | null;
  try {
    intent = JSON.parse(fs.readFileSync(intentFile, 'utf8')) as RestoreIntent;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      try {
        removeStaleStaged(dbPath);
      } catch {
        // a read-only folder: nothing to tidy that we could
      }
      return;
    }
    intent = null; // a torn intent file: written before the rename, so the old database is in place
  }
  // Another process restoring right now (the app, while the CLI starts): its restore, not ours to finish.
  if (intent && intent.pid !== process.pid && processAlive(intent.pid)) return;
  if (intent && fs.existsSync(dbPath)) {
    let head: LedgerAnchor | null;
    const db = new Database(dbPath, { readonly: true });
    try {
      head = ledgerHead(db);
    } catch {
      head = null; // not readable as a ledger: not the restored file
    } finally {
      db.close();
    }
    if (head && head.events === intent.ledger.events && head.head === intent.ledger.head) {
      const last = readAnchors(dbPath).at(-1);
      const logged = last?.reason === 'restore' && last.events === head.events && last.head === head.head && last.note === intent.source;
      if (!logged) appendAnchor(dbPath, head, 'restore', intent.source, intent.at);
    }
  }
  try {
    fs.rmSync(intentFile, { force: true });
    removeStaleStaged(dbPath);
  } catch {
    // a read-only workspace: nothing was left behind by this process to remove
  }
}

/** Staged copies left by a restore that was killed before its rename (never a live process's). */
function removeStaleStaged(dbPath: string): void {
  const dir = path.dirname(path.resolve(dbPath));
  const prefix = `${path.basename(dbPath)}.restoring-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number.parseInt(name.slice(prefix.length), 10);
    if (pid !== process.pid && processAlive(pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Appends the 'backup' anchor for a finished backup. */
export function anchorBackup(dbPath: string, entry: BackupEntry): void {
  appendAnchor(dbPath, entry.manifest.ledger, 'backup', entry.dir);
}
