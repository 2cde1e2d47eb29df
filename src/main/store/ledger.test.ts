import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../../../test/helpers/temp.ts';
import { appendEvents, eventsForContact, LedgerAppender } from './ledger.ts';
import { verifyLedger } from './ledger-verify.ts';
import { chainTextV1, GENESIS_HASH, sha256, type ChainRow } from './ledger-chain.ts';
import { insertEvidenceRow } from './evidence.ts';
import { openStore, type DB } from './open.ts';

const dir = tempDir();

function storeWithEvents(): { db: DB; file: string } {
  const file = tempDbPath(dir);
  const db = openStore(file);
  db.prepare("INSERT INTO contacts (id, email, email_key, created_at, updated_at) VALUES (1, 'ola@example.no', 'ola@example.no', 'now', 'now')").run();
  db.transaction(() => {
    appendEvents(db, [
      { contactId: 1, kind: 'opt-in', date: '2025-01-02', source: 'web-form', basis: 'explicit', note: 'signed up at the bakery' },
      { contactId: 1, kind: 'withdrawal', date: '2025-03-04' },
      { contactId: 1, kind: 'opt-in', date: '2025-05-06', source: 'purchase', basis: 'implicit' },
    ]);
  })();
  return { db, file };
}

/** Opens the file the way someone editing it behind the app's back would. */
function tamper(file: string, sql: string): void {
  const raw = new Database(file);
  raw.exec('DROP TRIGGER consent_events_no_update; DROP TRIGGER consent_events_no_delete;');
  raw.exec(sql);
  raw.close();
}

