// Benchmark subject for the consent engine at scale: recompute every status in a large
// store, and list one page of needs-reconfirmation contacts sorted by name (indexed).

import { listContactRows } from '../src/main/store/contacts.ts';
import { openStore } from '../src/main/store/open.ts';
import { recomputeAll } from '../src/main/services/status.ts';
import { todayIso } from '../src/shared/dates/iso-date.ts';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: statuses.ts DB');
const db = openStore(dbPath);
const contacts = db.prepare('SELECT COUNT(*) FROM contacts').pluck().get() as number;

let started = performance.now();
recomputeAll(db, todayIso());
const recomputeMs = performance.now() - started;

const query = { status: ['needs-reconfirmation' as const], sort: 'name' as const, offset: 0, limit: 50 };
// Timed per call: the total (a COUNT over the status index) and one page of 50 by name.
listContactRows(db, query); // warm the page cache once, as a user scrolling would
const runs = 20;
started = performance.now();
let page = listContactRows(db, query);
for (let i = 1; i < runs; i++) page = listContactRows(db, { ...query, offset: i * 50 });
const pageMs = (performance.now() - started) / runs;
const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM contacts WHERE removed_at IS NULL AND status IN (?) ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, email_key LIMIT 50`).all('needs-reconfirmation') as { detail: string }[])
  .map((r) => r.detail)
  .join('; ');
db.close();
process.stdout.write(
  `${JSON.stringify({ contacts, recomputeMs, pageMs, pageTotal: page.total, plan, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
