// A workspace: one database file plus its files folder, the services over it, and the
// dispatcher both transports (Electron IPC, loopback HTTP) call. Restoring a backup swaps the
// database file, so the connection and the services over it are re-opened in place behind
// the same dispatcher; the transports and their listeners never see a new workspace.

import type { EventMap, EventName } from '../../shared/contract/events.ts';
import { STATUSES, type Status } from '../../shared/consent/vocabulary.ts';
import { todayIso } from '../../shared/dates/iso-date.ts';
import { AppError } from '../../shared/contract/envelope.ts';
import { METHODS } from '../../shared/contract/requests.ts';
import { createDispatcher, type Dispatch, type Handlers } from '../api/dispatch.ts';
import { createHandlers } from '../api/handlers.ts';
import { inProcessRunner, inProcessUndoRunner, workerRunner, workerUndoRunner } from '../import/runner.ts';
import { BackupService, toSummary } from '../services/backups.ts';
import { filesDirFor, type ServiceContext } from '../services/context.ts';
import { ImportService } from '../services/imports.ts';
import { LedgerIntegrity } from '../services/integrity.ts';
import { APP_VERSION } from '../services/settings.ts';
import { finishPendingRestore, restoreBackup } from '../store/backup.ts';
import { storeBusyError } from '../store/busy.ts';
import { damagedError, openStore } from '../store/open.ts';
import type { RestoreSummary } from '../../shared/contract/dto.ts';
import { describeSweep, sweepWorkspaceFiles } from '../store/sweep.ts';

export interface Workspace {
  dbPath: string;
  /** The services' context as it is now (a restore re-opens it: do not keep it). */
  readonly context: ServiceContext;
  /** The ledger's checks and anchors (as the context: re-opened by a restore). */
  readonly integrity: LedgerIntegrity;
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
  /** Check the file (PRAGMA quick_check) before anything reads or writes it. */
  quickCheck?: boolean;
  /** Sweep leftovers of killed processes from its files folder at open: the app and server do, short CLI commands do not. */
  sweep?: boolean;
  /** Check the ledger at start (incremental, then fully in the background): the app and server do; the CLI checks where it matters. */
  checkLedger?: boolean;
  /** Take the day's backup in the background when no backup was made today (the app and server). */
  dailyBackup?: boolean;
  /** How long a write waits for another connection's lock (default: the app's short wait). */
  busyTimeoutMs?: number;
  /**
   * A file that fails the check: 'throw' (the CLI: the command says so and stops) or
   * 'restore-only' (the app and server: they start, every method answers "damaged" except
   * app.info, which says so, and listing and restoring backups, the way out).
   */
  whenDamaged?: 'throw' | 'restore-only';
  onInternalError?: (error: unknown) => void;
  /** Where the start-up sweep says what it removed (one line, only when it removed something). */
  log?: (line: string) => void;
}

/** The app's own connection waits this long for the write lock, then says "busy": the window and the server stay responsive. */
export const APP_BUSY_TIMEOUT_MS = 250;

interface Open {
  /** Null while the file is damaged (restore-only). */
  context: ServiceContext | null;
  imports: ImportService | null;
  integrity: LedgerIntegrity | null;
  dispatch: Dispatch;
  close(): void;
}

function isDamagedError(error: unknown): error is AppError {
  return error instanceof AppError && error.sentence?.messageCode === 'workspace-damaged';
}

