// A workspace: one database file plus its files folder, the services over it, and the
// dispatcher both transports (Electron IPC, loopback HTTP) call.

import type { EventMap, EventName } from '../../shared/contract/events.ts';
import { todayIso } from '../../shared/dates/iso-date.ts';
import { createDispatcher, type Dispatch } from '../api/dispatch.ts';
import { createHandlers } from '../api/handlers.ts';
import { inProcessRunner, inProcessUndoRunner, workerRunner, workerUndoRunner } from '../import/runner.ts';
import { filesDirFor, type ServiceContext } from '../services/context.ts';
import { ImportService } from '../services/imports.ts';
import { APP_VERSION } from '../services/settings.ts';
import { openStore } from '../store/open.ts';
import { describeSweep, sweepWorkspaceFiles } from '../store/sweep.ts';

export interface Workspace {
  dbPath: string;
  context: ServiceContext;
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
  /** Check the file (PRAGMA quick_check) and sweep leftovers from its files folder: the app and server do, short CLI commands do not. */
  quickCheck?: boolean;
  onInternalError?: (error: unknown) => void;
  /** Where the start-up sweep says what it removed (one line, only when it removed something). */
  log?: (line: string) => void;
}

export function openWorkspace(options: WorkspaceOptions): Workspace {
  const quickCheck = options.quickCheck ?? true;
  const db = openStore(options.dbPath, { quickCheck });
  const filesDir = filesDirFor(options.dbPath);
  if (quickCheck) {
    // Files left by a process killed mid-write (store/sweep.ts says what is safe to remove).
    const log = options.log ?? console.log;
    try {
      const swept = describeSweep(sweepWorkspaceFiles(db, filesDir), filesDir);
      if (swept !== null) log(swept);
    } catch (error) {
      // Leftovers cost disk space, not correctness: the workspace still opens.
      log(`Tillit could not check ${filesDir} for leftover files: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const context: ServiceContext = {
    db,
    dbPath: options.dbPath,
    filesDir,
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
  const dispatch = createDispatcher(createHandlers(context, imports, APP_VERSION), options.onInternalError);
  return {
    dbPath: options.dbPath,
    context,
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      db.close();
    },
  };
}
