// The import pipeline: read → map → validate → dedupe within the file → merge with the store
// → write (ledger events, contacts, statuses) in ONE transaction, so a crash, a kill or a
// cancel leaves the store exactly as it was. Every row lands in exactly one bucket.
//
// The transaction is opened with BEGIN/COMMIT by hand because reading the file is async;
// that is safe only because this connection is used by nothing else while it runs (the CLI
// process, or the import worker's own connection).

import fs from 'node:fs';
import type { ImportPreview, ImportReport, PreviewRow, RejectedRow, RowOutcome } from '../../shared/contract/dto.ts';
import { AppError } from '../../shared/contract/envelope.ts';
import type { LedgerEvent } from '../../shared/consent/index.ts';
import { checkEmail } from '../../shared/email/index.ts';
import { applyMapping, headerSignature, suggestMapping, type FieldKey, type MappedRow } from '../../shared/import/mapping.ts';
import { ImportFileError, readRecords, sniffFile, type SniffOverrides, type SniffResult } from './read/index.ts';
import { CONTACT_FIELDS, FIELD_COLUMNS, findContactByKey, type ContactRow } from '../store/contacts.ts';
import { insertEvidence, insertEvidenceRow, storeEvidenceFile, type EvidenceInputData } from '../store/evidence.ts';
import { appendEvents, type NewEvent } from '../store/ledger.ts';
import { statement, type DB } from '../store/open.ts';
import { readSettings } from '../store/settings.ts';
import { emailHash } from '../services/consent.ts';
import { ensureStatusesCurrent, evaluateWith, recomputeContacts } from '../services/status.ts';
import { eventsForRow, isSuppression, type BatchDefaults, type RowEvent } from './row-events.ts';

export interface ImportRequest extends BatchDefaults {
  filePath: string;
  fileName: string;
  evidence?: EvidenceInputData;
  mapping?: string[];
  overrides?: SniffOverrides;
  /** Overwrite non-empty stored fields with the file's values (default: fill empty ones only). */
  overwrite?: boolean;
  dryRun: boolean;
  /** How many preview rows to collect (dry runs for the import screen). */
  previewRows?: number;
}

export interface ImportHooks {
  signal?: AbortSignal;
  onProgress?: (step: 'reading' | 'writing' | 'statuses', current: number, total: number, rows: number) => void;
}

export interface ImportClock {
  today: string;
  now: string;
}

export interface ImportOutcome {
  report: ImportReport;
  preview: ImportPreview;
}

const FIELD_KEYS: readonly string[] = [
  'email', 'otherEmails', 'firstName', 'lastName', 'fullName', 'company', 'title', 'phone', 'city', 'country', 'tags',
  'note', 'source', 'collectedAt', 'basis', 'consent', 'optInTime', 'confirmTime', 'listStatus', 'ignore',
];

/** Sniffs the file and turns reader errors into messages that name the file. */
export async function sniff(filePath: string, fileName: string, overrides?: SniffOverrides): Promise<SniffResult> {
  try {
    return await sniffFile(filePath, overrides);
  } catch (error) {
    throw asImportError(error, fileName);
  }
}

function asImportError(error: unknown, fileName: string): unknown {
  if (error instanceof ImportFileError) {
    // Reader messages name the temp path; users know the file by its own name.
    const message = error.message.split(error.file).join(fileName);
    return new AppError('import-failed', message, { code: error.code, row: error.row, column: error.column });
  }
  return error;
}

export function chooseMapping(db: DB, sniffed: SniffResult, requested: string[] | undefined, fileName: string): { fields: FieldKey[]; layout: string | null } {
  const suggested = suggestMapping(sniffed.headers, sniffed.format);
  let fields: string[] = suggested.fields;
  if (requested) {
    fields = requested;
  } else {
    const remembered = db.prepare('SELECT fields FROM column_mappings WHERE signature = ?').pluck().get(headerSignature(sniffed.headers)) as
      | string
      | undefined;
    if (remembered) fields = JSON.parse(remembered) as string[];
  }
  if (fields.length !== sniffed.headers.length) {
    throw new AppError('bad-request', `${fileName}: the mapping has ${fields.length} columns but the file has ${sniffed.headers.length}.`);
  }
  const unknown = fields.find((f) => !FIELD_KEYS.includes(f));
  if (unknown) throw new AppError('bad-request', `${fileName}: unknown field "${unknown}" in the column mapping.`);
  const emailColumns = fields.filter((f) => f === 'email').length;
  if (emailColumns === 0) {
    throw new AppError(
      'import-failed',
      `${fileName} has no e-mail column (columns: ${sniffed.headers.slice(0, 12).join(', ') || 'none'}). Map one column to "email".`,
    );
  }
  if (emailColumns > 1) throw new AppError('bad-request', `${fileName}: only one column can be the e-mail address; map the others to "otherEmails".`);
  return { fields: fields as FieldKey[], layout: requested ? null : suggested.layout };
}

