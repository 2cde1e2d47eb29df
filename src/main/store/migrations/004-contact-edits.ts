// 004: contacts added and edited by hand. Each change to a stored detail is a row here (which
// field, the value before and after, who and when), so a contact's provenance can say
// "edited by Kari on 3 Dec" beside "from kunder.csv (import #1)". The ledger is not involved:
// a detail is not consent. field_sources marks a field last set by hand with "manual"
// (never equal to an import id, so undoing an import leaves it alone).

import type { Migration } from './index.ts';

export const migration004: Migration = {
  version: 4,
  name: 'contact edits',
  up(db) {
    db.exec(`
      CREATE TABLE contact_edits (
        id         INTEGER PRIMARY KEY,
        -- Erasure on request deletes the contact, and with it the old values kept here.
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        field      TEXT NOT NULL,   -- a contract DetailField, or 'tags'
        old_value  TEXT NOT NULL,   -- '' for a contact added by hand
        new_value  TEXT NOT NULL,
        edited_by  TEXT NOT NULL,
        edited_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contact_edits_by_contact ON contact_edits (contact_id, id);
    `);
  },
};
