// Imports as the app sees them: upload (staging), preview (a dry run), commit (in a worker
// in the app, in-process in the CLI), cancel, undo and history.

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview, ImportReport, ImportSummary, RejectedRow, StagedFile, UndoCounts, UndoPreview, UndoResult, WarnedRow } from '../../shared/contract/dto.ts';
import { AppError } from '../../shared/contract/envelope.ts';
import type { RequestParsed } from '../../shared/contract/requests.ts';
import type { SourceKind } from '../../shared/consent/vocabulary.ts';
import type { ImportClock, ImportHooks, ImportOutcome, ImportRequest } from '../import/pipeline.ts';
import { undoPreview } from '../import/undo.ts';
import { warnedRowsOf } from '../import/warnings.ts';
import { statement } from '../store/open.ts';
import type { ServiceContext } from './context.ts';
import { evidenceData } from './consent.ts';

/** Runs one import: in-process (CLI, tests) or in a worker thread (app, server). */
export type ImportRunner = (request: ImportRequest, clock: ImportClock, hooks: ImportHooks) => Promise<ImportOutcome>;
/** Undoes one import, where imports run. */
export type UndoRunner = (importId: number, clock: ImportClock) => Promise<UndoCounts>;

const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
const PREVIEW_ROWS = 50;

function stagingDir(ctx: ServiceContext): string {
  return path.join(ctx.filesDir, 'staging');
}

function stagedPaths(ctx: ServiceContext, stagedId: string): { data: string; meta: string } {
  return { data: path.join(stagingDir(ctx), `${stagedId}.data`), meta: path.join(stagingDir(ctx), `${stagedId}.json`) };
}

export function stageChunk(ctx: ServiceContext, input: RequestParsed<'files.stage'>): StagedFile {
  fs.mkdirSync(stagingDir(ctx), { recursive: true });
  const stagedId = input.stagedId ?? randomBytes(16).toString('hex');
  const paths = stagedPaths(ctx, stagedId);
  if (input.stagedId !== undefined && !fs.existsSync(paths.meta)) {
    throw new AppError('not-found', `No upload in progress with id ${input.stagedId}; start the upload again.`);
  }
  const chunk = Buffer.from(input.chunkBase64, 'base64');
  const size = (fs.existsSync(paths.data) ? fs.statSync(paths.data).size : 0) + chunk.length;
  if (size > MAX_UPLOAD_BYTES) {
    throw new AppError('import-failed', `${input.fileName} is larger than 2 GiB; split it into smaller files.`, undefined, {
      messageCode: 'upload-too-large',
      messageParams: { file: input.fileName },
    });
  }
  fs.appendFileSync(paths.data, chunk);
  fs.writeFileSync(paths.meta, JSON.stringify({ fileName: input.fileName }));
  return { stagedId, fileName: input.fileName, size };
}

function stagedFile(ctx: ServiceContext, stagedId: string): { path: string; fileName: string } {
  const paths = stagedPaths(ctx, stagedId);
  if (!fs.existsSync(paths.meta) || !fs.existsSync(paths.data)) {
    throw new AppError('not-found', `The uploaded file ${stagedId} is no longer available; choose the file again.`, undefined, { messageCode: 'upload-gone' });
  }
  const meta = JSON.parse(fs.readFileSync(paths.meta, 'utf8')) as { fileName: string };
  return { path: paths.data, fileName: meta.fileName };
}

function requestFor(ctx: ServiceContext, input: RequestParsed<'import.commit'>, dryRun: boolean): ImportRequest {
  const file = stagedFile(ctx, input.stagedId);
  return {
    filePath: file.path,
    fileName: file.fileName,
    source: input.source,
    collectedAt: input.collectedAt,
    basis: input.basis,
    brand: input.brand,
    evidence: input.evidence ? evidenceData(input.evidence) : undefined,
    mapping: input.mapping,
    overrides: { encoding: input.encoding, delimiter: input.delimiter, sheet: input.sheet },
    overwrite: input.overwrite,
    fieldChoices: input.fieldChoices,
    fixes: input.fixes,
    accepted: input.accepted,
    dryRun,
    previewRows: dryRun ? PREVIEW_ROWS : 0,
  };
}

export class ImportService {
  private readonly jobs = new Map<string, AbortController>();
  /** The running preview of each staged file: a newer one (other settings) stops it. */
  private readonly previews = new Map<string, AbortController>();
  private readonly ctx: ServiceContext;
  private readonly runner: ImportRunner;
  private readonly undoRunner: UndoRunner;
  /** The automatic backup taken before an import or undo writes anything (services/backups.ts). */
  private readonly beforeChange: (kind: 'import' | 'undo') => Promise<void>;

  constructor(ctx: ServiceContext, runner: ImportRunner, undoRunner: UndoRunner, beforeChange: (kind: 'import' | 'undo') => Promise<void> = async () => {}) {
    this.ctx = ctx;
    this.runner = runner;
    this.undoRunner = undoRunner;
    this.beforeChange = beforeChange;
  }

  private clock(): ImportClock {
    return { today: this.ctx.today(), now: this.ctx.now() };
  }

  /** Reports a run's progress as 'import.progress' events: at most five a second, plus one whenever the step changes. */
  private progressReporter(stagedId: string): NonNullable<ImportHooks['onProgress']> {
    const started = Date.now();
    let lastEmit = 0;
    let lastStep = '';
    return (step, current, total, rows) => {
      const nowMs = Date.now();
      if (step === lastStep && nowMs - lastEmit < 200) return;
      lastEmit = nowMs;
      lastStep = step;
      const seconds = (nowMs - started) / 1000;
      this.ctx.emit('import.progress', { jobId: stagedId, step, current, total, rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : 0 });
    };
  }