function mergeTags(existing: string, incoming: readonly string[]): string {
  const tags = JSON.parse(existing) as string[];
  for (const t of incoming) if (!tags.includes(t)) tags.push(t);
  return JSON.stringify(tags);
}

interface Bucketed {
  rows: number;
  added: number;
  merged: number;
  duplicates: number;
  rejected: number;
}

export async function runImport(db: DB, filesDir: string, request: ImportRequest, clock: ImportClock, hooks: ImportHooks = {}): Promise<ImportOutcome> {
  const started = Date.now();
  const sniffed = await sniff(request.filePath, request.fileName, request.overrides);
  const mapping = chooseMapping(db, sniffed, request.mapping, request.fileName);
  if (!request.dryRun) ensureStatusesCurrent(db, clock.today);
  const settings = readSettings(db);
  const asOf = settings.statusesAsOf ?? clock.today;

  const counts: Bucketed = { rows: 0, added: 0, merged: 0, duplicates: 0, rejected: 0 };
  const rejectedRows: RejectedRow[] = [];
  const previewRows: PreviewRow[] = [];
  const previewLimit = request.previewRows ?? 0;
  const seenKeys = new Set<string>();
  const seenHashes = new Set<number>();
  /** Existing contacts this import merged into or revived: a later row with the address is a duplicate. */
  const touchedIds = new Set<number>();
  const storeIsEmpty = db.prepare('SELECT NOT EXISTS (SELECT 1 FROM contacts)').pluck().get() === 1;
  const erased = new Set(db.prepare('SELECT email_sha256 FROM erasures').pluck().all() as string[]);

  let importId: number | null = null;
  let originalEvidenceId: number | null = null;
  let proofEvidenceId: number | null = null;
  const write = !request.dryRun;

  // The original file is kept as evidence. Content-addressed and write-once, so copying it
  // before the transaction cannot leave anything half-done in the store.
  const original = write ? storeEvidenceFile(filesDir, { fileName: request.fileName, path: request.filePath }) : null;

  const insertContact = db.prepare(
    `INSERT INTO contacts (email, email_key, first_name, last_name, company, title, phone, city, country, other_emails, note, tags,
                           field_sources, status, reasons, consent_expires_at, created_import_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRow = db.prepare('INSERT INTO import_rows (import_id, row_number, outcome, reason, raw) VALUES (?, ?, ?, ?, ?)');

  if (write) {
    // A larger page cache for the import's one big transaction (16 MiB; SQLite's default is 2).
    db.pragma('cache_size = -16384');
    db.exec('BEGIN IMMEDIATE');
  }
  let deferredIndexes: string[] = [];
  try {
    if (write) {
      const now = clock.now;
      originalEvidenceId = insertEvidenceRow(
        db,
        { file: { fileName: request.fileName, ...original! }, text: `Original file of import: ${request.fileName}` },
        now,
      );
      if (request.evidence) proofEvidenceId = insertEvidence(db, filesDir, request.evidence, now);
      importId = Number(
        db
          .prepare(
            `INSERT INTO imports (file_name, file_sha256, file_size, format, encoding, delimiter, layout, mapping, source, collected_at, basis, brand,
                                  evidence_id, rows, added, merged, duplicates, rejected, state, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 'committed', ?)`,
          )
          .run(
            request.fileName, original!.sha256, original!.size, sniffed.format, sniffed.encoding, sniffed.delimiter, mapping.layout,
            JSON.stringify(mapping.fields), request.source, request.collectedAt, request.basis, request.brand, proofEvidenceId ?? originalEvidenceId, now,
          ).lastInsertRowid,
      );
    }
    const evidenceId = proofEvidenceId ?? originalEvidenceId;
    // Big file, small store: rebuild the secondary indexes once at the end instead.
    const storeSize = db.prepare('SELECT COUNT(*) FROM contacts').pluck().get() as number;
    if (write && storeSize < 20_000 && fs.statSync(request.filePath).size > 4 * 1024 * 1024) deferredIndexes = dropDeferrableIndexes(db);

    const preview = (rowNumber: number, row: MappedRow | null, outcome: RowOutcome, problems: string[], warnings: string[]): void => {
      if (previewRows.length >= previewLimit) return;
      previewRows.push({
        rowNumber,
        email: row?.email ?? '',
        firstName: row?.firstName ?? '',
        lastName: row?.lastName ?? '',
        company: row?.company ?? '',
        outcome,
        problems,
        warnings,
      });
    };
    const reject = (rowNumber: number, raw: string, reason: string, row: MappedRow | null): void => {
      counts.rejected += 1;
      // Copies, not slices: a slice of the file's text keeps the whole decoded chunk alive.
      rejectedRows.push({ rowNumber, reason: flatCopy(reason), raw: flatCopy(raw) });
      if (write) insertRow.run(importId, rowNumber, 'rejected', reason, raw);
      preview(rowNumber, row, 'reject', [reason], []);
    };

    for await (const batch of readRecords(request.filePath, sniffed, {
      signal: hooks.signal,
      onBytes: (read, total) => hooks.onProgress?.('reading', read, total, counts.rows),
    })) {
      if (hooks.signal?.aborted) throw new AppError('conflict', 'The import was cancelled; nothing was changed.');
      const pendingEvents: NewEvent[] = [];
      for (const record of batch) {
        counts.rows += 1;
        if (record.error) {
          reject(record.rowNumber, record.raw, record.error, null);
          continue;
        }
        const row = applyMapping(sniffed.headers, record.values, mapping);
        if (!row.email.trim()) {
          reject(record.rowNumber, record.raw, `row ${record.rowNumber}: no e-mail address`, row);
          continue;
        }
        const check = checkEmail(row.email);
        if (!check.valid) {
          reject(record.rowNumber, record.raw, `row ${record.rowNumber}: ${check.message ?? 'invalid e-mail address'}`, row);
          continue;
        }
        const warnings: string[] = row.consent.problems.map((p) => `${p.column}: ${p.message}`);
        if (check.suggestion) warnings.push(`did you mean ${check.suggestion}?`);
        if (check.role) warnings.push('role address (shared mailbox): cannot give consent');
        if (check.disposable) warnings.push('disposable address');
        const rowEvents = eventsForRow(row.consent, request);
        const key = check.normalized;
        if (erased.size > 0 && erased.has(emailHash(key))) {
          reject(record.rowNumber, record.raw, `row ${record.rowNumber}: this address was erased on request; it is not imported again`, row);
          continue;
        }

        // Seen earlier in this file? A dry run remembers the keys (nothing is in the store to
        // ask); a real import keeps 32-bit hashes only, as a "certainly new" filter, and asks
        // the store's unique index when the hash was seen or the store was not empty.
        const hash = hash32(key);
        const maybeSeen = write ? seenHashes.has(hash) : seenKeys.has(key);
        if (write) seenHashes.add(hash);
        else seenKeys.add(key);
        const existing = storeIsEmpty && !maybeSeen ? undefined : findContactByKey(db, key);
        const live = existing !== undefined && existing.removed_at === null ? existing : undefined;
        const fromThisFile = write ? live !== undefined && (live.created_import_id === importId || touchedIds.has(live.id)) : maybeSeen;
        if (fromThisFile) {
          counts.duplicates += 1;
          if (write) {
            insertRow.run(importId, record.rowNumber, 'duplicate', `same address as an earlier row (${check.display})`, flatCopy(record.raw));
            fillFields(db, live!, row, importId!, false, clock.now);
          }
          preview(record.rowNumber, row, 'duplicate', [], warnings);
          continue;
        }

        if (live) {
          counts.merged += 1;
          // An import never lifts a suppression: no new consent for unsubscribed or bounced contacts.
          const suppressed = live.status === 'unsubscribed' || live.status === 'bounced';
          const events = suppressed ? rowEvents.filter(isSuppression) : rowEvents;
          if (suppressed && events.length < rowEvents.length) warnings.push(`already ${live.status}: the consent in this file was not applied`);
          if (write) {
            fillFields(db, live, row, importId!, request.overwrite ?? false, clock.now);
            for (const e of events) pendingEvents.push({ ...e, contactId: live.id, importId, evidenceId });
            touchedIds.add(live.id);
          }
          preview(record.rowNumber, row, 'merge', [], warnings);
          continue;
        }

        counts.added += 1;
        if (write) {
          if (existing) {
            // The address was removed by an undone import: bring the row back rather than duplicate it.
            statement(db, 'UPDATE contacts SET removed_at = NULL, created_import_id = ?, updated_at = ? WHERE id = ?').run(importId, clock.now, existing.id);
            fillFields(db, existing, row, importId!, true, clock.now);
            for (const e of rowEvents) pendingEvents.push({ ...e, contactId: existing.id, importId, evidenceId });
            touchedIds.add(existing.id);
          } else {
            const evaluation = evaluateWith(settings, check.display, provisional(rowEvents), asOf);
            const sources: Record<string, number> = {};
            for (const f of CONTACT_FIELDS) if (row[f] !== '') sources[f] = importId!;
            const id = Number(
              insertContact.run(
                check.display, key, row.firstName, row.lastName, row.company, row.title, row.phone, row.city, row.country,
                row.otherEmails, row.note, JSON.stringify(row.tags), JSON.stringify(sources), evaluation.status,
                JSON.stringify(evaluation.reasons), evaluation.expiresAt, importId, clock.now, clock.now,
              ).lastInsertRowid,
            );
            for (const e of rowEvents) pendingEvents.push({ ...e, contactId: id, importId, evidenceId });
          }
        }
        preview(record.rowNumber, row, 'add', [], warnings);
      }
      if (write) appendEvents(db, pendingEvents, clock.now);
    }

    if (hooks.signal?.aborted) throw new AppError('conflict', 'The import was cancelled; nothing was changed.');
    if (counts.rows === 0) throw new AppError('import-failed', `${request.fileName} has a header but no rows to import.`);
    if (write) {
      for (const sql of deferredIndexes) db.exec(sql);
      hooks.onProgress?.('statuses', 0, touchedIds.size, counts.rows);
      recomputeContacts(db, touchedIds, clock.today);
      db.prepare('UPDATE imports SET rows = ?, added = ?, merged = ?, duplicates = ?, rejected = ? WHERE id = ?').run(
        counts.rows, counts.added, counts.merged, counts.duplicates, counts.rejected, importId,
      );
      if (request.mapping) {
        db.prepare(
          'INSERT INTO column_mappings (signature, fields, updated_at) VALUES (?, ?, ?) ON CONFLICT (signature) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at',
        ).run(headerSignature(sniffed.headers), JSON.stringify(mapping.fields), clock.now);
      }
      if (hooks.signal?.aborted) throw new AppError('conflict', 'The import was cancelled; nothing was changed.');
      db.exec('COMMIT');
    }
  } catch (error) {
    if (write && db.inTransaction) db.exec('ROLLBACK');
    throw asImportError(error, request.fileName);
  }

  const report: ImportReport = {
    importId,
    fileName: request.fileName,
    dryRun: request.dryRun,
    ...counts,
    rejectedRows,
    durationMs: Date.now() - started,
  };
  return {
    report,
    preview: {
      sniff: {
        format: sniffed.format,
        encoding: sniffed.encoding,
        delimiter: sniffed.delimiter,
        preambleLines: sniffed.preambleLines,
        headers: sniffed.headers,
        sheets: sniffed.sheets,
        sheet: sniffed.sheet,
        layout: mapping.layout,
      },
      mapping: mapping.fields,
      counts,
      rows: previewRows,
      rejectedRows,
    },
  };
}

/** FNV-1a folded to 30 bits: a cheap fingerprint of an address key, small enough to be a V8 small integer (no heap box per entry). */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 2) & 0x3fffffff;
}

function flatCopy(text: string): string {
  return (' ' + text).slice(1);
}

/**
 * Secondary indexes that a large import into a small store rebuilds faster at the end
 * (one sort) than it maintains row by row. Dropped and re-created inside the import's
 * transaction, so a crash or cancel restores them with everything else.
 */
const DEFERRABLE_INDEXES = ['contacts_by_name', 'contacts_by_status_name', 'consent_events_by_import'];

function dropDeferrableIndexes(db: DB): string[] {
  const rows = db
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name IN (${DEFERRABLE_INDEXES.map(() => '?').join(', ')})`)
    .pluck()
    .all(...DEFERRABLE_INDEXES) as string[];
  for (const name of DEFERRABLE_INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
  return rows;
}

/** Row events with stand-in ids, to evaluate a new contact before it is written. */
function provisional(events: readonly RowEvent[]): LedgerEvent[] {
  return events.map((e, i) => ({
    id: i + 1,
    kind: e.kind,
    date: e.date,
    source: e.source ?? null,
    basis: e.basis ?? null,
    brand: e.brand ?? null,
    supersedes: null,
  }));
}

/** Fills empty fields (or overwrites, when asked) and records which import set each one. */
function fillFields(db: DB, contact: ContactRow, row: MappedRow, importId: number, overwrite: boolean, now: string): void {
  const sources = JSON.parse(contact.field_sources) as Record<string, number>;
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const field of CONTACT_FIELDS) {
    const incoming = row[field];
    const column = FIELD_COLUMNS[field];
    const current = contact[column as keyof ContactRow] as string;
    if (incoming !== '' && incoming !== current && (current === '' || overwrite)) {
      sets.push(`${column} = ?`);
      values.push(incoming);
      sources[field] = importId;
    }
  }
  const tags = mergeTags(contact.tags, row.tags);
  if (tags !== contact.tags) {
    sets.push('tags = ?');
    values.push(tags);
  }
  if (sets.length === 0) return;
  sets.push('field_sources = ?', 'updated_at = ?');
  values.push(JSON.stringify(sources), now, contact.id);
  statement(db, `UPDATE contacts SET ${sets.join(', ')} WHERE id = ?`).run(...values);
}
