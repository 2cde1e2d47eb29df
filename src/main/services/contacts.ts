// Listing, reading and counting contacts. For today's date the cached statuses answer
// directly (indexed); for any other date each contact is evaluated as of that date.

import { explainStatus } from '../../shared/consent/index.ts';
import { AppError } from '../../shared/contract/envelope.ts';
import type { ContactDetail, ContactEditView, ContactPage, ContactSummary, DetailField, FieldSource, ManualSource, StatusSummary } from '../../shared/contract/dto.ts';
import type { RequestParsed } from '../../shared/contract/requests.ts';
import { STATUSES, type IsoDate, type Status } from '../../shared/consent/vocabulary.ts';
import {
  countByStatus,
  getContactRow,
  iterateContactRows,
  HAS_OPEN_WARNING,
  listContactRows,
  toSummary,
  type ContactRow,
} from '../store/contacts.ts';
import { editsForContact, MANUAL_SOURCE } from '../store/contact-edits.ts';
import { evidenceForIds } from '../store/evidence.ts';
import { statement, type DB } from '../store/open.ts';
import { eventDetailsForContact } from '../store/ledger.ts';
import { readSettings } from '../store/settings.ts';
import type { ServiceContext } from './context.ts';
import { ensureStatusesCurrent, evaluateContact } from './status.ts';

/** The cached statuses are valid for today; returns the date asked for, defaulting to today. */
function resolveAsOf(ctx: ServiceContext, asOf: IsoDate | undefined): { asOf: IsoDate; cached: boolean } {
  const today = ctx.today();
  ensureStatusesCurrent(ctx.db, today);
  const date = asOf ?? today;
  return { asOf: date, cached: date === today };
}

function summaryAsOf(ctx: ServiceContext, row: ContactRow, asOf: IsoDate, settings = readSettings(ctx.db)): ContactSummary {
  const evaluation = evaluateContact(ctx.db, row, asOf, settings);
  return { ...toSummary(row), status: evaluation.status, reasons: evaluation.reasons, consentExpiresAt: evaluation.expiresAt };
}

/** Every contact matching the search, with its status as of a date (streamed). */
export function* contactsAsOf(ctx: ServiceContext, asOf: IsoDate | undefined, search?: string): Generator<ContactSummary> {
  const resolved = resolveAsOf(ctx, asOf);
  const settings = readSettings(ctx.db);
  for (const row of iterateContactRows(ctx.db, { search, sort: 'name' })) {
    yield resolved.cached ? toSummary(row) : summaryAsOf(ctx, row, resolved.asOf, settings);
  }
}

export function listContacts(ctx: ServiceContext, input: RequestParsed<'contacts.list'>): ContactPage {
  const { asOf, cached } = resolveAsOf(ctx, input.asOf);
  if (cached) {
    const { total, rows } = listContactRows(ctx.db, input);
    return { total, offset: input.offset, items: rows.map(toSummary), asOf };
  }
  // Another date: evaluate each contact, then filter and page.
  const wanted = input.status && input.status.length > 0 ? new Set<Status>(input.status) : null;
  const warned = input.warned ? new Set(ctx.db.prepare(`SELECT id FROM contacts WHERE ${HAS_OPEN_WARNING}`).pluck().all() as number[]) : null;
  const items: ContactSummary[] = [];
  let total = 0;
  for (const contact of contactsAsOf(ctx, asOf, input.search)) {
    if (wanted && !wanted.has(contact.status)) continue;
    if (warned && !warned.has(contact.id)) continue;
    if (input.expiresBy !== undefined && (contact.consentExpiresAt === null || contact.consentExpiresAt > input.expiresBy)) continue;
    if (total >= input.offset && items.length < input.limit) items.push(contact);
    total += 1;
  }
  return { total, offset: input.offset, items, asOf };
}

