// The consent ledger's state, where the user cannot miss it: while a full check runs after
// start, a quiet line; when a check finds a break, an alert that says what was found and the
// two ways on (restore a backup in Settings, or accept the present state as a new baseline,
// which is recorded in the ledger with the reason).

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerStatus } from '../../shared/contract/dto.ts';
import { api } from '../api/client.ts';
import { AcceptBaselineDialog } from '../screens/ledger/AcceptBaselineDialog.tsx';
import { ledgerBrokenText } from '../screens/ledger/ledger-text.ts';
import { useApp } from '../state/app.ts';

export function LedgerBanner() {
  const { t } = useTranslation();
  const dataRevision = useApp((s) => s.dataRevision);
  const navigate = useApp((s) => s.navigate);
  const [status, setStatus] = useState<LedgerStatus | null>(null);
  const [accepting, setAccepting] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (): Promise<void> => {
      try {
        const next = await api.call('ledger.status', {});
        if (stopped) return;
        setStatus(next);
        // A full check runs in the background after start: look again until it is done.
        if (next.state === 'checking' || next.state === 'unchecked') timer = setTimeout(() => void load(), 1500);
      } catch {
        // The frame's own banner reports a workspace that cannot be reached.
      }
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [dataRevision]);

  if (!status) return null;
  if (status.state === 'checking') {
    return (
      <p className="banner info" role="status" data-testid="ledger-checking">
        {t('ledger.checking', { count: status.events })}
      </p>
    );
  }
  if (status.state !== 'broken' || !status.firstBroken) return null;
  return (
    <div className="banner error ledger-broken" role="alert" data-testid="ledger-broken">
      <p>
        <strong>{t('ledger.brokenTitle')}</strong> {ledgerBrokenText(status.firstBroken)}
      </p>
      <p>{t('ledger.brokenWhat')}</p>
      <div className="actions">
        <button type="button" onClick={() => navigate('settings')}>
          {t('ledger.restore')}
        </button>
        <button type="button" onClick={() => setAccepting(true)}>
          {t('ledger.accept')}
        </button>
      </div>
      {accepting && (
        <AcceptBaselineDialog
          found={ledgerBrokenText(status.firstBroken)}
          onClose={() => setAccepting(false)}
          onAccepted={(next) => {
            setAccepting(false);
            setStatus(next);
          }}
        />
      )}
    </div>
  );
}
