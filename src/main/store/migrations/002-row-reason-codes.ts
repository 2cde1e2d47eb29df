// 002: a rejected or repeated row keeps its reason's code and values beside the English text,
// so a report read back later (the rejected rows downloaded in full) is in the UI's language
// too. Rows from before have none and show their English text.

import type { Migration } from './index.ts';

export const migration002: Migration = {
  version: 2,
  name: 'import row reason codes',
  up(db) {
    db.exec(`
      ALTER TABLE import_rows ADD COLUMN code TEXT;
      ALTER TABLE import_rows ADD COLUMN params TEXT;   -- JSON object, with code
    `);
  },
};
