import type { EditableField } from '../../../shared/contract/dto.ts';

/** The detail.* label of each field a user can edit. */
export const FIELD_LABEL_KEYS = {
  firstName: 'firstName',
  lastName: 'lastName',
  company: 'company',
  title: 'jobTitle',
  phone: 'phone',
  city: 'city',
  country: 'country',
  note: 'note',
  tags: 'tags',
} as const satisfies Record<EditableField, string>;
