// The start-up sweep removes what a killed or failed write left in the files folder, and
// nothing another process may still be using.

import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../../../test/helpers/temp.ts';
import { openWorkspace, type Workspace } from '../app/workspace.ts';
import { filesDirFor } from '../services/context.ts';
import { evidenceDir, insertEvidence, recordErasedFile } from './evidence.ts';
import { openStore, type DB } from './open.ts';
import { SWEEP_GRACE_MS, sweepWorkspaceFiles, tempOwner } from './sweep.ts';

const dir = tempDir('tillit-sweep-');
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) o.close();
});

const HOUR = 60 * 60 * 1000;
const NOW = Date.now();

function workspace(): { db: DB; files: string; dbPath: string } {
  const dbPath = tempDbPath(dir);
  const db = openStore(dbPath);
  opened.push(db);
  const files = filesDirFor(dbPath);
  fs.mkdirSync(evidenceDir(files), { recursive: true });
  fs.mkdirSync(path.join(files, 'staging'), { recursive: true });
  return { db, files, dbPath };
}

/** Writes a file and sets its modification time `ageMs` before NOW. */
function file(at: string, ageMs: number, content = 'x'): string {
  fs.writeFileSync(at, content);
  const when = new Date(NOW - ageMs);
  fs.utimesSync(at, when, when);
  return at;
}

const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid;
const sha = (c: string): string => c.repeat(64);

describe('sweepWorkspaceFiles', () => {
  it('removes temp files of dead writers and old ones; keeps a live writer’s young one', () => {
    const { db, files } = workspace();
    const ev = evidenceDir(files);
    const dead = file(path.join(ev, `${deadPid()}.0a1b2c.tmp`), 1000);
    const oldFormat = file(path.join(ev, `${sha('a')}.${deadPid()}.tmp`), 1000);
    const live = file(path.join(ev, `${process.pid}.0a1b2c.tmp`), 1000);
    const liveButOld = file(path.join(ev, `${process.pid}.ffff.tmp`), 2 * HOUR);
    const result = sweepWorkspaceFiles(db, files, { now: NOW });
    expect(result.tempFiles.sort()).toEqual([dead, liveButOld, oldFormat].sort());
    expect(fs.existsSync(live)).toBe(true);
  });

  it('removes evidence files no row names once past the grace period; keeps named and young ones', () => {
    const { db, files } = workspace();
    const ev = evidenceDir(files);
    const evidenceId = insertEvidence(db, files, { file: { fileName: 'proof.txt', data: Buffer.from('proof') } }, new Date().toISOString());
    const named = path.join(ev, db.prepare('SELECT sha256 FROM evidence WHERE id = ?').pluck().get(evidenceId) as string);
    fs.utimesSync(named, new Date(NOW - 2 * HOUR), new Date(NOW - 2 * HOUR));
    const orphan = file(path.join(ev, sha('b')), SWEEP_GRACE_MS + 1000);
    const young = file(path.join(ev, sha('c')), SWEEP_GRACE_MS - 60_000);
    const notEvidence = file(path.join(ev, 'README'), 2 * HOUR);
    const result = sweepWorkspaceFiles(db, files, { now: NOW });
    expect(result).toMatchObject({ orphanEvidence: [orphan], storeWasFree: true });
    for (const kept of [named, young, notEvidence]) expect(fs.existsSync(kept)).toBe(true);
  });

  it('after an erasure: keeps the redacted copy that stands for a row’s file, removes the file it replaced and a removed one', () => {
    const { db, files } = workspace();
    const ev = evidenceDir(files);
    const now = new Date().toISOString();
    const shaOf = (id: number): string => db.prepare('SELECT sha256 FROM evidence WHERE id = ?').pluck().get(id) as string;
    const replaced = shaOf(insertEvidence(db, files, { file: { fileName: 'kunder.csv', data: Buffer.from('email\nola@x.no\nkari@x.no\n') } }, now));
    const removed = shaOf(insertEvidence(db, files, { file: { fileName: 'ola.png', data: Buffer.from('a photo of Ola') } }, now));
    const copy = file(path.join(ev, sha('d')), 2 * HOUR);
    for (const f of [replaced, removed]) fs.utimesSync(path.join(ev, f), new Date(NOW - 2 * HOUR), new Date(NOW - 2 * HOUR));
    recordErasedFile(db, replaced, sha('d'));
    recordErasedFile(db, removed, null);
    const result = sweepWorkspaceFiles(db, files, { now: NOW });
    expect(result.orphanEvidence.map((f) => path.basename(f)).sort()).toEqual([replaced, removed].sort());
    expect(fs.existsSync(copy)).toBe(true);
  });

  it('removes staged uploads idle past the grace period, both halves; keeps one being uploaded', () => {
    const { db, files } = workspace();
    const st = path.join(files, 'staging');
    const idle = ['a'.repeat(32), 'b'.repeat(32)];
    for (const id of idle) {
      file(path.join(st, `${id}.data`), SWEEP_GRACE_MS + 1000);
      file(path.join(st, `${id}.json`), SWEEP_GRACE_MS + 1000);
    }
    const halfOnly = file(path.join(st, `${'c'.repeat(32)}.data`), SWEEP_GRACE_MS + 1000);
    const active = 'd'.repeat(32);
    file(path.join(st, `${active}.data`), 1000);
    file(path.join(st, `${active}.json`), SWEEP_GRACE_MS + 1000);
    const result = sweepWorkspaceFiles(db, files, { now: NOW });
    expect(result.stagedUploads.map((p) => path.basename(p)).sort()).toEqual([...idle, 'c'.repeat(32)].sort());
    expect(fs.existsSync(halfOnly)).toBe(false);
    expect(fs.readdirSync(st).sort()).toEqual([`${active}.data`, `${active}.json`]);
  });

  it('while another connection holds the write lock (an import being saved), judges only temp files and day-old uploads', () => {
    const { db, files, dbPath } = workspace();
    const ev = evidenceDir(files);
    const st = path.join(files, 'staging');
    const orphan = file(path.join(ev, sha('b')), 2 * HOUR); // could be that import's original
    file(path.join(st, `${'a'.repeat(32)}.data`), 2 * HOUR);
    file(path.join(st, `${'a'.repeat(32)}.json`), 2 * HOUR);
    file(path.join(st, `${'b'.repeat(32)}.data`), 25 * HOUR);
    file(path.join(st, `${'b'.repeat(32)}.json`), 25 * HOUR);
    const dead = file(path.join(ev, `${deadPid()}.0a1b2c.tmp`), 1000);
    const importer = new Database(dbPath);
    opened.push(importer);
    importer.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const result = sweepWorkspaceFiles(db, files, { now: NOW });
    expect(Date.now() - started).toBeLessThan(1000); // did not wait for the lock
    importer.exec('ROLLBACK');
    expect(result).toMatchObject({ storeWasFree: false, orphanEvidence: [], tempFiles: [dead] });
    expect(result.stagedUploads.map((p) => path.basename(p))).toEqual(['b'.repeat(32)]);
    expect(fs.existsSync(orphan)).toBe(true);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000); // restored
    expect(db.inTransaction).toBe(false);
  });

  it('reads pids from both temp-name formats and nothing else', () => {
    expect(tempOwner('1234.a0b1c2.tmp')).toBe(1234);
    expect(tempOwner(`${sha('f')}.77.tmp`)).toBe(77);
    expect(tempOwner('notes.tmp')).toBeNull();
  });
});

