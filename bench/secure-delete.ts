// What PRAGMA secure_delete costs an import: the same 100k-row file imported into an empty
// store (inserts) and again into the store it built (every row a merge: updates), with the
// pragma OFF and ON, alternating, five runs each, in this process (the import's writing
// connection is the one measured). Prints the medians and the ratios of wall time and of CPU
// time (user + system: less disturbed than wall time on a machine shared with other work).
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

async function importOnce(dbPath: string, secureDelete: boolean): Promise<{ wall: number; cpu: number }> {
  const db = openStore(dbPath);
  db.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await runImport(db, filesDirFor(dbPath), { filePath: file, fileName: 'contacts.csv', source: 'web-form', collectedAt: '2026-01-01', basis: 'explicit', brand: null, dryRun: false }, clock, { prepareThread: 'here' });
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  db.close();
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

type Runs = { wall: number[]; cpu: number[] };
const times: Record<'off' | 'on', { empty: Runs; again: Runs }> = {
  off: { empty: { wall: [], cpu: [] }, again: { wall: [], cpu: [] } },
  on: { empty: { wall: [], cpu: [] }, again: { wall: [], cpu: [] } },
};
const record = (runs: Runs, t: { wall: number; cpu: number }): void => {
  runs.wall.push(t.wall);
  runs.cpu.push(t.cpu);
};
for (let run = 0; run < 5; run++) {
  for (const mode of run % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
    const dbPath = path.join(dir, `${mode}-${run}.sqlite`);
    record(times[mode].empty, await importOnce(dbPath, mode === 'on'));
    record(times[mode].again, await importOnce(dbPath, mode === 'on'));
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (xs: number[]): string => xs.map((t) => (t / 1000).toFixed(2)).join(' ');
for (const what of ['empty', 'again'] as const) {
  const label = what === 'empty' ? `${rows} rows into an empty store` : `the same ${rows} rows again (merges)`;
  for (const kind of ['wall', 'cpu'] as const) {
    const off = median(times.off[what][kind]);
    const on = median(times.on[what][kind]);
    process.stdout.write(
      `${label}, ${kind} time: secure_delete OFF ${(off / 1000).toFixed(2)} s, ON ${(on / 1000).toFixed(2)} s, ratio ${(on / off).toFixed(3)} (OFF ${seconds(times.off[what][kind])}; ON ${seconds(times.on[what][kind])})\n`,
    );
  }
}
fs.rmSync(dir, { recursive: true, force: true });
