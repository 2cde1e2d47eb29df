// Stored details a merge would meet a different value for (another name, another company):
// counted per field with the first few examples, so the preview can ask per field whether to
// keep the stored value or take the file's, instead of one switch for everything.

import type { DetailField, FieldChoice, FieldConflict } from '../../shared/contract/dto.ts';
import { detachedCopy } from '../../shared/email/text.ts';
import { CONTACT_FIELDS, FIELD_COLUMNS, type ContactRow } from '../store/contacts.ts';
import type { RowDetails } from './prepare.ts';

const SAMPLES = 5;

export class ConflictCollector {
  private readonly byField = new Map<DetailField, FieldConflict>();

  check(rowNumber: number, email: string, stored: ContactRow, row: RowDetails): void {
    for (const field of CONTACT_FIELDS) {
      const incoming = row[field];
      const current = stored[FIELD_COLUMNS[field] as keyof ContactRow] as string;
      if (incoming === '' || current === '' || incoming === current) continue;
      let conflict = this.byField.get(field);
      if (!conflict) this.byField.set(field, (conflict = { field, count: 0, samples: [] }));
      conflict.count += 1;
      if (conflict.samples.length < SAMPLES) conflict.samples.push({ rowNumber, email: detachedCopy(email), stored: current, file: detachedCopy(incoming) });
    }
  }

  result(): FieldConflict[] {
    return CONTACT_FIELDS.flatMap((field) => this.byField.get(field) ?? []);
  }
}

/** Whether a merge replaces a stored, different value of the field: the user's choice for it, else the global switch. */
export function takesFileValue(choices: Partial<Record<DetailField, FieldChoice>> | undefined, overwrite: boolean): (field: DetailField) => boolean {
  return (field) => {
    const choice = choices?.[field];
    return choice === undefined ? overwrite : choice === 'file';
  };
}
