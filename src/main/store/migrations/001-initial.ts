// 001: contacts, the append-only consent ledger, evidence, imports, exports, settings.

import type { Migration } from './index.ts';

export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Proof: a file stored in the workspace's evidence folder by SHA-256, and/or text.
      CREATE TABLE evidence (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('file', 'text')),
        file_name   TEXT,
        media_type  TEXT,
        sha256      TEXT,
        size        INTEGER,
        text        TEXT,
        url         TEXT,
        recorded_by TEXT,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE imports (
        id          INTEGER PRIMARY KEY,
        file_name   TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        file_size   INTEGER NOT NULL,
        format      TEXT NOT NULL,
        encoding    TEXT NOT NULL,
        delimiter   TEXT,
        layout      TEXT,
        mapping     TEXT NOT NULL,            -- JSON: one field key per header
        source      TEXT NOT NULL,
        collected_at TEXT NOT NULL,
        basis       TEXT,
        brand       TEXT,
        evidence_id INTEGER REFERENCES evidence(id),
        rows        INTEGER NOT NULL,
        added       INTEGER NOT NULL,
        merged      INTEGER NOT NULL,
        duplicates  INTEGER NOT NULL,
        rejected    INTEGER NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('committed', 'undone')),
        created_at  TEXT NOT NULL,
        undone_at   TEXT
      ) STRICT;

      -- Rows that did not become contacts, with their raw text, so they can be fixed.
      CREATE TABLE import_rows (
        import_id  INTEGER NOT NULL REFERENCES imports(id),
        row_number INTEGER NOT NULL,
        outcome    TEXT NOT NULL CHECK (outcome IN ('duplicate', 'rejected')),
        reason     TEXT NOT NULL,
        raw        TEXT NOT NULL,
        PRIMARY KEY (import_id, row_number)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE contacts (
        id            INTEGER PRIMARY KEY,
        email         TEXT NOT NULL,          -- as the user wrote it
        email_key     TEXT NOT NULL UNIQUE,   -- normalized, for matching
        first_name    TEXT NOT NULL DEFAULT '',
        last_name     TEXT NOT NULL DEFAULT '',
        company       TEXT NOT NULL DEFAULT '',
        title         TEXT NOT NULL DEFAULT '',
        phone         TEXT NOT NULL DEFAULT '',
        city          TEXT NOT NULL DEFAULT '',
        country       TEXT NOT NULL DEFAULT '',
        other_emails  TEXT NOT NULL DEFAULT '',
        note          TEXT NOT NULL DEFAULT '',
        tags          TEXT NOT NULL DEFAULT '[]',  -- JSON array
        field_sources TEXT NOT NULL DEFAULT '{}',  -- JSON: field → import id that set it
        status        TEXT NOT NULL DEFAULT 'needs-reconfirmation',
        reasons       TEXT NOT NULL DEFAULT '[]',  -- JSON array of reason codes
        consent_expires_at TEXT,
        created_import_id INTEGER REFERENCES imports(id),
        removed_at    TEXT,                        -- set when an undone import leaves it without evidence
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      -- Partial: listing only ever shows live contacts, so counts and pages never touch the rows.
      CREATE INDEX contacts_by_name ON contacts (last_name COLLATE NOCASE, first_name COLLATE NOCASE, email_key) WHERE removed_at IS NULL;
      CREATE INDEX contacts_by_status_name ON contacts (status, last_name COLLATE NOCASE, first_name COLLATE NOCASE, email_key) WHERE removed_at IS NULL;
      CREATE INDEX contacts_by_expiry ON contacts (consent_expires_at) WHERE consent_expires_at IS NOT NULL;

      -- The ledger. Append-only (triggers below); each row carries the hash of the previous
      -- row so that editing the file behind the app's back is detectable. Free text lives in
      -- event_notes (covered by note_sha256) so that an erasure can remove it without
      -- breaking the chain.
      CREATE TABLE consent_events (
        id          INTEGER PRIMARY KEY,
        contact_id  INTEGER NOT NULL,
        kind        TEXT NOT NULL,
        date        TEXT NOT NULL,
        source      TEXT,
        basis       TEXT,
        brand       TEXT,
        supersedes  INTEGER REFERENCES consent_events(id),
        import_id   INTEGER REFERENCES imports(id),
        evidence_id INTEGER REFERENCES evidence(id),
        note_sha256 TEXT,
        recorded_at TEXT NOT NULL,
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX consent_events_by_contact ON consent_events (contact_id, id);
      CREATE INDEX consent_events_by_import ON consent_events (import_id) WHERE import_id IS NOT NULL;
      CREATE INDEX consent_events_by_supersedes ON consent_events (supersedes) WHERE supersedes IS NOT NULL;

      CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events
      BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only: UPDATE is refused; record a superseding event instead'); END;
      CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events
      BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only: DELETE is refused'); END;

      CREATE TABLE event_notes (
        event_id INTEGER PRIMARY KEY REFERENCES consent_events(id),
        note     TEXT NOT NULL
      ) STRICT;

      -- Column mappings the user confirmed, remembered per header signature.
      CREATE TABLE column_mappings (
        signature  TEXT PRIMARY KEY,
        fields     TEXT NOT NULL,              -- JSON: one field key per header
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Erasure on request (GDPR Art. 17): the contact row and its notes are deleted; this
      -- tombstone proves the erasure (when, why) without keeping the personal data.
      -- email_sha256 lets a later import refuse the address without storing it.
      CREATE TABLE erasures (
        id           INTEGER PRIMARY KEY,
        contact_id   INTEGER NOT NULL UNIQUE,
        email_sha256 TEXT NOT NULL,
        erased_at    TEXT NOT NULL,
        reason       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX erasures_by_email ON erasures (email_sha256);

      CREATE TABLE exports (
        id         INTEGER PRIMARY KEY,
        profile    TEXT NOT NULL,
        as_of      TEXT NOT NULL,
        file_name  TEXT NOT NULL,
        included   INTEGER NOT NULL,
        excluded   INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
