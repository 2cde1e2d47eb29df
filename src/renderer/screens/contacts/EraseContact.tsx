// Erasure on request (GDPR Art. 17): the one thing that removes personal data. Two steps,
// a reason, and a clear word on what stays (a tombstone that proves the erasure).

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { useReasonForm } from '../../components/useReasonForm.ts';
import { announce } from '../../state/announcer.ts';
import { useContact } from '../../state/contact.ts';
import { refreshAll } from '../../state/events.ts';
import { useSelection } from '../../state/selection.ts';

export function EraseContact({ contactId, email }: { contactId: number; email: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { reason, setReason, canSubmit, errors, submit } = useReasonForm(async (why) => {
    await api.call('contacts.erase', { id: contactId, reason: why });
    const selection = useSelection.getState();
    if (selection.ids.has(contactId)) selection.set([...selection.ids].filter((id) => id !== contactId));
    useContact.getState().close();
    announce(t('detail.erased'));
    await refreshAll();
  });

  return (
    <section className="danger-zone" aria-label={t('detail.erase')}>
      {!open ? (
        <button type="button" className="link small danger-link" onClick={() => setOpen(true)} data-testid="erase-start">
          {t('detail.erase')}
        </button>
      ) : (
        <form onSubmit={submit} data-testid="erase-form">
          <p className="small">{t('detail.eraseHelp')}</p>
          <Field id="erase-reason" label={t('detail.eraseReason')} error={errors.byField.reason ?? errors.other}>
            {(control) => <input {...control} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} data-testid="erase-reason" />}
          </Field>
          <div className="actions">
            <button type="submit" className="danger" disabled={!canSubmit} data-testid="erase-confirm" aria-label={`${t('detail.eraseConfirm')}: ${email}`}>
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
