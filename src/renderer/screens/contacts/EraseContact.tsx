// Erasure on request (GDPR Art. 17): the one thing that removes personal data. Two steps,
// a reason, and a clear word on what stays (a tombstone that proves the erasure).

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { announce } from '../../state/announcer.ts';
import { useContact } from '../../state/contact.ts';
import { refreshAll } from '../../state/events.ts';
import { useSelection } from '../../state/selection.ts';
import { splitFieldErrors } from '../../util/errors.ts';

export function EraseContact({ contactId, email }: { contactId: number; email: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = splitFieldErrors(error, ['reason']);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.call('contacts.erase', { id: contactId, reason: reason.trim() });
      const selection = useSelection.getState();
      if (selection.ids.has(contactId)) selection.set([...selection.ids].filter((id) => id !== contactId));
      useContact.getState().close();
      announce(t('detail.erased'));
      await refreshAll();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <section className="danger-zone" aria-label={t('detail.erase')}>
      {!open ? (
        <button type="button" className="link small danger-link" onClick={() => setOpen(true)} data-testid="erase-start">
          {t('detail.erase')}
        </button>
      ) : (
        <form onSubmit={(e) => void submit(e)} data-testid="erase-form">
          <p className="small">{t('detail.eraseHelp')}</p>
          <Field id="erase-reason" label={t('detail.eraseReason')} error={errors.byField.reason ?? errors.other}>
            {(control) => <input {...control} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} data-testid="erase-reason" />}
          </Field>
          <div className="actions">
            <button type="submit" className="danger" disabled={busy || reason.trim().length < 3} data-testid="erase-confirm" aria-label={`${t('detail.eraseConfirm')}: ${email}`}>
              {t('detail.eraseConfirm')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
