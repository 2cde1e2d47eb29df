// A form that takes a required reason (a correction, an erasure) and runs one action with
// it: the reason text, the busy flag while it runs, and its errors split by field.

import { useState, type FormEvent } from 'react';
import { splitFieldErrors } from '../util/errors.ts';

/** The contract requires at least this many characters of reason. */
export const MIN_REASON_LENGTH = 3;

export function useReasonForm(action: (reason: string) => Promise<void>) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action(reason.trim());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return {
    reason,
    setReason,
    busy,
    canSubmit: !busy && reason.trim().length >= MIN_REASON_LENGTH,
    errors: splitFieldErrors(error, ['reason']),
    submit: (event: FormEvent) => void submit(event),
  };
}
