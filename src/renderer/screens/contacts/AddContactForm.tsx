// Adding one contact by hand, at the top of the contacts screen where the button was. The
// contact starts without consent; "they gave consent" records an opt-in with it (main does
// both in one transaction). An address already stored is refused with a button that opens
// that contact instead.

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../shared/contract/envelope.ts';
import type { Basis, SourceKind } from '../../../shared/consent/vocabulary.ts';
import { sourceGroup } from '../../../shared/consent/vocabulary.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { SourceSelect } from '../../components/SourceSelect.tsx';
import { useApp } from '../../state/app.ts';
import { useContact } from '../../state/contact.ts';
import { errorMessage, splitFieldErrors } from '../../util/errors.ts';
import { rememberedEditor, rememberEditor, splitTags } from '../../util/editor-name.ts';

interface Props {
  onDone(message: string): void;
  onCancel(): void;
}

const FIELDS = ['email', 'firstName', 'lastName', 'company', 'phone', 'tags', 'editedBy', 'source', 'basis'] as const;

export function AddContactForm({ onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const today = useApp((s) => s.info?.today ?? '');
  const [email, setEmail] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [company, setCompany] = useState('');
  const [phone, setPhone] = useState('');
  const [tags, setTags] = useState('');
  const [editedBy, setEditedBy] = useState(rememberedEditor);
  const [optIn, setOptIn] = useState(false);
  const [source, setSource] = useState<SourceKind | ''>('');
  const [basis, setBasis] = useState<Basis>('explicit');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<Partial<Record<'email' | 'source', string>>>({});
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  // Main's refusals of the address (unusable, already stored, erased) belong to the address field.
  const addressError = error instanceof ApiCallError && error.messageCode?.startsWith('contact-') ? error : null;
  const existingId = addressError?.messageCode === 'contact-exists' ? Number(addressError.messageParams.contactId) : null;
  const server = splitFieldErrors(addressError ? null : error, FIELDS);
  const fieldError = (name: (typeof FIELDS)[number]): string | null =>
    (name === 'email' || name === 'source' ? missing[name] : undefined) ?? (name === 'email' && addressError ? errorMessage(addressError) : null) ?? server.byField[name] ?? null;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const problems: typeof missing = {};
    if (!email.trim()) problems.email = t('addContact.needEmail');
    if (optIn && !source) problems.source = t('record.needSource');
    setMissing(problems);
    setError(null);
    if (Object.keys(problems).length > 0) {
      document.getElementById(problems.email ? 'add-email' : 'add-source')?.focus();
      return;
    }
    setBusy(true);
    try {
      rememberEditor(editedBy);
      const result = await api.call('contacts.add', {
        email,
        fields: { firstName, lastName, company, phone, tags: splitTags(tags) },
        ...(editedBy.trim() ? { editedBy } : {}),
        ...(optIn && source ? { optIn: { source, date: today, basis } } : {}),
      });
      onDone(t('addContact.added', { address: email.trim() }));
      useContact.getState().open(result.id);
    } catch (e) {
      setError(e);
      if (e instanceof ApiCallError && e.messageCode?.startsWith('contact-')) document.getElementById('add-email')?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="record-form add-contact"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      aria-labelledby="add-title"
      data-testid="add-contact-form"
      noValidate
    >
      <h2 id="add-title">{t('addContact.title')}</h2>
      <p className="muted small">{t('addContact.help')}</p>
      <div className="form-grid">
        <Field id="add-email" label={t('addContact.email')} error={fieldError('email')} className="span-2">
          {(control) => (
            <input
              {...control}
              ref={first}
              type="email"
              inputMode="email"
              autoComplete="off"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="add-email"
            />
          )}
        </Field>
        {existingId !== null && (
          <p className="span-2">
            <button
              type="button"
              className="link"
              onClick={() => {
                useContact.getState().open(existingId);
                onCancel();
              }}
              data-testid="add-open-existing"
            >
              {t('addContact.openExisting', { address: addressError?.messageParams.address ?? '' })}
            </button>
          </p>
        )}
        <Field id="add-first" label={t('addContact.firstName')} error={fieldError('firstName')}>
          {(control) => <input {...control} autoComplete="off" value={firstName} onChange={(e) => setFirstName(e.target.value)} data-testid="add-first-name" />}
        </Field>
        <Field id="add-last" label={t('addContact.lastName')} error={fieldError('lastName')}>
          {(control) => <input {...control} autoComplete="off" value={lastName} onChange={(e) => setLastName(e.target.value)} data-testid="add-last-name" />}
        </Field>
        <Field id="add-company" label={t('addContact.company')} error={fieldError('company')}>
          {(control) => <input {...control} autoComplete="off" value={company} onChange={(e) => setCompany(e.target.value)} data-testid="add-company" />}
        </Field>
        <Field id="add-phone" label={t('addContact.phone')} error={fieldError('phone')}>
          {(control) => <input {...control} type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} data-testid="add-phone" />}
        </Field>
        <Field id="add-tags" label={t('addContact.tags')} help={t('addContact.tagsHelp')} error={fieldError('tags')}>
          {(control) => <input {...control} autoComplete="off" value={tags} onChange={(e) => setTags(e.target.value)} data-testid="add-tags" />}
        </Field>
        <Field id="add-by" label={t('addContact.editedBy')} help={t('addContact.editedByHelp')} error={fieldError('editedBy')}>
          {(control) => <input {...control} autoComplete="name" value={editedBy} onChange={(e) => setEditedBy(e.target.value)} data-testid="add-edited-by" />}
        </Field>
      </div>
      <div className="checkbox-field add-opt-in">
        <input id="add-opt-in" type="checkbox" checked={optIn} onChange={(e) => setOptIn(e.target.checked)} data-testid="add-opt-in" />
        <label htmlFor="add-opt-in">{t('addContact.optIn')}</label>
      </div>
      {optIn && (
        <div className="form-grid">
          <p className="muted small span-2">{t('addContact.optInDated', { date: today })}</p>
          <Field id="add-source" label={t('record.source')} error={fieldError('source')} help={source ? t(`source.groupHelp.${sourceGroup(source)}`) : undefined}>
            {(control) => (
              <SourceSelect
                id={control.id}
                describedBy={control['aria-describedby']}
                invalid={control['aria-invalid']}
                value={source}
                onChange={setSource}
                required
                testId="add-source"
              />
            )}
          </Field>
          <Field id="add-basis" label={t('record.basis')} help={t(`basis.${basis}Help`)} error={fieldError('basis')}>
            {(control) => (
              <select {...control} value={basis} onChange={(e) => setBasis(e.target.value as Basis)} data-testid="add-basis">
                <option value="explicit">{t('basis.explicit')}</option>
                <option value="implicit">{t('basis.implicit')}</option>
              </select>
            )}
          </Field>
        </div>
      )}
      <ErrorText error={server.other} testId="add-error" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="add-submit">
          {busy ? t('common.working') : t('addContact.submit')}
        </button>
        <button type="button" onClick={onCancel} data-testid="add-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
