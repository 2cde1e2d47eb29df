// Corrects the ledger the only way it allows: a new event that voids this one, with the
// reason kept. (The contract also takes a replacement event; voiding covers the common case.)

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { splitFieldErrors } from '../../util/errors.ts';

export function CorrectEventForm({ eventId, onDone, onCancel }: { eventId: number; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = splitFieldErrors(error, ['reason']);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.call('consent.supersede', { eventId, reason: reason.trim() });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} data-testid="correct-form">
      <Field id={`correct-${eventId}`} label={t('detail.correctionReason')} error={errors.byField.reason ?? errors.other}>
        {(control) => <input {...control} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} data-testid="correction-reason" />}
      </Field>
      <div className="actions">
        <button type="submit" className="danger" disabled={busy || reason.trim().length < 3} data-testid="void-event">
          {t('detail.voidEvent')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
