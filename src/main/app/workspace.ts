// A workspace: one database file plus its files folder, the services over it, and the
// dispatcher both transports (Electron IPC, loopback HTTP) call.

import type { EventMap, EventName } from '../../shared/contract/events.ts';
import { todayIso } from '../../shared/dates/iso-date.ts';
import { createDispatcher, type Dispatch } from '../api/dispatch.ts';
import { createHandlers } from '../api/handlers.ts';
import { inProcessRunner, inProcessUndoRunner, workerRunner, workerUndoRunner } from '../import/runner.ts';
import { filesDirFor, type ServiceContext } from '../services/context.ts';
import { ImportService } from '../services/imports.ts';
import { LedgerIntegrity } from '../services/integrity.ts';
import { APP_VERSION } from '../services/settings.ts';
import { openStore } from '../store/open.ts';

export interface Workspace {
  dbPath: string;
  context: ServiceContext;
  /** The ledger's checks and anchors. */
  integrity: LedgerIntegrity;
  dispatch: Dispatch;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
  close(): void;
}

export interface WorkspaceOptions {
  dbPath: string;
  /** Run imports in a worker thread (the app and server) or in-process (the CLI). */
  importsInWorker?: boolean;
  /** Fixed "today" for tests and `--as-of`-less reproducible runs. */
  today?: () => string;
  quickCheck?: boolean;
  onInternalError?: (error: unknown) => void;
}

export function openWorkspace(options: WorkspaceOptions): Workspace {
  const db = openStore(options.dbPath, { quickCheck: options.quickCheck ?? true });
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const context: ServiceContext = {
    db,
    dbPath: options.dbPath,
    filesDir: filesDirFor(options.dbPath),
    emit<E extends EventName>(name: E, payload: EventMap[E]) {
      for (const listener of listeners) listener(name, payload);
    },
    today: options.today ?? (() => todayIso()),
    now: () => new Date().toISOString(),
  };
  const inProcess = inProcessRunner(db, context.filesDir);
  const inWorker = options.importsInWorker ?? true;
  const runner = inWorker ? workerRunner(options.dbPath, context.filesDir, inProcess) : inProcess;
  const undoRunner = inWorker ? workerUndoRunner(options.dbPath, context.filesDir) : inProcessUndoRunner(db);
  const imports = new ImportService(context, runner, undoRunner);
  const integrity = new LedgerIntegrity({ db, dbPath: options.dbPath, filesDir: context.filesDir, now: () => context.now() });
  // The app checks the ledger before trusting it; a short CLI command checks where it matters (export, verify).
  if (options.quickCheck ?? true) integrity.checkAtStart();
  const handle = createDispatcher(createHandlers(context, imports, integrity, APP_VERSION), options.onInternalError);
  const dispatch: Dispatch = async (method, payload) => {
    const answer = await handle(method, payload);
    integrity.noteChange(); // the anchor log follows every change of the chain head
    return answer;
  };
  return {
    dbPath: options.dbPath,
    context,
    integrity,
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      integrity.noteChange();
      integrity.close();
      db.close();
    },
  };
}
