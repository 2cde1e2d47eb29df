// 005: every warned row of an import (a typo hint, a role or disposable address, an unreadable
// consent cell…), not only the preview's first rows: the report lists them all, they can be
// downloaded, and the contacts list filters "has a warning". One row per warned import row,
// with its warnings (JSON, coded) and what the user did in the preview: nothing ('open'),
// accepted them, or corrected the address ('fixed', with the address as the file had it).
//

import type { Migration } from './index.ts';

export const migration005: Migration = {
  version: 5,
  name: 'import warnings',
  up(db) {
    db.exec(`
      CREATE TABLE import_warnings (
        import_id  INTEGER NOT NULL REFERENCES imports(id),
        row_number INTEGER NOT NULL,
        contact_id INTEGER NOT NULL REFERENCES contacts(id),
        outcome    TEXT NOT NULL CHECK (outcome IN ('add', 'merge', 'duplicate')),
        warnings   TEXT NOT NULL,   -- JSON array of coded messages
        resolution TEXT NOT NULL CHECK (resolution IN ('open', 'accepted', 'fixed')),
        PRIMARY KEY (import_id, row_number)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX import_warnings_by_contact ON import_warnings (contact_id);
    `);
  },
};
