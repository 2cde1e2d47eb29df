// The import pipeline: read → map → validate → dedupe within the file → merge with the store
// → write (ledger events, contacts, statuses) in ONE transaction, so a crash, a kill or a
// cancel leaves the store exactly as it was. Every row lands in exactly one bucket.
//
// The transaction is opened with BEGIN/COMMIT by hand because reading the file is async;
// that is safe only because this connection is used by nothing else while it runs (the CLI
// process, or the import worker's own connection).

import fs from 'node:fs';
import {
  REPORT_REJECTED_LIMIT,
  type CodedMessage,
  type ConsentForecast,
  type DetailField,
  type EarlierImport,
  type FieldChoice,
  type FieldConflict,
  type FileErrorDetails,
  type ImportPreview,
  type ImportReport,
  type PreviewRow,
  type RejectedRow,
  type RowOutcome,
  type WarningSummary,
} from '../../shared/contract/dto.ts';
import { AppError } from '../../shared/contract/envelope.ts';
import { detachedCopy } from '../../shared/email/text.ts';
import { headerSignature, suggestMapping, type FieldKey } from '../../shared/import/mapping.ts';
import { ImportFileError, sniffFile, type SniffOverrides, type SniffResult } from './read/index.ts';
import { preparedBatches, prepareThreadFor } from './prepared-batches.ts';
import { CONTACT_FIELDS, ContactInserter, FIELD_COLUMNS, findContactByKey, type ContactRow } from '../store/contacts.ts';
import { insertEvidence, insertEvidenceRow, sha256File, storeEvidenceFile, type EvidenceInputData } from '../store/evidence.ts';
import { identityDigest } from '../store/ledger-chain.ts';
import { LedgerAppender, type NewEvent } from '../store/ledger.ts';
import { asDiskFull } from '../store/disk-full.ts';
import { statement, type DB } from '../store/open.ts';
import { readSettings } from '../store/settings.ts';
import { ensureStatusesCurrent, recomputeContacts } from '../services/status.ts';
import type { PrepareContext, PreparedRow, RowDetails } from './prepare.ts';
import { isSuppression, type BatchDefaults } from './row-events.ts';
import { ConflictCollector, takesFileValue } from './conflicts.ts';
import { ConsentForecaster } from './forecast.ts';
import { WarningCollector } from './warnings.ts';

export interface ImportRequest extends BatchDefaults {
  filePath: string;
  fileName: string;
  evidence?: EvidenceInputData;
  mapping?: string[];
  overrides?: SniffOverrides;
  /** Overwrite non-empty stored fields with the file's values (default: fill empty ones only). */
  overwrite?: boolean;
  /** Per field, for stored contacts: keep the stored value or take the file's (wins over `overwrite`). */
  fieldChoices?: Partial<Record<DetailField, FieldChoice>>;
  /** Addresses corrected in the preview, by row number. */
  fixes?: { row: number; email: string }[];
  /** Rows whose warnings the user accepted in the preview. */
  accepted?: number[];
  dryRun: boolean;
  /** How many preview rows to collect (dry runs for the import screen). */
  previewRows?: number;
}

export interface ImportHooks {
  signal?: AbortSignal;
  /** Where rows are read and prepared (tests pick); by default prepareThreadFor() decides. */
  prepareThread?: 'here' | 'worker';
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
    const { code, row, column, params, parts } = error;
    const details: FileErrorDetails = { code, file: fileName, row, column, params, ...(parts ? { parts } : {}) };
    return new AppError('import-failed', message, details);
  }
  return error;
}

export function chooseMapping(db: DB, sniffed: SniffResult, requested: string[] | undefined, fileName: string): { fields: FieldKey[]; layout: string | null } {
  const suggested = suggestMapping(sniffed.headers, sniffed.format, sniffed.sampleRows);
  let fields: string[] = suggested.fields;
  if (requested) {
    fields = requested;
  } else {
    const remembered = statement(db, 'SELECT fields FROM column_mappings WHERE signature = ?').pluck().get(headerSignature(sniffed.headers)) as
      | string
      | undefined;
    if (remembered) fields = JSON.parse(remembered) as string[];
  }
  if (fields.length !== sniffed.headers.length) {
    throw new AppError('bad-request', `${fileName}: the mapping has ${fields.length} columns but the file has ${sniffed.headers.length}.`);
  }
  const unknown = fields.find((f) => !FIELD_KEYS.includes(f));
  if (unknown) throw new AppError('bad-request', `${fileName}: unknown field "${unknown}" in the column mapping.`);
  // No e-mail column at all is for runImport to say: a preview still shows the mapping to fix.
  const emailColumns = fields.filter((f) => f === 'email').length;
  if (emailColumns > 1) throw new AppError('bad-request', `${fileName}: only one column can be the e-mail address; map the others to "otherEmails".`);
  return { fields: fields as FieldKey[], layout: requested ? null : suggested.layout };
}

