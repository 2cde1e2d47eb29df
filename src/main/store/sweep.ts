// Leftovers in the workspace's files folder from a process that died mid-write (a kill, a
// crash, a full disk), removed when the app or the loopback server opens the workspace:
//  - temp files (`*.tmp`) of evidence writes that never reached their rename;
//  - evidence files no row names: an import copies its original file into the evidence
//    folder before its transaction, so a kill between the copy and the commit leaves one;
//  - staged uploads (browser mode sends a file to import in chunks) never imported.
//
// Another process may be working on the same workspace while this runs (the CLI importing
// beside the app, a second server), so each removal is limited to what cannot be in use:
//  - a temp file is removed when the process named in it (`<pid>.<random>.tmp`) is dead, or
//    it is over an hour old (a pid reused since, or a folder shared between machines);
//  - evidence files and staged uploads are only judged while this connection holds the
//    store's write lock (BEGIN IMMEDIATE, not waited for): every import and every change
//    that records evidence writes inside a transaction that holds that lock, so none is
//    between its file write and its commit in a way that could make the file look unused,
//    except in the short step before it takes the lock. The grace period covers that step:
//    a file written (or reused: storeEvidenceFile touches it) in the last ten minutes stays.
//    A file that erasure replaced by a redacted copy, or removed, counts as named by no row.
//    When the lock is taken (an import is being saved), only temp files are swept.
//  - staged uploads not written to for a day are removed even while an import runs; with
//    the lock free, every upload idle for the grace period goes (an upload in progress in
//    another window writes a chunk at least every few seconds).
// Nothing is written to the database.

import fs from 'node:fs';
import path from 'node:path';
import { isStoreBusy } from './busy.ts';
import { erasedFileMap, evidenceDir } from './evidence.ts';
import type { DB } from './open.ts';

export const SWEEP_GRACE_MS = 10 * 60 * 1000;
const TEMP_MAX_AGE_MS = 60 * 60 * 1000;
const STAGED_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface SweepResult {
  tempFiles: string[];
  orphanEvidence: string[];
  stagedUploads: string[];
  /** False when another connection held the write lock, so only temp files were judged. */
  storeWasFree: boolean;
}

export interface SweepOptions {
  now?: number;
  /** Whether a process is alive (tests pass their own). */
  isAlive?: (pid: number) => boolean;
}

export function stagingDirOf(filesDir: string): string {
  return path.join(filesDir, 'staging');
}

export function sweepWorkspaceFiles(db: DB, filesDir: string, options: SweepOptions = {}): SweepResult {
  const now = options.now ?? Date.now();
  const isAlive = options.isAlive ?? processIsAlive;
  const result: SweepResult = { tempFiles: [], orphanEvidence: [], stagedUploads: [], storeWasFree: false };
  const evidence = evidenceDir(filesDir);
  const staging = stagingDirOf(filesDir);

  for (const dir of [evidence, staging]) {
    for (const name of listFiles(dir)) {
      if (!name.endsWith('.tmp')) continue;
      const age = ageOf(path.join(dir, name), now);
      if (age === null) continue;
      const pid = tempOwner(name);
      if (age > TEMP_MAX_AGE_MS || (pid !== null && !isAlive(pid))) {
        if (remove(path.join(dir, name))) result.tempFiles.push(path.join(dir, name));
      }
    }
  }

  // Staged uploads idle for a day go whatever else is happening.
  sweepStaged(staging, now, STAGED_MAX_AGE_MS, result);

  if (!tryWriteLock(db)) return result;
  result.storeWasFree = true;
  try {
    const used = referencedHashes(db);
    for (const name of listFiles(evidence)) {
      if (!/^[0-9a-f]{64}$/.test(name) || used.has(name)) continue;
      const file = path.join(evidence, name);
      const age = ageOf(file, now);
      if (age !== null && age > SWEEP_GRACE_MS && remove(file)) result.orphanEvidence.push(file);
    }
    sweepStaged(staging, now, SWEEP_GRACE_MS, result);
  } finally {
    db.exec('ROLLBACK'); // nothing was written
  }
  return result;
}

/**
 * Staged uploads idle for the grace period, removed: erasure on request calls this, since an
 * upload never imported may hold the person too (one being uploaded or previewed now stays).
 */
export function removeIdleStagedUploads(filesDir: string, now: number = Date.now()): string[] {
  const result: SweepResult = { tempFiles: [], orphanEvidence: [], stagedUploads: [], storeWasFree: false };
  sweepStaged(stagingDirOf(filesDir), now, SWEEP_GRACE_MS, result);
  return result.stagedUploads;
}

/** The sweep's result as one line for the log, or null when nothing was removed. */
export function describeSweep(result: SweepResult, filesDir: string): string | null {
  const parts: string[] = [];
  if (result.tempFiles.length > 0) parts.push(`${result.tempFiles.length} unfinished temp file(s)`);
  if (result.orphanEvidence.length > 0) parts.push(`${result.orphanEvidence.length} evidence file(s) no record refers to (from an interrupted import or save)`);
  if (result.stagedUploads.length > 0) parts.push(`${result.stagedUploads.length} uploaded file(s) never imported`);
  return parts.length === 0 ? null : `Tillit removed leftovers from ${filesDir}: ${parts.join(', ')}.`;
}

/**
 * Every evidence file the store names (evidence rows, import originals), as it stands now:
 * a file that erasure replaced by a redacted copy, or removed, is not in use any more (a
 * crash between the erasure's commit and its removal of the file leaves it for the sweep).
 */
function referencedHashes(db: DB): Set<string> {
  const erased = erasedFileMap(db);
  const used = new Set<string>();
  for (const sha of db.prepare('SELECT sha256 FROM evidence WHERE sha256 IS NOT NULL UNION SELECT file_sha256 FROM imports').pluck().all() as string[]) {
    const current = erased.has(sha) ? erased.get(sha)! : sha;
    if (current !== null) used.add(current);
  }
  return used;
}

function sweepStaged(staging: string, now: number, maxIdleMs: number, result: SweepResult): void {
  const ids = new Set(listFiles(staging).filter((n) => /\.(data|json)$/.test(n)).map((n) => n.replace(/\.(data|json)$/, '')));
  for (const id of ids) {
    const files = [`${id}.data`, `${id}.json`].map((n) => path.join(staging, n));
    // Idle: neither half written to within the limit (a missing half counts as idle).
    const ages = files.map((f) => ageOf(f, now));
    if (ages.some((age) => age !== null && age <= maxIdleMs)) continue;
    let removed = false;
    for (const f of files) removed = remove(f) || removed;
    if (removed) result.stagedUploads.push(path.join(staging, id));
  }
}

/** Takes the write lock without waiting; false when another connection holds it. */
function tryWriteLock(db: DB): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    return true;
  } catch (error) {
    if (isStoreBusy(error)) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/** The pid in a temp file's name: `<pid>.<random>.tmp`, or the older `<sha256>.<pid>.tmp`. */
export function tempOwner(name: string): number | null {
  const match = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name) ?? /^[0-9a-f]{64}\.(\d+)\.tmp$/.exec(name);
  return match ? Number(match[1]) : null;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

function listFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function ageOf(file: string, now: number): number | null {
  try {
    return now - fs.statSync(file).mtimeMs;
  } catch {
    return null; // gone meanwhile
  }
}

function remove(file: string): boolean {
  try {
    fs.rmSync(file);
    return true;
  } catch {
    return false;
  }
}
