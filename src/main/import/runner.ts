// Two ways to run an import: in this thread (the CLI, where nothing else waits) or in a
// worker thread (the app and the loopback server, which must keep answering).

import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { UndoCounts } from '../../shared/contract/dto.ts';
import { AppError } from '../../shared/contract/envelope.ts';
import type { ImportRunner, UndoRunner } from '../services/imports.ts';
import type { DB } from '../store/open.ts';
import { outOfMemoryError } from './out-of-memory.ts';
import { runImport, type ImportHooks, type ImportOutcome } from './pipeline.ts';
import { undoImport } from './undo.ts';
import type { ImportWorkerData, ImportWorkerMessage } from './worker.ts';
import { workerScriptUrl } from './worker-url.ts';

export function inProcessRunner(db: DB, filesDir: string): ImportRunner {
  return (request, clock, hooks) => runImport(db, filesDir, request, clock, hooks);
}

export const IMPORT_HEAP_MB = 192;
/**
 * The new-object space, smaller than V8's default so that with the preparing worker beside it
 * (prepared-batches.ts) a million-row import stays under 300 MB: 1M rows peaked at ~325 MB
 * with the default, ~260 MB with 24 MB, at about the same speed.
 */
export const IMPORT_YOUNG_MB = 24;

/** Previews of text files up to this size run in the calling thread (about a quarter of a second of work). */
export const IN_PROCESS_PREVIEW_BYTES = 2 * 1024 * 1024;

/**
 * Whether a file is a ZIP (an .xlsx, or anything else packed): its parts unpack to far more
 * than its size (a 0.5 MB file to gigabytes), so it is never read outside the worker's
 * bounded heap, whatever its size. The reader's caps (limits.ts) stop it there.
 */
export function mayInflate(filePath: string): boolean {
  const head = Buffer.alloc(4);
  const fd = fs.openSync(filePath, 'r');
  try {
    const read = fs.readSync(fd, head, 0, 4, 0);
    return read >= 2 && head[0] === 0x50 && head[1] === 0x4b; // "PK"
  } finally {
    fs.closeSync(fd);
  }
}

export function workerRunner(dbPath: string, filesDir: string, dryRunInProcess?: ImportRunner): ImportRunner {
  return async (request, clock, hooks) => {
    // Dry runs write nothing; a small text file's preview runs here, sparing a worker start. A
    // big file's would hold up every other request for seconds, and a spreadsheet's may unpack
    // to any size, so those go to the worker too.
    if (request.dryRun && dryRunInProcess && fs.statSync(request.filePath).size <= IN_PROCESS_PREVIEW_BYTES && !mayInflate(request.filePath)) {
      return dryRunInProcess(request, clock, hooks);
    }
    const done = await inWorker({ job: 'import', dbPath, filesDir, request, clock }, hooks);
    return done.outcome!;
  };
}

export function inProcessUndoRunner(db: DB): UndoRunner {
  return (importId, clock) => Promise.resolve(undoImport(db, importId, clock));
}

/** Undoes an import in the import worker: it rewrites as many rows as the import wrote. */
export function workerUndoRunner(dbPath: string, filesDir: string): UndoRunner {
  return async (importId, clock) => {
    const done = await inWorker({ job: 'undo', dbPath, filesDir, importId, clock }, {});
    return done.undone!;
  };
}

/** Runs one job in a new import worker; resolves with an import's outcome, or an undo's counts. */
function inWorker(data: ImportWorkerData, hooks: ImportHooks): Promise<{ outcome: ImportOutcome | null; undone?: UndoCounts }> {
  return new Promise((resolve, reject) => {
    // A bounded heap: V8 otherwise grows it far past what the import keeps alive (measured:
    // 1,000,000 rows peak at ~560 MB RSS unbounded, ~320 MB with this limit, no slower).
    const worker = new Worker(workerScriptUrl('worker.ts', 'import-worker.js'), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: IMPORT_HEAP_MB, maxYoungGenerationSizeMb: IMPORT_YOUNG_MB } });
    const onAbort = (): void => worker.postMessage({ type: 'cancel' });
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.type === 'progress') hooks.onProgress?.(message.step, message.current, message.total, message.rows);
      else if (message.type === 'done') {
        settled = true;
        resolve({ outcome: message.outcome, ...(message.undone ? { undone: message.undone } : {}) });
      } else {
        settled = true;
        reject(AppError.from(message.error));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      reject(outOfMemory ? outOfMemoryError(`The import ran out of memory (${IMPORT_HEAP_MB} MB)`, IMPORT_HEAP_MB) : error);
    });
    worker.on('exit', (code) => {
      hooks.signal?.removeEventListener('abort', onAbort);
      if (!settled) {
        reject(new AppError('internal', `The import stopped unexpectedly (exit code ${code}, possibly out of memory); nothing was changed.`, undefined, { messageCode: 'import-stopped' }));
      }
    });
  });
}
