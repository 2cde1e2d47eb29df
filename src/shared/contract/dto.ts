// Data shapes that cross the contract (outputs). Inputs are described by the schemas in
// requests.ts; these are plain interfaces because main produces them and the client trusts them.

import type { Evaluation, PolicyId } from '../consent/index.ts';
import type { Basis, EventKind, IsoDate, SourceKind, Status } from '../consent/vocabulary.ts';

export interface AppInfo {
  version: string;
  dbPath: string;
  brand: string | null;
  policy: PolicyId;
  today: IsoDate;
  contactCount: number;
}

export interface ContactSummary {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  title: string;
  phone: string;
  city: string;
  country: string;
  tags: string[];
  status: Status;
  /** Reason codes; the first one decided the status. */
  reasons: string[];
  /** For implicit consent with a fixed window: the first day it is no longer valid. */
  consentExpiresAt: IsoDate | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactPage {
  total: number;
  offset: number;
  items: ContactSummary[];
  asOf: IsoDate;
}

export interface LedgerEventView {
  id: number;
  kind: EventKind;
  date: IsoDate;
  source: SourceKind | null;
  basis: Basis | null;
  brand: string | null;
  supersedes: number | null;
  /** Id of the event that replaced or voided this one, if any. */
  supersededBy: number | null;
  note: string | null;
  recordedAt: string;
  importId: number | null;
  evidenceIds: number[];
}

export interface EvidenceView {
  id: number;
  kind: 'file' | 'text';
  fileName: string | null;
  mediaType: string | null;
  sha256: string | null;
  size: number | null;
  text: string | null;
  url: string | null;
  recordedBy: string | null;
  createdAt: string;
}

export interface ContactDetail {
  contact: ContactSummary & { otherEmails: string; note: string };
  evaluation: Evaluation;
  /** Plain-language "why can't I mail this person?" (or a confirmation when mailable). */
  explanation: string;
  events: LedgerEventView[];
  evidence: EvidenceView[];
}

export interface StatusSummary {
  asOf: IsoDate;
  total: number;
  byStatus: Record<Status, number>;
}

export interface RecordConsentResult {
  recorded: number;
  evidenceId: number | null;
}

export interface EvidenceFile {
  evidence: EvidenceView;
  dataBase64: string | null;
}

export interface StagedFile {
  stagedId: string;
  fileName: string;
  size: number;
}

export interface SniffView {
  format: string;
  encoding: string;
  delimiter: string | null;
  preambleLines: number;
  headers: string[];
  sheets: string[];
  sheet: string | null;
  layout: string | null;
}

export interface ImportCounts {
  rows: number;
  added: number;
  merged: number;
  duplicates: number;
  rejected: number;
}

/**
 * What a message from main is about, so the UI can say it in its own language; `text` is
 * always there in English (the CLI's words, and the UI's fallback).
 */
export type MessageCode =
  | 'no-email'
  | 'erased'
  | 'email-empty'
  | 'email-missing-at'
  | 'email-multiple-at'
  | 'email-multiple-addresses'
  | 'email-spaces'
  | 'email-bad-local-part'
  | 'email-bad-domain'
  | 'email-too-long'
  | 'typo'
  | 'role'
  | 'disposable'
  | 'suppressed';

export interface CodedMessage {
  text: string;
  code?: MessageCode;
  params?: Record<string, string | number>;
}

export interface RejectedRow {
  rowNumber: number;
  reason: string;
  raw: string;
  /** Set where the reason has a code (reader errors and column problems are English only). */
  code?: MessageCode;
  params?: Record<string, string | number>;
}

/**
 * A report or preview lists at most this many rejected rows (the counts are always complete):
 * a file where every row is rejected would otherwise hold all of them in memory. A committed
 * import keeps every rejected row; `imports.rejectedRows` pages through them.
 */
export const REPORT_REJECTED_LIMIT = 10_000;

export type RowOutcome = 'add' | 'merge' | 'duplicate' | 'reject';

export interface PreviewRow {
  rowNumber: number;
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  outcome: RowOutcome;
  problems: CodedMessage[];
  /** Non-blocking hints: typo suggestion, role or disposable address, unreadable consent cells. */
  warnings: CodedMessage[];
}

export interface ImportPreview {
  sniff: SniffView;
  /** One field key per header. */
  mapping: string[];
  counts: ImportCounts;
  rows: PreviewRow[];
  rejectedRows: RejectedRow[];
}

export interface ImportReport extends ImportCounts {
  importId: number | null;
  fileName: string;
  dryRun: boolean;
  rejectedRows: RejectedRow[];
  durationMs: number;
}

export interface ImportSummary extends ImportCounts {
  id: number;
  fileName: string;
  format: string;
  source: SourceKind;
  collectedAt: IsoDate;
  state: 'committed' | 'undone';
  createdAt: string;
}

export interface ExportResult {
  exportId: number;
  profile: string;
  asOf: IsoDate;
  fileName: string;
  csv: string;
  suppressionCsv: string;
  reportCsv: string;
  included: number;
  excluded: number;
  excludedByStatus: Partial<Record<Status, number>>;
}
