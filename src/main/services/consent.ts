// Recording consent evidence for one contact or a whole selection in one step: one evidence
// row (a scanned sheet, say) shared by every event, all in one transaction.

import { createHash } from 'node:crypto';
import { AppError } from '../../shared/contract/envelope.ts';
import { checkEmail } from '../../shared/email/index.ts';
import type { RecordConsentResult } from '../../shared/contract/dto.ts';
import type { RequestParsed } from '../../shared/contract/requests.ts';
import { removeErasedFiles, redactEvidenceForErasure, type ErasedFiles } from '../store/erase-files.ts';
import { insertEvidence, type EvidenceInputData } from '../store/evidence.ts';
import { identityDigest } from '../store/ledger-chain.ts';
import { appendEvents, appendRecord, type NewEvent } from '../store/ledger.ts';
import type { ServiceContext } from './context.ts';
import { eraseFromBackups, type BackupErasure } from './erase-backups.ts';
import { ensureStatusesCurrent, recomputeContacts } from './status.ts';

export type EvidenceRequest = NonNullable<RequestParsed<'consent.record'>['evidence']>;

export function evidenceData(evidence: EvidenceRequest): EvidenceInputData {
  return {
    file:
      evidence.fileName !== undefined && evidence.dataBase64 !== undefined
        ? { fileName: evidence.fileName, data: Buffer.from(evidence.dataBase64, 'base64') }
        : undefined,
    text: evidence.text,
    url: evidence.url,
    recordedBy: evidence.recordedBy,
  };
}

export function recordConsent(ctx: ServiceContext, input: RequestParsed<'consent.record'>): RecordConsentResult {
  const { db } = ctx;
  ensureStatusesCurrent(db, ctx.today());
  const ids = [...new Set(input.contactIds)];
  const exists = db.prepare('SELECT 1 FROM contacts WHERE id = ? AND removed_at IS NULL').pluck();
  const missing = ids.filter((id) => exists.get(id) === undefined);
  if (missing.length > 0) {
    throw new AppError('not-found', `No contact with id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''}; nothing was recorded.`);
  }
  const basis = input.kind === 'opt-in' ? (input.basis ?? 'explicit') : (input.basis ?? null);
  const now = ctx.now();
  const result = db.transaction((): RecordConsentResult => {
    const evidenceId = input.evidence ? insertEvidence(db, ctx.filesDir, evidenceData(input.evidence), now) : null;
    const events: NewEvent[] = ids.map((contactId) => ({
      contactId,
      kind: input.kind,
      date: input.date,
      source: input.source ?? null,
      basis,
      brand: input.brand ?? null,
      evidenceId,
      note: input.note ?? null,
    }));
    appendEvents(db, events, now);
    db.prepare(`UPDATE contacts SET updated_at = ? WHERE id IN (SELECT value FROM json_each(?))`).run(now, JSON.stringify(ids));
    recomputeContacts(db, ids, ctx.today());
    return { recorded: events.length, evidenceId };
  })();
  ctx.emit('contacts.changed', { reason: 'consent' });
  return result;
}

/**
 * The contact for an address, matched on its normalized form. With `create`, a new address
 * becomes a contact with no evidence yet (so its status starts as needs-reconfirmation).
 */
