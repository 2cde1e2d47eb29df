// Worker thread entry: runs one import, or one undo of an import, on its own database
// connection, so the app's main thread stays responsive. Progress and the outcome go back as
// messages; 'cancel' aborts an import, which rolls its transaction back.

import { parentPort, workerData } from 'node:worker_threads';
import type { UndoCounts } from '../../shared/contract/dto.ts';
import { AppError, type ApiError } from '../../shared/contract/envelope.ts';
import { asDiskFull } from '../store/disk-full.ts';
import { openStore } from '../store/open.ts';
import { runImport, type ImportClock, type ImportRequest } from './pipeline.ts';
import { undoImport } from './undo.ts';

export type ImportWorkerData = { dbPath: string; filesDir: string; clock: ImportClock } & (
  | { job: 'import'; request: ImportRequest }
  | { job: 'undo'; importId: number }
);

export type ImportWorkerMessage =
  | { type: 'progress'; step: 'reading' | 'writing' | 'statuses'; current: number; total: number; rows: number }
  | { type: 'done'; outcome: Awaited<ReturnType<typeof runImport>> | null; undone?: UndoCounts }
  | { type: 'error'; error: ApiError };

const port = parentPort;
if (!port) throw new Error('worker.ts must run as a worker thread');
const data = workerData as ImportWorkerData;
const controller = new AbortController();
port.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') controller.abort();
});

const post = (message: ImportWorkerMessage): void => port.postMessage(message);
const db = openStore(data.dbPath);
try {
  if (data.job === 'undo') {
    const undone = undoImport(db, data.importId, data.clock);
    post({ type: 'done', outcome: null, undone });
  } else {
    const outcome = await runImport(db, data.filesDir, data.request, data.clock, {
      signal: controller.signal,
      onProgress: (step, current, total, rows) => post({ type: 'progress', step, current, total, rows }),
    });
    post({ type: 'done', outcome });
  }
} catch (error) {
  const known = asDiskFull(error);
  const appError = known instanceof AppError ? known : new AppError('internal', error instanceof Error ? error.message : String(error));
  post({ type: 'error', error: appError.toApiError() });
} finally {
  db.close();
  port.close();
}
