// A write refused because another connection holds the store's write lock: an import being
// saved in its worker, or the CLI beside the app. SQLite refused it before changing anything,
// so the user is told to try again, not that something unexpected happened.

import { AppError } from '../../shared/contract/envelope.ts';

export function isStoreBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

export function storeBusyError(): AppError {
  return new AppError(
    'conflict',
    'Tillit is saving another change (an import?) to this workspace; nothing was changed. Try again when it has finished.',
    undefined,
    { messageCode: 'store-busy' },
  );
}
