// What PRAGMA secure_delete costs an import: the same 100k-row file imported into an empty
// store (inserts) and again into the store it built (every row a merge: updates), with the
// pragma OFF and ON, alternating, three runs each, in this process (the import's writing
// connection is the one measured). Prints the medians and the ratios.
//
//   node bench/secure-delete.ts [ROWS]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport } from '../src/main/import/pipeline.ts';
import { filesDirFor } from '../src/main/services/context.ts';
import { openStore } from '../src/main/store/open.ts';
import { generateContactsCsv } from './generate.ts';

const rows = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-secure-delete-'));
const file = path.join(dir, 'contacts.csv');
generateContactsCsv(file, { rows, seed: 42 });
const clock = { today: '2026-01-10', now: '2026-01-10T10:00:00.000Z' };

async function importOnce(dbPath: string, secureDelete: boolean): Promise<number> {
  const db = openStore(dbPath);
  db.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
  const started = performance.now();
  await runImport(db, filesDirFor(dbPath), { filePath: file, fileName: 'contacts.csv', source: 'web-form', collectedAt: '2026-01-01', basis: 'explicit', brand: null, dryRun: false }, clock, { prepareThread: 'here' });
  const ms = performance.now() - started;
  db.close();
  return ms;
}

const times: Record<'off' | 'on', { empty: number[]; again: number[] }> = { off: { empty: [], again: [] }, on: { empty: [], again: [] } };
for (let run = 0; run < 3; run++) {
  for (const mode of run % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
    const dbPath = path.join(dir, `${mode}-${run}.sqlite`);
    times[mode].empty.push(await importOnce(dbPath, mode === 'on'));
    times[mode].again.push(await importOnce(dbPath, mode === 'on'));
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const what of ['empty', 'again'] as const) {
  const off = median(times.off[what]);
  const on = median(times.on[what]);
  const label = what === 'empty' ? `${rows} rows into an empty store` : `the same ${rows} rows again (merges)`;
  process.stdout.write(`${label}: secure_delete OFF ${(off / 1000).toFixed(2)} s, ON ${(on / 1000).toFixed(2)} s, ratio ${(on / off).toFixed(3)} (runs OFF ${times.off[what].map((t) => (t / 1000).toFixed(2)).join(' ')}; ON ${times.on[what].map((t) => (t / 1000).toFixed(2)).join(' ')})\n`);
}
fs.rmSync(dir, { recursive: true, force: true });