describe('opening a workspace', () => {
  function leftovers(dbPath: string): string {
    const ev = evidenceDir(filesDirFor(dbPath));
    fs.mkdirSync(ev, { recursive: true });
    file(path.join(ev, `${deadPid()}.0a1b2c.tmp`), 1000);
    return file(path.join(ev, sha('b')), 2 * HOUR);
  }

  it('sweeps in the app (quickCheck) and logs one line; logs nothing when there was nothing', () => {
    const dbPath = tempDbPath(dir);
    openStore(dbPath).close();
    const orphan = leftovers(dbPath);
    const lines: string[] = [];
    const first: Workspace = openWorkspace({ dbPath, importsInWorker: false, log: (l) => lines.push(l) });
    first.close();
    expect(fs.existsSync(orphan)).toBe(false);
    expect(lines).toEqual([expect.stringMatching(/removed leftovers .*1 unfinished temp file\(s\), 1 evidence file\(s\) no record refers to/)]);
    openWorkspace({ dbPath, importsInWorker: false, log: (l) => lines.push(l) }).close();
    expect(lines).toHaveLength(1);
  });

  it('does not sweep for a short CLI command (quickCheck off)', () => {
    const dbPath = tempDbPath(dir);
    openStore(dbPath).close();
    const orphan = leftovers(dbPath);
    const lines: string[] = [];
    openWorkspace({ dbPath, importsInWorker: false, quickCheck: false, log: (l) => lines.push(l) }).close();
    expect(fs.existsSync(orphan)).toBe(true);
    expect(lines).toEqual([]);
  });
});
