// The request map: every method the renderer (or any client) may call, with the schema its
// input must pass. Main treats every payload as unknown and parses it with these schemas
// before a service sees it; the output types live in ResponseMap below.

import { z } from 'zod';
import { BASES, SOURCE_KINDS, STATUSES, type EventKind } from '../consent/vocabulary.ts';
import { isIsoDate } from '../dates/iso-date.ts';
import { DETAIL_FIELDS } from './dto.ts';
import type {
  AddContactResult,
  AppInfo,
  BackupsOverview,
  BackupSummary,
  ContactDetail,
  EditContactResult,
  ContactPage,
  EvidenceFile,
  ExportResult,
  ImportPreview,
  ImportReport,
  ImportSummary,
  LedgerStatus,
  UndoPreview,
  UndoResult,
  RecordConsentResult,
  RejectedRow,
  RestoreSummary,
  StagedFile,
  StatusSummary,
  WarnedRow,
} from './dto.ts';
import { UI_LANGUAGES } from './dto.ts';

export const EXPORT_PROFILES = ['mailchimp', 'hubspot', 'brevo', 'listmonk', 'generic'] as const;
export type ExportProfileId = (typeof EXPORT_PROFILES)[number];

export const POLICY_IDS = ['default', 'casl', 'eu-soft-opt-in'] as const;

const isoDate = z.string().refine(isIsoDate, { message: 'must be a date written YYYY-MM-DD' });
const id = z.number().int().positive();
const shortText = z.string().max(2_000);

/** Proof attached to recorded evidence: a file (as base64), text, or both. */
export const evidenceInput = z
  .object({
    fileName: z.string().min(1).max(255).optional(),
    dataBase64: z.string().max(70_000_000).optional(), // ~50 MB of proof
    text: z.string().max(20_000).optional(),
    url: z.string().max(2_000).optional(),
    recordedBy: z.string().max(200).optional(),
  })
  .strict()
  .refine((e) => e.dataBase64 !== undefined || e.text !== undefined || e.url !== undefined, {
    message: 'evidence needs a file, a text or a URL',
  })
  .refine((e) => (e.dataBase64 === undefined) === (e.fileName === undefined), {
    message: 'an evidence file needs both fileName and dataBase64',
  });

/** Consent events a user may record by hand ('void' is internal: corrections and undo). */
export const RECORDABLE_EVENT_KINDS = [
  'opt-in',
  'reconfirmation',
  'membership-end',
  'withdrawal',
  'complaint',
  'hard-bounce',
  'note',
] as const satisfies readonly EventKind[];

/** A contact's details as typed by hand; the service trims them and stores them in NFC. */
const detailText = z.string().max(2_000);
export const contactFieldsInput = z
  .object({
    firstName: detailText.optional(),
    lastName: detailText.optional(),
    company: detailText.optional(),
    title: detailText.optional(),
    phone: detailText.optional(),
    city: detailText.optional(),
    country: detailText.optional(),
    note: detailText.optional(),
    tags: z.array(z.string().max(100)).max(100).optional(),
  })
  .strict();

/** Who made a change by hand; omitted or blank = the operating system's user name. */
const editedBy = z.string().max(200).optional();

export const importOptions = z
  .object({
    stagedId: z.string().regex(/^[a-f0-9]{32}$/),
    source: z.enum(SOURCE_KINDS),
    collectedAt: isoDate,
    basis: z.enum(BASES).nullable().default(null),
    brand: z.string().max(200).nullable().default(null),
    evidence: evidenceInput.optional(),
    /** One field key per header; omitted = the suggested mapping. */
    mapping: z.array(z.string().max(40)).max(1000).optional(),
    encoding: z.string().max(40).optional(),
    delimiter: z.string().max(1).optional(),
    sheet: z.string().max(200).optional(),
    /** Overwrite non-empty stored fields with the file's values (default: only fill empty ones). */
    overwrite: z.boolean().default(false),
    /** Per detail, for stored contacts whose value differs: keep the stored one or take the file's (wins over `overwrite`). */
    fieldChoices: z.partialRecord(z.enum(DETAIL_FIELDS), z.enum(['stored', 'file'])).optional(),
    /** Addresses corrected in the preview (a typo), by the row number the preview showed. */
    fixes: z.array(z.object({ row: z.number().int().min(1), email: z.string().min(1).max(320) }).strict()).max(100_000).optional(),
    /** Rows whose warnings the user accepted: stored as accepted, not shown as open. */
    accepted: z.array(z.number().int().min(1)).max(1_000_000).optional(),
  })
  .strict();

