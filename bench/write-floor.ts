// Benchmark subject, in its own process: the least any import that keeps consent evidence
// must write, from values already in memory. The file is parsed and deduplicated first,
// untimed; then, timed, each contact becomes one narrow row (the shell's columns plus a
// match key) and one consent event, through better-sqlite3 in one transaction, with the
// unique key index built once at the end (cheaper than keeping it row by row). No parsing,
// no checks, no hash chain, no statuses, no name indexes: what is left is only writing.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import Papa from 'papaparse';

const [file, dbPath] = process.argv.slice(2);
if (!file || !dbPath) throw new Error('usage: write-floor.ts FILE DB');

const rows: string[][] = [];
const seen = new Set<string>();
for (const r of Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data) {
  const email = (r.email ?? '').trim();
  const key = email.toLowerCase();
  if (!email || seen.has(key)) continue;
  seen.add(key);
  rows.push([email, key, r.first_name ?? '', r.last_name ?? '', r.company ?? '', r.phone ?? '', r.city ?? '', r.country ?? '', r.note ?? '']);
}

for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.exec(`CREATE TABLE contacts (id INTEGER PRIMARY KEY, email TEXT NOT NULL, email_key TEXT NOT NULL, first_name TEXT, last_name TEXT,
                                company TEXT, phone TEXT, city TEXT, country TEXT, note TEXT);
         CREATE TABLE consent_events (id INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL, import_id INTEGER)`);
const insertContact = db.prepare('INSERT INTO contacts (email, email_key, first_name, last_name, company, phone, city, country, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
const insertEvent = db.prepare("INSERT INTO consent_events (contact_id, kind, date, import_id) VALUES (?, 'opt-in', '2026-01-01', 1)");

const started = performance.now();
db.exec('BEGIN');
for (const row of rows) insertEvent.run(insertContact.run(row).lastInsertRowid);
db.exec('CREATE UNIQUE INDEX contacts_by_key ON contacts (email_key)');
db.exec('COMMIT');
const ms = performance.now() - started;
db.close();
process.stdout.write(`${JSON.stringify({ ms, contacts: rows.length })}\n`);
