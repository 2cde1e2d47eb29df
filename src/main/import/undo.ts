// Undoing an import as a unit, in one transaction. The ledger stays append-only: every event
// the import added is voided by a new 'void' event; fields it filled are cleared (its
// field_sources entries say which); contacts it created that are left with no other evidence
// are hidden (kept, so the ledger still points at them). Runs where imports run: in the import
// worker in the app, in-process in the CLI and tests.

import type { UndoCounts } from '../../shared/contract/dto.ts';
import { AppError } from '../../shared/contract/envelope.ts';
import { recomputeContacts } from '../services/status.ts';
import { FIELD_COLUMNS } from '../store/contacts.ts';
import { LedgerAppender } from '../store/ledger.ts';
import { statement, type DB } from '../store/open.ts';
import type { ImportClock } from './pipeline.ts';

/** Events and contacts handled at a time. */
const UNDO_PAGE = 10_000;

// What an undo touches, as SQL shared by the undo and its preview (undoPreview), so the
// counts the user confirms are the ones the undo acts on. Parameters: the import's id.
/** The import's live events: not voids, not already voided or corrected. */
const LIVE_EVENTS = `SELECT e.id, e.contact_id FROM consent_events e
       WHERE e.import_id = :importId AND e.kind != 'void' AND NOT EXISTS (SELECT 1 FROM consent_events s WHERE s.supersedes = e.id)`;
/** The contacts it created or gave events to. */
const TOUCHED_CONTACTS = `SELECT contact_id AS id FROM consent_events WHERE import_id = :importId UNION SELECT id FROM contacts WHERE created_import_id = :importId`;
/** Of those it created, the ones left with no other evidence: hidden by the undo. */
const HIDDEN_CONTACTS = (touched: string): string => `SELECT c.id FROM contacts c JOIN ${touched} u ON u.id = c.id
         WHERE c.created_import_id = :importId AND c.removed_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM consent_events e WHERE e.contact_id = c.id AND e.kind != 'void'
                           AND (e.import_id IS NULL OR e.import_id != :importId)
                           AND NOT EXISTS (SELECT 1 FROM consent_events s WHERE s.supersedes = e.id))`;
/** Contacts that stay but lose what the import gave them: an event of its, or a detail it filled. */
const CHANGED_CONTACTS = (touched: string, hidden: string): string => `SELECT c.id FROM contacts c JOIN ${touched} u ON u.id = c.id
         WHERE c.removed_at IS NULL AND c.id NOT IN (SELECT id FROM ${hidden})
           AND (EXISTS (SELECT 1 FROM json_each(c.field_sources) WHERE value = :importId)
                OR EXISTS (SELECT 1 FROM (${LIVE_EVENTS}) l WHERE l.contact_id = c.id))`;

interface ImportRowState {
  file_name: string;
  state: 'committed' | 'undone';
  undone_at: string | null;
}

/** The import, refusing one that does not exist or was undone already. */
function undoableImport(db: DB, importId: number): ImportRowState {
  const row = db.prepare('SELECT file_name, state, undone_at FROM imports WHERE id = ?').get(importId) as ImportRowState | undefined;
  if (!row) throw new AppError('not-found', `No import with id ${importId}.`);
  if (row.state === 'undone') {
    throw new AppError('conflict', `Import ${importId} (${row.file_name}) was already undone on ${row.undone_at}.`, undefined, {
      messageCode: 'import-already-undone',
      messageParams: { importId, file: row.file_name, undoneAt: row.undone_at ?? '' },
    });
  }
  return row;
}

/**
 * What undoing the import would do, changing nothing: the contacts it would remove, the ones
 * it would change back, the events it would void. One read transaction, so the three agree.
 */
export function undoPreview(db: DB, importId: number): UndoCounts {
  return db.transaction(() => {
    undoableImport(db, importId);
    const touched = `(${TOUCHED_CONTACTS})`;
    const hidden = `(${HIDDEN_CONTACTS(touched)})`;
    const count = (sql: string): number => (db.prepare(`SELECT count(*) FROM (${sql})`).pluck().get({ importId }) as number);
    return {
      removed: count(HIDDEN_CONTACTS(touched)),
      changedBack: count(CHANGED_CONTACTS(touched, hidden)),
      eventsVoided: count(LIVE_EVENTS),
    };
  }).deferred();
}

/** Undoes the import; returns what it did (the same counts undoPreview gives just before). */
export function undoImport(db: DB, importId: number, clock: ImportClock): UndoCounts {
  undoableImport(db, importId);
  const { now, today } = clock;
  // Set by set, in SQL, in one transaction: a big import has a million events and contacts.
  return db.transaction((): UndoCounts => {
    // Re-checked inside the write lock: another connection may have undone it meanwhile.
    undoableImport(db, importId);
    // The counts first, with the same SQL as the preview, before anything changes.
    db.exec('DROP TABLE IF EXISTS temp.undo_contacts; DROP TABLE IF EXISTS temp.undo_hidden;');
    db.prepare(`CREATE TEMP TABLE undo_contacts AS ${TOUCHED_CONTACTS}`).run({ importId });
    db.prepare(`CREATE TEMP TABLE undo_hidden AS ${HIDDEN_CONTACTS('temp.undo_contacts')}`).run({ importId });
    const count = (sql: string): number => db.prepare(`SELECT count(*) FROM (${sql})`).pluck().get({ importId }) as number;
    const counts: UndoCounts = {
      removed: count('SELECT id FROM temp.undo_hidden'),
      changedBack: count(CHANGED_CONTACTS('temp.undo_contacts', 'temp.undo_hidden')),
      eventsVoided: count(LIVE_EVENTS),
    };
    // Every live event of the import is voided by a new event (the ledger only grows).
    const ledger = new LedgerAppender(db, now);
    const liveEvents = statement(db, `SELECT * FROM (${LIVE_EVENTS}) WHERE id > :after ORDER BY id LIMIT :limit`);
    for (let after = 0; ; ) {
      const events = liveEvents.all({ importId, after, limit: UNDO_PAGE }) as { id: number; contact_id: number }[];
      if (events.length === 0) break;
      ledger.append(events.map((e) => ({ contactId: e.contact_id, kind: 'void', date: today, supersedes: e.id, note: `undo of import ${importId}` })));
      after = events.at(-1)!.id;
    }
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
    return counts;
  }).immediate(); // the write lock from the start: another connection may write between reads
}
