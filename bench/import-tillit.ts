// One benchmark subject, run in its own process: Tillit's full import (parse, validate,
// dedupe, merge, ledger, statuses) of FILE into DB with the given source. Prints one JSON line.

import { workerRunner } from '../src/main/import/runner.ts';
import { filesDirFor } from '../src/main/services/context.ts';
import { openStore } from '../src/main/store/open.ts';
import { todayIso } from '../src/shared/dates/iso-date.ts';

import { isSourceKind } from '../src/shared/consent/vocabulary.ts';

const [file, dbPath, source = 'web-form'] = process.argv.slice(2);
if (!file || !dbPath || !isSourceKind(source)) throw new Error('usage: import-tillit.ts FILE DB [SOURCE]');
// Opened (and migrated) here as the CLI does; the import itself runs in the worker, as in the app.
const db = openStore(dbPath);
const started = performance.now();
const { report } = await workerRunner(dbPath, filesDirFor(dbPath))(
  { filePath: file, fileName: 'bench.csv', source, collectedAt: todayIso(), basis: source === 'web-form' ? 'explicit' : null, brand: null, dryRun: false },
  { today: todayIso(), now: new Date().toISOString() },
  {},
);
const ms = performance.now() - started;
db.close();
const { rejectedRows: _omitted, ...counts } = report;
process.stdout.write(`${JSON.stringify({ ms, peakRssMB: process.resourceUsage().maxRSS / 1024, ...counts })}\n`);