export function openWorkspace(options: WorkspaceOptions): Workspace {
  finishPendingRestore(options.dbPath);
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const emit = <E extends EventName>(name: E, payload: EventMap[E]): void => {
    for (const listener of listeners) listener(name, payload);
  };
  const today = options.today ?? (() => todayIso());
  const backups = new BackupService({ dbPath: options.dbPath, context: () => liveContext(), appVersion: APP_VERSION });
  let restoring = false;

  const open = (): Open => {
    const db = openStore(options.dbPath, { quickCheck: options.quickCheck ?? true, busyTimeoutMs: options.busyTimeoutMs ?? APP_BUSY_TIMEOUT_MS });
    if ((options.sweep ?? options.quickCheck ?? true) && !db.readonly) {
      // Files left by a process killed mid-write (store/sweep.ts says what is safe to remove).
      const log = options.log ?? console.log;
      const filesDir = filesDirFor(options.dbPath);
      try {
        const swept = describeSweep(sweepWorkspaceFiles(db, filesDir), filesDir);
        if (swept !== null) log(swept);
      } catch (error) {
        // Leftovers cost disk space, not correctness: the workspace still opens.
        log(`Tillit could not check ${filesDir} for leftover files: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const context: ServiceContext = {
      db,
      dbPath: options.dbPath,
      filesDir: filesDirFor(options.dbPath),
      emit,
      today,
      now: () => new Date().toISOString(),
    };
    const inProcess = inProcessRunner(db, context.filesDir);
    const inWorker = options.importsInWorker ?? true;
    const runner = inWorker ? workerRunner(options.dbPath, context.filesDir, inProcess) : inProcess;
    const undoRunner = inWorker ? workerUndoRunner(options.dbPath, context.filesDir) : inProcessUndoRunner(db);
    const imports = new ImportService(context, runner, undoRunner, (kind) => backups.beforeChange(kind));
    const integrity = new LedgerIntegrity({ db, dbPath: options.dbPath, filesDir: context.filesDir, now: () => context.now(), readOnly: db.readonly });
    // The app checks the ledger before trusting it; a short CLI command checks where it matters (export, verify).
    if (options.checkLedger ?? true) integrity.checkAtStart();
    const handle = createDispatcher(createHandlers(context, imports, integrity, APP_VERSION, { backups, restore }), options.onInternalError, options.dbPath);
    const dispatch: Dispatch = async (method, payload) => {
      const answer = await handle(method, payload);
      if (db.open) integrity.noteChange(); // the anchor log follows every change of the chain head (a restore closed this one)
      return answer;
    };
    return {
      context,
      imports,
      integrity,
      dispatch,
      close: () => {
        if (db.open) integrity.noteChange();
        integrity.close();
        db.close();
      },
    };
  };

  /** A damaged file in the app: nothing reads or writes it; its backups can be listed and one restored. */
  const openDamaged = (damaged: AppError): Open => {
    const refuse = (): never => {
      throw damaged;
    };
    const handlers = Object.fromEntries(METHODS.map((method) => [method, refuse])) as unknown as Handlers;
    handlers['app.info'] = () => ({
      version: APP_VERSION,
      dbPath: options.dbPath,
      brand: null,
      policy: 'default',
      language: null,
      today: today(),
      contactCount: 0,
      readOnly: true,
      damaged: true,
    });
    // Empty counts, so the frame loads and shows why there is nothing.
    handlers['status.summary'] = () => ({ asOf: today(), total: 0, byStatus: Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number> });
    handlers['backups.list'] = () => backups.overview();
    handlers['backups.setSecondFolder'] = (input) => backups.setSecondFolder(input.folder);
    handlers['backups.restore'] = (input) => restore(input.location, input.name);
    return { context: null, imports: null, integrity: null, dispatch: createDispatcher(handlers, options.onInternalError, options.dbPath), close: () => {} };
  };

  const openOrDamaged = (): Open => {
    try {
      return open();
    } catch (error) {
      if (options.whenDamaged === 'restore-only' && isDamagedError(error)) return openDamaged(error);
      throw error;
    }
  };

  const liveContext = (): ServiceContext => {
    if (current.context === null) throw damagedError(options.dbPath, []);
    return current.context;
  };

  /** Restores a listed backup: checked and staged first, then the connection closed, the file swapped, and everything re-opened. */
  const restore = async (location: 'workspace' | 'second', name: string): Promise<RestoreSummary> => {
    current.imports?.refuseWhileBusy();
    const source = backups.find(location, name);
    restoring = true;
    let closed = false;
    try {
      const result = await restoreBackup(options.dbPath, source, {
        appVersion: APP_VERSION,
        now: new Date().toISOString(),
        beforeSwap: () => {
          current.close();
          closed = true;
        },
      });
      return {
        restored: toSummary({ name, dir: result.from, manifest: result.restored }, location),
        safetyBackup: result.safetyBackup?.name ?? null,
        damagedCopy: result.damagedCopy,
      };
    } finally {
      if (closed) current = openOrDamaged();
      restoring = false;
      if (closed) emit('contacts.changed', { reason: 'restore' });
    }
  };

  let current = openOrDamaged();
  if (options.dailyBackup && current.context !== null) {
    backups.daily().catch((error: unknown) => options.onInternalError?.(error));
  }

  return {
    dbPath: options.dbPath,
    get context() {
      return liveContext();
    },
    get integrity() {
      if (current.integrity === null) throw damagedError(options.dbPath, []);
      return current.integrity;
    },
    async dispatch(method, payload) {
      // While a restore swaps the file, nothing may write into either database.
      if (restoring && method !== 'app.info') return { ok: false, error: storeBusyError().toApiError() };
      return current.dispatch(method, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      if (current.context?.db.open) current.close();
    },
  };
}
