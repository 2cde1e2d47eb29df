// Checking the ledger: every event's hash recomputed from what is stored now (the row, its
// contact's address, its evidence's content), every link to the previous event, the evidence
// rows and files, the settings, erasures, and the anchors kept outside the database. The first
// thing found broken is named in words a user can act on.
//
// Full or incremental: a full check walks every event; an incremental one starts after a point
// an earlier full check verified (its head still has to be there) and checks only what came
// after, plus everything outside the events (evidence, files, settings, anchors). The walk
// reads a page of events at a time, so it can yield between pages (verifyLedgerInSteps).

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readSettings } from './settings.ts';
import type { AnchorEntry, LedgerAnchor } from './anchors.ts';
import { evidenceDir } from './evidence.ts';
import {
  chainTextV1,
  chainTextV2,
  evidenceDigest,
  GENESIS_HASH,
  identityDigest,
  sha256,
  type ChainRow,
  type EvidenceContent,
} from './ledger-chain.ts';
import { appendRecord } from './ledger.ts';
import { statement, type DB } from './open.ts';

export type BrokenItem = 'event' | 'contact' | 'evidence' | 'evidence-file' | 'settings' | 'anchor';

export interface BrokenAt {
  /** The event id (for 'event' and 'anchor'), contact id, or evidence id the problem is about. */
  id: number;
  item: BrokenItem;
  /** What is wrong, as a sentence a user understands. */
  reason: string;
}

export interface AcceptedBreak {
  eventId: number;
  date: string;
  reason: string;
}

export interface VerifyResult {
  intact: boolean;
  /** Events whose hash was recomputed. */
  checked: number;
  /** The chain head as stored (events + head hash). */
  ledger: LedgerAnchor;
  firstBroken: BrokenAt | null;
  anchorsChecked: number;
  mode: 'full' | 'incremental';
  /** Breaks the user accepted as a new baseline, newest last (they stay on record). */
  baselines: AcceptedBreak[];
}

export interface VerifyOptions {
  /** Start after this point, which an earlier full check verified; falls back to a full check when it does not hold. */
  from?: LedgerAnchor | null;
  /** Anchors kept outside the database (the anchor log, a report): the chain must still end in each. */
  anchors?: readonly AnchorEntry[];
  /** The workspace's files folder, for the evidence files (skipped when absent). */
  filesDir?: string;
  /** Events per page. */
  pageSize?: number;
}

interface WalkRow extends ChainRow {
  hash: string;
  c_email: string | null;
  c_key: string | null;
  x_identity: string | null;
  x_exists: number | null;
  note: string | null;
}

interface EvidenceRow extends EvidenceContent {
  id: number;
  digest: string | null;
}

interface UpgradeDetail {
  format1Through: number;
  contacts: { through: number; digest: string };
  evidence: { through: number; digest: string };
  settings: { policy: string; brand: string | null };
}

interface BaselineDetail {
  reason: string;
  found: string;
  /** The chain recomputed from what was stored when the break was accepted. */
  stateHead: string;
  /** Problems outside the events that were accepted with it (see problemKey). */
  accepted: string[];
  settings: { policy: string; brand: string | null };
}

interface SettingsDetail {
  policy: string;
  brand: string | null;
}

const KIND_WORDS: Record<string, string> = {
  'opt-in': 'opt-in',
  reconfirmation: 're-confirmation',
  'membership-end': 'end of membership',
  withdrawal: 'withdrawal (unsubscribe)',
  complaint: 'complaint',
  'hard-bounce': 'hard bounce',
  note: 'note',
  void: 'correction',
  evidence: 'record of added evidence',
  settings: 'record of a settings change',
  erasure: 'record of an erasure',
  baseline: 'record of an accepted break',
  'chain-upgrade': 'record of the ledger upgrade',
};

function describeEvent(row: { id: number; kind: string; date: string; contact_id: number }, email: string | null): string {
  const what = KIND_WORDS[row.kind] ?? row.kind;
  const whose = row.contact_id === 0 ? '' : email ? ` for ${email}` : ` for contact ${row.contact_id}`;
  return `event ${row.id} (the ${what} dated ${row.date}${whose})`;
}

function evidenceName(row: EvidenceRow): string {
  return row.file_name ? `evidence ${row.id} (${row.file_name})` : `evidence ${row.id}`;
}