describe('consent ledger', () => {
  it('stores events in order, readable per contact', () => {
    const { db } = storeWithEvents();
    expect(eventsForContact(db, 1).map((e) => [e.id, e.kind, e.date])).toEqual([
      [1, 'opt-in', '2025-01-02'],
      [2, 'withdrawal', '2025-03-04'],
      [3, 'opt-in', '2025-05-06'],
    ]);
    db.close();
  });

  it('refuses UPDATE and DELETE in the database itself', () => {
    const { db } = storeWithEvents();
    expect(() => db.prepare("UPDATE consent_events SET date = '2020-01-01' WHERE id = 1").run()).toThrow(/append-only: UPDATE is refused/);
    expect(() => db.prepare('DELETE FROM consent_events WHERE id = 2').run()).toThrow(/append-only: DELETE is refused/);
    expect(eventsForContact(db, 1)).toHaveLength(3);
    db.close();
  });

  it('verifies an untouched chain as intact', () => {
    const { db } = storeWithEvents();
    expect(verifyLedger(db)).toMatchObject({ intact: true, checked: 3, firstBroken: null, mode: 'full', ledger: { events: 3 } });
    db.close();
  });

  it.each([
    ['a changed date', 'UPDATE consent_events SET date = \'2024-01-01\' WHERE id = 2', 2, /event 2 \(the withdrawal \(unsubscribe\) dated 2024-01-01 for ola@example.no\) does not match what was recorded/],
    ['a changed source', "UPDATE consent_events SET source = 'web-form' WHERE id = 3", 3, /event 3 \(the opt-in dated 2025-05-06 for ola@example.no\) does not match/],
    ['a deleted event', 'DELETE FROM consent_events WHERE id = 2', 2, /event 2 is missing: the ledger jumps from event 1 to event 3/],
    ['an edited note', "UPDATE event_notes SET note = 'never signed up' WHERE event_id = 1", 1, /the note on event 1 \(the opt-in dated 2025-01-02 for ola@example.no\) was changed/],
    ['a removed note', 'DELETE FROM event_notes WHERE event_id = 1', 1, /the note on event 1 .* was removed/],
    ['a re-pointed contact', "UPDATE contacts SET email = 'kari@example.no', email_key = 'kari@example.no' WHERE id = 1", 1, /address of the contact it belongs to was changed/],
  ])('names the first broken event after %s behind the app’s back', (_what, sql, brokenId, reason) => {
    const { db, file } = storeWithEvents();
    db.close();
    tamper(file, sql);
    const reopened = openStore(file);
    const result = verifyLedger(reopened);
    expect(result.intact).toBe(false);
    expect(result.firstBroken?.id).toBe(brokenId);
    expect(result.firstBroken?.reason).toMatch(reason);
    reopened.close();
  });

  it('an import appender writes the same rows as appendEvents, across batches, and the chain verifies', () => {
    const recordedAt = "2026-11-29T10:00:00.000Z";
    const batches: Parameters<typeof appendEvents>[1][] = [
      [
        { contactId: 1, kind: 'opt-in', date: '2025-01-02', source: 'web-form', basis: 'explicit', importId: 7, evidenceId: 3 },
        // Not the import's shared fields: a note, another evidence row, a correction.
        { contactId: 1, kind: 'opt-in', date: '2025-01-03', source: 'event-booth', basis: 'implicit', importId: 7, evidenceId: 3, note: "Ola's card" },
        { contactId: 1, kind: 'opt-in', date: '2025-01-04', source: 'event-booth', basis: null, importId: 7, evidenceId: 4 },
      ],
      [
        { contactId: 1, kind: 'void', date: '2025-01-05', supersedes: 2, importId: 7, evidenceId: 3 },
        { contactId: 1, kind: 'withdrawal', date: '2025-01-06', importId: 7, evidenceId: 3, brand: "O'Hara's Bakeri" },
      ],
    ];
    const rowsOf = (db: DB): unknown[] => db.prepare('SELECT * FROM consent_events ORDER BY id').all();
    const stores = [0, 1].map(() => {
      const db = openStore(tempDbPath(dir));
      db.exec("INSERT INTO contacts (id, email, email_key, created_at, updated_at) VALUES (1, 'ola@example.no', 'ola@example.no', 'now', 'now')");
      db.exec("INSERT INTO imports (id, file_name, file_sha256, file_size, format, encoding, mapping, source, collected_at, rows, added, merged, duplicates, rejected, state, created_at) VALUES (7, 'a.csv', 'x', 1, 'csv', 'utf-8', '[]', 'web-form', '2025-01-01', 0, 0, 0, 0, 0, 'committed', 'now')");
      db.transaction(() => {
        for (const text of ['one', 'two', 'three', 'four']) insertEvidenceRow(db, { text }, recordedAt);
      })();
      return db;
    });
    const [plain, shared] = stores as [DB, DB];
    plain.transaction(() => {
      for (const batch of batches) appendEvents(plain, batch, recordedAt);
    })();
    shared.transaction(() => {
      const appender = new LedgerAppender(shared, recordedAt, { importId: 7, evidenceId: 3 });
      for (const batch of batches) appender.append(batch);
    })();
    expect(rowsOf(shared)).toEqual(rowsOf(plain));
    expect(rowsOf(shared)).toHaveLength(9); // four evidence records, then the five events
    expect(verifyLedger(shared)).toMatchObject({ intact: true, checked: 9, firstBroken: null });
    for (const db of stores) db.close();
  });

  it('keeps chain format 1: known rows hash to the values the first release wrote', () => {
    // Stores written before migration 003 must still verify; these hashes were produced by the
    // first release's implementation and must never change.
    const rows: ChainRow[] = [
      { id: 1, contact_id: 1, kind: 'opt-in', date: '2025-01-02', source: 'web-form', basis: 'explicit', brand: 'Bakeriet', supersedes: null, import_id: null, evidence_id: null, note_sha256: sha256('signed up at the bakery'), recorded_at: '2025-03-04T10:00:00.000Z', prev_hash: GENESIS_HASH, detail: null },
      { id: 2, contact_id: 1, kind: 'withdrawal', date: '2025-03-04', source: null, basis: null, brand: null, supersedes: null, import_id: null, evidence_id: null, note_sha256: null, recorded_at: '2025-03-04T10:00:00.000Z', prev_hash: '', detail: null },
    ];
    const first = sha256(chainTextV1(rows[0]!));
    rows[1]!.prev_hash = first;
    expect([first, sha256(chainTextV1(rows[1]!))]).toEqual([
      '21d8b3b3f8ddada2d269faf7afde1977a578081d9e88252eef337cc0ac79a175',
      '8c58e459ba5fd88d7de567825e48662335c0df392ddcfa3ddf40b28213366700',
    ]);
  });

  it('keeps chain format 2: known events hash to these values forever', () => {
    const db = openStore(tempDbPath(dir));
    db.exec("INSERT INTO contacts (id, email, email_key, created_at, updated_at) VALUES (1, 'Ola@Example.no', 'ola@example.no', 'now', 'now')");
    db.transaction(() => {
      const evidenceId = insertEvidenceRow(db, { text: 'Ja takk, send meg nyhetsbrevet', recordedBy: 'Anne' }, '2025-03-04T10:00:00.000Z');
      appendEvents(
        db,
        [
          { contactId: 1, kind: 'opt-in', date: '2025-01-02', source: 'web-form', basis: 'explicit', brand: 'Bakeriet', note: 'signed up at the bakery', evidenceId },
          { contactId: 1, kind: 'withdrawal', date: '2025-03-04' },
        ],
        '2025-03-04T10:00:00.000Z',
      );
    })();
    expect(db.prepare('SELECT hash FROM consent_events ORDER BY id').pluck().all()).toEqual(KNOWN_FORMAT_2);
    expect(verifyLedger(db)).toMatchObject({ intact: true, checked: 3 });
    db.close();
  });
});

/** Written by the first implementation of format 2 (migration 003); a change here breaks every store since. */
const KNOWN_FORMAT_2 = [
  '3ad0e85fcb4684fd7c239781790527425686b3a291d3b28752d01acae7122bbc',
  '4bd96a0471ce7859164d6bab7a644dd457c831e942de7af22027a872c7c5f08c',
  '8bae7f8c70b70f3f99c956d3add3b8c5f6f1f64dd23414aee52d936bccff2041',
];
