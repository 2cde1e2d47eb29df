// Backups as the app and the CLI use them: automatic ones before every import and undo and
// once a day when the app opens, manual ones on request, each to the workspace's backups
// folder and (when the user chose one) copied to a second folder; each logs a 'backup' anchor
// and is rotated. The second folder is a setting of this workspace on this computer, kept
// beside the database (not in it), so restoring an older backup does not forget it.

import fs from 'node:fs';
import path from 'node:path';
import type { BackupProblem, BackupsOverview, BackupSummary } from '../../shared/contract/dto.ts';
import { AppError } from '../../shared/contract/envelope.ts';
import { filesDirFor, type ServiceContext } from './context.ts';
import {
  anchorBackup,
  backupsDirFor,
  copyBackup,
  createBackup,
  KEEP_AUTOMATIC,
  KEEP_DAILY_DAYS,
  listBackups,
  rotateBackups,
  type BackupEntry,
  type BackupReason,
} from '../store/backup.ts';
import { readOnlyError } from '../store/open.ts';

interface BackupSettings {
  secondFolder: string | null;
}

function settingsPath(dbPath: string): string {
  return path.join(filesDirFor(dbPath), 'backup-settings.json');
}

export function readBackupSettings(dbPath: string): BackupSettings {
  try {
    const value = JSON.parse(fs.readFileSync(settingsPath(dbPath), 'utf8')) as Partial<BackupSettings>;
    return { secondFolder: typeof value.secondFolder === 'string' && value.secondFolder !== '' ? value.secondFolder : null };
  } catch {
    return { secondFolder: null };
  }
}

function writeBackupSettings(dbPath: string, settings: BackupSettings): void {
  const file = settingsPath(dbPath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`);
  fs.renameSync(temp, file);
}

export function toSummary(entry: BackupEntry, location: BackupSummary['location']): BackupSummary {
  const m = entry.manifest;
  return {
    name: entry.name,
    location,
    dir: entry.dir,
    createdAt: m.createdAt,
    reason: m.reason,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    ledger: { events: m.ledger.events, head: m.ledger.head },
    contacts: m.counts.contacts,
    evidenceFiles: m.counts.evidenceFiles,
    size: m.database.size,
  };
}

function problemOf(error: unknown): BackupProblem {
  if (error instanceof AppError) return { message: error.message, ...error.sentence };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** Refuses a second folder that is not an existing folder Tillit can write to. */
function checkSecondFolder(folder: string): string {
  const resolved = path.resolve(folder);
  const unusable = (reason: string): AppError =>
    new AppError('bad-request', `Backups cannot be copied to ${resolved}: ${reason}.`, undefined, {
      messageCode: 'backup-folder-unusable',
      messageParams: { folder: resolved, reason },
    });
  if (!path.isAbsolute(folder)) throw unusable('give the full path of the folder');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw unusable('there is no such folder (is the USB stick plugged in?)');
  }
  if (!stat.isDirectory()) throw unusable('it is a file, not a folder');
  const probe = path.join(resolved, `.tillit-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
  } catch (error) {
    throw unusable(`Tillit cannot write there (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return resolved;
}

export interface BackupServiceOptions {
  dbPath: string;
  /** The workspace as it is now (a restore re-opens it); not called to list or find backups, which a damaged workspace needs. */
  context(): ServiceContext;
  appVersion: string;
}

export class BackupService {
  private readonly options: BackupServiceOptions;
  private secondFolderProblem: BackupProblem | null = null;
  /** One backup at a time: two in the same millisecond would want the same folder name. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(options: BackupServiceOptions) {
    this.options = options;
  }

  private get ctx(): ServiceContext {
    return this.options.context();
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(work, work);
    this.running = next.catch(() => undefined);
    return next;
  }

  /**
   * A backup to the workspace's folder (or `toDir`), its anchor, rotation, and a copy to the
   * second folder. A failure to write the first is thrown (nothing else happened); a failure to
   * copy to the second folder is kept for Settings to show, and the backup still counts.
   */
  create(reason: BackupReason, toDir?: string): Promise<BackupEntry> {
    return this.serially(async () => {
      const ctx = this.ctx;
      if (ctx.db.readonly) throw readOnlyError(ctx.dbPath);
      const now = ctx.now();
      const entry = await createBackup(ctx.db, ctx.dbPath, { reason, appVersion: this.options.appVersion, now, parentDir: toDir });
      anchorBackup(ctx.dbPath, entry);
      if (toDir !== undefined) return entry;
      rotateBackups(backupsDirFor(ctx.dbPath), now);
      const second = readBackupSettings(ctx.dbPath).secondFolder;
      if (second !== null) {
        try {
          copyBackup(entry, second);
          rotateBackups(second, now);
          this.secondFolderProblem = null;
        } catch (error) {
          this.secondFolderProblem = problemOf(error);
        }
      }
      return entry;
    });
  }

  /** The backup taken before an import or an undo writes anything. */
  async beforeChange(kind: 'import' | 'undo'): Promise<void> {
    await this.create(kind);
  }

  /** The day's first start takes a backup (when the newest automatic or manual one is from an earlier day). */
  async daily(): Promise<BackupEntry | null> {
    const ctx = this.ctx;
    if (ctx.db.readonly) return null;
    const newest = listBackups(backupsDirFor(ctx.dbPath))[0];
    if (newest && newest.manifest.createdAt.slice(0, 10) === ctx.now().slice(0, 10)) return null;
    return this.create('daily');
  }

  overview(): BackupsOverview {
    const { dbPath } = this.options;
    const folder = backupsDirFor(dbPath);
    const secondFolder = readBackupSettings(dbPath).secondFolder;
    const backups = [
      ...listBackups(folder).map((e) => toSummary(e, 'workspace')),
      ...(secondFolder === null ? [] : listBackups(secondFolder).map((e) => toSummary(e, 'second'))),
    ].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.location === 'workspace' ? -1 : 1));
    return { folder, secondFolder, secondFolderProblem: this.secondFolderProblem, backups, keepAutomatic: KEEP_AUTOMATIC, keepDays: KEEP_DAILY_DAYS };
  }

  setSecondFolder(folder: string | null): BackupsOverview {
    const { dbPath } = this.options;
    const checked = folder === null ? null : checkSecondFolder(folder);
    if (checked !== null && path.resolve(checked) === path.resolve(backupsDirFor(dbPath))) {
      throw new AppError('bad-request', `${checked} is the workspace's own backups folder; choose another place (a USB stick, a synced folder).`, undefined, {
        messageCode: 'backup-folder-unusable',
        messageParams: { folder: checked, reason: 'it is the workspace’s own backups folder' },
      });
    }
    writeBackupSettings(dbPath, { secondFolder: checked });
    this.secondFolderProblem = null;
    return this.overview();
  }

  /** The folder of a listed backup (by location and name), for a restore. */
  find(location: BackupSummary['location'], name: string): string {
    const { dbPath } = this.options;
    const parent = location === 'workspace' ? backupsDirFor(dbPath) : readBackupSettings(dbPath).secondFolder;
    const entry = parent === null ? undefined : listBackups(parent).find((e) => e.name === name);
    if (!entry) {
      throw new AppError('not-found', `There is no backup named ${name} any more; refresh the list.`, undefined, { messageCode: 'backup-not-found', messageParams: { name } });
    }
    return entry.dir;
  }
}
