// Benchmark baseline, in its own process: the straightforward papaparse stream +
// better-sqlite3 upsert per row (one transaction), lower-cased unique e-mail.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import Papa from 'papaparse';

const [file, dbPath] = process.argv.slice(2);
if (!file || !dbPath) throw new Error('usage: import-naive.ts FILE DB');
const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.exec(`CREATE TABLE IF NOT EXISTS contacts (email TEXT NOT NULL UNIQUE, first_name TEXT, last_name TEXT, company TEXT,
         phone TEXT, city TEXT, country TEXT, note TEXT)`);
const upsert = db.prepare(`INSERT INTO contacts VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (email) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name`);
const started = performance.now();
let rows = 0;
db.exec('BEGIN');
await new Promise<void>((resolve, reject) => {
  Papa.parse<Record<string, string>>(fs.createReadStream(file), {
    header: true,
    skipEmptyLines: true,
    step: (result) => {
      const r = result.data;
      rows += 1;
      const email = (r.email ?? '').trim().toLowerCase();
      if (email) upsert.run(email, r.first_name, r.last_name, r.company, r.phone, r.city, r.country, r.note);
    },
    complete: () => resolve(),
    error: (error: Error) => reject(error),
  });
});
db.exec('COMMIT');
const ms = performance.now() - started;
db.close();
process.stdout.write(`${JSON.stringify({ ms, peakRssMB: process.resourceUsage().maxRSS / 1024, rows })}\n`);
