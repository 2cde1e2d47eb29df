// How ledger rows are hashed. Two formats, both fixed forever (ledger.test.ts holds known
// hashes): format 1, for events recorded before migration 003, covers the event row itself;
// format 2 also covers the address of the contact the event belongs to (its identity digest)
// and the content of the evidence it points to (the evidence digest), and a record's detail.

import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export function sha256(text: string): string {
  return crypto.hash('sha256', text, 'hex'); // one-shot: half the cost of createHash at a million events
}

/** The columns of consent_events a hash covers. */
export interface ChainRow {
  id: number;
  contact_id: number;
  kind: string;
  date: string;
  source: string | null;
  basis: string | null;
  brand: string | null;
  supersedes: number | null;
  import_id: number | null;
  evidence_id: number | null;
  note_sha256: string | null;
  recorded_at: string;
  prev_hash: string;
  detail: string | null;
}

const SEP = '\u001f';

/** Format 1: these fields, in this order, joined by U+001F, with '' for null. */
export function chainTextV1(row: ChainRow): string {
  return (
    `${row.prev_hash}${SEP}${row.id}${SEP}${row.contact_id}${SEP}${row.kind}${SEP}${row.date}${SEP}${row.source ?? ''}${SEP}` +
    `${row.basis ?? ''}${SEP}${row.brand ?? ''}${SEP}${row.supersedes ?? ''}${SEP}${row.import_id ?? ''}${SEP}${row.evidence_id ?? ''}${SEP}` +
    `${row.note_sha256 ?? ''}${SEP}${row.recorded_at}`
  );
}

/**
 * Format 2: format 1's fields (the brand, the one free text among them, JSON-quoted so no
 * value can shift into its neighbour), then the contact's identity digest ('' for workspace
 * records), the evidence digest ('' without evidence) and the detail, last.
 */
export function chainTextV2(row: ChainRow, identity: string, evidenceDigest: string): string {
  return (
    `2${SEP}${row.prev_hash}${SEP}${row.id}${SEP}${row.contact_id}${SEP}${row.kind}${SEP}${row.date}${SEP}${row.source ?? ''}${SEP}` +
    `${row.basis ?? ''}${SEP}${row.brand === null ? '' : JSON.stringify(row.brand)}${SEP}${row.supersedes ?? ''}${SEP}${row.import_id ?? ''}${SEP}` +
    `${row.evidence_id ?? ''}${SEP}${row.note_sha256 ?? ''}${SEP}${row.recorded_at}${SEP}${identity}${SEP}${evidenceDigest}${SEP}${row.detail ?? ''}`
  );
}

/** What a contact id stands for: the address as written and its matching key. */
export function identityDigest(email: string, emailKey: string): string {
  return sha256(JSON.stringify(['tillit-contact', email, emailKey]));
}

/** The evidence columns whose content the digest covers. */
export interface EvidenceContent {
  kind: string;
  file_name: string | null;
  media_type: string | null;
  sha256: string | null;
  size: number | null;
  text: string | null;
  url: string | null;
  recorded_by: string | null;
  created_at: string;
}

export function evidenceDigest(row: EvidenceContent): string {
  return sha256(
    JSON.stringify(['tillit-evidence', row.kind, row.file_name, row.media_type, row.sha256, row.size, row.text, row.url, row.recorded_by, row.created_at]),
  );
}
