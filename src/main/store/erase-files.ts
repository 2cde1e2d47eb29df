// Erasure on request, the files half: no readable copy of the person may stay in the
// workspace's evidence folder.
//  - A file only their events used as evidence (a photo of their sign-up slip) is removed.
//  - An import's original file that holds their row (or a row of theirs the import rejected
//    or found repeated) is replaced by a copy without the records holding their address
//    (store/redact-file.ts; spreadsheets: store/redact-xlsx.ts), stored under its own hash.
// The evidence rows keep the original hashes (the hash chain covers them); which file stands
// for which hash now is recorded in the same transaction as the erasure (recordErasedFile),
// and returned, so that the ledger can record both hashes.
//
// Order, so that a crash at any point loses nothing and leaves nothing readable for long:
// inside the erasure's transaction the copies are written (content-addressed: harmless if the
// transaction rolls back — the start-up sweep removes a copy no row stands for) and the
// mapping recorded; after the commit the replaced and removed files are deleted
// (removeErasedFiles). A crash between the two leaves files the mapping says are no longer
// in use, which the next start's sweep deletes.

import fs from 'node:fs';
import path from 'node:path';
import { currentFileHash, evidenceDir, recordErasedFile, storeEvidenceBytes } from './evidence.ts';
import type { DB } from './open.ts';
import { redactFile, type RedactableFormat } from './redact-file.ts';
import { redactXlsx } from './redact-xlsx.ts';
import { removeIdleStagedUploads } from './sweep.ts';
import { isTextEncoding } from '../import/read/decode.ts';

export interface ErasedFiles {
  /** Hashes of files removed: only the erased person's events used them. */
  removedFiles: string[];
  /** Import originals replaced by a copy without the person, per evidence row naming them. */
  replacedFiles: { evidenceId: number; fromSha256: string; toSha256: string }[];
  /** Files holding the person that could not be redacted (the address also in a workbook's comment, say); kept, and said. */
  unredactedFiles: { sha256: string; reason: string }[];
}

/**
 * Does the file work of an erasure. Call it inside the erasure's transaction, before the
 * contact's rows are deleted (it finds the imports through them), then removeErasedFiles
 * after the commit.
 */
export function redactEvidenceForErasure(db: DB, filesDir: string, contactId: number, emailKey: string): ErasedFiles {
  const result: ErasedFiles = { removedFiles: [], replacedFiles: [], unredactedFiles: [] };
  const dir = evidenceDir(filesDir);

  // Files their events used that no other (living) contact's events use.
  const onlyTheirs = db
    .prepare(
      `SELECT DISTINCT v.sha256 FROM consent_events e JOIN evidence v ON v.id = e.evidence_id
       WHERE e.contact_id = ? AND v.sha256 IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM consent_events o JOIN evidence ov ON ov.id = o.evidence_id JOIN contacts c ON c.id = o.contact_id
                         WHERE ov.sha256 = v.sha256 AND o.contact_id <> e.contact_id)`,
    )
    .pluck()
    .all(contactId) as string[];
  const handled = new Set<string>();
  for (const sha of onlyTheirs) {
    handled.add(sha);
    const current = currentFileHash(db, sha);
    if (current === null) continue;
    recordErasedFile(db, current, null);
    result.removedFiles.push(current);
  }

  // Import originals that may hold a row of theirs: imports that gave them events, created
  // or filled their contact, or kept a rejected or repeated row with their address.
  const imports = db
    .prepare(
      `SELECT DISTINCT file_sha256 AS sha256, format, encoding, delimiter FROM imports WHERE id IN (
         SELECT import_id FROM consent_events WHERE contact_id = ? AND import_id IS NOT NULL
         UNION SELECT created_import_id FROM contacts WHERE id = ?
         UNION SELECT j.value FROM contacts, json_each(contacts.field_sources) j WHERE contacts.id = ?
         UNION SELECT import_id FROM import_rows WHERE instr(lower(raw), ?) > 0)`,
    )
    .all(contactId, contactId, contactId, emailKey) as { sha256: string; format: string; encoding: string; delimiter: string | null }[];
  for (const file of imports) {
    if (handled.has(file.sha256)) continue;
    handled.add(file.sha256);
    const current = currentFileHash(db, file.sha256);
    if (current === null) continue;
    const stored = path.join(dir, current);
    if (!fs.existsSync(stored)) continue; // nothing readable left to redact
    const bytes = fs.readFileSync(stored);
    let redacted: { data: Buffer; removed: number };
    if (file.format === 'xlsx') {
      const workbook = redactXlsx(bytes, emailKey);
      if (workbook.residual.length > 0) {
        result.unredactedFiles.push({ sha256: current, reason: `the address is also in ${workbook.residual.join(', ')}, which cannot be rewritten` });
        continue;
      }
      redacted = workbook;
    } else {
      redacted = redactFile(bytes, emailKey, {
        format: file.format as RedactableFormat,
        encoding: isTextEncoding(file.encoding) ? file.encoding : undefined,
        delimiter: file.delimiter,
      });
    }
    if (redacted.removed === 0) continue;
    const copy = storeEvidenceBytes(filesDir, redacted.data);
    recordErasedFile(db, current, copy.sha256);
    const rows = db.prepare('SELECT id FROM evidence WHERE sha256 = ? ORDER BY id').pluck().all(file.sha256) as number[];
    for (const evidenceId of rows) result.replacedFiles.push({ evidenceId, fromSha256: current, toSha256: copy.sha256 });
  }
  return result;
}

/**
 * After the erasure committed: deletes the files it replaced or removed, and staged uploads
 * never imported (they may hold the person; an upload in progress stays, and the next
 * start's sweep takes it if it is abandoned).
 */
export function removeErasedFiles(filesDir: string, files: ErasedFiles): void {
  const dir = evidenceDir(filesDir);
  const gone = new Set([...files.removedFiles, ...files.replacedFiles.map((r) => r.fromSha256)]);
  for (const sha of gone) fs.rmSync(path.join(dir, sha), { force: true });
  removeIdleStagedUploads(filesDir);
}
