// The tamper suite: a real workspace (an import with a proof file, an opt-in with a scanned
// sheet, a withdrawal, a brand change, an erasure, an export), then each kind of change someone
// with the file and the sqlite3 shell could make behind the app's back. Every one must be found
// by `tillit verify` (a real child process, exit 1, the first broken item named) and must stop
// the app from exporting.

import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/main/app/workspace.ts';
import type { ContactPage, ExportResult } from '../src/shared/contract/dto.ts';
import type { Envelope } from '../src/shared/contract/envelope.ts';
import { anchorLogPath, formatAnchor } from '../src/main/store/anchors.ts';
import { chainTextV1, chainTextV2, evidenceDigest, identityDigest, sha256, type ChainRow, type EvidenceContent } from '../src/main/store/ledger-chain.ts';
import { tillit } from './helpers/cli.ts';
import { tempDir } from './helpers/temp.ts';

const dir = tempDir('tillit-tamper-');
const fixture = path.join(dir, 'fixture.sqlite');
let exportAnchor = '';

async function call<T>(w: ReturnType<typeof openWorkspace>, method: string, input: unknown): Promise<T> {
  const envelope = (await w.dispatch(method, input)) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}

beforeAll(async () => {
  const w = openWorkspace({ dbPath: fixture, importsInWorker: false, today: () => '2026-03-01' });
  const csv = 'email,first name,last name\nola@example.no,Ola,Nordmann\nkari@example.no,Kari,Hansen\nper@example.no,Per,Berg\nanne@example.no,Anne,Lie\n';
  const { stagedId } = await call<{ stagedId: string }>(w, 'files.stage', { fileName: 'signups.csv', chunkBase64: Buffer.from(csv).toString('base64') });
  await call(w, 'import.commit', {
    stagedId,
    source: 'web-form',
    collectedAt: '2026-01-05',
    basis: 'explicit',
    evidence: { fileName: 'form.html', dataBase64: Buffer.from('<label><input type=checkbox> Send me news</label>').toString('base64'), text: 'Send me news' },
  });
  const page = await call<ContactPage>(w, 'contacts.list', {});
  const id = (email: string): number => page.items.find((c) => c.email === email)!.id;
  await call(w, 'consent.record', {
    contactIds: [id('per@example.no')],
    kind: 'opt-in',
    source: 'newsletter-signup',
    date: '2026-02-01',
    note: 'Signed at the counter',
    evidence: { fileName: 'sheet.jpg', dataBase64: Buffer.from('JPEG bytes of the paper sign-up sheet').toString('base64'), text: 'Paper sheet at the counter', recordedBy: 'Anne' },
  });
  await call(w, 'settings.update', { brand: 'Bakeriet' });
  await call(w, 'contacts.erase', { id: id('anne@example.no'), reason: 'asked to be forgotten' });
  await call(w, 'consent.record', { contactIds: [id('kari@example.no')], kind: 'withdrawal', date: '2026-02-20' });
  const exported = await call<ExportResult>(w, 'export.run', { profile: 'generic' });
  exportAnchor = formatAnchor(exported.ledger);
  w.close();
});

let copies = 0;
/** A copy of the fixture workspace (database and files folder) to tamper with. */
function copyOfFixture(): string {
  copies += 1;
  const db = path.join(dir, `copy-${copies}.sqlite`);
  fs.copyFileSync(fixture, db);
  fs.cpSync(`${fixture}-files`, `${db}-files`, { recursive: true });
  return db;
}

