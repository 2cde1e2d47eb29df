// Recording consent evidence for one contact or a whole selection in one step: one evidence
// row (a scanned sheet, say) shared by every event, all in one transaction.

import { AppError } from '../../shared/contract/envelope.ts';
import { checkEmail } from '../../shared/email/index.ts';
import type { RecordConsentResult } from '../../shared/contract/dto.ts';
import type { RequestParsed } from '../../shared/contract/requests.ts';
import { insertEvidence, type EvidenceInputData } from '../store/evidence.ts';
import { appendEvents, type NewEvent } from '../store/ledger.ts';
import type { ServiceContext } from './context.ts';
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