export function ensureContact(ctx: ServiceContext, email: string, create: boolean): number {
  const check = checkEmail(email);
  if (!check.valid) throw new AppError('bad-request', `"${email}" is not a usable e-mail address: ${check.message ?? 'invalid'}`);
  const row = ctx.db.prepare('SELECT id, removed_at FROM contacts WHERE email_key = ?').get(check.normalized) as
    | { id: number; removed_at: string | null }
    | undefined;
  if (row && row.removed_at === null) return row.id;
  if (!create) throw new AppError('not-found', `No contact with the address ${check.display}.`);
  const now = ctx.now();
  if (row) {
    ctx.db.prepare('UPDATE contacts SET removed_at = NULL, updated_at = ? WHERE id = ?').run(now, row.id);
    return row.id;
  }
  return Number(
    ctx.db
      .prepare('INSERT INTO contacts (email, email_key, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(check.display, check.normalized, now, now).lastInsertRowid,
  );
}

/**
 * Corrects the ledger the only way it allows: a new event that supersedes the old one
 * (or voids it, when there is no replacement), with the reason kept as the event's note.
 */
export function supersedeEvent(ctx: ServiceContext, input: RequestParsed<'consent.supersede'>): { eventId: number } {
  const { db } = ctx;
  const target = db.prepare('SELECT id, contact_id, kind FROM consent_events WHERE id = ?').get(input.eventId) as
    | { id: number; contact_id: number; kind: string }
    | undefined;
  if (!target) throw new AppError('not-found', `No consent event with id ${input.eventId}.`);
  if (target.kind === 'void') {
    throw new AppError('conflict', `Event ${input.eventId} is itself a correction; correct the original event instead.`, undefined, {
      messageCode: 'correction-of-correction',
      messageParams: { eventId: input.eventId },
    });
  }
  const already = db.prepare('SELECT id FROM consent_events WHERE supersedes = ?').pluck().get(input.eventId) as number | undefined;
  if (already !== undefined) {
    throw new AppError('conflict', `Event ${input.eventId} was already corrected by event ${already}; correct that one instead.`, undefined, {
      messageCode: 'correction-already-made',
      messageParams: { eventId: input.eventId, by: already },
    });
  }
  ensureStatusesCurrent(db, ctx.today());
  const r = input.replacement;
  if (r?.kind === 'opt-in' && r.source === undefined) {
    throw new AppError('bad-request', 'A corrected opt-in needs a source.', undefined, { messageCode: 'correction-needs-source' });
  }
  const now = ctx.now();
  const eventId = db.transaction(() => {
    const [id] = appendEvents(
      db,
      [
        {
          contactId: target.contact_id,
          kind: r?.kind ?? 'void',
          date: r?.date ?? ctx.today(),
          source: r?.source ?? null,
          basis: r ? (r.basis ?? (r.kind === 'opt-in' ? 'explicit' : null)) : null,
          brand: r?.brand ?? null,
          supersedes: input.eventId,
          note: `Correction: ${input.reason}`,
        },
      ],
      now,
    );
    recomputeContacts(db, [target.contact_id], ctx.today());
    return id!;
  })();
  ctx.emit('contacts.changed', { reason: 'consent' });
  return { eventId };
}

export function emailHash(normalized: string): string {
  return createHash('sha256').update(`tillit-erasure:${normalized}`).digest('hex');
}

/**
 * Erasure on request (GDPR Art. 17), the one exception to "nothing is deleted": the contact
 * row, the notes on its events and its rejected/duplicate raw import rows are deleted, and
 * evidence files holding the person are removed or redacted (store/erase-files.ts); the
 * ledger rows (no personal data: ids, kinds, dates, sources) stay so the chain still
 * verifies; a tombstone records when and why, with a salted hash of the address so that a
 * later import refuses it instead of adding the person back, and the digest its events were
 * hashed with. The erasure itself is a ledger record, so a contact cannot be made to vanish
 * (from a suppression list, say) without the chain noticing.
 */
export function eraseContact(ctx: ServiceContext, id: number, reason: string): { erasureId: number; backups: BackupErasure } & ErasedFiles {
  const emailKey = ctx.db.prepare('SELECT email_key FROM contacts WHERE id = ?').pluck().get(id) as string | undefined;
  const erased = eraseInStore(ctx, id, reason);
  // The backups in the workspace folder hold the person too: each gets the same erasure.
  const backups = eraseFromBackups(ctx, emailKey!, (copy, contactId) => eraseInStore(copy, contactId, reason));
  return { ...erased, backups };
}

/** The erasure in one store: the workspace's, or a backup's copy. */
function eraseInStore(ctx: ServiceContext, id: number, reason: string): { erasureId: number } & ErasedFiles {
  const { db } = ctx;
  const contact = db.prepare('SELECT id, email, email_key FROM contacts WHERE id = ?').get(id) as
    | { id: number; email: string; email_key: string }
    | undefined;
  if (!contact) throw new AppError('not-found', `No contact with id ${id}.`);
  const identity = identityDigest(contact.email, contact.email_key);
  const now = ctx.now();
  const { erasureId, files } = db.transaction(() => {
    const files = redactEvidenceForErasure(db, ctx.filesDir, id, contact.email_key);
    // Evidence only their events point to may name them in its wording, link, author or file
    // name: cleared. Its digest stays, so the chain still verifies; the erasure record lists it.
    const redactedEvidence = db
      .prepare(
        `SELECT DISTINCT e.evidence_id FROM consent_events e
         WHERE e.contact_id = ? AND e.evidence_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM consent_events o WHERE o.evidence_id = e.evidence_id AND o.contact_id NOT IN (0, ?))
           AND e.evidence_id NOT IN (SELECT evidence_id FROM imports WHERE evidence_id IS NOT NULL)`,
      )
      .pluck()
      .all(id, id) as number[];
    db.prepare('UPDATE evidence SET text = NULL, url = NULL, recorded_by = NULL, file_name = NULL WHERE id IN (SELECT value FROM json_each(?))').run(
      JSON.stringify(redactedEvidence),
    );
    db.prepare('DELETE FROM event_notes WHERE event_id IN (SELECT id FROM consent_events WHERE contact_id = ?)').run(id);
    db.prepare("DELETE FROM import_rows WHERE instr(lower(raw), ?) > 0").run(contact.email_key);
    db.prepare('DELETE FROM import_warnings WHERE contact_id = ?').run(id);
    db.prepare('DELETE FROM contacts WHERE id = ?').run(id);
    const erasureId = Number(
      db
        .prepare('INSERT INTO erasures (contact_id, email_sha256, erased_at, reason, identity_sha256) VALUES (?, ?, ?, ?, ?)')
        .run(id, emailHash(contact.email_key), now, reason, identity).lastInsertRowid,
    );
    // The ledger records the erasure with both hashes of every file it removed or replaced,
    // and the evidence rows it cleared.
    appendRecord(db, 'erasure', now, {
      contactId: id,
      identity,
      detail: { erasureId, removedFiles: files.removedFiles, replacedFiles: files.replacedFiles, redactedEvidence },
    });
    return { erasureId, files };
  })();
  removeErasedFiles(ctx.filesDir, files);
  // The deleted rows' bytes were zeroed (secure_delete, store/open.ts); older copies of their
  // pages still sit in the write-ahead log until it is checkpointed and truncated.
  db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.emit('contacts.changed', { reason: 'consent' });
  return { erasureId, ...files };
}