/** The file's columns as a message names them: the first twelve. */
function columnList(headers: readonly string[]): string {
  return headers.slice(0, 12).join(', ') || 'none';
}

/** Why a file without an e-mail column cannot be imported (the CLI, which maps no columns, says it for a dry run too). */
export function noEmailColumnError(fileName: string, headers: readonly string[]): AppError {
  const columns = columnList(headers);
  return new AppError('import-failed', `${fileName} has no e-mail column (columns: ${columns}). Map one column to "email".`, undefined, {
    messageCode: 'import-no-email-column',
    messageParams: { file: fileName, columns },
  });
}

/** Committed imports of the file with this SHA-256, oldest first. */
export function earlierImportsOf(db: DB, sha256: string): EarlierImport[] {
  return statement(
    db,
    `SELECT id AS importId, file_name AS fileName, created_at AS importedAt FROM imports
     WHERE file_sha256 = ? AND state = 'committed' ORDER BY id`,
  ).all(sha256) as EarlierImport[];
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
  /** Existing contacts this import merged into or revived: a later row with the address is a duplicate. */
  const touchedIds = new Set<number>();
  const storeIsEmpty = statement(db, 'SELECT NOT EXISTS (SELECT 1 FROM contacts)').pluck().get() === 1;
  const write = !request.dryRun;
  const context: PrepareContext = {
    headers: sniffed.headers,
    mapping: { fields: mapping.fields, layout: mapping.layout },
    batch: { source: request.source, collectedAt: request.collectedAt, basis: request.basis, brand: request.brand },
    settings,
    asOf,
    erased: statement(db, 'SELECT email_sha256 FROM erasures').pluck().all() as string[],
    ...(request.fixes && request.fixes.length > 0 ? { fixes: Object.fromEntries(request.fixes.map((f) => [f.row, f.email])) } : {}),
  };
  const batchDefaults: BatchDefaults = context.batch;
  const forecaster = new ConsentForecaster(settings, asOf);
  const conflicts = new ConflictCollector();
  const takeFile = takesFileValue(request.fieldChoices, request.overwrite ?? false);
  let warnings: WarningCollector = new WarningCollector(request.accepted ?? [], null);
  const fileSize = fs.statSync(request.filePath).size;

  let importId: number | null = null;
  let originalEvidenceId: number | null = null;
  let proofEvidenceId: number | null = null;

  // The original file is kept as evidence. Content-addressed and write-once, so copying it
  // before the transaction cannot leave anything half-done in the store.
  // (A kill between this copy and the commit leaves a file no row names: the sweep at the
  // app's next start removes it, store/sweep.ts.)
  const original = write ? storeEvidenceFile(filesDir, { fileName: request.fileName, path: request.filePath }) : null;
  // The same bytes imported before and not undone: importing them again records every row's
  // consent a second time (dated as this batch says), so the preview and the report say so.
  const alreadyImported = earlierImportsOf(db, original?.sha256 ?? sha256File(request.filePath));

  // No column holds the addresses: an import is refused; a preview reads no rows and says
  // what to fix, beside the column mapping where it is fixed.
  if (!mapping.fields.includes('email')) {
    const columns = columnList(sniffed.headers);
    if (write) throw noEmailColumnError(request.fileName, sniffed.headers);
    const mappingProblem: CodedMessage = {
      text: `No column is marked as the e-mail address (columns: ${columns}). Choose the column that holds the addresses.`,
      code: 'no-email-column',
      params: { columns },
    };
    return outcomeOf(request, sniffed, mapping, {
      importId, alreadyImported, counts, rejectedRows, previewRows, mappingProblem, started,
      warnings: warnings.result(), forecast: forecaster.result(batchDefaults), conflicts: [],
    });
  }
  const insertRow = statement(db, 'INSERT INTO import_rows (import_id, row_number, outcome, reason, raw, code, params) VALUES (?, ?, ?, ?, ?, ?, ?)');

  if (write) {
    // A larger page cache for the import's one big transaction (16 MiB; SQLite's default is 2).
    db.pragma('cache_size = -16384');
    db.exec('BEGIN IMMEDIATE');
  }
  const dryRunSeen = write ? null : new DryRunKeys(db);
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
      const insertImport = statement(
        db,
        `INSERT INTO imports (file_name, file_sha256, file_size, format, encoding, delimiter, layout, mapping, source, collected_at, basis, brand,
                              evidence_id, rows, added, merged, duplicates, rejected, state, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 'committed', ?)`,
      );
      importId = Number(
        insertImport.run(
          request.fileName, original!.sha256, original!.size, sniffed.format, sniffed.encoding, sniffed.delimiter, mapping.layout,
          JSON.stringify(mapping.fields), request.source, request.collectedAt, request.basis, request.brand, proofEvidenceId ?? originalEvidenceId, now,
        ).lastInsertRowid,
      );
    }
    const evidenceId = proofEvidenceId ?? originalEvidenceId;
    if (write) warnings = new WarningCollector(request.accepted ?? [], { db, importId: importId! });
    const contacts = write ? new ContactInserter(db, importId!, clock.now) : null;
    const ledger = write ? new LedgerAppender(db, clock.now, { importId: importId!, evidenceId }) : null;
    // Big file, small store: rebuild the secondary indexes once at the end instead.
    const storeSize = statement(db, 'SELECT COUNT(*) FROM contacts').pluck().get() as number;
    if (write && storeSize < 20_000 && fileSize > 4 * 1024 * 1024) deferredIndexes = dropDeferrableIndexes(db);

    const preview = (rowNumber: number, row: RowDetails | null, outcome: RowOutcome, problems: CodedMessage[], warnings: CodedMessage[]): void => {
      if (previewRows.length >= previewLimit) return;
      // Copies: the row's strings may be slices of a whole batch's text (prepared-codec.ts).
      previewRows.push({
        rowNumber,
        email: detachedCopy(row?.email ?? ''),
        firstName: detachedCopy(row?.firstName ?? ''),
        lastName: detachedCopy(row?.lastName ?? ''),
        company: detachedCopy(row?.company ?? ''),
        outcome,
        problems,
        warnings,
      });
    };

    /** One batch of prepared rows, start to end with no await in between. */
    const handleBatch = (batch: PreparedRow[]): void => {
      const pendingEvents: NewEvent[] = [];
      for (const prepared of batch) {
        counts.rows += 1;
        const { rowNumber } = prepared;
        if (prepared.refused !== null) {
          counts.rejected += 1;
          const { text, ...coded } = prepared.refused;
          if (rejectedRows.length < REPORT_REJECTED_LIMIT) rejectedRows.push({ rowNumber, reason: text, raw: prepared.raw, ...coded });
          if (write) insertRow.run(importId, rowNumber, 'rejected', text, prepared.raw, coded.code ?? null, coded.params ? JSON.stringify(coded.params) : null);
          preview(rowNumber, prepared.row, 'reject', [prepared.refused], []);
          continue;
        }
        const { row, key, warnings: rowWarnings, events: rowEvents } = prepared;

        // In the store already? Into an empty store, only a row whose address may have come
        // up earlier in this file needs to ask the unique index.
        const existing = storeIsEmpty && !prepared.maybeSeen ? undefined : findContactByKey(db, key);
        const live = existing !== undefined && existing.removed_at === null ? existing : undefined;
        const fromThisFile = write
          ? live !== undefined && (live.created_import_id === importId || touchedIds.has(live.id))
          : dryRunSeen!.addIsRepeat(key);
        if (fromThisFile) {
          counts.duplicates += 1;
          if (write) {
            insertRow.run(importId, rowNumber, 'duplicate', `same address as an earlier row (${prepared.display})`, prepared.raw ?? '', null, null);
            fillFields(db, live!, row, importId!, () => false, clock.now);
          }
          warnings.add(rowNumber, row, 'duplicate', rowWarnings, live?.id ?? null);
          preview(rowNumber, row, 'duplicate', [], rowWarnings);
          continue;
        }

        if (live) {
          counts.merged += 1;
          // An import never lifts a suppression: no new consent for unsubscribed or bounced contacts.
          const suppressed = live.status === 'unsubscribed' || live.status === 'bounced';
          const events = suppressed ? rowEvents.filter(isSuppression) : rowEvents;
          if (suppressed && events.length < rowEvents.length) {
            rowWarnings.push({ text: `already ${live.status}: the consent in this file was not applied`, code: 'suppressed', params: { status: live.status } });
          }
          conflicts.check(rowNumber, prepared.display, live, row);
          if (write) {
            fillFields(db, live, row, importId!, takeFile, clock.now);
            const identity = identityDigest(live.email, live.email_key);
            for (const e of events) pendingEvents.push({ ...e, contactId: live.id, importId, evidenceId, identity });
            touchedIds.add(live.id);
          } else {
            forecaster.addMerged(db, live, events);
          }
          warnings.add(rowNumber, row, 'merge', rowWarnings, live.id);
          preview(rowNumber, row, 'merge', [], rowWarnings);
          continue;
        }

        counts.added += 1;
        let contactId: number | null = null;
        if (write) {
          if (existing) {
            // The address was removed by an undone import: bring the row back rather than duplicate it.
            statement(db, 'UPDATE contacts SET removed_at = NULL, created_import_id = ?, updated_at = ? WHERE id = ?').run(importId, clock.now, existing.id);
            fillFields(db, existing, row, importId!, () => true, clock.now);
            const identity = identityDigest(existing.email, existing.email_key);
            for (const e of rowEvents) pendingEvents.push({ ...e, contactId: existing.id, importId, evidenceId, identity });
            touchedIds.add(existing.id);
            contactId = existing.id;
          } else {
            const { status, reasons, expiresAt } = prepared.evaluation;
            contactId = contacts!.insert({ email: prepared.display, emailKey: key, fields: row, tags: row.tags, status, reasons, expiresAt });
            const identity = identityDigest(prepared.display, key);
            for (const e of rowEvents) pendingEvents.push({ ...e, contactId, importId, evidenceId, identity });
          }
        }
        // A revived contact's status is read after the recompute, with the merged ones.
        if (!(write && existing)) forecaster.add(prepared.evaluation.status, prepared.evaluation.reasons[0]);
        warnings.add(rowNumber, row, 'add', rowWarnings, contactId);
        preview(rowNumber, row, 'add', [], rowWarnings);
      }
      ledger?.append(pendingEvents);
    };
    // A dry run's batch is one transaction too, or each remembered address would commit on its own.
    const takeBatch = write ? handleBatch : db.transaction(handleBatch);
    for await (const batch of preparedBatches(request.filePath, sniffed, context, {
      signal: hooks.signal,
      onBytes: (read, total) => hooks.onProgress?.('reading', read, total, counts.rows),
      thread: hooks.prepareThread ?? prepareThreadFor(fileSize, request.dryRun, sniffed.format),
    })) {
      if (hooks.signal?.aborted) throw new AppError('conflict', 'The import was cancelled; nothing was changed.');
      takeBatch(batch);
    }

    if (hooks.signal?.aborted) throw new AppError('conflict', 'The import was cancelled; nothing was changed.');
    if (counts.rows === 0) {
      throw new AppError('import-failed', `${request.fileName} has a header but no rows to import.`, undefined, {
        messageCode: 'import-no-rows',
        messageParams: { file: request.fileName },
      });
    }
    if (write) {
      // Rebuilding indexes and committing take seconds on a big file: the bar says so (no total: busy).
      hooks.onProgress?.('writing', counts.rows, 0, counts.rows);
      for (const sql of deferredIndexes) db.exec(sql);
      hooks.onProgress?.('statuses', 0, touchedIds.size, counts.rows);
      recomputeContacts(db, touchedIds, clock.today);
      forecaster.addStored(db, touchedIds);
      statement(db, 'UPDATE imports SET rows = ?, added = ?, merged = ?, duplicates = ?, rejected = ? WHERE id = ?').run(
        counts.rows, counts.added, counts.merged, counts.duplicates, counts.rejected, importId,
      );
      if (request.mapping) {
        statement(
          db,
          'INSERT INTO column_mappings (signature, fields, updated_at) VALUES (?, ?, ?) ON CONFLICT (signature) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at',
        ).run(headerSignature(sniffed.headers), JSON.stringify(mapping.fields), clock.now);
      }
      if (hooks.signal?.aborted) throw new AppError('conflict', 'The import was cancelled; nothing was changed.');
      hooks.onProgress?.('writing', counts.rows, 0, counts.rows);
      db.exec('COMMIT');
    }
  } catch (error) {
    if (write && db.inTransaction) db.exec('ROLLBACK');
    throw asImportError(asDiskFull(error), request.fileName);
  } finally {
    dryRunSeen?.drop();
  }

  return outcomeOf(request, sniffed, mapping, {
    importId, alreadyImported, counts, rejectedRows, previewRows, mappingProblem: null, started,
    warnings: warnings.result(), forecast: forecaster.result(batchDefaults), conflicts: conflicts.result(),
  });
}

