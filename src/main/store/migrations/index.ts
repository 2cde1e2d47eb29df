// Numbered, append-only migrations. Each runs in its own transaction and bumps
// PRAGMA user_version; never edit one that has shipped — add the next number instead.

import type Database from 'better-sqlite3';
import { migration001 } from './001-initial.ts';
import { migration002 } from './002-row-reason-codes.ts';
import { migration003 } from './003-ledger-coverage.ts';
import { migration004 } from './004-contact-edits.ts';
import { migration005 } from './005-import-warnings.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005];

/** The last migration's number (not the count: numbers are what user_version holds). */
export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;
