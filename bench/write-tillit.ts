// Benchmark subject, in its own process: Tillit's own writing alone. Every row of FILE is
// read and prepared first, untimed, and held in memory encoded as the preparing worker sends
// it (prepared-codec.ts; a few hundred MB, this is not the import). Then, timed, the batches
// are decoded as the import's writing thread decodes them, and exactly what the import writes into an empty store, with the
// import's own classes: each new contact's row (ContactInserter), its ledger events with the
// hash chain (LedgerAppender), a row per rejected and repeated line (import_rows), the name
// indexes rebuilt once, one transaction. Left out: looking up repeats and merging them, so
// this is below what the import's writing thread must do. Prints one JSON line.

import fs from 'node:fs';
import { dropDeferrableIndexes } from '../src/main/import/pipeline.ts';
import { preparedBatches } from '../src/main/import/prepared-batches.ts';
import { BatchDecoder, encodeBatch, type EncodedBatch } from '../src/main/import/prepared-codec.ts';
import { sniffFile } from '../src/main/import/read/index.ts';
import { ContactInserter } from '../src/main/store/contacts.ts';
import { insertEvidenceRow } from '../src/main/store/evidence.ts';
import { LedgerAppender, type NewEvent } from '../src/main/store/ledger.ts';
import { openStore } from '../src/main/store/open.ts';
import { readSettings } from '../src/main/store/settings.ts';
import { todayIso } from '../src/shared/dates/iso-date.ts';
import { suggestMapping } from '../src/shared/import/mapping.ts';

const [file, dbPath] = process.argv.slice(2);
if (!file || !dbPath) throw new Error('usage: write-tillit.ts FILE DB');
for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
const db = openStore(dbPath);
const today = todayIso();

// Untimed: every row prepared, in memory; a repeated address is set aside as the import would.
const sniffed = await sniffFile(file);
const mapping = suggestMapping(sniffed.headers, sniffed.format, sniffed.sampleRows);
const context = {
  headers: sniffed.headers,
  mapping: { fields: mapping.fields, layout: mapping.layout },
  batch: { source: 'web-form' as const, collectedAt: today, basis: 'explicit' as const, brand: null },
  settings: readSettings(db),
  asOf: today,
  erased: [],
};
const batches: EncodedBatch[] = [];
const seen = new Set<string>();
/** Row numbers of addresses that came up before in the file. */
const repeated = new Set<number>();
for await (const batch of preparedBatches(file, sniffed, context, { thread: 'here' })) {
  for (const row of batch) {
    if (row.refused !== null) continue;
    if (seen.has(row.key)) repeated.add(row.rowNumber);
    else seen.add(`${row.key}`); // a copy: a slice would keep the whole batch's text alive
  }
  batches.push(encodeBatch(batch));
}
seen.clear();

const started = performance.now();
const now = new Date().toISOString();
db.pragma('cache_size = -16384'); // as the import sets it
db.exec('BEGIN IMMEDIATE');
const evidenceId = insertEvidenceRow(db, { text: 'bench' }, now);
const importId = Number(
  db
    .prepare(
      `INSERT INTO imports (file_name, file_sha256, file_size, format, encoding, mapping, source, collected_at, basis, evidence_id,
                            rows, added, merged, duplicates, rejected, state, created_at)
       VALUES ('bench.csv', '', 0, 'csv', 'utf-8', '[]', 'web-form', ?, 'explicit', ?, 0, 0, 0, 0, 0, 'committed', ?)`,
    )
    .run(today, evidenceId, now).lastInsertRowid,
);
const deferred = dropDeferrableIndexes(db);
const contacts = new ContactInserter(db, importId, now);
const ledger = new LedgerAppender(db, now, { importId, evidenceId });
const importRow = db.prepare('INSERT INTO import_rows (import_id, row_number, outcome, reason, raw, code, params) VALUES (?, ?, ?, ?, ?, ?, ?)');
const decoder = new BatchDecoder();
let added = 0;
for (const encoded of batches) {
  const events: NewEvent[] = [];
  for (const row of decoder.decode(encoded)) {
    if (row.refused !== null) {
      importRow.run(importId, row.rowNumber, 'rejected', row.refused.text, row.raw, row.refused.code ?? null, row.refused.params ? JSON.stringify(row.refused.params) : null);
    } else if (repeated.has(row.rowNumber)) {
      importRow.run(importId, row.rowNumber, 'duplicate', `same address as an earlier row (${row.display})`, row.raw ?? '', null, null);
    } else {
      const { status, reasons, expiresAt } = row.evaluation;
      const id = contacts.insert({ email: row.display, emailKey: row.key, fields: row.row, tags: row.row.tags, status, reasons, expiresAt });
      added += 1;
      for (const e of row.events) events.push({ ...e, contactId: id, importId, evidenceId });
    }
  }
  ledger.append(events);
}
for (const sql of deferred) db.exec(sql);
db.exec('COMMIT');
const ms = performance.now() - started;
db.close();
process.stdout.write(`${JSON.stringify({ ms, contacts: added })}\n`);
