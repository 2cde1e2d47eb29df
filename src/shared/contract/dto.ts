// Data shapes that cross the contract (outputs). Inputs are described by the schemas in
// requests.ts; these are plain interfaces because main produces them and the client trusts them.

import type { Evaluation, PolicyId, ReasonCode } from '../consent/index.ts';
import type { Basis, EventKind, IsoDate, SourceKind, Status } from '../consent/vocabulary.ts';

/** The UI languages; the one chosen in Settings is stored in the workspace. */
export const UI_LANGUAGES = ['en', 'nb'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export interface AppInfo {
  version: string;
  dbPath: string;
  brand: string | null;
  policy: PolicyId;
  /** The UI language chosen in Settings, kept in the workspace; null: follow the system's. */
  language: UiLanguage | null;
  today: IsoDate;
  contactCount: number;
  /** The workspace file cannot be written (read-only file, folder or disk): open for reading only. */
  readOnly: boolean;
  /** The workspace file failed SQLite's check: only its backups can be listed and restored. */
  damaged?: boolean;
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
  /** The import that recorded it, by file and time (what the user knows it by). */
  importFile: { fileName: string; importedAt: string } | null;
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

/** A stored detail that an import can fill. */
export const DETAIL_FIELDS = ['firstName', 'lastName', 'company', 'title', 'phone', 'city', 'country', 'otherEmails', 'note'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** Which import set a stored detail: the provenance the store keeps per field. */
export interface FieldSource {
  field: DetailField;
  importId: number;
  fileName: string;
  importedAt: string;
}

/** A detail a user may change by hand (the address is the contact's identity, and stays). */
export type EditableField = Exclude<DetailField, 'otherEmails'> | 'tags';

/** A detail last set by hand: who and when (the latest edit of that field). */
export interface ManualSource {
  field: EditableField;
  editedBy: string;
  editedAt: string;
}

/** One change made by hand to one detail (tags as "a, b"); '' before for a contact added by hand. */
export interface ContactEditView {
  id: number;
  field: EditableField;
  oldValue: string;
  newValue: string;
  editedBy: string;
  editedAt: string;
}

export interface ContactDetail {
  contact: ContactSummary & { otherEmails: string; note: string; fieldSources: FieldSource[]; manualSources: ManualSource[] };
  /** Changes made by hand, newest first. */
  edits: ContactEditView[];
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

export interface AddContactResult {
  id: number;
  status: Status;
  /** Whether an opt-in was recorded with it (in the same transaction). */
  optInRecorded: boolean;
}

export interface EditContactResult {
  /** The fields whose value changed (unchanged ones are not recorded). */
  changed: EditableField[];
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
  /** Per column, the first few values of the file (for the column mapping). */
  samples: string[][];
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
 * always there in English (the CLI's words, and the UI's fallback). Every code has an entry
 * under `messages` in the UI's translations (nb.test.ts checks).
 */
export const MESSAGE_CODES = [
  // A rejected row's reason.
  'no-email',
  'erased',
  'email-empty',
  'email-missing-at',
  'email-multiple-at',
  'email-multiple-addresses',
  'email-spaces',
  'email-bad-local-part',
  'email-bad-domain',
  'email-too-long',
  // A row the reader could not read as a record.
  'ragged-row',
  'text-after-quote',
  'value-without-header',
  'card-not-closed',
  'outside-card',
  'not-a-scan',
  // A row's warnings.
  'typo',
  'role',
  'disposable',
  'suppressed',
  'formula-address', // params: address, first: a valid address a spreadsheet might run (src/shared/export/formula.ts)
  'formula-phone', // params: phone, first
  'typo-fixed', // params: from (the address as the file had it)
  // A consent cell that could not be read (params: column, value).
  'source-unsure',
  'source-ambiguous',
  'source-unknown',
  'not-a-source',
  'date-not-real',
  'date-ambiguous',
  'date-unknown',
  'not-a-date',
  'basis-unknown',
  'flag-unknown',
  'status-unknown',
  'status-disabled',
  // A preview's mapping problem (params: columns).
  'no-email-column',
] as const;
export type MessageCode = (typeof MESSAGE_CODES)[number];

/** The values a coded message's sentence needs; `count` picks a plural form. */
export type MessageParams = Record<string, string | number>;

export interface CodedMessage {
  text: string;
  code?: MessageCode;
  params?: MessageParams;
}

/**
 * Errors a user can meet in the app, other than a file the reader refuses: main sends each
 * with a code for its sentence and the values it names (`ApiError.messageCode`,
 * `messageParams`), so the UI can say it in its own language. English keeps main's message.
 */
export const APP_MESSAGE_CODES = [
  'upload-gone', // params: none
  'upload-too-large', // params: file
  'import-running',
  'store-busy', // another connection (the import worker, the CLI) is writing
  'workspace-damaged', // params: file
  'workspace-read-only', // params: file
  'workspace-unreadable', // params: file
  'workspace-in-use', // params: file
  'backup-disk-full', // params: folder
  'backup-failed', // params: folder, reason
  'backup-invalid', // params: file, reason
  'backup-damaged', // params: file
  'backup-newer', // params: file, schema
  'backup-ledger-broken', // params: file, eventId
  'backup-not-found', // params: name
  'backup-folder-unusable', // params: folder, reason
  'disk-full', // ENOSPC or SQLITE_FULL: nothing was changed
  'import-no-rows', // params: file
  'import-no-email-column', // params: file, columns
  'import-out-of-memory', // params: mb
  'import-stopped',
  'import-already-undone', // params: importId, file, undoneAt
  'correction-of-correction', // params: eventId
  'correction-already-made', // params: eventId, by
  'correction-needs-source',
  'ledger-broken', // params: reason (English), item, id; the UI says {{what}}: the item's kind and id in its language
  'contact-email-invalid', // params: address
  'contact-exists', // params: address, contactId
  'contact-erased', // params: address
] as const;
export type AppMessageCode = (typeof APP_MESSAGE_CODES)[number];

/**
 * Why a whole file cannot be imported: ImportFileError's code, sent as the `details.code` of
 * an 'import-failed' error (FileErrorDetails). One code per English sentence, so the UI can
 * say each one in its own language.
 */
export const FILE_ERROR_CODES = [
  'empty',
  'blank',
  'blank-start',
  'only-blank-rows',
  'empty-sheet',
  'no-header',
  'empty-header',
  'no-rows',
  'no-sheet-rows',
  'no-vcards',
  'no-scans',
  'bad-headers',
  'binary',
  'binary-image',
  'binary-pdf',
  'binary-gzip',
  'binary-rtf',
  'binary-zip',
  'old-excel',
  'not-xlsx',
  'not-xlsx-opendocument',
  'not-xlsx-word',
  'not-xlsx-powerpoint',
  'not-xlsx-numbers',
  'not-xlsx-zip',
  'bad-zip',
  'bad-xlsx',
  'xlsx-part-too-large',
  'xlsx-part-lies',
  'xlsx-too-large',
  'xlsx-xml-too-deep',
  'xlsx-xml-too-long',
  'xlsx-too-many-strings',
  'xlsx-strings-too-long',
  'xlsx-strings-spill-full',
  'no-sheets',
  'no-sheet',
  'too-large',
  'bad-encoding',
  'bad-encoding-at',
  'unterminated-quote',
  'field-too-long',
  'cell-too-long',
  'record-too-long',
  'line-too-long',
  'card-too-long',
  'sheet-row-too-long',
  'too-many-columns',
  'sheet-too-many-columns',
  'not-a-file',
  'file-missing',
  'no-permission',
  'file-in-use',
  'cannot-open',
  'unknown-format',
  'unknown-text-format',
  'unknown-encoding',
  'bad-delimiter',
  'not-text-encoding',
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

/**
 * The problems a 'bad-headers' error lists, one part each. Params: `count` columns, named as
 * `columns` (all but the last, comma-separated) and `last`; `name` for a repeated name.
 */
export const HEADER_PROBLEM_CODES = ['header-unnamed', 'header-proto', 'header-duplicate'] as const;
export type HeaderProblemCode = (typeof HEADER_PROBLEM_CODES)[number];

export interface HeaderProblem {
  code: HeaderProblemCode;
  params: MessageParams;
}

/** `details` of an 'import-failed' error for a file the reader refused; the message is its English. */
export interface FileErrorDetails {
  code: FileErrorCode;
  /** The user's name for the file. */
  file: string;
  /** 1-based line or sheet row, column (field) number; null when the whole file is at fault. */
  row: number | null;
  column: number | null;
  params: MessageParams;
  /** bad-headers: what is wrong with the header row. */
  parts?: HeaderProblem[];
}

export interface RejectedRow {
  rowNumber: number;
  reason: string;
  raw: string;
  /** Every reason has a code, in a report and paged from the store alike, except rows stored before migration 002 (text only). */
  code?: MessageCode;
  params?: MessageParams;
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

/** A row with at least one warning: every such row is counted, listed and stored, not only the preview's first rows. */
export interface WarnedRow {
  rowNumber: number;
  email: string;
  name: string;
  company: string;
  outcome: RowOutcome;
  warnings: CodedMessage[];
  /** The user accepted the warnings in the preview: stored as accepted, not shown as open. */
  accepted: boolean;
}

/**
 * Every warning of a run, by kind (a row with two warnings counts under both). `rows` lists the
 * first REPORT_WARNED_LIMIT warned rows; a committed import keeps all (`imports.warnedRows`).
 */
export interface WarningSummary {
  /** Rows with an open (not accepted) warning. */
  rows: number;
  byKind: Partial<Record<MessageCode, number>>;
  /** Rows whose warnings the user accepted. */
  accepted: number;
  /** Rows whose address the user corrected in the preview. */
  fixed: number;
  list: WarnedRow[];
}

export const REPORT_WARNED_LIMIT = 10_000;

/**
 * What the import does to consent, as of `asOf`: the status every new or merged contact will
 * have (merged ones with their stored events), the reason that decides most of each status,
 * and how the batch's own evidence (source, date, basis) is judged on its own.
 */
export interface ConsentForecast {
  asOf: IsoDate;
  byStatus: Partial<Record<Status, number>>;
  /** The deciding reason most contacts of each status share. */
  mainReason: Partial<Record<Status, ReasonCode>>;
  batch: {
    source: SourceKind;
    collectedAt: IsoDate;
    basis: Basis | null;
    status: Status;
    reason: ReasonCode | null;
    /** The first day the batch's implicit consent no longer counts (null: no fixed end). */
    expiresAt: IsoDate | null;
  };
}

/** How a merge treats a stored detail the file has a different value for. */
export type FieldChoice = 'stored' | 'file';

/** A detail the file gives differently for stored contacts: how many, and the first few. */
export interface FieldConflict {
  field: DetailField;
  count: number;
  samples: { rowNumber: number; email: string; stored: string; file: string }[];
}

/** An earlier, still committed import of the same bytes (same SHA-256). */
export interface EarlierImport {
  importId: number;
  fileName: string;
  importedAt: string;
}

export interface ImportPreview {
  sniff: SniffView;
  /** The same file imported before: importing it again records every row's consent a second time. */
  alreadyImported: EarlierImport[];
  /** One field key per header. */
  mapping: string[];
  /** What is wrong with the mapping (no column is the e-mail address); then no rows were read. */
  mappingProblem: CodedMessage | null;
  counts: ImportCounts;
  rows: PreviewRow[];
  rejectedRows: RejectedRow[];
  warnings: WarningSummary;
  forecast: ConsentForecast;
  /** Stored details the file would change, per field (the user picks per field). */
  conflicts: FieldConflict[];
}

export interface ImportReport extends ImportCounts {
  importId: number | null;
  fileName: string;
  dryRun: boolean;
  /** Earlier committed imports of the same file (not this one). */
  alreadyImported: EarlierImport[];
  rejectedRows: RejectedRow[];
  warnings: WarningSummary;
  forecast: ConsentForecast;
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

/** What undoing an import does (import.undoPreview before, import.undo after). */
export interface UndoCounts {
  /** Contacts the import created that have no other evidence: they are removed. */
  removed: number;
  /** Contacts that stay but lose the import's consent events or the details it filled. */
  changedBack: number;
  /** The import's consent events that are voided (the ledger keeps them, marked undone). */
  eventsVoided: number;
}

export interface UndoPreview extends UndoCounts {
  import: ImportSummary;
}

export interface UndoResult extends ImportSummary {
  undone: UndoCounts;
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
  /** The ledger's head when the file was made: the anchor `tillit verify --anchor EVENTS:HEAD` checks. */
  ledger: { events: number; head: string };
}

/** What the last check of the consent ledger found (ledger.status). */
export interface LedgerStatus {
  /** unchecked: not yet; checking: a full check is running; broken: exports are refused. */
  state: 'unchecked' | 'checking' | 'intact' | 'broken';
  /** The chain head as stored now. */
  events: number;
  head: string;
  checkedAt: string | null;
  checkedEvents: number;
  mode: 'full' | 'incremental' | null;
  /** The first thing found broken, as a sentence (English) with what it is about. */
  firstBroken: { item: 'event' | 'contact' | 'evidence' | 'evidence-file' | 'settings' | 'anchor'; id: number; reason: string } | null;
  /** Breaks accepted as a new baseline, each a ledger record with the user's reason. */
  baselines: { eventId: number; date: IsoDate; reason: string }[];
}

/** Why a backup was taken: by hand, before an import or undo, the day's first start, before a restore. */
export type BackupReasonId = 'manual' | 'import' | 'undo' | 'daily' | 'before-restore';

export interface BackupSummary {
  /** The backup's folder name (unique within its location). */
  name: string;
  /** In the workspace's own backups folder, or in the second folder the user chose. */
  location: 'workspace' | 'second';
  dir: string;
  createdAt: string;
  reason: BackupReasonId;
  appVersion: string;
  schemaVersion: number;
  /** The ledger head in the backup: an anchor. */
  ledger: { events: number; head: string };
  contacts: number;
  evidenceFiles: number;
  /** Size of the database copy in bytes. */
  size: number;
}

/** A problem the last copy to the second folder met (the backup in the workspace folder was made). */
export interface BackupProblem {
  message: string;
  messageCode?: AppMessageCode;
  messageParams?: MessageParams;
}

export interface BackupsOverview {
  folder: string;
  secondFolder: string | null;
  secondFolderProblem: BackupProblem | null;
  /** Newest first, both locations. */
  backups: BackupSummary[];
  /** Kept automatically: the newest `keepAutomatic` automatic backups plus the newest of each of the last `keepDays` days; manual ones until deleted by hand. */
  keepAutomatic: number;
  keepDays: number;
}

export interface RestoreSummary {
  restored: BackupSummary;
  /** The backup of the state before the restore (null when that state was damaged and was kept aside as a file instead). */
  safetyBackup: string | null;
  damagedCopy: string | null;
}

