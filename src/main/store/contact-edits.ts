// Details of a contact changed by hand (migration 004): one row per changed field with the
// value before and after, who and when. Nothing here touches the consent ledger.

import type { ContactEditView, EditableField } from '../../shared/contract/dto.ts';
import { FIELD_COLUMNS, type ContactRow } from './contacts.ts';
import { statement, type DB } from './open.ts';

/** What field_sources holds for a field last set by hand (an import's entry is its id). */
export const MANUAL_SOURCE = 'manual';

export interface FieldChange {
  field: EditableField;
  oldValue: string;
  newValue: string;
}

/** A field's stored value as text (tags as "a, b"), for comparing and for the edit record. */
export function storedValue(row: ContactRow, field: EditableField): string {
  if (field === 'tags') return (JSON.parse(row.tags) as string[]).join(', ');
  return row[FIELD_COLUMNS[field] as keyof ContactRow] as string;
}

export function insertEdits(db: DB, contactId: number, changes: readonly FieldChange[], editedBy: string, editedAt: string): void {
  const insert = statement(db, 'INSERT INTO contact_edits (contact_id, field, old_value, new_value, edited_by, edited_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const change of changes) insert.run(contactId, change.field, change.oldValue, change.newValue, editedBy, editedAt);
}

/** Every edit of a contact, newest first. */
export function editsForContact(db: DB, contactId: number): ContactEditView[] {
  return statement(
    db,
    `SELECT id, field, old_value AS oldValue, new_value AS newValue, edited_by AS editedBy, edited_at AS editedAt
       FROM contact_edits WHERE contact_id = ? ORDER BY id DESC`,
  ).all(contactId) as ContactEditView[];
}
