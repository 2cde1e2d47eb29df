// Editing a contact's details by hand, in place of the details it edits. Main records each
// changed field with who and when; the consent ledger is not touched (a detail is not consent).

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDetail, EditableField } from '../../../shared/contract/dto.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { splitFieldErrors } from '../../util/errors.ts';
import { rememberedEditor, rememberEditor, splitTags } from '../../util/editor-name.ts';
import { FIELD_LABEL_KEYS } from './fieldLabels.ts';

interface Props {
  contact: ContactDetail['contact'];
  onDone(message: string): void;
  onCancel(): void;
}

type TextField = Exclude<EditableField, 'tags'>;
const TEXT_FIELDS: readonly TextField[] = ['firstName', 'lastName', 'company', 'title', 'phone', 'city', 'country', 'note'];
const ERROR_FIELDS = [...TEXT_FIELDS, 'tags', 'editedBy'] as const;

export function EditContactForm({ contact, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<TextField, string>>(() => ({
    firstName: contact.firstName,
    lastName: contact.lastName,
    company: contact.company,
    title: contact.title,
    phone: contact.phone,
    city: contact.city,
    country: contact.country,
    note: contact.note,
  }));
  const [tags, setTags] = useState(contact.tags.join(', '));
  const [editedBy, setEditedBy] = useState(rememberedEditor);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  const server = splitFieldErrors(error, ERROR_FIELDS);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      rememberEditor(editedBy);
      const result = await api.call('contacts.edit', { id: contact.id, fields: { ...values, tags: splitTags(tags) }, ...(editedBy.trim() ? { editedBy } : {}) });
      onDone(
        result.changed.length === 0
          ? t('detail.editNothing')
          : t('detail.editSaved', { fields: result.changed.map((field) => t(`detail.${FIELD_LABEL_KEYS[field]}`)).join(', ') }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="record-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      aria-labelledby="edit-title"
      data-testid="edit-form"
      noValidate
    >
      <h3 id="edit-title">{t('detail.editTitle')}</h3>
      <p className="muted small">{t('detail.editHelp')}</p>
      <div className="form-grid">
        {TEXT_FIELDS.map((field, i) => (
          <Field key={field} id={`edit-${field}`} label={t(`detail.${FIELD_LABEL_KEYS[field]}`)} error={server.byField[field] ?? null}>
            {(control) =>
              field === 'note' ? (
                <textarea {...control} rows={2} value={values.note} onChange={(e) => setValues({ ...values, note: e.target.value })} data-testid="edit-note" />
              ) : (
                <input
                  {...control}
                  ref={i === 0 ? first : undefined}
                  type={field === 'phone' ? 'tel' : 'text'}
                  autoComplete="off"
                  value={values[field]}
                  onChange={(e) => setValues({ ...values, [field]: e.target.value })}
                  data-testid={`edit-${field}`}
                />
              )
            }
          </Field>
        ))}
        <Field id="edit-tags" label={t('detail.tags')} help={t('addContact.tagsHelp')} error={server.byField.tags ?? null}>
          {(control) => <input {...control} autoComplete="off" value={tags} onChange={(e) => setTags(e.target.value)} data-testid="edit-tags" />}
        </Field>
        <Field id="edit-by" label={t('addContact.editedBy')} help={t('addContact.editedByHelp')} error={server.byField.editedBy ?? null}>
          {(control) => <input {...control} autoComplete="name" value={editedBy} onChange={(e) => setEditedBy(e.target.value)} data-testid="edit-edited-by" />}
        </Field>
      </div>
      <ErrorText error={server.other} testId="edit-error" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="edit-save">
          {busy ? t('common.working') : t('detail.editSave')}
        </button>
        <button type="button" onClick={onCancel} data-testid="edit-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
