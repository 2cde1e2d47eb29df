// A file's rows, read and prepared, a batch at a time: in this thread, or, for a big import,
// in a worker thread, so that reading and preparing (a fifth of a big import) run on the
// second core while this thread writes. The rows are the same either way.

import { on } from 'node:events';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/contract/envelope.ts';
import { outOfMemoryError } from './out-of-memory.ts';
import { BatchDecoder } from './prepared-codec.ts';
import { RowPreparer, type PrepareContext, type PreparedRow } from './prepare.ts';
import type { PrepareWorkerData, PrepareWorkerMessage, SentError } from './prepare-worker.ts';
import { ImportFileError, readRecords, type FileFormat, type SniffResult } from './read/index.ts';
import { workerScriptUrl } from './worker-url.ts';

/** Files up to this size are prepared in the calling thread: a worker's start costs more than it saves. */
export const PREPARE_IN_WORKER_BYTES = 4 * 1024 * 1024;

/**
 * Where a file's rows are read and prepared. Only a big import gains from the worker: preparing
 * there is slower than here (encoding, two heaps on two cores), which pays while this thread
 * writes the store; a dry run writes too little (1M rows: 12.3 s with the worker, 10.7 s here).
 * A spreadsheet's reader holds its shared strings, too many for the worker's small heap
 * (200,000 rows: 18.5 s there against 7.1 s here), so .xlsx is read here.
 */
export function prepareThreadFor(fileSize: number, dryRun: boolean, format: FileFormat): 'here' | 'worker' {
  return !dryRun && format !== 'xlsx' && fileSize > PREPARE_IN_WORKER_BYTES ? 'worker' : 'here';
}

/** The preparing worker keeps little: the seen-address bits, the domain cache, a few batches. */
const PREPARE_HEAP_MB = 96;
/** Its rows live one batch long: a small new-object space is enough and keeps its memory down (~30 MB less than V8's default). */
const PREPARE_YOUNG_MB = 4;

export interface PreparedBatchOptions {
  /** Aborting ends the batches early (the caller checks `signal.aborted` after the loop). */
  signal?: AbortSignal;
  onBytes?: (bytesRead: number, totalBytes: number) => void;
  thread: 'here' | 'worker';
}

export async function* preparedBatches(
  filePath: string,
  sniffed: SniffResult,
  context: PrepareContext,
  options: PreparedBatchOptions,
): AsyncGenerator<PreparedRow[]> {
  if (options.thread === 'worker') {
    yield* preparedInWorker({ filePath, sniffed, context }, options);
    return;
  }
  const preparer = new RowPreparer(context);
  for await (const records of readRecords(filePath, sniffed, { signal: options.signal, onBytes: options.onBytes })) {
    yield records.map((record) => preparer.prepare(record));
  }
}

async function* preparedInWorker(data: PrepareWorkerData, options: PreparedBatchOptions): AsyncGenerator<PreparedRow[]> {
  const worker = new Worker(workerScriptUrl('prepare-worker.ts', 'prepare-worker.js'), {
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: PREPARE_HEAP_MB, maxYoungGenerationSizeMb: PREPARE_YOUNG_MB },
  });
  const decoder = new BatchDecoder();
  try {
    // Messages queue up between this generator's awaits; a worker 'error' event throws here.
    for await (const [message] of on(worker, 'message', { signal: options.signal, close: ['exit'] }) as AsyncIterable<[PrepareWorkerMessage]>) {
      if (message.type === 'end') return;
      if (message.type === 'error') throw revive(message.error);
      worker.postMessage('next'); // the worker may prepare one more while this batch is written
      options.onBytes?.(message.bytesRead, message.bytesTotal);
      yield decoder.decode(message.batch);
    }
    throw new AppError('internal', 'Reading the file stopped unexpectedly; nothing was changed.', undefined, { messageCode: 'import-stopped' });
  } catch (error) {
    if (options.signal?.aborted) return; // the caller sees the signal and says so
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw outOfMemoryError(`Reading the file ran out of memory (${PREPARE_HEAP_MB} MB)`, PREPARE_HEAP_MB);
    }
    throw error;
  } finally {
    await worker.terminate();
  }
}

/**
 * The worker's error as this thread's: an ImportFileError stays one (the pipeline turns it
 * into a message naming the file, row and column), with the fields the worker sent.
 */
function revive(sent: SentError): Error {
  const error = sent.name === 'ImportFileError' ? (Object.create(ImportFileError.prototype) as ImportFileError) : new Error(sent.message);
  return Object.assign(error, sent);
}