  async preview(input: RequestParsed<'import.preview'>): Promise<ImportPreview> {
    // Changing a setting asks for a new preview; the old one's answer is no longer wanted,
    // and on a big file it would keep a core busy for seconds.
    this.previews.get(input.stagedId)?.abort();
    const controller = new AbortController();
    this.previews.set(input.stagedId, controller);
    try {
      // A big file takes seconds to check: the preview reports how far it has read.
      const outcome = await this.runner(requestFor(this.ctx, input, true), this.clock(), {
        signal: controller.signal,
        onProgress: this.progressReporter(input.stagedId),
      });
      return outcome.preview;
    } catch (error) {
      if (controller.signal.aborted) throw new AppError('conflict', 'This preview was replaced by a newer one for the same file.');
      throw error;
    } finally {
      if (this.previews.get(input.stagedId) === controller) this.previews.delete(input.stagedId);
    }
  }

  /** One import or undo at a time: each holds the store's write lock for its whole transaction (a restore waits for them too). */
  refuseWhileBusy(): void {
    if (this.jobs.size > 0) {
      throw new AppError('conflict', 'Another import is running; wait for it to finish or cancel it.', undefined, { messageCode: 'import-running' });
    }
  }

  async commit(input: RequestParsed<'import.commit'>): Promise<ImportReport> {
    this.refuseWhileBusy();
    this.previews.get(input.stagedId)?.abort(); // its answer is no longer wanted
    const controller = new AbortController();
    this.jobs.set(input.stagedId, controller);
    try {
      // In main, before the worker starts: a failed backup (a full disk) refuses the import.
      await this.beforeChange('import');
      const outcome = await this.runner(requestFor(this.ctx, input, false), this.clock(), {
        signal: controller.signal,
        onProgress: this.progressReporter(input.stagedId),
      });
      this.ctx.emit('import.progress', { jobId: input.stagedId, step: 'done', current: outcome.report.rows, total: outcome.report.rows, rowsPerSecond: 0 });
      this.ctx.emit('contacts.changed', { reason: 'import' });
      const paths = stagedPaths(this.ctx, input.stagedId);
      fs.rmSync(paths.data, { force: true });
      fs.rmSync(paths.meta, { force: true });
      return outcome.report;
    } finally {
      this.jobs.delete(input.stagedId);
    }
  }

  cancel(stagedId: string): { cancelled: boolean } {
    const job = this.jobs.get(stagedId);
    job?.abort();
    return { cancelled: job !== undefined };
  }

  rejectedRows(importId: number, afterRow: number, limit: number): RejectedRow[] {
    const { db } = this.ctx;
    if (!statement(db, 'SELECT 1 FROM imports WHERE id = ?').get(importId)) throw new AppError('not-found', `No import with id ${importId}.`);
    // Called once per page of a download: the statement comes from the per-connection cache.
    const rows = statement(
      db,
      `SELECT row_number AS rowNumber, reason, raw, code, params FROM import_rows
       WHERE import_id = ? AND outcome = 'rejected' AND row_number > ? ORDER BY row_number LIMIT ?`,
    ).all(importId, afterRow, limit) as (Omit<RejectedRow, 'code' | 'params'> & { code: RejectedRow['code'] | null; params: string | null })[];
    // The code and its values say the reason in the UI's language (rows from before migration 002 have none).
    return rows.map(({ code, params, ...row }) => (code === null ? row : { ...row, code, ...(params === null ? {} : { params: JSON.parse(params) as RejectedRow['params'] }) }));
  }

  warnedRows(importId: number, afterRow: number, limit: number): WarnedRow[] {
    return warnedRowsOf(this.ctx.db, importId, afterRow, limit);
  }

  list(): ImportSummary[] {
    const rows = this.ctx.db.prepare('SELECT * FROM imports ORDER BY id DESC').all() as ImportRow[];
    return rows.map(toSummary);
  }

  /**
   * Undoes an import as a unit (import/undo.ts), in the import worker in the app: a big
   * import's undo rewrites as many rows as the import wrote, and the window keeps answering.
   * It counts as a job: no import starts while it runs, nor it while one runs.
   */
  async undo(importId: number): Promise<UndoResult> {
    this.refuseWhileBusy();
    const job = `undo:${importId}`;
    this.jobs.set(job, new AbortController());
    let undone: UndoCounts;
    try {
      await this.beforeChange('undo');
      undone = await this.undoRunner(importId, this.clock());
    } finally {
      this.jobs.delete(job);
    }
    this.ctx.emit('contacts.changed', { reason: 'undo' });
    return { ...toSummary(this.ctx.db.prepare('SELECT * FROM imports WHERE id = ?').get(importId) as ImportRow), undone };
  }

  /** What undo(importId) would do, for the user to confirm; reads only (import/undo.ts). */
  undoPreview(importId: number): UndoPreview {
    const counts = undoPreview(this.ctx.db, importId);
    return { ...counts, import: toSummary(this.ctx.db.prepare('SELECT * FROM imports WHERE id = ?').get(importId) as ImportRow) };
  }
}

interface ImportRow {
  id: number;
  file_name: string;
  format: string;
  source: string;
  collected_at: string;
  rows: number;
  added: number;
  merged: number;
  duplicates: number;
  rejected: number;
  state: 'committed' | 'undone';
  created_at: string;
  undone_at: string | null;
}

function toSummary(row: ImportRow): ImportSummary {
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    source: row.source as SourceKind,
    collectedAt: row.collected_at,
    rows: row.rows,
    added: row.added,
    merged: row.merged,
    duplicates: row.duplicates,
    rejected: row.rejected,
    state: row.state,
    createdAt: row.created_at,
  };
}
