// Contacts added and edited by hand. A detail is not consent: these write the contact row and
// the edit record (who, when, before and after) and never the ledger. The one exception is an
// opt-in recorded together with a new contact, which goes through the consent service, in the
// same transaction, so the contact exists with its evidence or not at all.

import os from 'node:os';
import { AppError } from '../../shared/contract/envelope.ts';
import type { AddContactResult, EditableField, EditContactResult } from '../../shared/contract/dto.ts';
import type { RequestParsed } from '../../shared/contract/requests.ts';
import type { Status } from '../../shared/consent/vocabulary.ts';
import { checkEmail } from '../../shared/email/index.ts';
import { insertEdits, MANUAL_SOURCE, storedValue, type FieldChange } from '../store/contact-edits.ts';
import { FIELD_COLUMNS, findContactByKey, getContactRow } from '../store/contacts.ts';
import { emailHash, recordConsent } from './consent.ts';
import type { ServiceContext } from './context.ts';
import { ensureStatusesCurrent, recomputeContacts } from './status.ts';

type FieldsInput = RequestParsed<'contacts.edit'>['fields'];

/** The order fields are listed and recorded in. */
const EDITABLE_FIELDS = ['firstName', 'lastName', 'company', 'title', 'phone', 'city', 'country', 'note', 'tags'] as const satisfies readonly EditableField[];

/** Who made a change: the name given, else the operating system's user (the person at this computer). */
export function editorName(given: string | undefined): string {
  const name = given?.normalize('NFC').trim();
  if (name) return name;
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown'; // no user entry (a container without /etc/passwd, say)
  }
}

/** Tags as stored: trimmed, NFC, no empty ones, each once (first spelling kept). */
function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const clean = tag.normalize('NFC').trim();
    if (clean !== '' && !seen.has(clean.toLowerCase())) {
      seen.add(clean.toLowerCase());
      out.push(clean);
    }
  }
  return out;
}

/** The typed values as they will be stored (trimmed, NFC; tags cleaned), for the fields given. */
function cleanFields(fields: FieldsInput): Map<EditableField, string | string[]> {
  const out = new Map<EditableField, string | string[]>();
  for (const field of EDITABLE_FIELDS) {
    const value = fields[field];
    if (value === undefined) continue;
    out.set(field, typeof value === 'string' ? value.normalize('NFC').trim() : cleanTags(value));
  }
  return out;
}

/** Writes the changed fields of one contact and records each change; returns the changes. */
function applyChanges(ctx: ServiceContext, id: number, fields: FieldsInput, editedBy: string, now: string): FieldChange[] {
  const row = getContactRow(ctx.db, id);
  if (!row) throw new AppError('not-found', `No contact with id ${id}.`);
  const sources = JSON.parse(row.field_sources) as Record<string, number | string>;
  const changes: FieldChange[] = [];
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const [field, value] of cleanFields(fields)) {
    const newValue = Array.isArray(value) ? value.join(', ') : value;
    const oldValue = storedValue(row, field);
    if (newValue === oldValue) continue;
    changes.push({ field, oldValue, newValue });
    if (field === 'tags') {
      sets.push('tags = ?');
      values.push(JSON.stringify(value));
    } else {
      sets.push(`${FIELD_COLUMNS[field]} = ?`);
      values.push(newValue);
      // A value set by hand is no longer the import's (and undoing that import leaves it).
      sources[field] = MANUAL_SOURCE;
    }
  }
  if (changes.length === 0) return changes;
  sets.push('field_sources = ?', 'updated_at = ?');
  values.push(JSON.stringify(sources), now, id);
  ctx.db.prepare(`UPDATE contacts SET ${sets.join(', ')} WHERE id = ?`).run(...values);
  insertEdits(ctx.db, id, changes, editedBy, now);
  return changes;
}

export function editContact(ctx: ServiceContext, input: RequestParsed<'contacts.edit'>): EditContactResult {
  const editedBy = editorName(input.editedBy);
  const now = ctx.now();
  const changes = ctx.db.transaction(() => applyChanges(ctx, input.id, input.fields, editedBy, now)).immediate();
  if (changes.length > 0) ctx.emit('contacts.changed', { reason: 'edit' });
  return { changed: changes.map((c) => c.field) };
}

/**
 * A contact typed in by hand. The address must be usable and new (an address already stored
 * is refused with the contact it belongs to, so the user can open it; an address erased on
 * request is refused too). Without `optIn` it starts with no consent evidence, so its status
 * is needs-reconfirmation until an opt-in is recorded.
 */
export function addContact(ctx: ServiceContext, input: RequestParsed<'contacts.add'>): AddContactResult {
  const { db } = ctx;
  const check = checkEmail(input.email.normalize('NFC'));
  if (!check.valid) {
    throw new AppError('bad-request', `"${check.display}" is not a usable e-mail address: ${check.message ?? 'invalid'}`, undefined, {
      messageCode: 'contact-email-invalid',
      messageParams: { address: check.display },
    });
  }
  const existing = findContactByKey(db, check.normalized);
  if (existing && existing.removed_at === null) {
    throw new AppError('conflict', `${existing.email} is already a contact (id ${existing.id}); open it to change its details or record consent.`, { contactId: existing.id }, {
      messageCode: 'contact-exists',
      messageParams: { address: existing.email, contactId: existing.id },
    });
  }
  if (db.prepare('SELECT 1 FROM erasures WHERE email_sha256 = ?').get(emailHash(check.normalized)) !== undefined) {
    throw new AppError('conflict', `${check.display} was erased on request; Tillit does not add it again.`, undefined, {
      messageCode: 'contact-erased',
      messageParams: { address: check.display },
    });
  }
  ensureStatusesCurrent(db, ctx.today());
  const editedBy = editorName(input.editedBy);
  const now = ctx.now();
  const id = db
    .transaction((): number => {
      let contactId: number;
      if (existing) {
        // Hidden by an undone import (kept for the ledger's sake): it comes back, typed anew.
        db.prepare("UPDATE contacts SET removed_at = NULL, email = ?, field_sources = '{}', updated_at = ? WHERE id = ?").run(check.display, now, existing.id);
        contactId = existing.id;
      } else {
        contactId = Number(
          db.prepare('INSERT INTO contacts (email, email_key, created_at, updated_at) VALUES (?, ?, ?, ?)').run(check.display, check.normalized, now, now)
            .lastInsertRowid,
        );
      }
      applyChanges(ctx, contactId, input.fields, editedBy, now);
      const optIn = input.optIn;
      if (optIn) {
        recordConsent(ctx, {
          contactIds: [contactId],
          kind: 'opt-in',
          date: optIn.date,
          source: optIn.source,
          basis: optIn.basis,
          brand: optIn.brand,
          note: optIn.note,
          evidence: optIn.evidence ? { ...optIn.evidence, recordedBy: optIn.evidence.recordedBy ?? editedBy } : undefined,
        });
      } else {
        recomputeContacts(db, [contactId], ctx.today());
      }
      return contactId;
    })
    .immediate();
  ctx.emit('contacts.changed', { reason: 'edit' });
  const status = db.prepare('SELECT status FROM contacts WHERE id = ?').pluck().get(id) as Status;
  return { id, status, optInRecorded: input.optIn !== undefined };
}
