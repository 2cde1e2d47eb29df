// 003: the hash chain covers everything that decides a status or proves consent, not only the
// event rows. From here on (chain format 2) each event's hash also covers the address of the
// contact it belongs to and the content of its evidence, and workspace records join the chain:
// every evidence row ('evidence'), every policy or brand change ('settings'), an erasure
// ('erasure'), an accepted break ('baseline'). Events recorded before this migration keep
// format 1; one 'chain-upgrade' record commits to what they did not cover: the address of every
// contact there was, every evidence row, and the settings (ledger.ts verifies it).

import { ledgerUpgradeRecord } from '../ledger-verify.ts';
import type { Migration } from './index.ts';

export const migration003: Migration = {
  version: 3,
  name: 'ledger covers addresses, evidence and settings',
  up(db) {
    db.exec(`
      ALTER TABLE consent_events ADD COLUMN detail TEXT;       -- JSON, for workspace records
      ALTER TABLE evidence ADD COLUMN digest TEXT;              -- sha256 of the row's content (ledger.ts evidenceDigest)
      ALTER TABLE erasures ADD COLUMN identity_sha256 TEXT;     -- what the erased contact's events were hashed with
      CREATE INDEX consent_events_records ON consent_events (kind, evidence_id) WHERE contact_id = 0;
    `);
    ledgerUpgradeRecord(db);
  },
};
