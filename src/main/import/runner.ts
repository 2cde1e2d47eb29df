// Two ways to run an import: in this thread (the CLI, where nothing else waits) or in a
// worker thread (the app and the loopback server, which must keep answering).

import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/contract/envelope.ts';
import type { ImportRunner } from '../services/imports.ts';
import type { DB } from '../store/open.ts';
import { runImport } from './pipeline.ts';
import type { ImportWorkerData, ImportWorkerMessage } from './worker.ts';

export function inProcessRunner(db: DB, filesDir: string): ImportRunner {
  return (request, clock, hooks) => runImport(db, filesDir, request, clock, hooks);
}

/**
 * Where the worker script is: beside this file when run from source; in the electron-vite
 * bundle it is out/main/import-worker.js, and this code may sit in out/main/chunks/.
 */
export function importWorkerUrl(moduleUrl: string = import.meta.url): URL {
  if (moduleUrl.endsWith('.ts')) return new URL('./worker.ts', moduleUrl);
  const candidates = [new URL('./import-worker.js', moduleUrl), new URL('../import-worker.js', moduleUrl)];
  return candidates.find((url) => fs.existsSync(url)) ?? candidates[0]!;
}

export const IMPORT_HEAP_MB = 192;

/** Previews of files up to this size run in the calling thread (about a quarter of a second of work). */
export const IN_PROCESS_PREVIEW_BYTES = 2 * 1024 * 1024;

export function workerRunner(dbPath: string, filesDir: string, dryRunInProcess?: ImportRunner): ImportRunner {
  return (request, clock, hooks) => {
    // Dry runs write nothing; a small file's preview runs here, sparing a worker start. A big
    // file's would hold up every other request for seconds, so it goes to the worker too.
    if (request.dryRun && dryRunInProcess && fs.statSync(request.filePath).size <= IN_PROCESS_PREVIEW_BYTES) {
      return dryRunInProcess(request, clock, hooks);
    }
    return new Promise((resolve, reject) => {
      const data: ImportWorkerData = { dbPath, filesDir, request, clock };
      // A bounded heap: V8 otherwise grows it far past what the import keeps alive (measured:
      // 1,000,000 rows peak at ~560 MB RSS unbounded, ~320 MB with this limit, no slower).
      const worker = new Worker(importWorkerUrl(), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: IMPORT_HEAP_MB } });
      const onAbort = (): void => worker.postMessage({ type: 'cancel' });
      hooks.signal?.addEventListener('abort', onAbort, { once: true });
      let settled = false;
      worker.on('message', (message: ImportWorkerMessage) => {
        if (message.type === 'progress') hooks.onProgress?.(message.step, message.current, message.total, message.rows);
        else if (message.type === 'done') {
          settled = true;
          resolve(message.outcome);
        } else {
          settled = true;
          reject(new AppError(message.error.code, message.error.message, message.error.details));
        }
      });
      worker.on('error', (error) => {
        settled = true;
        const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        reject(outOfMemory ? new AppError('import-failed', `The import ran out of memory (${IMPORT_HEAP_MB} MB); nothing was changed. Split the file and try again.`) : error);
      });
      worker.on('exit', (code) => {
        hooks.signal?.removeEventListener('abort', onAbort);
        if (!settled) {
          reject(new AppError('internal', `The import stopped unexpectedly (exit code ${code}, possibly out of memory); nothing was changed.`));
        }
      });
    });
  };
}