/** The report and the preview of a run, from what it counted and collected. */
function outcomeOf(
  request: ImportRequest,
  sniffed: SniffResult,
  mapping: { fields: FieldKey[]; layout: string | null },
  run: {
    importId: number | null;
    alreadyImported: EarlierImport[];
    counts: Bucketed;
    rejectedRows: RejectedRow[];
    previewRows: PreviewRow[];
    mappingProblem: CodedMessage | null;
    started: number;
    warnings: WarningSummary;
    forecast: ConsentForecast;
    conflicts: FieldConflict[];
  },
): ImportOutcome {
  const { importId, alreadyImported, counts, rejectedRows, warnings, forecast } = run;
  const report: ImportReport = {
    importId,
    fileName: request.fileName,
    dryRun: request.dryRun,
    alreadyImported,
    ...counts,
    rejectedRows,
    warnings,
    forecast,
    durationMs: Date.now() - run.started,
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
        samples: columnSamples(sniffed),
      },
      alreadyImported,
      mapping: mapping.fields,
      mappingProblem: run.mappingProblem,
      counts,
      rows: run.previewRows,
      rejectedRows,
      warnings,
      forecast,
      conflicts: run.conflicts,
    },
  };
}

/** Per column, its first three non-empty values from the sniffed rows, each cut to 60 characters. */
function columnSamples(sniffed: SniffResult): string[][] {
  return sniffed.headers.map((_, column) => {
    const values: string[] = [];
    for (const row of sniffed.sampleRows) {
      const value = row[column]?.trim() ?? '';
      if (value !== '' && !values.includes(value)) values.push(value.length > 60 ? `${value.slice(0, 59)}…` : value);
      if (values.length === 3) break;
    }
    return values;
  });
}

