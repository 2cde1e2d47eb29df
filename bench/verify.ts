// One benchmark subject: checking the consent ledger of DB. Times the full check (every event
// re-hashed with its contact's address and evidence), the incremental check the app runs at
// start (from the last verified point, plus evidence, files, settings and anchors), and the
// longest pause of the event loop while the full check runs a page at a time, as the app
// runs it after start. Prints one JSON line.

import { appendAnchor, ledgerHead } from '../src/main/store/anchors.ts';
import { filesDirFor } from '../src/main/services/context.ts';
import { verifyLedger, verifyLedgerInSteps } from '../src/main/store/ledger-verify.ts';
import { openStore } from '../src/main/store/open.ts';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: verify.ts DB');
const db = openStore(dbPath);
const filesDir = filesDirFor(dbPath);

let started = performance.now();
const full = verifyLedger(db, { filesDir });
const fullMs = performance.now() - started;
if (!full.intact) throw new Error(`ledger broken: ${full.firstBroken!.reason}`);

// What the app finds at its next start: the head it verified is in the anchor log.
const head = ledgerHead(db);
appendAnchor(dbPath, head, 'verified');
started = performance.now();
const incremental = verifyLedger(db, { from: head, filesDir });
const incrementalMs = performance.now() - started;

// The full check in steps, with a 5 ms ticker measuring the event loop's longest pause.
let longestPause = 0;
let last = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  longestPause = Math.max(longestPause, now - last - 5);
  last = now;
}, 5);
started = performance.now();
await verifyLedgerInSteps(db, { filesDir });
const stepsMs = performance.now() - started;
clearInterval(ticker);
db.close();
process.stdout.write(
  `${JSON.stringify({ events: full.checked, fullMs, incrementalMs, incrementalMode: incremental.mode, stepsMs, longestPauseMs: longestPause, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
