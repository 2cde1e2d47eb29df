// `npm run bench`: Tillit's import against the sqlite3 shell's deduplicating import and a
// plain papaparse + better-sqlite3 upsert loop, on the same generated file, side by side in
// one run. Each subject runs in its own process so peak memory is its own. Prints ratios.
//
//   npm run bench                 # 1,000,000 rows (+ 100,000 into the 1M store)
//   BENCH_ROWS=200000 npm run bench

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { generateContactsCsv } from './generate.ts';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const extraRows = Math.round(rows / 10);
const here = import.meta.dirname;
const dataDir = path.join(here, 'data');
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

function node(script: string, args: string[]): Record<string, number | string> {
  const result = spawnSync(process.execPath, [path.join(here, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Record<string, number | string>;
}

function sqliteShell(csv: string, db: string): number {
  const script = `
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS contacts (email TEXT NOT NULL UNIQUE, first_name TEXT, last_name TEXT, company TEXT, phone TEXT, city TEXT, country TEXT, note TEXT);
DROP TABLE IF EXISTS raw;
CREATE TEMP TABLE raw (email TEXT, first_name TEXT, last_name TEXT, company TEXT, phone TEXT, city TEXT, country TEXT, note TEXT);
.import --csv --skip 1 ${csv} raw
INSERT OR IGNORE INTO contacts SELECT lower(trim(email)), first_name, last_name, company, phone, city, country, note FROM raw WHERE trim(email) <> '';
`;
  const started = performance.now();
  const result = spawnSync('sqlite3', [db], { input: script, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}`);
  return ms;
}

function copyDb(from: string, to: string): void {
  const db = new Database(from, { readonly: true });
  db.exec(`VACUUM INTO '${to.replace(/'/g, "''")}'`);
  db.close();
}

const fmt = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const ratio = (a: number, b: number): string => (a / b).toFixed(2);

console.log(`Generating ${rows.toLocaleString('en')} + ${extraRows.toLocaleString('en')} messy rows…`);
const big = path.join(dataDir, 'contacts.csv');
const small = path.join(dataDir, 'contacts-extra.csv');
const bigBytes = generateContactsCsv(big, { rows, seed: 42 });
// The extra file overlaps the last 20% of its rows with the big one (merges) and adds new ones.
generateContactsCsv(small, { rows: extraRows, seed: 42, firstId: rows - Math.round(extraRows / 5) });
console.log(`  ${path.basename(big)}: ${(bigBytes / 1e6).toFixed(1)} MB`);

console.log(`\n1) ${rows.toLocaleString('en')} rows into an empty store`);
const tillitDb = path.join(dataDir, 'tillit.sqlite');
const tillit = node('import-tillit.ts', [big, tillitDb]);
const shellDb = path.join(dataDir, 'shell.sqlite');
const shellMs = sqliteShell(big, shellDb);
const naive = node('import-naive.ts', [big, path.join(dataDir, 'naive.sqlite')]);
const floor = node('write-floor.ts', [big, path.join(dataDir, 'floor.sqlite')]);
const prepared = node('prepare-only.ts', [big]);
const tillitWrites = node('write-tillit.ts', [big, path.join(dataDir, 'write-tillit.sqlite')]);
console.log(`  Tillit full import      ${fmt(tillit.ms as number)}  peak ${Math.round(tillit.peakRssMB as number)} MB  (added ${tillit.added}, duplicates ${tillit.duplicates}, rejected ${tillit.rejected})`);
console.log(`  sqlite3 shell (dedupe)  ${fmt(shellMs)}`);
console.log(`  papaparse + upsert loop ${fmt(naive.ms as number)}  peak ${Math.round(naive.peakRssMB as number)} MB`);
console.log(`  ratio Tillit / sqlite3 shell = ${ratio(tillit.ms as number, shellMs)}  (target ≤ 1.00)`);
console.log(`  ratio Tillit / upsert loop   = ${ratio(tillit.ms as number, naive.ms as number)}`);
// The floor for any pipeline that parses in JavaScript and writes row by row through
// better-sqlite3: the upsert loop checks nothing and keeps no ledger, yet is its own ratio.
console.log(`  ratio upsert loop / sqlite3 shell = ${ratio(naive.ms as number, shellMs)}  (no checks, no ledger: the floor for a JS pipeline)`);
// Writing alone, with the file already parsed and deduplicated in memory: one narrow contact
// row and one consent event each. If this is near the shell's whole import, no pipeline on
// better-sqlite3 that keeps evidence per contact can be faster than the shell.
console.log(`  only writing ${(floor.contacts as number).toLocaleString('en')} contacts + 1 event each, from memory  ${fmt(floor.ms as number)}`);
console.log(`  ratio writing alone / sqlite3 shell = ${ratio(floor.ms as number, shellMs)}  (nothing parsed or checked: the floor for better-sqlite3)`);
// And the other half: Tillit reading and preparing every row in one thread, writing nothing.
console.log(`  Tillit reading and preparing alone (one thread, nothing written)  ${fmt(prepared.ms as number)}`);
console.log(`  ratio preparing alone / sqlite3 shell = ${ratio(prepared.ms as number, shellMs)}`);
console.log(`  (writing alone + preparing alone) / 2 cores / sqlite3 shell = ${ratio(((floor.ms as number) + (prepared.ms as number)) / 2, shellMs)}  (a perfect split of the least work)`);
// What Tillit's own writing thread must do (its rows, ledger, indexes), from rows prepared first.
console.log(`  Tillit's writing alone (rows prepared in memory first; no lookups of repeats)  ${fmt(tillitWrites.ms as number)}`);
console.log(`  ratio Tillit's writing alone / sqlite3 shell = ${ratio(tillitWrites.ms as number, shellMs)}  (the floor for Tillit's import as it stores evidence)`);

console.log(`\n2) ${extraRows.toLocaleString('en')} rows into the store of ${rows.toLocaleString('en')} (source unknown → needs re-confirmation)`);
const tillitDb2 = path.join(dataDir, 'tillit-2.sqlite');
const shellDb2 = path.join(dataDir, 'shell-2.sqlite');
copyDb(tillitDb, tillitDb2);
fs.cpSync(`${tillitDb}-files`, `${tillitDb2}-files`, { recursive: true });
copyDb(shellDb, shellDb2);
const tillit2 = node('import-tillit.ts', [small, tillitDb2, 'unknown']);
const shellMs2 = sqliteShell(small, shellDb2);
console.log(`  Tillit full import      ${fmt(tillit2.ms as number)}  peak ${Math.round(tillit2.peakRssMB as number)} MB  (added ${tillit2.added}, merged ${tillit2.merged})`);
console.log(`  sqlite3 shell (dedupe)  ${fmt(shellMs2)}`);
console.log(`  ratio Tillit / sqlite3 shell = ${ratio(tillit2.ms as number, shellMs2)}`);

console.log(`\n3) Consent statuses in the store of ${rows.toLocaleString('en')}+`);
const statuses = node('statuses.ts', [tillitDb2]);
console.log(`  recompute all ${statuses.contacts} statuses  ${fmt(statuses.recomputeMs as number)}  peak ${Math.round(statuses.peakRssMB as number)} MB`);
console.log(`  one page (50) of needs-reconfirmation by name  ${(statuses.pageMs as number).toFixed(2)} ms  (of ${statuses.pageTotal}; plan: ${statuses.plan})`);
console.log(`  ratio recompute / Tillit 1M import = ${ratio(statuses.recomputeMs as number, tillit.ms as number)}`);

console.log(`\n4) Checking the consent ledger of the store of ${rows.toLocaleString('en')}+`);
const verify = node('verify.ts', [tillitDb2]);
console.log(`  full check of ${(verify.events as number).toLocaleString('en')} records  ${fmt(verify.fullMs as number)}  peak ${Math.round(verify.peakRssMB as number)} MB`);
console.log(`  check at start (${verify.incrementalMode as string}: from the last verified head)  ${(verify.incrementalMs as number).toFixed(1)} ms`);
console.log(`  full check a page at a time (as after start)  ${fmt(verify.stepsMs as number)}, longest event-loop pause ${(verify.longestPauseMs as number).toFixed(0)} ms`);