export function getContact(ctx: ServiceContext, id: number, asOfInput?: IsoDate): ContactDetail {
  const { asOf } = resolveAsOf(ctx, asOfInput);
  const row = getContactRow(ctx.db, id);
  if (!row) throw new AppError('not-found', `No contact with id ${id}.`);
  const evaluation = evaluateContact(ctx.db, row, asOf);
  const events = eventDetailsForContact(ctx.db, id);
  const evidenceIds = [...new Set(events.flatMap((e) => (e.evidenceId === null ? [] : [e.evidenceId])))];
  const edits = editsForContact(ctx.db, id);
  const importFiles = importsById(ctx.db, events.flatMap((e) => (e.importId === null ? [] : [e.importId])));
  return {
    contact: {
      ...toSummary(row),
      status: evaluation.status,
      reasons: evaluation.reasons,
      consentExpiresAt: evaluation.expiresAt,
      otherEmails: row.other_emails,
      note: row.note,
      fieldSources: fieldSources(ctx.db, row.field_sources),
      manualSources: manualSources(row.field_sources, row.tags, edits),
    },
    edits,
    evaluation,
    explanation: explainStatus(evaluation),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      date: e.date,
      source: e.source,
      basis: e.basis,
      brand: e.brand,
      supersedes: e.supersedes,
      supersededBy: e.supersededBy,
      note: e.note,
      recordedAt: e.recordedAt,
      importId: e.importId,
      importFile: (e.importId !== null && importFiles.get(e.importId)) || null,
      evidenceIds: e.evidenceId === null ? [] : [e.evidenceId],
    })),
    evidence: evidenceForIds(ctx.db, evidenceIds),
  };
}

/** The imports with these ids, by id: their file name and when they ran. */
function importsById(db: DB, ids: number[]): Map<number, { fileName: string; importedAt: string }> {
  if (ids.length === 0) return new Map();
  const rows = statement(db, 'SELECT id, file_name AS fileName, created_at AS importedAt FROM imports WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify([...new Set(ids)]),
  ) as { id: number; fileName: string; importedAt: string }[];
  return new Map(rows.map(({ id, ...file }) => [id, file]));
}

/** The contact's field_sources (field → import id) with each import's file name and time. */
function fieldSources(db: DB, stored: string): FieldSource[] {
  // Fields set by hand are marked MANUAL_SOURCE instead of an import id (manualSources).
  const byField = Object.entries(JSON.parse(stored) as Record<string, number | string>).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number',
  );
  if (byField.length === 0) return [];
  const imports = statement(db, 'SELECT id, file_name AS fileName, created_at AS importedAt FROM imports WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(byField.map(([, id]) => id))) as { id: number; fileName: string; importedAt: string }[];
  const byId = new Map(imports.map((i) => [i.id, i]));
  return byField.flatMap(([field, importId]) => {
    const found = byId.get(importId);
    return found ? [{ field: field as DetailField, importId, fileName: found.fileName, importedAt: found.importedAt }] : [];
  });
}

/**
 * Who set each detail by hand, and when: the latest edit of every field field_sources marks
 * as manual, and of the tags when they were last changed by hand (imports only add tags).
 */
function manualSources(stored: string, tags: string, edits: readonly ContactEditView[]): ManualSource[] {
  const marked = new Set(Object.entries(JSON.parse(stored) as Record<string, unknown>).flatMap(([field, source]) => (source === MANUAL_SOURCE ? [field] : [])));
  const latest = new Map<string, ContactEditView>();
  for (const edit of edits) if (!latest.has(edit.field)) latest.set(edit.field, edit); // newest first
  const sources: ManualSource[] = [];
  for (const [field, edit] of latest) {
    const current = field === 'tags' ? (JSON.parse(tags) as string[]).join(', ') === edit.newValue : marked.has(field);
    if (current) sources.push({ field: edit.field, editedBy: edit.editedBy, editedAt: edit.editedAt });
  }
  return sources;
}

export function statusSummary(ctx: ServiceContext, asOfInput?: IsoDate): StatusSummary {
  const { asOf, cached } = resolveAsOf(ctx, asOfInput);
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let total = 0;
  if (cached) {
    const counts = countByStatus(ctx.db);
    for (const [status, n] of counts.byStatus) byStatus[status as Status] = n;
    total = counts.total;
  } else {
    for (const contact of contactsAsOf(ctx, asOf)) {
      byStatus[contact.status] += 1;
      total += 1;
    }
  }
  return { asOf, total, byStatus };
}
