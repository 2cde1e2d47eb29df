// Worker thread entry: reads a big file and prepares its rows (prepare.ts) while the import's
// own thread writes the batches before, so the two halves of an import use two cores. Batches
// go out encoded (prepared-codec.ts). At most AHEAD batches wait unacknowledged: a slow writer
// holds the reader back instead of letting batches pile up in memory.

import { parentPort, workerData } from 'node:worker_threads';
import { encodeBatch, type EncodedBatch } from './prepared-codec.ts';
import type { PrepareContext } from './prepare.ts';
import { preparedBatches } from './prepared-batches.ts';
import type { SniffResult } from './read/index.ts';

export interface PrepareWorkerData {
  filePath: string;
  sniffed: SniffResult;
  context: PrepareContext;
}

/** An error as it crosses threads: its class name, message and own fields (code, row, column…). */
export interface SentError {
  name: string;
  message: string;
  stack?: string;
  [field: string]: unknown;
}

export type PrepareWorkerMessage =
  | { type: 'batch'; batch: EncodedBatch; bytesRead: number; bytesTotal: number }
  | { type: 'end' }
  | { type: 'error'; error: SentError };

const AHEAD = 2;

const port = parentPort;
if (!port) throw new Error('prepare-worker.ts must run as a worker thread');
const data = workerData as PrepareWorkerData;

let unacknowledged = 0;
let resume: (() => void) | null = null;
port.on('message', () => {
  unacknowledged -= 1;
  resume?.();
});

const post = (message: PrepareWorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
try {
  let bytesRead = 0;
  let bytesTotal = 0;
  // The same reading and preparing as in the import's own thread, so the rows are the same.
  const batches = preparedBatches(data.filePath, data.sniffed, data.context, {
    thread: 'here',
    onBytes: (read, total) => {
      bytesRead = read;
      bytesTotal = total;
    },
  });
  for await (const rows of batches) {
    const batch = encodeBatch(rows);
    while (unacknowledged >= AHEAD) await new Promise<void>((wake) => (resume = wake));
    unacknowledged += 1;
    post({ type: 'batch', batch, bytesRead, bytesTotal }, [batch.layout.buffer as ArrayBuffer]);
  }
  post({ type: 'end' });
} catch (error) {
  const sent: SentError =
    error instanceof Error ? { ...error, name: error.name, message: error.message, stack: error.stack } : { name: 'Error', message: String(error) };
  post({ type: 'error', error: sent });
} finally {
  port.close();
}
