// Proof attached to consent events: files are stored once, by SHA-256, in the workspace's
// evidence folder (write-once: a temp file flushed and renamed into place), and described by a row.

import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EvidenceView } from '../../shared/contract/dto.ts';
import { evidenceDigest, type EvidenceContent } from './ledger-chain.ts';
import { appendRecord } from './ledger.ts';
import { asDiskFull } from './disk-full.ts';
import type { DB } from './open.ts';

export interface EvidenceFileInput {
  fileName: string;
  /** Either the bytes, or a file already on disk (import originals) to copy in. */
  data?: Buffer;
  path?: string;
}

export interface EvidenceInputData {
  file?: EvidenceFileInput;
  text?: string;
  url?: string;
  recordedBy?: string;
}

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.vcf': 'text/vcard',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.html': 'text/plain', // shown as text, never rendered
};

export function mediaTypeOf(fileName: string): string {
  return MEDIA_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export function evidenceDir(filesDir: string): string {
  return path.join(filesDir, 'evidence');
}

export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Puts the bytes in the evidence folder (if not already there) and returns sha256 and size.
 * Nothing partial is ever left under the file's name, and nothing at all on failure: the
 * bytes go to a temp name unique to this call (`<pid>.<random>.tmp`, so the start-up
 * sweep can tell a live writer's file from a dead one's), are flushed to the disk, then
 * renamed into place; any error (a full disk, say) removes the temp and says so plainly. A
 * file already stored under the name is reused when its bytes still have that hash, and
 * replaced when they do not (a torn write from before this was done this way).
 */
export function storeEvidenceFile(filesDir: string, file: EvidenceFileInput): { sha256: string; size: number } {
  const dir = evidenceDir(filesDir);
  const temp = path.join(dir, `${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    if (file.data) {
      const sha256 = createHash('sha256').update(file.data).digest('hex');
      if (isStoredIntact(dir, sha256)) return { sha256, size: file.data.length };
      writeSynced(temp, file.data);
      moveIntoPlace(dir, temp, sha256);
      return { sha256, size: file.data.length };
    }
    // Copied first and hashed as copied: the name always matches the bytes stored, even if
    // the source changed while it was read.
    fs.copyFileSync(file.path!, temp);
    const sha256 = sha256File(temp);
    const size = fs.statSync(temp).size;
    if (isStoredIntact(dir, sha256)) {
      fs.rmSync(temp, { force: true });
      return { sha256, size };
    }
    flush(temp);
    moveIntoPlace(dir, temp, sha256);
    return { sha256, size };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw asDiskFull(error);
  }
}

/** Stores bytes under their hash (the redacted copy of an import original, say). */
export function storeEvidenceBytes(filesDir: string, data: Buffer): { sha256: string; size: number } {
  return storeEvidenceFile(filesDir, { fileName: '', data });
}

/** True when the evidence folder holds the file for this hash, with bytes that have it. */
function isStoredIntact(dir: string, sha256: string): boolean {
  const target = path.join(dir, sha256);
  if (!fs.existsSync(target) || sha256File(target) !== sha256) return false;
  // Touched: a file no row names yet is young again, so the sweep leaves it to this writer.
  const now = new Date();
  fs.utimesSync(target, now, now);
  return true;
}

function writeSynced(file: string, data: Buffer): void {
  const fd = fs.openSync(file, 'wx');
  try {
    let written = 0;
    while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function flush(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function moveIntoPlace(dir: string, temp: string, sha256: string): void {
  fs.renameSync(temp, path.join(dir, sha256)); // replaces a torn file of the same name
  try {
    // The rename itself survives a power cut once the folder is flushed (not possible on Windows).
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // best effort
  }
}

/**
 * Evidence files that erasure on request replaced by a redacted copy (store/erase-files.ts),
 * or removed because only the erased person's events used them: the hash of the file that
 * was stored → the hash of the copy that stands in for it now, or null for removed. The
 * evidence rows keep the original hash (the ledger covers them); until the ledger records the
 * replacement itself, the mapping is kept in the settings table, where the evidence viewer
 * and the start-up sweep find it.
 */
const ERASED_FILES_KEY = 'erased_evidence_files';

export function erasedFileMap(db: DB): Map<string, string | null> {
  const json = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(ERASED_FILES_KEY) as string | undefined;
  return new Map(json === undefined ? [] : Object.entries(JSON.parse(json) as Record<string, string | null>));
}

/** Records that the file `fromSha256` (and whatever already stood for it) is now `toSha256`, or gone (null). */
export function recordErasedFile(db: DB, fromSha256: string, toSha256: string | null): void {
  const map = erasedFileMap(db);
  for (const [original, current] of map) if (current === fromSha256) map.set(original, toSha256);
  map.set(fromSha256, toSha256);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    ERASED_FILES_KEY,
    JSON.stringify(Object.fromEntries(map)),
  );
}

/** The hash of the file that holds an evidence row's bytes now: its own, its redacted copy's, or null when erasure removed it. */
export function currentFileHash(db: DB, sha256: string): string | null {
  const map = erasedFileMap(db);
  return map.has(sha256) ? map.get(sha256)! : sha256;
}

export interface StoredFile {
  fileName: string;
  sha256: string;
  size: number;
}

/**
 * Inserts an evidence row for a file already in the evidence folder, and/or text, with the
 * digest of its content, and records it in the ledger (so its wording, link, author and file
 * cannot be changed, nor a row slipped in, without the chain noticing). Call inside a write
 * transaction.
 */
export function insertEvidenceRow(
  db: DB,
  input: { file?: StoredFile; text?: string; url?: string; recordedBy?: string },
  now: string,
): number {
  const content: EvidenceContent = {
    kind: input.file ? 'file' : 'text',
    file_name: input.file?.fileName ?? null,
    media_type: input.file ? mediaTypeOf(input.file.fileName) : null,
    sha256: input.file?.sha256 ?? null,
    size: input.file?.size ?? null,
    text: input.text?.trim() || null,
    url: input.url?.trim() || null,
    recorded_by: input.recordedBy?.trim() || null,
    created_at: now,
  };
  const result = db
    .prepare(
      `INSERT INTO evidence (kind, file_name, media_type, sha256, size, text, url, recorded_by, created_at, digest)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      content.kind, content.file_name, content.media_type, content.sha256, content.size, content.text, content.url, content.recorded_by,
      content.created_at, evidenceDigest(content),
    );
  const id = Number(result.lastInsertRowid);
  appendRecord(db, 'evidence', now, { evidenceId: id });
  return id;
}

/** Stores the file in the evidence folder and inserts the evidence row. */
export function insertEvidence(db: DB, filesDir: string, input: EvidenceInputData, now: string): number {
  const file = input.file ? { fileName: input.file.fileName, ...storeEvidenceFile(filesDir, input.file) } : undefined;
  return insertEvidenceRow(db, { ...input, file }, now);
}

interface EvidenceRow extends EvidenceContent {
  id: number;
  kind: 'file' | 'text';
}

function toView(row: EvidenceRow): EvidenceView {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    mediaType: row.media_type,
    sha256: row.sha256,
    size: row.size,
    text: row.text,
    url: row.url,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
  };
}

export function getEvidence(db: DB, id: number): EvidenceView | undefined {
  const row = db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
  return row ? toView(row) : undefined;
}

export function evidenceForIds(db: DB, ids: readonly number[]): EvidenceView[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT * FROM evidence WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`)
    .all(...ids) as EvidenceRow[];
  return rows.map(toView);
}

/** Reads a stored file back, checking it still has the hash it was stored under. */
export function readEvidenceFile(filesDir: string, sha256: string): Buffer {
  const data = fs.readFileSync(path.join(evidenceDir(filesDir), sha256));
  const actual = createHash('sha256').update(data).digest('hex');
  if (actual !== sha256) throw new Error(`the evidence file ${sha256} was changed on disk (its hash is now ${actual})`);
  return data;
}
