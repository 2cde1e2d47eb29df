// Accepting a broken ledger as it stands: a deliberate step with a reason, which the ledger
// keeps as a record beside the break it accepts.

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerStatus } from '../../../shared/contract/dto.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { errorMessage } from '../../util/errors.ts';

interface Props {
  found: string;
  onClose(): void;
  onAccepted(status: LedgerStatus): void;
}

export function AcceptBaselineDialog({ found, onClose, onAccepted }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const tooShort = reason.trim().length < 5;

  const accept = async (): Promise<void> => {
    setSaving(true);
    setError(null);
    try {
      onAccepted(await api.call('ledger.acceptBaseline', { reason: reason.trim() }));
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Dialog labelledBy={titleId} onClose={onClose} testId="accept-baseline">
      <h2 id={titleId}>{t('ledger.acceptTitle')}</h2>
      <p>{t('ledger.acceptFound', { found })}</p>
      <p>{t('ledger.acceptExplain')}</p>
      <label htmlFor={reasonId}>{t('ledger.acceptReason')}</label>
      <textarea id={reasonId} value={reason} rows={3} onChange={(e) => setReason(e.target.value)} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" disabled={tooShort || saving} onClick={() => void accept()}>
          {t('ledger.acceptConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
