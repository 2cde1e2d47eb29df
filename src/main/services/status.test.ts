// Re-evaluating some contacts: dense ids (an import that merged into most of the store) are
// read a range at a time, scattered ones one by one; either way exactly the given contacts get
// their evaluated status, and only statuses that changed are written.

import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../../../test/helpers/temp.ts';
import { LedgerAppender } from '../store/ledger.ts';
import { openStore, type DB } from '../store/open.ts';
import { writeSetting } from '../store/settings.ts';
import { recomputeContacts } from './status.ts';

const dir = tempDir('tillit-status-');
const TODAY = '2026-03-01';
const CONTACTS = 60_000;

/** A store of contacts whose cached status is a stale 'invalid'; every third has an explicit opt-in. */
function staleStore(): DB {
  const db = openStore(tempDbPath(dir));
  db.transaction(() => {
    writeSetting(db, 'statuses_as_of', TODAY);
    const insert = db.prepare(`INSERT INTO contacts (id, email, email_key, status, created_at, updated_at) VALUES (?, ?, ?, 'invalid', ?, ?)`);
    for (let id = 1; id <= CONTACTS; id++) insert.run(id, `k${id}@example.no`, `k${id}@example.no`, TODAY, TODAY);
    const events = [];
    for (let id = 1; id <= CONTACTS; id += 3) events.push({ contactId: id, kind: 'opt-in' as const, date: '2026-01-01', source: 'web-form' as const, basis: 'explicit' as const });
    new LedgerAppender(db, `${TODAY}T00:00:00.000Z`).append(events);
  })();
  return db;
}

function statusesOf(db: DB, ids: readonly number[]): string[] {
  const select = db.prepare('SELECT status FROM contacts WHERE id = ?').pluck();
  return ids.map((id) => select.get(id) as string);
}

const expected = (id: number): string => ((id - 1) % 3 === 0 ? 'explicit' : 'needs-reconfirmation');

describe('recomputeContacts', () => {
  const db = staleStore();
  const dense = Array.from({ length: 25_000 }, (_, i) => 5_000 + i * 2); // two in three of a span: ranges
  const scattered = [2, 19_999, 40_000, 59_998]; // one per step: one by one
  const untouched = [1, 3, 20_001, 60_000];

  it.each([
    ['dense ids, a range at a time', dense],
    ['scattered ids, one by one', scattered],
  ])('%s: the given contacts get their status, no other', (_what, ids) => {
    db.transaction(() => recomputeContacts(db, new Set(ids), TODAY))();
    expect(statusesOf(db, ids)).toEqual(ids.map(expected));
    expect(statusesOf(db, untouched)).toEqual(untouched.map(() => 'invalid'));
  });

  it('writes nothing when the cached statuses are already right', () => {
    const before = db.prepare('SELECT total_changes()').pluck().get() as number;
    db.transaction(() => recomputeContacts(db, [...dense, ...scattered], TODAY))();
    expect(db.prepare('SELECT total_changes()').pluck().get()).toBe(before);
  });
});