export const requestSchemas = {
  'app.info': z.object({}).strict(),
  'settings.update': z
    .object({
      brand: z.string().max(200).nullable().optional(),
      policy: z.enum(POLICY_IDS).optional(),
      /** The UI language, kept in the workspace (null: follow the system's again). */
      language: z.enum(UI_LANGUAGES).nullable().optional(),
    })
    .strict(),
  'backups.list': z.object({}).strict(),
  'backups.create': z.object({}).strict(),
  'backups.restore': z
    .object({
      location: z.enum(['workspace', 'second']),
      /** A backup's folder name as backups.list gives it (no path). */
      name: z.string().regex(/^[0-9TZ-]+-(manual|import|undo|daily|before-restore)$/),
    })
    .strict(),
  /** The second folder every backup is also copied to (a USB stick, a synced folder); null = none. */
  'backups.setSecondFolder': z.object({ folder: z.string().trim().min(1).max(4_000).nullable() }).strict(),
  'contacts.list': z
    .object({
      status: z.array(z.enum(STATUSES)).optional(),
      search: z.string().max(200).optional(),
      asOf: isoDate.optional(),
      /** Only contacts whose consent ends on or before this date (the first day it no longer counts). */
      expiresBy: isoDate.optional(),
      /** Only contacts with an open import warning (a typo hint, a role or disposable address…). */
      warned: z.boolean().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
      /** 'added': most recently added first; 'expires': soonest first. For a date other than today, pages come in name order. */
      sort: z.enum(['added', 'name', 'email', 'status', 'updated', 'expires']).default('name'),
    })
    .strict(),
  'contacts.get': z.object({ id, asOf: isoDate.optional() }).strict(),
  /** A contact typed in by hand. It has no consent until an opt-in is recorded: `optIn` records one with it, in one transaction. */
  'contacts.add': z
    .object({
      email: z.string().max(1_000),
      fields: contactFieldsInput.default({}),
      editedBy,
      optIn: z
        .object({
          source: z.enum(SOURCE_KINDS),
          date: isoDate,
          basis: z.enum(BASES).optional(),
          brand: z.string().max(200).nullable().optional(),
          note: shortText.optional(),
          evidence: evidenceInput.optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  /** Changes details by hand; each changed field is recorded with who and when. The ledger is not touched. */
  'contacts.edit': z.object({ id, fields: contactFieldsInput, editedBy }).strict(),
  'status.summary': z.object({ asOf: isoDate.optional() }).strict(),
  'consent.record': z
    .object({
      contactIds: z.array(id).min(1).max(1_000_000),
      kind: z.enum(RECORDABLE_EVENT_KINDS),
      date: isoDate,
      source: z.enum(SOURCE_KINDS).optional(),
      basis: z.enum(BASES).optional(),
      brand: z.string().max(200).nullable().optional(),
      note: shortText.optional(),
      evidence: evidenceInput.optional(),
    })
    .strict()
    .refine((r) => r.kind !== 'opt-in' || r.source !== undefined, {
      message: 'an opt-in needs a source',
      path: ['source'],
    }),
  'consent.supersede': z
    .object({
      eventId: id,
      /** Why the event is corrected; kept in the ledger. */
      reason: z.string().trim().min(3).max(2_000),
      /** The corrected event; omitted = the event is voided without a replacement. */
      replacement: z
        .object({
          kind: z.enum(RECORDABLE_EVENT_KINDS),
          date: isoDate,
          source: z.enum(SOURCE_KINDS).optional(),
          basis: z.enum(BASES).optional(),
          brand: z.string().max(200).nullable().optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  'contacts.erase': z.object({ id, reason: z.string().trim().min(3).max(2_000) }).strict(),
  'evidence.get': z.object({ id }).strict(),
  'files.stage': z
    .object({
      fileName: z.string().min(1).max(255),
      /** Upload in chunks; the first call omits stagedId, later ones pass it back. */
      stagedId: z.string().regex(/^[a-f0-9]{32}$/).optional(),
      chunkBase64: z.string().max(12_000_000),
    })
    .strict(),
  'import.preview': importOptions,
  'import.commit': importOptions,
  'import.cancel': z.object({ stagedId: z.string().regex(/^[a-f0-9]{32}$/) }).strict(),
  /** What undoing the import would remove and change back, changing nothing (for the confirmation). */
  'import.undoPreview': z.object({ importId: id }).strict(),
  'import.undo': z.object({ importId: id }).strict(),
  /** A committed import's warned rows in row order, a page at a time: pass the last row number seen. */
  'imports.warnedRows': z
    .object({ importId: id, afterRow: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(10_000).default(10_000) })
    .strict(),
  'imports.list': z.object({}).strict(),
  /** A committed import's rejected rows in row order, a page at a time: pass the last row number seen. */
  'imports.rejectedRows': z
    .object({ importId: id, afterRow: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(10_000).default(10_000) })
    .strict(),
  'export.run': z.object({ profile: z.enum(EXPORT_PROFILES), asOf: isoDate.optional() }).strict(),
  'ledger.status': z.object({}).strict(),
  'ledger.check': z.object({}).strict(),
  'ledger.acceptBaseline': z.object({ reason: z.string().trim().min(5).max(2_000) }).strict(),
} as const;

export interface ResponseMap {
  'app.info': AppInfo;
  'settings.update': AppInfo;
  'backups.list': BackupsOverview;
  'backups.create': BackupSummary;
  'backups.restore': RestoreSummary;
  'backups.setSecondFolder': BackupsOverview;
  'contacts.list': ContactPage;
  'contacts.get': ContactDetail;
  'contacts.add': AddContactResult;
  'contacts.edit': EditContactResult;
  'status.summary': StatusSummary;
  'consent.record': RecordConsentResult;
  'consent.supersede': { eventId: number };
  'contacts.erase': { erasureId: number };
  'evidence.get': EvidenceFile;
  'files.stage': StagedFile;
  'import.preview': ImportPreview;
  'import.commit': ImportReport;
  'import.cancel': { cancelled: boolean };
  'import.undoPreview': UndoPreview;
  'import.undo': UndoResult;
  'imports.list': ImportSummary[];
  'imports.rejectedRows': RejectedRow[];
  'imports.warnedRows': WarnedRow[];
  'export.run': ExportResult;
  'ledger.status': LedgerStatus;
  'ledger.check': LedgerStatus;
  'ledger.acceptBaseline': LedgerStatus;
}

export type Method = keyof typeof requestSchemas;
/** What a caller sends (fields with defaults may be left out). */
export type RequestInput<M extends Method> = z.input<(typeof requestSchemas)[M]>;
/** What a handler receives, after validation and defaults. */
export type RequestParsed<M extends Method> = z.output<(typeof requestSchemas)[M]>;

export const METHODS = Object.keys(requestSchemas) as Method[];

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, value);
}
