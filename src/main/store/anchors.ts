// Ledger anchors: the chain head (number of events + hash of the newest) written down outside
// the SQLite file. A chain re-hashed from scratch, or shortened, no longer ends in a head it
// had before, so any earlier anchor catches it. Anchors live in every export report, proof
// report and backup manifest, and in the workspace's own anchor log (one JSON line each),
// which the app checks the chain against at start and before every export.

import fs from 'node:fs';
import path from 'node:path';
import { filesDirFor } from '../services/context.ts';
import { statement, type DB } from './open.ts';

export interface LedgerAnchor {
  /** How many events the chain had (event ids are dense: 1..events). */
  events: number;
  /** The hash of event `events` (64 hex digits); the genesis hash for an empty ledger. */
  head: string;
}

export type AnchorReason = 'change' | 'export' | 'proof' | 'backup' | 'restore' | 'verified' | 'baseline';

export interface AnchorEntry extends LedgerAnchor {
  at: string;
  reason: AnchorReason;
  /** Free text: the export's file, the backup's folder, the restore's source. */
  note?: string;
}

export const EMPTY_HEAD = '0'.repeat(64);

/** The chain head as stored now (not verified: pair with verifyLedger before trusting it). */
export function ledgerHead(db: DB): LedgerAnchor {
  const row = statement(db, 'SELECT id, hash FROM consent_events ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return row ? { events: row.id, head: row.hash } : { events: 0, head: EMPTY_HEAD };
}

/** `EVENTS:HEAD`, the form `tillit verify --anchor` takes and reports print. */
export function formatAnchor(anchor: LedgerAnchor): string {
  return `${anchor.events}:${anchor.head}`;
}

export function parseAnchor(text: string): LedgerAnchor | null {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/i.exec(text.trim());
  if (!match) return null;
  return { events: Number(match[1]), head: match[2]!.toLowerCase() };
}

/** The workspace's anchor log: beside the evidence, outside the database file. */
export function anchorLogPath(dbPath: string): string {
  return path.join(filesDirFor(dbPath), 'anchors.log');
}

/**
 * Appends one anchor to the log and flushes it to disk. The log only grows; a line that
 * cannot be written is reported to the caller (a full disk), never half-kept: readAnchors
 * skips a torn last line.
 */
export function appendAnchor(dbPath: string, anchor: LedgerAnchor, reason: AnchorReason, note?: string, at: string = new Date().toISOString()): AnchorEntry {
  const entry: AnchorEntry = { events: anchor.events, head: anchor.head, at, reason, ...(note === undefined ? {} : { note }) };
  const file = anchorLogPath(dbPath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(entry)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return entry;
}

/** Every well-formed anchor in the log, oldest first (none when there is no log yet). */
export function readAnchors(dbPath: string): AnchorEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(anchorLogPath(dbPath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: AnchorEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as Partial<AnchorEntry>;
      if (typeof value.events === 'number' && typeof value.head === 'string' && typeof value.at === 'string' && typeof value.reason === 'string') {
        entries.push(value as AnchorEntry);
      }
    } catch {
      // a torn line from a crash mid-write: skipped, the lines before it still count
    }
  }
  return entries;
}
