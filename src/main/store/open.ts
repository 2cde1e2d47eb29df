// Opening a workspace database: pragmas that protect the ledger, migrations, and the checks
// that refuse files this version cannot safely use.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/contract/envelope.ts';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.ts';

export type DB = Database.Database;

export interface OpenOptions {
  /** Run PRAGMA quick_check (the app does at start-up, the CLI before every command). */
  quickCheck?: boolean;
  /**
   * How long a write waits for another connection's write lock before SQLITE_BUSY. The app's
   * own connection answers the window and the loopback server on one thread, so it waits
   * briefly and says "busy"; the CLI and the import worker can afford to wait longer.
   */
  busyTimeoutMs?: number;
}

/** The message every caller shows for a file that failed SQLite's checks. */
export function damagedError(file: string, problems: readonly string[]): AppError {
  const detail = problems.length > 0 ? ` (${problems.slice(0, 3).join('; ')})` : '';
  return new AppError(
    'conflict',
    `This workspace is damaged${detail}: ${file}. Nothing was written to it. Restore a backup (tillit restore FILE, or Settings → Backups in the app).`,
    undefined,
    { messageCode: 'workspace-damaged', messageParams: { file } },
  );
}

/** SQLite found the file is not a database or a page is damaged, during an ordinary query. */
export function isStoreDamaged(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** A write refused because the file or its folder cannot be written (opened for reading). */
export function isStoreReadOnly(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}

export function readOnlyError(file: string): AppError {
  return new AppError(
    'conflict',
    `This workspace is read-only (${file} cannot be written: a read-only file, folder or disk); it is open for reading and nothing was changed. Copy it to a folder you can write to, or make the file writable, to change it.`,
    undefined,
    { messageCode: 'workspace-read-only', messageParams: { file } },
  );
}

/** Whether this process may write the file (root ignores permission bits; not an immutable file or a read-only disk). */
function writable(file: string): boolean {
  if (!fs.existsSync(file)) return true;
  try {
    fs.closeSync(fs.openSync(file, 'r+'));
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return false;
    throw error;
  }
}

export function openStore(file: string, options: OpenOptions = {}): DB {
  const readonly = !writable(file);
  if (!readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: DB;
  try {
    db = new Database(file, { readonly });
  } catch (error) {
    if (readonly) {
      throw new AppError(
        'conflict',
        `Cannot open the workspace ${file} for reading: it is read-only and SQLite cannot keep its lock files beside it (a read-only disk?). Copy the workspace to a folder you can write to. (${(error as Error).message})`,
        undefined,
        { messageCode: 'workspace-unreadable', messageParams: { file } },
      );
    }
    throw new AppError('internal', `Cannot open the workspace ${file}: ${(error as Error).message}`);
  }
  try {
    try {
      configure(db, options.busyTimeoutMs ?? 5000);
    } catch (error) {
      if (isStoreDamaged(error)) throw damagedError(file, [(error as Error).message]);
      throw error;
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw new AppError(
        'conflict',
        `The workspace ${file} was written by a newer version of Tillit (schema ${version}; this version knows up to ${LATEST_VERSION}). ` +
          'Update Tillit to open it; the file has not been changed.',
      );
    }
    if (options.quickCheck) assertIntact(db, file);
    if (readonly) {
      if (version < LATEST_VERSION) {
        throw new AppError(
          'conflict',
          `The workspace ${file} is read-only and was made by an older Tillit (schema ${version}); it must be upgraded before this version can read it. Make it writable and open it again.`,
        );
      }
    } else migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: DB, busyTimeoutMs: number): void {
  // A read-only connection cannot change the journal mode; it reads the file as it is.
  if (!db.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // better-sqlite3 leaves synchronous at NORMAL in WAL mode on re-open; the ledger needs FULL.
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  // Deleted content is overwritten with zeros, not left in free space: an erasure on request
  // must leave no readable copy of the person in the file (measured: no cost to an import
  // beyond the machine's noise, bench/secure-delete.ts).
  db.pragma('secure_delete = ON');
  if (db.pragma('secure_delete', { simple: true }) !== 1) throw new Error('could not enable secure_delete');
  const synchronous = db.pragma('synchronous', { simple: true });
  if (synchronous !== 2) throw new Error(`could not set synchronous=FULL (got ${String(synchronous)})`);
  if (db.pragma('foreign_keys', { simple: true }) !== 1) throw new Error('could not enable foreign keys');
}

/** PRAGMA quick_check, which finds damage ordinary queries do not (and throws on some it finds). */
export function assertIntact(db: DB, file: string): void {
  let problems: string[];
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  } catch (error) {
    if (isStoreDamaged(error)) throw damagedError(file, [(error as Error).message]);
    throw error;
  }
  if (problems.length > 0) throw damagedError(file, problems);
}

/** Applies every pending migration, each in its own transaction. Exported for tests. */
export function migrate(db: DB, upTo: number = LATEST_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > upTo) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

const statementCache = new WeakMap<DB, Map<string, Database.Statement>>();

/**
 * A prepared statement, prepared once per connection. better-sqlite3 keeps every statement
 * it ever prepared until the database closes, so preparing inside a per-row loop leaks.
 */
export function statement(db: DB, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map<string, Database.Statement>()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

/**
 * A value written into SQL text, for statements prepared once per import with that import's
 * constants inlined (every bound parameter costs about 0.1 µs, which adds up over a million
 * rows). Integers and strings only; strings are quoted with SQL's own '' escaping.
 */
export function sqlLiteral(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`sqlLiteral: ${value} is not an integer`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}
