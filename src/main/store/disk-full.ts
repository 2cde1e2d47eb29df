// A write refused because the disk (or the user's quota) is full: from Node's file calls
// (ENOSPC, EDQUOT) or from SQLite (SQLITE_FULL, which rolls the statement or transaction
// back). What was being saved did not happen, so the user is told that nothing changed and
// what to do, in words, not as an "unexpected error".

import { AppError } from '../../shared/contract/envelope.ts';

export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

export function diskFullError(): AppError {
  return new AppError(
    'internal',
    'The disk is full: Tillit could not save this change, and nothing was changed. Free some space on the disk that holds the workspace and try again.',
    undefined,
    { messageCode: 'disk-full' },
  );
}

/** The disk-full error for a full disk, else the error as it was. */
export function asDiskFull(error: unknown): unknown {
  return isDiskFull(error) ? diskFullError() : error;
}
