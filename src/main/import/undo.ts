// Undoing an import as a unit, in one transaction. The ledger stays append-only: every event
// the import added is voided by a new 'void' event; fields it filled are cleared (its
// field_sources entries say which); contacts it created that are left with no other evidence
// are hidden (kept, so the ledger still points at them). Runs where imports run: in the import
// worker in the app, in-process in the CLI and tests.

import { AppError } from '../../shared/contract/envelope.ts';
import { recomputeContacts } from '../services/status.ts';
import { FIELD_COLUMNS } from '../store/contacts.ts';
import { LedgerAppender } from '../store/ledger.ts';
import { statement, type DB } from '../store/open.ts';
import type { ImportClock } from './pipeline.ts';

/** Events and contacts handled at a time. */
const UNDO_PAGE = 10_000;

export function undoImport(db: DB, importId: number, clock: ImportClock): void {
  const row = db.prepare('SELECT file_name, state, undone_at FROM imports WHERE id = ?').get(importId) as
    | { file_name: string; state: 'committed' | 'undone'; undone_at: string | null }
    | undefined;
  if (!row) throw new AppError('not-found', `No import with id ${importId}.`);
  if (row.state === 'undone') {
    throw new AppError('conflict', `Import ${importId} (${row.file_name}) was already undone on ${row.undone_at}.`, undefined, {
      messageCode: 'import-already-undone',
      messageParams: { importId, file: row.file_name, undoneAt: row.undone_at ?? '' },
    });
  }
  const { now, today } = clock;
  // Set by set, in SQL, in one transaction: a big import has a million events and contacts.
  db.transaction(() => {
    // Every live event of the import is voided by a new event (the ledger only grows).
    const ledger = new LedgerAppender(db, now);
    const liveEvents = statement(
      db,
      `SELECT e.id, e.contact_id FROM consent_events e
       WHERE e.import_id = ? AND e.id > ? AND e.kind != 'void' AND NOT EXISTS (SELECT 1 FROM consent_events s WHERE s.supersedes = e.id)
       ORDER BY e.id LIMIT ?`,
    );
    for (let after = 0; ; ) {
      const events = liveEvents.all(importId, after, UNDO_PAGE) as { id: number; contact_id: number }[];
      if (events.length === 0) break;
      ledger.append(events.map((e) => ({ contactId: e.contact_id, kind: 'void', date: today, supersedes: e.id, note: `undo of import ${importId}` })));
      after = events.at(-1)!.id;
    }
    // The contacts it created or gave events to; of those it created, the ones left with no
    // other evidence are hidden (kept, so the ledger still points at them).
    db.exec('DROP TABLE IF EXISTS temp.undo_contacts; DROP TABLE IF EXISTS temp.undo_hidden;');
    db.prepare(
      `CREATE TEMP TABLE undo_contacts AS
         SELECT contact_id AS id FROM consent_events WHERE import_id = ? UNION SELECT id FROM contacts WHERE created_import_id = ?`,
    ).run(importId, importId);
    db.prepare(
      `CREATE TEMP TABLE undo_hidden AS
         SELECT c.id FROM contacts c JOIN temp.undo_contacts u ON u.id = c.id
         WHERE c.created_import_id = ? AND c.removed_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM consent_events e WHERE e.contact_id = c.id AND e.kind != 'void'
                           AND (e.import_id IS NULL OR e.import_id != ?)
                           AND NOT EXISTS (SELECT 1 FROM consent_events s WHERE s.supersedes = e.id))`,
    ).run(importId, importId);
    // One pass over those contacts: the fields this import filled are cleared (field_sources
    // says which), and the hidden ones get removed_at.
    const clearColumns = Object.entries(FIELD_COLUMNS)
      .map(([field, column]) => `${column} = CASE WHEN field_sources ->> '$.${field}' = :importId THEN '' ELSE ${column} END`)
      .join(',\n           ');
    db.prepare(
      `UPDATE contacts SET
           ${clearColumns},
           field_sources = (SELECT json_group_object(key, value) FROM json_each(contacts.field_sources) WHERE value != :importId),
           removed_at = CASE WHEN id IN (SELECT id FROM temp.undo_hidden) THEN :now ELSE removed_at END,
           updated_at = :now
       WHERE id IN (SELECT id FROM temp.undo_contacts)
         AND (EXISTS (SELECT 1 FROM json_each(contacts.field_sources) WHERE value = :importId) OR id IN (SELECT id FROM temp.undo_hidden))`,
    ).run({ importId, now });
    db.prepare("UPDATE imports SET state = 'undone', undone_at = ? WHERE id = ?").run(now, importId);
    // Statuses of the contacts still shown (hidden ones are listed nowhere).
    const livePage = statement(
      db,
      'SELECT u.id FROM temp.undo_contacts u JOIN contacts c ON c.id = u.id WHERE c.removed_at IS NULL AND u.id > ? ORDER BY u.id LIMIT ?',
    ).pluck();
    for (let after = 0; ; ) {
      const ids = livePage.all(after, UNDO_PAGE) as number[];
      if (ids.length === 0) break;
      recomputeContacts(db, ids, today);
      after = ids.at(-1)!;
    }
    db.exec('DROP TABLE temp.undo_contacts; DROP TABLE temp.undo_hidden;');
  }).immediate(); // the write lock from the start: another connection may write between reads
}