function firstRecord<T>(db: DB, kind: string, newest: boolean): { id: number; detail: T } | null {
  const row = statement(db, `SELECT id, detail FROM consent_events WHERE contact_id = 0 AND kind = ? ORDER BY id ${newest ? 'DESC' : 'ASC'} LIMIT 1`).get(kind) as
    | { id: number; detail: string | null }
    | undefined;
  if (!row) return null;
  try {
    return { id: row.id, detail: JSON.parse(row.detail ?? 'null') as T };
  } catch {
    return { id: row.id, detail: null as T };
  }
}

function storedHead(db: DB): LedgerAnchor {
  const row = statement(db, 'SELECT id, hash FROM consent_events ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return row ? { events: row.id, head: row.hash } : { events: 0, head: GENESIS_HASH };
}

/** The anchors still in force: a later baseline replaces all before it; a restore, those beyond what it restored. */
export function anchorsInForce(entries: readonly AnchorEntry[]): AnchorEntry[] {
  let inForce: AnchorEntry[] = [];
  for (const entry of entries) {
    if (entry.reason === 'baseline') inForce = [];
    else if (entry.reason === 'restore') inForce = inForce.filter((a) => a.events <= entry.events);
    inForce.push(entry);
  }
  return inForce;
}

/** Checks the whole ledger at once. */
export function verifyLedger(db: DB, options: VerifyOptions = {}): VerifyResult {
  const steps = verifySteps(db, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same check, giving the event loop a turn between pages so a window or server keeps
 * answering. An aborted check (the workspace closing) rejects with the signal's reason.
 */
export async function verifyLedgerInSteps(db: DB, options: VerifyOptions & { signal?: AbortSignal } = {}): Promise<VerifyResult> {
  // Small pages: each is one turn of the event loop (about 10 ms at 2,000 events).
  const steps = verifySteps(db, { pageSize: 2_000, ...options });
  for (;;) {
    options.signal?.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Yields the number of events checked so far after each page; returns the result. */
export function* verifySteps(db: DB, options: VerifyOptions = {}): Generator<number, VerifyResult> {
  const pageSize = options.pageSize ?? 20_000;
  const head = storedHead(db);
  const upgrade = firstRecord<UpgradeDetail>(db, 'chain-upgrade', false);
  const baseline = firstRecord<BaselineDetail>(db, 'baseline', true);
  const baselines = (statement(db, "SELECT id, date, detail FROM consent_events WHERE contact_id = 0 AND kind = 'baseline' ORDER BY id").all() as {
    id: number;
    date: string;
    detail: string | null;
  }[]).map((b) => ({ eventId: b.id, date: b.date, reason: (JSON.parse(b.detail ?? '{}') as Partial<BaselineDetail>).reason ?? '' }));
  const accepted = new Set(baseline?.detail?.accepted ?? []);
  const erased = erasureRecords(db);
  /** Evidence an erasure on record cleared: its stored digest stands for the content it had. */
  const redacted = erased.redactedEvidence;

  let mode: 'full' | 'incremental' = 'full';
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  const from = options.from;
  if (from && from.events > 0 && from.events <= head.events && (baseline === null || baseline.id <= from.events)) {
    const stored = statement(db, 'SELECT hash FROM consent_events WHERE id = ?').pluck().get(from.events) as string | undefined;
    if (stored === from.head) {
      mode = 'incremental';
      prevHash = from.head;
      afterId = from.events;
    }
  }

  let checked = 0;
  let anchorsChecked = 0;
  const result = (firstBroken: BrokenAt | null): VerifyResult => ({
    intact: firstBroken === null,
    checked,
    ledger: head,
    firstBroken,
    anchorsChecked,
    mode,
    baselines,
  });

  // Evidence rows, loaded once each; their content checked once each.
  const evidenceById = new Map<number, EvidenceRow | null>();
  const loadEvidence = (id: number): EvidenceRow | null => {
    let row = evidenceById.get(id);
    if (row === undefined) {
      row = (statement(db, 'SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined) ?? null;
      evidenceById.set(id, row);
    }
    return row;
  };
  /** Contacts whose events were hashed with their erasure tombstone: each needs an erasure record. */
  const erasedContacts = new Set<number>();
  // The chain recomputed from what is stored now, for the events a baseline accepted.
  let recomputed = GENESIS_HASH;

  const page = statement(
    db,
    `SELECT e.*, c.email AS c_email, c.email_key AS c_key, x.identity_sha256 AS x_identity, x.id AS x_exists, n.note AS note
     FROM consent_events e
     LEFT JOIN contacts c ON c.id = e.contact_id
     LEFT JOIN erasures x ON x.contact_id = e.contact_id
     LEFT JOIN event_notes n ON n.event_id = e.id
     WHERE e.id > ? ORDER BY e.id LIMIT ?`,
  );
  const upgradeId = upgrade?.id ?? 0;
  const baselineId = baseline?.id ?? 0;
  let expectedId = afterId + 1;

  for (;;) {
    const rows = page.all(afterId, pageSize) as WalkRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const email = row.c_email;
      const broken = (reason: string): VerifyResult => result({ id: row.id, item: 'event', reason });
      if (row.id !== expectedId) {
        return result({
          id: expectedId,
          item: 'event',
          reason: `event ${expectedId} is missing: the ledger jumps from event ${expectedId - 1} to event ${row.id}, so events were deleted from it`,
        });
      }

      // What the contact id stands for now.
      let identity = '';
      if (row.contact_id !== 0) {
        if (row.c_email !== null) identity = identityDigest(row.c_email, row.c_key!);
        else if (row.x_exists !== null && row.x_identity !== null) {
          identity = row.x_identity;
          erasedContacts.add(row.contact_id);
        } else if (row.x_exists !== null && row.id < upgradeId) {
          erasedContacts.add(row.contact_id); // erased before the upgrade: format 1 did not cover the address
        } else if (row.id >= baselineId && !accepted.has(`contact:${row.contact_id}`)) {
          return result({
            id: row.contact_id,
            item: 'contact',
            reason:
              row.x_exists === null
                ? `contact ${row.contact_id} was deleted outside Tillit: ${describeEvent(row, null)} still belongs to it, and no erasure was recorded`
                : `contact ${row.contact_id} was deleted outside Tillit and marked erased: its erasure record does not match the address its events were recorded for`,
          });
        }
      }

      // What its evidence says now.
      let evidence = '';
      let evidenceNow = '';
      if (row.evidence_id !== null) {
        const ev = loadEvidence(row.evidence_id);
        if (ev === null) {
          if (row.id >= baselineId) {
            return result({ id: row.evidence_id, item: 'evidence', reason: `evidence ${row.evidence_id}, which ${describeEvent(row, email)} points to, was deleted` });
          }
        } else {
          evidence = ev.digest ?? '';
          evidenceNow = redacted.has(ev.id) ? evidence : evidenceDigest(ev);
        }
      }

      if (row.id < baselineId) {
        // Accepted as it stood: only what changed since the baseline counts.
        const noteNow = row.note === null ? row.note_sha256 : sha256(row.note);
        const now: ChainRow = { ...row, prev_hash: recomputed, note_sha256: noteNow };
        recomputed = sha256(row.id < upgradeId ? chainTextV1(now) : chainTextV2(now, identity, evidenceNow));
      } else {
        if (row.id === baselineId && recomputed !== baseline!.detail.stateHead) {
          return result({
            id: row.id,
            item: 'event',
            reason: `events before the accepted break of ${row.date} (${describeEvent(row, null)}) were changed after it was accepted`,
          });
        }
        if (row.prev_hash !== prevHash) {
          return broken(`${describeEvent(row, email)} no longer links to the event before it: events before it were changed, removed or re-hashed`);
        }
        const expected = sha256(row.id < upgradeId ? chainTextV1(row) : chainTextV2(row, identity, evidence));
        if (expected !== row.hash) {
          const changedEvidence = evidence !== evidenceNow;
          return broken(
            changedEvidence
              ? `evidence ${row.evidence_id} was changed after it was recorded: its wording, link, author or file no longer match what ${describeEvent(row, email)} was recorded with`
              : row.contact_id !== 0 && row.id >= upgradeId
                ? `${describeEvent(row, email)} does not match what was recorded: the event itself or the address of the contact it belongs to was changed after it was recorded`
                : `${describeEvent(row, email)} was changed after it was recorded`,
          );
        }
        if (evidence !== evidenceNow) {
          return result({ id: row.evidence_id!, item: 'evidence', reason: `evidence ${row.evidence_id} was changed after it was recorded: its wording, link, author or file name no longer match` });
        }
        if (row.note_sha256 !== null) {
          if (row.note !== null && sha256(row.note) !== row.note_sha256) return broken(`the note on ${describeEvent(row, email)} was changed after it was recorded`);
          if (row.note === null && row.x_exists === null) return broken(`the note on ${describeEvent(row, email)} was removed`);
        }
      }
      prevHash = row.hash;
      expectedId += 1;
      checked += 1;
    }
    afterId = rows.at(-1)!.id;
    yield checked;
  }
  // Outside the events. Each problem has a key, so a baseline can accept what it found.
  const problem = outsideProblems(db, { full: mode === 'full', upgrade, erasedContacts, erased, filesDir: options.filesDir, loadEvidence });
  for (const p of problem) {
    if (!accepted.has(p.key)) return result(p.broken);
  }

  // Anchors: the chain must still end, at each anchor's event count, in the head it had.
  const hashAt = statement(db, 'SELECT hash FROM consent_events WHERE id = ?').pluck();
  for (const anchor of anchorsInForce(options.anchors ?? [])) {
    anchorsChecked += 1;
    if (anchor.events === 0) continue;
    const where = `the anchor recorded on ${anchor.at.slice(0, 10)} (${anchor.reason}${anchor.note ? `: ${anchor.note}` : ''})`;
    if (anchor.events > head.events) {
      return result({
        id: head.events + 1,
        item: 'anchor',
        reason: `the ledger is shorter than it was: ${where} counted ${anchor.events} events, and only ${head.events} ${head.events === 1 ? 'is' : 'are'} left, so the newest events were deleted`,
      });
    }
    if (hashAt.get(anchor.events) !== anchor.head) {
      return result({
        id: anchor.events,
        item: 'anchor',
        reason: `the ledger was rewritten: event ${anchor.events} no longer ends in the head hash of ${where}`,
      });
    }
  }
  return result(null);
}

interface OutsideContext {
  full: boolean;
  upgrade: { id: number; detail: UpgradeDetail } | null;
  /** Contacts whose events the walk hashed with their erasure tombstone. */
  erasedContacts: Set<number>;
  /** The erasure records (erasureRecords). */
  erased: ReturnType<typeof erasureRecords>;
  filesDir: string | undefined;
  loadEvidence: (id: number) => EvidenceRow | null;
}

/** The settings the ledger last recorded: a settings change, a baseline, or the upgrade's snapshot. */
function recordedSettings(db: DB, upgrade: { detail: UpgradeDetail } | null): SettingsDetail {
  const row = statement(db, "SELECT kind, detail FROM consent_events WHERE contact_id = 0 AND kind IN ('settings', 'baseline') ORDER BY id DESC LIMIT 1").get() as
    | { kind: string; detail: string | null }
    | undefined;
  if (row) {
    const detail = JSON.parse(row.detail ?? 'null') as SettingsDetail | BaselineDetail | null;
    if (detail) return 'settings' in detail ? detail.settings : detail;
  }
  return upgrade?.detail?.settings ?? { policy: 'default', brand: null };
}

/**
 * Erasure records in the ledger: which contacts, and what became of each evidence file an
 * erasure removed or replaced by a copy without the person (original hash → the file kept
 * now, or null when removed), followed through later erasures.
 */
export function erasureRecords(db: DB): { contacts: Set<number>; fileNow: Map<string, string | null>; redactedEvidence: Set<number> } {
  const rows = statement(
    db,
    "SELECT e.contact_id, e.detail FROM erasures x JOIN consent_events e ON e.contact_id = x.contact_id AND e.kind = 'erasure' ORDER BY e.id",
  ).all() as { contact_id: number; detail: string | null }[];
  const contacts = new Set<number>();
  const fileNow = new Map<string, string | null>();
  const redactedEvidence = new Set<number>();
  const move = (from: string, to: string | null): void => {
    for (const [original, current] of fileNow) if (current === from) fileNow.set(original, to);
    if (!fileNow.has(from)) fileNow.set(from, to);
  };
  for (const row of rows) {
    contacts.add(row.contact_id);
    const detail = JSON.parse(row.detail ?? '{}') as {
      removedFiles?: string[];
      replacedFiles?: { fromSha256: string; toSha256: string }[];
      redactedEvidence?: number[];
    };
    for (const r of detail.replacedFiles ?? []) move(r.fromSha256, r.toSha256);
    for (const removed of detail.removedFiles ?? []) move(removed, null);
    for (const evidenceId of detail.redactedEvidence ?? []) redactedEvidence.add(evidenceId);
  }
  return { contacts, fileNow, redactedEvidence };
}

interface Problem {
  key: string;
  broken: BrokenAt;
}

/** Problems outside the event rows, in a fixed order; lazily, so the first one stops the check. */
function* outsideProblems(db: DB, ctx: OutsideContext): Generator<Problem> {
  const upgradeEvidenceThrough = ctx.upgrade?.detail?.evidence.through ?? 0;
  const { erased } = ctx;

  // Every contact whose events were hashed with a tombstone has an erasure on record, and an
  // erased contact is not back.
  for (const id of ctx.erasedContacts) {
    if (erased.contacts.has(id)) continue;
    const erasedBeforeUpgrade = (statement(db, 'SELECT identity_sha256 FROM erasures WHERE contact_id = ?').pluck().get(id) as string | null | undefined) === null;
    if (erasedBeforeUpgrade && ctx.upgrade !== null) continue; // committed by the upgrade record
    yield { key: `erasure:${id}`, broken: { id, item: 'contact', reason: `contact ${id} was removed and marked erased outside Tillit: no erasure was recorded in the ledger` } };
  }
  const revived = statement(db, 'SELECT x.contact_id FROM erasures x JOIN contacts c ON c.id = x.contact_id').pluck().all() as number[];
  for (const id of revived) {
    yield { key: `revived:${id}`, broken: { id, item: 'contact', reason: `contact ${id} was erased on request, but its row is back in the workspace` } };
  }

  // Evidence rows: each one added since the upgrade has its record in the ledger; each one's
  // content still has its digest; each file is there and unchanged.
  const unrecorded = statement(
    db,
    `SELECT v.id FROM evidence v WHERE v.id > ?
       AND NOT EXISTS (SELECT 1 FROM consent_events r WHERE r.contact_id = 0 AND r.kind = 'evidence' AND r.evidence_id = v.id)`,
  ).pluck().all(upgradeEvidenceThrough) as number[];
  for (const id of unrecorded) {
    yield { key: `unrecorded-evidence:${id}`, broken: { id, item: 'evidence', reason: `evidence ${id} was added outside Tillit: the ledger has no record of it` } };
  }
  const fileHashes = new Map<string, string | null>();
  const ids = statement(db, 'SELECT id FROM evidence ORDER BY id').pluck().all() as number[];
  for (const id of ids) {
    const ev = ctx.loadEvidence(id)!;
    if (ev.digest === null || (!erased.redactedEvidence.has(id) && evidenceDigest(ev) !== ev.digest)) {
      yield { key: `evidence:${id}`, broken: { id, item: 'evidence', reason: `${evidenceName(ev)} was changed after it was recorded: its wording, link, author or file name no longer match` } };
    }
    if (ev.sha256 === null || ctx.filesDir === undefined) continue;
    // An erasure on record may have removed the file, or replaced it with a copy without the person.
    const expected = erased.fileNow.has(ev.sha256) ? erased.fileNow.get(ev.sha256)! : ev.sha256;
    if (expected === null) continue;
    let actual = fileHashes.get(expected);
    if (actual === undefined) {
      actual = hashFileOrNull(path.join(evidenceDir(ctx.filesDir), expected));
      fileHashes.set(expected, actual);
    }
    if (actual === null) {
      yield { key: `file:${expected}`, broken: { id, item: 'evidence-file', reason: `the file of ${evidenceName(ev)} is missing from the workspace folder` } };
    } else if (actual !== expected) {
      yield { key: `file:${expected}`, broken: { id, item: 'evidence-file', reason: `the file of ${evidenceName(ev)} was changed on disk after it was stored` } };
    }
  }

  // The policy and brand every status is evaluated under are the ones last recorded.
  const settings = readSettings(db);
  const recorded = recordedSettings(db, ctx.upgrade);
  if (settings.policy !== recorded.policy || settings.brand !== recorded.brand) {
    yield {
      key: `settings:${settings.policy}:${settings.brand ?? ''}`,
      broken: {
        id: 0,
        item: 'settings',
        reason: `the consent policy or brand was changed outside Tillit (now ${settings.policy}${settings.brand ? `, brand ${settings.brand}` : ''}; recorded ${recorded.policy}${recorded.brand ? `, brand ${recorded.brand}` : ''})`,
      },
    };
  }

  if (!ctx.full) return;
  // A contact hidden by an undone import has no evidence in force; one that has was hidden outside Tillit.
  const hidden = statement(
    db,
    `SELECT c.id, c.email FROM contacts c WHERE c.removed_at IS NOT NULL AND EXISTS (
       SELECT 1 FROM consent_events e WHERE e.contact_id = c.id AND e.kind != 'void'
         AND NOT EXISTS (SELECT 1 FROM consent_events s WHERE s.supersedes = e.id)) LIMIT 100`,
  ).all() as { id: number; email: string }[];
  for (const h of hidden) {
    yield { key: `hidden:${h.id}`, broken: { id: h.id, item: 'contact', reason: `contact ${h.id} (${h.email}) was hidden outside Tillit although its consent records are in force` } };
  }
  // What format-1 events did not cover: the contacts and evidence rows there were at the upgrade.
  if (ctx.upgrade?.detail) {
    const { contacts, evidence } = ctx.upgrade.detail;
    if (contactsDigest(db, contacts.through) !== contacts.digest) {
      yield {
        key: 'upgrade-contacts',
        broken: { id: ctx.upgrade.id, item: 'contact', reason: 'the address of a contact recorded before the ledger upgrade was changed, or such a contact was deleted, outside Tillit' },
      };
    }
    if (evidenceListDigest(db, evidence.through) !== evidence.digest) {
      yield {
        key: 'upgrade-evidence',
        broken: { id: ctx.upgrade.id, item: 'evidence', reason: 'evidence recorded before the ledger upgrade was changed or deleted outside Tillit' },
      };
    }
  }
}

function hashFileOrNull(file: string): string | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
    return hash.digest('hex');
  } finally {
    fs.closeSync(fd);
  }
}

/** One line per contact id up to `through`: its identity digest, or 'erased' for a tombstone without one. */
function contactsDigest(db: DB, through: number): string {
  const hash = createHash('sha256');
  const rows = db
    .prepare(
      `SELECT id, email, email_key, NULL AS erased FROM contacts WHERE id <= ?
       UNION ALL
       SELECT contact_id, NULL, NULL, COALESCE(identity_sha256, 'erased') FROM erasures WHERE contact_id <= ? AND contact_id NOT IN (SELECT id FROM contacts)
       ORDER BY 1`,
    )
    .iterate(through, through) as IterableIterator<{ id: number; email: string | null; email_key: string | null; erased: string | null }>;
  for (const row of rows) hash.update(`${row.id}:${row.email !== null ? identityDigest(row.email, row.email_key!) : row.erased}\n`);
  return hash.digest('hex');
}

function evidenceListDigest(db: DB, through: number): string {
  const hash = createHash('sha256');
  const rows = db.prepare('SELECT id, digest FROM evidence WHERE id <= ? ORDER BY id').iterate(through) as IterableIterator<{ id: number; digest: string | null }>;
  for (const row of rows) hash.update(`${row.id}:${row.digest ?? ''}\n`);
  return hash.digest('hex');
}

/**
 * Migration 003: fills the digest of every existing evidence row and, when the workspace has
 * anything to cover, appends the record that commits to what format-1 events did not cover.
 */
export function ledgerUpgradeRecord(db: DB): void {
  const rows = db.prepare('SELECT * FROM evidence').all() as EvidenceRow[];
  const setDigest = db.prepare('UPDATE evidence SET digest = ? WHERE id = ?');
  for (const row of rows) setDigest.run(evidenceDigest(row), row.id);
  const events = storedHead(db).events;
  const contactsThrough = (db.prepare('SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM contacts UNION ALL SELECT MAX(contact_id) FROM erasures)').pluck().get() as number | null) ?? 0;
  const evidenceThrough = (db.prepare('SELECT MAX(id) FROM evidence').pluck().get() as number | null) ?? 0;
  const settings = readSettings(db);
  if (events === 0 && contactsThrough === 0 && evidenceThrough === 0 && settings.policy === 'default' && settings.brand === null) return;
  const detail: UpgradeDetail = {
    format1Through: events,
    contacts: { through: contactsThrough, digest: contactsDigest(db, contactsThrough) },
    evidence: { through: evidenceThrough, digest: evidenceListDigest(db, evidenceThrough) },
    settings: { policy: settings.policy, brand: settings.brand },
  };
  appendRecord(db, 'chain-upgrade', new Date().toISOString(), { detail });
}

/**
 * Accepts the ledger as it stands after a break: appends a 'baseline' record with the user's
 * reason, what was found, the chain recomputed from what is stored now, and the problems
 * outside the events it accepts. The break stays on record; anything changed after it is found.
 */
export function acceptBaseline(db: DB, input: { reason: string; found: string; filesDir?: string; recordedAt: string }): number {
  return db.transaction(() => {
    const accepted: string[] = [];
    // Collect what is wrong outside the events now (up to a bound: enough to name them).
    const upgrade = firstRecord<UpgradeDetail>(db, 'chain-upgrade', false);
    const evidenceCache = new Map<number, EvidenceRow | null>();
    const walk = collectForBaseline(db, upgrade?.id ?? 0);
    for (const p of outsideProblems(db, {
      full: true,
      upgrade,
      erasedContacts: walk.erasedContacts,
      erased: erasureRecords(db),
      filesDir: input.filesDir,
      loadEvidence: (id) => {
        let row = evidenceCache.get(id);
        if (row === undefined) evidenceCache.set(id, (row = (db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined) ?? null));
        return row;
      },
    })) {
      accepted.push(p.key);
      if (accepted.length >= 10_000) break;
    }
    for (const id of walk.missingContacts) accepted.push(`contact:${id}`);
    const settings = readSettings(db);
    const detail: BaselineDetail = {
      reason: input.reason,
      found: input.found,
      stateHead: walk.recomputed,
      accepted,
      settings: { policy: settings.policy, brand: settings.brand },
    };
    return appendRecord(db, 'baseline', input.recordedAt, { detail });
  })();
}

/** One pass over the events as stored now, recomputing the chain from their present content. */
function collectForBaseline(db: DB, upgradeId: number) {
  let recomputed = GENESIS_HASH;
  const erasedContacts = new Set<number>();
  const missingContacts = new Set<number>();
  const evidenceNow = new Map<number, string>();
  const page = db.prepare(
    `SELECT e.*, c.email AS c_email, c.email_key AS c_key, x.identity_sha256 AS x_identity, x.id AS x_exists, n.note AS note
     FROM consent_events e LEFT JOIN contacts c ON c.id = e.contact_id LEFT JOIN erasures x ON x.contact_id = e.contact_id
     LEFT JOIN event_notes n ON n.event_id = e.id WHERE e.id > ? ORDER BY e.id LIMIT 20000`,
  );
  const evidenceRow = db.prepare('SELECT * FROM evidence WHERE id = ?');
  const redacted = erasureRecords(db).redactedEvidence;
  for (let rows = page.all(0) as WalkRow[]; rows.length > 0; rows = page.all(rows.at(-1)!.id) as WalkRow[]) for (const row of rows) {
    let identity = '';
    if (row.contact_id !== 0) {
      if (row.c_email !== null) identity = identityDigest(row.c_email, row.c_key!);
      else if (row.x_exists !== null) {
        identity = row.x_identity ?? '';
        erasedContacts.add(row.contact_id);
      } else if (row.kind !== 'erasure') missingContacts.add(row.contact_id);
    }
    let evidence = '';
    if (row.evidence_id !== null) {
      let digest = evidenceNow.get(row.evidence_id);
      if (digest === undefined) {
        const ev = evidenceRow.get(row.evidence_id) as EvidenceRow | undefined;
        digest = ev === undefined ? '' : redacted.has(ev.id) ? (ev.digest ?? '') : evidenceDigest(ev);
        evidenceNow.set(row.evidence_id, digest);
      }
      evidence = digest;
    }
    const noteNow = row.note === null ? row.note_sha256 : sha256(row.note);
    const now: ChainRow = { ...row, prev_hash: recomputed, note_sha256: noteNow };
    recomputed = sha256(row.id < upgradeId ? chainTextV1(now) : chainTextV2(now, identity, evidence));
  }
  return { recomputed, erasedContacts, missingContacts };
}
