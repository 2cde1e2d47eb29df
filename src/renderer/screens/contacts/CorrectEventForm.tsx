// Corrects the ledger the only way it allows: a new event that voids this one, with the
// reason kept. (The contract also takes a replacement event; voiding covers the common case.)

import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { useReasonForm } from '../../components/useReasonForm.ts';

export function CorrectEventForm({ eventId, onDone, onCancel }: { eventId: number; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { reason, setReason, canSubmit, errors, submit } = useReasonForm(async (why) => {
    await api.call('consent.supersede', { eventId, reason: why });
    onDone();
  });

  return (
    <form className="inline-form" onSubmit={submit} data-testid="correct-form">
      <Field id={`correct-${eventId}`} label={t('detail.correctionReason')} error={errors.byField.reason ?? errors.other}>
        {(control) => <input {...control} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} data-testid="correction-reason" />}
      </Field>
      <div className="actions">
        <button type="submit" className="danger" disabled={!canSubmit} data-testid="void-event">
          {t('detail.voidEvent')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
