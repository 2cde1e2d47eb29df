// Proof attached to consent events: files are stored once, by SHA-256, in the workspace's
// evidence folder (write-once: a temp file renamed into place), and described by a row.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EvidenceView } from '../../shared/contract/dto.ts';
import { evidenceDigest, type EvidenceContent } from './ledger-chain.ts';
import { appendRecord } from './ledger.ts';
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

/** Puts the bytes in the evidence folder (if not already there) and returns sha256 and size. */
export function storeEvidenceFile(filesDir: string, file: EvidenceFileInput): { sha256: string; size: number } {
  const dir = evidenceDir(filesDir);
  fs.mkdirSync(dir, { recursive: true });
  const sha256 = file.data ? createHash('sha256').update(file.data).digest('hex') : sha256File(file.path!);
  const size = file.data ? file.data.length : fs.statSync(file.path!).size;
  const target = path.join(dir, sha256);
  if (!fs.existsSync(target)) {
    const temp = `${target}.${process.pid}.tmp`;
    if (file.data) fs.writeFileSync(temp, file.data);
    else fs.copyFileSync(file.path!, temp);
    fs.renameSync(temp, target);
  }
  return { sha256, size };
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

interface EvidenceRow {
  id: number;
  kind: 'file' | 'text';
  file_name: string | null;
  media_type: string | null;
  sha256: string | null;
  size: number | null;
  text: string | null;
  url: string | null;
  recorded_by: string | null;
  created_at: string;
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
