import Database from 'better-sqlite3';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../../../test/helpers/temp.ts';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.ts';
import { migrate, openStore } from './open.ts';

const dir = tempDir();

describe('openStore', () => {
  it('creates a migrated database with WAL, foreign keys and synchronous=FULL', () => {
    const file = tempDbPath(dir);
    const db = openStore(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('keeps synchronous=FULL on every re-open (better-sqlite3 would fall back to NORMAL in WAL)', () => {
    const file = tempDbPath(dir);
    openStore(file).close();
    const db = openStore(file);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses a file written by a newer version, with a clear message, and leaves it unchanged', () => {
    const file = tempDbPath(dir);
    openStore(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openStore(file)).toThrow(/written by a newer version of Tillit.*Update Tillit/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    check.close();
    expect(fs.readFileSync(file).length).toBe(before.length);
  });

  it('reports a damaged file found by quick_check instead of opening it', () => {
    const file = tempDbPath(dir);
    const db = openStore(file);
    db.exec('CREATE TABLE filler (x TEXT)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Overwrite a span of pages in the middle of the file with garbage.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 4096 * 20);
    fs.closeSync(fd);
    expect(() => openStore(file, { quickCheck: true })).toThrow(/damaged|malformed|corrupt/i);
  });
});

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('001 creates the tables and the ledger triggers that refuse UPDATE and DELETE', () => {
    const db = new Database(tempDbPath(dir));
    migrate(db, 1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['contacts', 'consent_events', 'event_notes', 'evidence', 'imports', 'import_rows', 'exports', 'settings', 'erasures', 'column_mappings']));
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all();
    expect(triggers).toEqual(expect.arrayContaining(['consent_events_no_update', 'consent_events_no_delete']));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('002 gives import rows a code and its values; rows from before keep none', () => {
    const db = new Database(tempDbPath(dir));
    migrate(db, 1);
    db.exec(`INSERT INTO imports (id, file_name, file_sha256, file_size, format, encoding, mapping, source, collected_at, rows, added, merged, duplicates, rejected, state, created_at)
             VALUES (1, 'a.csv', 'x', 1, 'csv', 'utf-8', '[]', 'unknown', '2026-01-01', 1, 0, 0, 0, 1, 'committed', '2026-01-01')`);
    db.exec(`INSERT INTO import_rows (import_id, row_number, outcome, reason, raw) VALUES (1, 2, 'rejected', 'row 2: no e-mail address', ';Ola')`);
    migrate(db, 2);
    expect(db.prepare('SELECT reason, code, params FROM import_rows').get()).toEqual({ reason: 'row 2: no e-mail address', code: null, params: null });
    db.exec(`INSERT INTO import_rows VALUES (1, 3, 'rejected', 'row 3: no e-mail address', ';Kari', 'no-email', '{"row":3}')`);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('004 adds contact_edits; erasing a contact deletes its edits (the old values are personal data)', () => {
    const db = new Database(tempDbPath(dir));
    db.pragma('foreign_keys = ON');
    migrate(db, 2);
    db.exec("INSERT INTO contacts (id, email, email_key, first_name, created_at, updated_at) VALUES (1, 'a@example.no', 'a@example.no', 'Ola', 'now', 'now')");
    migrate(db, 4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    db.exec("INSERT INTO contact_edits (contact_id, field, old_value, new_value, edited_by, edited_at) VALUES (1, 'firstName', 'Ola', 'Ole', 'kari', 'now')");
    expect(db.prepare('SELECT COUNT(*) FROM contact_edits').pluck().get()).toBe(1);
    db.exec('DELETE FROM contacts WHERE id = 1');
    expect(db.prepare('SELECT COUNT(*) FROM contact_edits').pluck().get()).toBe(0);
    db.close();
  });

  it('a migration that fails leaves the file at the previous version (one transaction each)', () => {
    const db = new Database(tempDbPath(dir));
    db.exec('CREATE TABLE contacts (x INTEGER)'); // makes 001 fail half-way
    expect(() => migrate(db, 1)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'settings'").pluck().get()).toBe(0);
    db.close();
  });
});
