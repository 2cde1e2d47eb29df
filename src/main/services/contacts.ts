// Listing, reading and counting contacts. For today's date the cached statuses answer
// directly (indexed); for any other date each contact is evaluated as of that date.

import { explainStatus } from '../../shared/consent/index.ts';
import { AppError } from '../../shared/contract/envelope.ts';
import type { ContactDetail, ContactPage, ContactSummary, DetailField, FieldSource, StatusSummary } from '../../shared/contract/dto.ts';
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
  return {
    contact: {
      ...toSummary(row),
      status: evaluation.status,
      reasons: evaluation.reasons,
      consentExpiresAt: evaluation.expiresAt,
      otherEmails: row.other_emails,
      note: row.note,
      fieldSources: fieldSources(ctx.db, row.field_sources),
    },
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
      evidenceIds: e.evidenceId === null ? [] : [e.evidenceId],
    })),
    evidence: evidenceForIds(ctx.db, evidenceIds),
  };
}

/** The contact's field_sources (field → import id) with each import's file name and time. */
function fieldSources(db: DB, stored: string): FieldSource[] {
  const byField = Object.entries(JSON.parse(stored) as Record<string, number>);
  if (byField.length === 0) return [];
  const imports = statement(db, 'SELECT id, file_name AS fileName, created_at AS importedAt FROM imports WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(byField.map(([, id]) => id))) as { id: number; fileName: string; importedAt: string }[];
  const byId = new Map(imports.map((i) => [i.id, i]));
  return byField.flatMap(([field, importId]) => {
    const found = byId.get(importId);
    return found ? [{ field: field as DetailField, importId, fileName: found.fileName, importedAt: found.importedAt }] : [];
  });
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