/** SQL through the sqlite3 shell, as an attacker would type it (triggers dropped and put back). */
function shell(db: string, sql: string): void {
  const triggers = (new Database(db, { readonly: true }).prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger'").pluck().all() as string[]).join(';\n');
  execFileSync('sqlite3', [db], { input: `DROP TRIGGER IF EXISTS consent_events_no_update; DROP TRIGGER IF EXISTS consent_events_no_delete;\n${sql};\n${triggers};\n` });
}

/** SQL through a second connection (better-sqlite3), for what needs computing. */
function connection(db: string, work: (raw: Database.Database) => void): void {
  const raw = new Database(db);
  raw.exec('DROP TRIGGER consent_events_no_update; DROP TRIGGER consent_events_no_delete;');
  work(raw);
  raw.close();
}

/** Recomputes every hash from the present content, the way a careful forger would. */
function rehashFromScratch(raw: Database.Database): void {
  const upgrade = raw.prepare("SELECT MIN(id) FROM consent_events WHERE contact_id = 0 AND kind = 'chain-upgrade'").pluck().get() as number | null;
  for (const ev of raw.prepare('SELECT * FROM evidence').all() as (EvidenceContent & { id: number })[]) {
    raw.prepare('UPDATE evidence SET digest = ? WHERE id = ?').run(evidenceDigest(ev), ev.id);
  }
  let prev = '0'.repeat(64);
  const rows = raw.prepare('SELECT * FROM consent_events ORDER BY id').all() as (ChainRow & { hash: string })[];
  for (const row of rows) {
    const contact = raw.prepare('SELECT email, email_key FROM contacts WHERE id = ?').get(row.contact_id) as { email: string; email_key: string } | undefined;
    const erased = raw.prepare('SELECT identity_sha256 FROM erasures WHERE contact_id = ?').pluck().get(row.contact_id) as string | undefined;
    const identity = row.contact_id === 0 ? '' : contact ? identityDigest(contact.email, contact.email_key) : (erased ?? '');
    const evidence = row.evidence_id === null ? '' : (raw.prepare('SELECT digest FROM evidence WHERE id = ?').pluck().get(row.evidence_id) as string);
    const fixed = { ...row, prev_hash: prev };
    const hash = sha256(upgrade !== null && row.id < upgrade ? chainTextV1(fixed) : chainTextV2(fixed, identity, evidence));
    raw.prepare('UPDATE consent_events SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
    prev = hash;
  }
}

function verify(db: string, extra: string[] = []): { status: number; result: { intact: boolean; firstBroken: { item: string; id: number; reason: string } | null } } {
  const run = tillit(db, ['verify', '--json', ...extra]);
  return { status: run.status, result: JSON.parse(run.stdout) as { intact: boolean; firstBroken: { item: string; id: number; reason: string } | null } };
}

function evidenceFile(db: string, fileName: string): string {
  const raw = new Database(db, { readonly: true });
  const sha = raw.prepare('SELECT sha256 FROM evidence WHERE file_name = ?').pluck().get(fileName) as string;
  raw.close();
  return path.join(`${db}-files`, 'evidence', sha);
}

const ID = {
  ola: "(SELECT id FROM contacts WHERE email = 'ola@example.no')",
  kari: "(SELECT id FROM contacts WHERE email = 'kari@example.no')",
  per: "(SELECT id FROM contacts WHERE email = 'per@example.no')",
  withdrawal: "(SELECT MAX(id) FROM consent_events WHERE kind = 'withdrawal')",
  newest: '(SELECT MAX(id) FROM consent_events)',
};

interface Case {
  what: string;
  tamper: (db: string) => void;
  item: string;
  reason: RegExp;
}

const CASES: Case[] = [
  {
    what: 'the newest event (a withdrawal) deleted: a shortened chain',
    tamper: (db) => shell(db, `DELETE FROM consent_events WHERE id = ${ID.withdrawal}`),
    item: 'anchor',
    reason: /the ledger is shorter than it was: the anchor recorded on .* counted \d+ events, and only \d+ are left/,
  },
  {
    what: 'an event’s date changed',
    tamper: (db) => shell(db, `UPDATE consent_events SET date = '2025-01-01' WHERE id = ${ID.withdrawal}`),
    item: 'event',
    reason: /the withdrawal \(unsubscribe\) dated 2025-01-01 for kari@example.no\) does not match what was recorded/,
  },
  {
    what: 'an event’s kind changed (withdrawal made a note)',
    tamper: (db) => shell(db, `UPDATE consent_events SET kind = 'note' WHERE id = ${ID.withdrawal}`),
    item: 'event',
    reason: /does not match what was recorded/,
  },
  {
    what: 'a brand changed inside an event',
    tamper: (db) => shell(db, `UPDATE consent_events SET brand = 'Other brand' WHERE kind = 'opt-in' AND contact_id = ${ID.per}`),
    item: 'event',
    reason: /the opt-in dated 2026-0\d-0\d for per@example.no\) does not match/,
  },
  {
    what: 'two contacts’ addresses swapped (consent moved to another person)',
    tamper: (db) =>
      shell(
        db,
        `UPDATE contacts SET email = 'tmp', email_key = 'tmp' WHERE email = 'ola@example.no';
         UPDATE contacts SET email = 'ola@example.no', email_key = 'ola@example.no' WHERE email = 'kari@example.no';
         UPDATE contacts SET email = 'kari@example.no', email_key = 'kari@example.no' WHERE email = 'tmp'`,
      ),
    item: 'event',
    reason: /address of the contact it belongs to was changed/,
  },
  {
    what: 'a contact’s address replaced by a new one',
    tamper: (db) => shell(db, `UPDATE contacts SET email = 'ny@example.no', email_key = 'ny@example.no' WHERE id = ${ID.per}`),
    item: 'event',
    reason: /for ny@example.no\) does not match what was recorded/,
  },
  {
    what: 'only the matching key of a contact changed',
    tamper: (db) => shell(db, `UPDATE contacts SET email_key = 'x@example.no' WHERE id = ${ID.ola}`),
    item: 'event',
    reason: /ola@example.no\) does not match/,
  },
  {
    what: 'the wording of evidence changed',
    tamper: (db) => shell(db, "UPDATE evidence SET text = 'I agree to everything' WHERE file_name = 'sheet.jpg'"),
    item: 'evidence',
    reason: /evidence \d+ was changed after it was recorded/,
  },
  {
    what: 'who recorded the evidence changed',
    tamper: (db) => shell(db, "UPDATE evidence SET recorded_by = 'Boss' WHERE file_name = 'sheet.jpg'"),
    item: 'evidence',
    reason: /was changed after it was recorded/,
  },
  {
    what: 'evidence wording and its stored digest both changed',
    tamper: (db) =>
      connection(db, (raw) => {
        raw.prepare("UPDATE evidence SET text = 'forged' WHERE file_name = 'sheet.jpg'").run();
        const ev = raw.prepare("SELECT * FROM evidence WHERE file_name = 'sheet.jpg'").get() as EvidenceContent;
        raw.prepare("UPDATE evidence SET digest = ? WHERE file_name = 'sheet.jpg'").run(evidenceDigest(ev));
      }),
    item: 'event',
    reason: /does not match what was recorded|was changed after it was recorded/,
  },
  {
    what: 'the evidence file’s hash column pointed at another file',
    tamper: (db) => shell(db, "UPDATE evidence SET sha256 = (SELECT sha256 FROM evidence WHERE file_name = 'form.html') WHERE file_name = 'sheet.jpg'"),
    item: 'evidence',
    reason: /was changed after it was recorded/,
  },
  {
    what: 'an evidence file’s bytes replaced on disk',
    tamper: (db) => fs.writeFileSync(evidenceFile(db, 'sheet.jpg'), 'a different picture'),
    item: 'evidence-file',
    reason: /the file of evidence \d+ \(sheet.jpg\) was changed on disk/,
  },
  {
    what: 'an evidence file deleted',
    tamper: (db) => fs.rmSync(evidenceFile(db, 'form.html')),
    item: 'evidence-file',
    reason: /the file of evidence \d+ \(form.html\) is missing/,
  },
  {
    what: 'an evidence row deleted',
    tamper: (db) => shell(db, "DELETE FROM evidence WHERE file_name = 'sheet.jpg'"),
    item: 'evidence',
    reason: /evidence \d+, which event \d+ \(the record of added evidence.*\) points to, was deleted/,
  },
  {
    what: 'an evidence row slipped in',
    tamper: (db) => shell(db, "INSERT INTO evidence (kind, text, created_at) VALUES ('text', 'Signed consent form', '2026-01-01T00:00:00Z')"),
    item: 'evidence',
    reason: /was added outside Tillit: the ledger has no record of it/,
  },
  {
    what: 'events rewritten and every hash after them recomputed',
    tamper: (db) =>
      connection(db, (raw) => {
        raw.prepare(`UPDATE consent_events SET kind = 'note' WHERE id = ${ID.withdrawal}`).run();
        rehashFromScratch(raw);
      }),
    item: 'anchor',
    reason: /the ledger was rewritten: event \d+ no longer ends in the head hash of the anchor recorded on \d{4}-\d\d-\d\d/,
  },
  {
    what: 'two events swapped (reordered rows)',
    tamper: (db) =>
      connection(db, (raw) => {
        const [a, b] = raw.prepare("SELECT id FROM consent_events WHERE contact_id != 0 ORDER BY id LIMIT 2").pluck().all() as number[];
        raw.prepare('UPDATE consent_events SET id = -1 WHERE id = ?').run(a);
        raw.prepare('UPDATE consent_events SET id = ? WHERE id = ?').run(a, b);
        raw.prepare('UPDATE consent_events SET id = ? WHERE id = -1').run(b);
      }),
    item: 'event',
    reason: /no longer links to the event before it|does not match/,
  },
  {
    what: 'the policy changed in the settings table',
    tamper: (db) => shell(db, "INSERT INTO settings (key, value) VALUES ('policy', 'casl') ON CONFLICT (key) DO UPDATE SET value = 'casl'"),
    item: 'settings',
    reason: /the consent policy or brand was changed outside Tillit \(now casl, brand Bakeriet; recorded default, brand Bakeriet\)/,
  },
  {
    what: 'an unsubscribed contact hidden (so it drops off the suppression list)',
    tamper: (db) => shell(db, `UPDATE contacts SET removed_at = '2026-02-21' WHERE id = ${ID.kari}`),
    item: 'contact',
    reason: /kari@example.no\) was hidden outside Tillit although its consent records are in force/,
  },
  {
    what: 'a contact row deleted',
    tamper: (db) => shell(db, `DELETE FROM contacts WHERE id = ${ID.kari}`),
    item: 'contact',
    reason: /contact \d+ was deleted outside Tillit: .* still belongs to it, and no erasure was recorded/,
  },
  {
    what: 'a contact deleted and a forged erasure tombstone put in its place',
    tamper: (db) =>
      connection(db, (raw) => {
        const kari = raw.prepare("SELECT id, email, email_key FROM contacts WHERE email = 'kari@example.no'").get() as { id: number; email: string; email_key: string };
        raw.prepare('DELETE FROM contacts WHERE id = ?').run(kari.id);
        raw.prepare("INSERT INTO erasures (contact_id, email_sha256, erased_at, reason, identity_sha256) VALUES (?, 'x', 'now', 'forged', ?)").run(kari.id, identityDigest(kari.email, kari.email_key));
      }),
    item: 'contact',
    reason: /was removed and marked erased outside Tillit: no erasure was recorded in the ledger/,
  },
  {
    what: 'an erased contact brought back',
    tamper: (db) =>
      shell(db, "INSERT INTO contacts (id, email, email_key, created_at, updated_at) SELECT contact_id, 'anne@example.no', 'anne@example.no', 'now', 'now' FROM erasures"),
    item: 'contact',
    reason: /contact \d+ was erased on request, but its row is back in the workspace/,
  },
  {
    what: 'a note on an event rewritten',
    tamper: (db) => shell(db, "UPDATE event_notes SET note = 'forged note' WHERE event_id = (SELECT MIN(event_id) FROM event_notes)"),
    item: 'event',
    reason: /the note on event \d+ .* was changed after it was recorded/,
  },
];

