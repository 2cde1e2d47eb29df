// Opening a workspace database: pragmas that protect the ledger, migrations, and the checks
// that refuse files this version cannot safely use.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/contract/envelope.ts';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.ts';

export type DB = Database.Database;

export interface OpenOptions {
  /** Run PRAGMA quick_check (the app does at start-up; short CLI commands skip it). */
  quickCheck?: boolean;
}

export function openStore(file: string, options: OpenOptions = {}): DB {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: DB;
  try {
    db = new Database(file);
  } catch (error) {
    throw new AppError('internal', `Cannot open the workspace ${file}: ${(error as Error).message}`);
  }
  try {
    configure(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw new AppError(
        'conflict',
        `The workspace ${file} was written by a newer version of Tillit (schema ${version}; this version knows up to ${LATEST_VERSION}). ` +
          'Update Tillit to open it; the file has not been changed.',
      );
    }
    if (options.quickCheck) assertIntact(db, file);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: DB): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // better-sqlite3 leaves synchronous at NORMAL in WAL mode on re-open; the ledger needs FULL.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Deleted content is overwritten with zeros, not left in free space: an erasure on request
  // must leave no readable copy of the person in the file (measured: no cost to an import
  // beyond the machine's noise, bench/secure-delete.ts).
  db.pragma('secure_delete = ON');
  if (db.pragma('secure_delete', { simple: true }) !== 1) throw new Error('could not enable secure_delete');
  const synchronous = db.pragma('synchronous', { simple: true });
  if (synchronous !== 2) throw new Error(`could not set synchronous=FULL (got ${String(synchronous)})`);
  if (db.pragma('foreign_keys', { simple: true }) !== 1) throw new Error('could not enable foreign keys');
}

function assertIntact(db: DB, file: string): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) {
    throw new AppError('conflict', `The workspace ${file} is damaged (${problems.slice(0, 3).join('; ')}). Restore it from a backup.`);
  }
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
