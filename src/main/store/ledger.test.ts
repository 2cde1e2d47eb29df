import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../../../test/helpers/temp.ts';
import { appendEvents, eventsForContact, verifyLedger } from './ledger.ts';
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
    expect(verifyLedger(db)).toEqual({ intact: true, checked: 3, firstBroken: null });
    db.close();
  });

  it.each([
    ['a changed date', 'UPDATE consent_events SET date = \'2024-01-01\' WHERE id = 2', 2, /contents were changed/],
    ['a changed source', "UPDATE consent_events SET source = 'web-form' WHERE id = 3", 3, /contents were changed/],
    ['a deleted event', 'DELETE FROM consent_events WHERE id = 2', 2, /missing/],
    ['an edited note', "UPDATE event_notes SET note = 'never signed up' WHERE event_id = 1", 1, /note was changed/],
    ['a removed note', 'DELETE FROM event_notes WHERE event_id = 1', 1, /note was removed/],
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
});
