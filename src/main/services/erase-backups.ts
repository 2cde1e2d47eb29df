// Erasure on request reaches the backups too: a backup is a copy of the workspace, so each one
// that still holds the person (in the workspace folder, and in the second folder when it is
// plugged in) gets the same erasure — contact, notes, raw rows, files only they used, their
// rows cut out of import originals — recorded in that backup's own ledger, and its manifest is
// rewritten to match, so the backup still verifies and restores. Nothing else in a backup
// changes.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_DB_FILE, backupsDirFor, listBackups, MANIFEST_FILE, type BackupManifest } from '../store/backup.ts';
import { ledgerHead } from '../store/anchors.ts';
import { openStore } from '../store/open.ts';
import { readBackupSettings } from './backups.ts';
import type { ServiceContext } from './context.ts';

export interface BackupErasure {
  /** Backup folders the person was erased from. */
  erased: string[];
  /** Backups that could not be changed (a read-only stick, say), with why: the user is told. */
  failed: { dir: string; reason: string }[];
}

/** Erases the address from every backup that holds it; `erase` is the workspace's own erasure, run on each copy. */
export function eraseFromBackups(
  ctx: ServiceContext,
  emailKey: string,
  erase: (copy: ServiceContext, contactId: number) => void,
): BackupErasure {
  const result: BackupErasure = { erased: [], failed: [] };
  const second = readBackupSettings(ctx.dbPath).secondFolder;
  const parents = [backupsDirFor(ctx.dbPath), ...(second !== null && fs.existsSync(second) ? [second] : [])];
  for (const parent of parents) {
    for (const entry of listBackups(parent)) {
      const file = path.join(entry.dir, BACKUP_DB_FILE);
      try {
        const db = openStore(file);
        try {
          const id = db.prepare('SELECT id FROM contacts WHERE email_key = ?').pluck().get(emailKey) as number | undefined;
          if (id === undefined) continue;
          erase({ ...ctx, db, dbPath: file, filesDir: entry.dir, emit: () => {} }, id);
          db.pragma('wal_checkpoint(TRUNCATE)');
          db.pragma('journal_mode = DELETE'); // a backup is one self-contained file
          rewriteManifest(entry.dir, entry.manifest, db);
          result.erased.push(entry.dir);
        } finally {
          db.close();
        }
      } catch (error) {
        result.failed.push({ dir: entry.dir, reason: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return result;
}

/** The manifest again, from the changed copy: ledger head, counts, the database's hash, the files it keeps. */
function rewriteManifest(dir: string, before: BackupManifest, db: ReturnType<typeof openStore>): void {
  const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
  const referenced = new Set(
    db.prepare('SELECT sha256 FROM evidence WHERE sha256 IS NOT NULL UNION SELECT file_sha256 FROM imports').pluck().all() as string[],
  );
  const evidenceDir = path.join(dir, 'evidence');
  const evidence = fs
    .readdirSync(evidenceDir)
    .filter((name) => /^[0-9a-f]{64}$/.test(name))
    .map((name) => ({ sha256: name, size: fs.statSync(path.join(evidenceDir, name)).size }))
    .sort((a, b) => a.sha256.localeCompare(b.sha256));
  const dbFile = path.join(dir, BACKUP_DB_FILE);
  const manifest: BackupManifest = {
    ...before,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    ledger: ledgerHead(db),
    counts: {
      contacts: count('SELECT COUNT(*) FROM contacts WHERE removed_at IS NULL'),
      events: count('SELECT COUNT(*) FROM consent_events'),
      imports: count('SELECT COUNT(*) FROM imports'),
      evidenceFiles: evidence.length,
    },
    database: { file: BACKUP_DB_FILE, size: 0, sha256: '' },
    evidence,
    missingEvidence: before.missingEvidence.filter((sha) => referenced.has(sha)),
  };
  // The hash and size of the database as it will be once closed: the caller closes it next,
  // and nothing is written to it after the checkpoint; read them from the file now.
  const bytes = fs.readFileSync(dbFile);
  manifest.database = { file: BACKUP_DB_FILE, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  const temp = path.join(dir, `${MANIFEST_FILE}.${process.pid}.tmp`);
  fs.writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, path.join(dir, MANIFEST_FILE));
}