/**
 * Secondary indexes that a large import into a small store rebuilds faster at the end
 * (one sort) than it maintains row by row. Dropped and re-created inside the import's
 * transaction, so a crash or cancel restores them with everything else.
 */
const DEFERRABLE_INDEXES = ['contacts_by_name', 'contacts_by_status_name', 'consent_events_by_import'];

export function dropDeferrableIndexes(db: DB): string[] {
  const rows = db
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name IN (${DEFERRABLE_INDEXES.map(() => '?').join(', ')})`)
    .pluck()
    .all(...DEFERRABLE_INDEXES) as string[];
  for (const name of DEFERRABLE_INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
  return rows;
}

/**
 * The addresses a dry run has seen, for an exact "same as an earlier row" without the store's
 * help: a temporary table of this connection (SQLite keeps it on disk when it grows), so a
 * million-row preview does not hold a million strings in memory. Nothing reaches the store
 * file. Each dry run has its own table: previews on one connection can overlap (a newer one
 * starts while the older reads its next batch).
 */
class DryRunKeys {
  private static created = 0;
  private readonly db: DB;
  private readonly table: string;
  private readonly insert: ReturnType<DB['prepare']>;

  constructor(db: DB) {
    this.db = db;
    DryRunKeys.created += 1;
    this.table = `temp.dry_run_keys_${DryRunKeys.created}`;
    db.exec(`CREATE TABLE ${this.table} (key TEXT PRIMARY KEY) WITHOUT ROWID`);
    this.insert = db.prepare(`INSERT OR IGNORE INTO ${this.table} (key) VALUES (?)`);
  }

  /** Remembers the key; true when it was already there. */
  addIsRepeat(key: string): boolean {
    return this.insert.run(key).changes === 0;
  }

  drop(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${this.table}`);
  }
}

/** Fills empty fields (or overwrites the fields `takeFile` names) and records which import set each one. */
function fillFields(db: DB, contact: ContactRow, row: RowDetails, importId: number, takeFile: (field: DetailField) => boolean, now: string): void {
  const sources = JSON.parse(contact.field_sources) as Record<string, number>;
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const field of CONTACT_FIELDS) {
    const incoming = row[field];
    const column = FIELD_COLUMNS[field];
    const current = contact[column as keyof ContactRow] as string;
    if (incoming !== '' && incoming !== current && (current === '' || takeFile(field))) {
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
