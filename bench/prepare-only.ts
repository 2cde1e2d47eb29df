// Benchmark subject, in its own process: reading and preparing every row of FILE (parse, map,
// check the address, the row's ledger events, the status a new contact would get) in one
// thread, as the import does, writing nothing. With write-floor.ts it shows how much work an
// import is before any of Tillit's own writing. Prints one JSON line.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sniffFile } from '../src/main/import/read/index.ts';
import { preparedBatches } from '../src/main/import/prepared-batches.ts';
import { openStore } from '../src/main/store/open.ts';
import { readSettings } from '../src/main/store/settings.ts';
import { todayIso } from '../src/shared/dates/iso-date.ts';
import { suggestMapping } from '../src/shared/import/mapping.ts';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: prepare-only.ts FILE');
// The settings of a new workspace, as a first import would see them.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-bench-'));
const db = openStore(path.join(dir, 'settings.sqlite'));
const settings = readSettings(db);
db.close();
fs.rmSync(dir, { recursive: true, force: true });

const started = performance.now();
const sniffed = await sniffFile(file);
const mapping = suggestMapping(sniffed.headers, sniffed.format, sniffed.sampleRows);
const context = {
  headers: sniffed.headers,
  mapping: { fields: mapping.fields, layout: mapping.layout },
  batch: { source: 'web-form' as const, collectedAt: todayIso(), basis: 'explicit' as const, brand: null },
  settings,
  asOf: todayIso(),
  erased: [],
};
let rows = 0;
for await (const batch of preparedBatches(file, sniffed, context, { thread: 'here' })) rows += batch.length;
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, rows, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
