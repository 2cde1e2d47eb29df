// A worker thread of an import ran out of its bounded heap. Its transaction never committed,
// so nothing was written; the way out is a smaller file.

import { AppError } from '../../shared/contract/envelope.ts';

/** `what` ran out of memory: "The import ran out of memory (192 MB)". */
export function outOfMemoryError(what: string, mb: number): AppError {
  return new AppError('import-failed', `${what}; nothing was changed. Split the file and try again.`, undefined, {
    messageCode: 'import-out-of-memory',
    messageParams: { mb },
  });
}