describe('tamper suite: each change made behind the app’s back is found', () => {
  it('the untouched fixture verifies, and against the export report’s anchor', () => {
    const db = copyOfFixture();
    const run = verify(db, ['--anchor', exportAnchor]);
    expect(run.result).toMatchObject({ intact: true });
    expect(run.status).toBe(0);
  });

  it.each(CASES.map((c) => [c.what, c] as const))('%s', (_what, c) => {
    const db = copyOfFixture();
    c.tamper(db);
    const run = verify(db);
    expect(run.result.intact).toBe(false);
    expect(run.status).toBe(1);
    expect(run.result.firstBroken!.item).toBe(c.item);
    expect(run.result.firstBroken!.reason).toMatch(c.reason);
  });

  it('a ledger re-hashed from scratch with the anchor log deleted is still caught by the anchor in an old export report', () => {
    const db = copyOfFixture();
    connection(db, (raw) => {
      raw.prepare(`DELETE FROM consent_events WHERE id = ${ID.withdrawal}`).run();
      rehashFromScratch(raw);
    });
    fs.rmSync(anchorLogPath(db));
    expect(verify(db).status).toBe(0); // nothing inside the workspace can tell
    const run = verify(db, ['--anchor', exportAnchor]);
    expect(run.status).toBe(1);
    expect(run.result.firstBroken).toMatchObject({ item: 'anchor', reason: expect.stringMatching(/shorter than it was|was rewritten/) });
  });

  it('the app opens a tampered workspace, says the ledger is broken, and refuses to export', async () => {
    const db = copyOfFixture();
    shell(db, "UPDATE evidence SET text = 'I agree to everything' WHERE file_name = 'sheet.jpg'");
    const w = openWorkspace({ dbPath: db, importsInWorker: false, today: () => '2026-03-02' });
    try {
      const status = ((await w.dispatch('ledger.status', {})) as Envelope<{ state: string; firstBroken: { reason: string } }>);
      expect(status).toMatchObject({ ok: true, value: { state: 'broken', firstBroken: { reason: expect.stringMatching(/was changed after it was recorded/) } } });
      const refused = await w.dispatch('export.run', { profile: 'mailchimp' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', messageCode: 'ledger-broken', message: expect.stringMatching(/nothing was exported/) } });
    } finally {
      w.close();
    }
    const cli = tillit(db, ['export', '--profile', 'generic', '--out', path.join(dir, 'never.csv')]);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/The consent ledger is broken, so nothing was exported/);
    expect(fs.existsSync(path.join(dir, 'never.csv'))).toBe(false);
  });

  it('a change made with the shell while the app is open is found before the next export', async () => {
    const db = copyOfFixture();
    const w = openWorkspace({ dbPath: db, importsInWorker: false, today: () => '2026-03-02' });
    try {
      await w.integrity.checkFully();
      const first = await w.dispatch('export.run', { profile: 'brevo' });
      expect(first).toMatchObject({ ok: true });
      shell(db, `UPDATE consent_events SET date = '2025-01-01' WHERE id = ${ID.withdrawal}`);
      const refused = await w.dispatch('export.run', { profile: 'brevo' });
      expect(refused).toMatchObject({ ok: false, error: { messageCode: 'ledger-broken' } });
    } finally {
      w.close();
    }
  });

  it('accepting the present state records a baseline with the reason; the break stays on record and later changes are found', async () => {
    const db = copyOfFixture();
    shell(db, "UPDATE evidence SET recorded_by = 'Boss' WHERE file_name = 'sheet.jpg'");
    const w = openWorkspace({ dbPath: db, importsInWorker: false, today: () => '2026-03-02' });
    try {
      const accepted = (await w.dispatch('ledger.acceptBaseline', { reason: 'Fixed the author by hand after the paper check' })) as Envelope<{
        state: string;
        baselines: { reason: string }[];
      }>;
      expect(accepted).toMatchObject({ ok: true, value: { state: 'intact', baselines: [{ reason: 'Fixed the author by hand after the paper check' }] } });
      expect(await w.dispatch('export.run', { profile: 'generic' })).toMatchObject({ ok: true });
    } finally {
      w.close();
    }
    const after = tillit(db, ['verify']);
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(/a break was accepted as a new baseline on .* Fixed the author by hand/);
    expect(verify(db, ["--anchor", exportAnchor]).status).toBe(0); // the stored events were not rewritten, so the old report still matches
    shell(db, `UPDATE consent_events SET date = '2025-01-01' WHERE id = ${ID.withdrawal}`);
    const changed = verify(db);
    expect(changed.status).toBe(1);
    expect(changed.result.firstBroken!.reason).toMatch(/events before the accepted break .* were changed after it was accepted/);
  });
});
