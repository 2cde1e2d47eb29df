// Settings → the consent ledger: how many events, the head hash a report or regulator can
// check against (tillit verify --anchor EVENTS:HEAD), when it was last checked, and a button
// that checks the whole chain now.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerStatus } from '../../../shared/contract/dto.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../util/errors.ts';
import { formatNumber, formatTimestamp } from '../../util/format.ts';
import { ledgerBrokenText } from './ledger-text.ts';

export function LedgerSection() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<LedgerStatus | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.call('ledger.status', {}).then(setStatus, (e: unknown) => setError(errorMessage(e)));
  }, []);

  const checkNow = async (): Promise<void> => {
    setChecking(true);
    setError(null);
    try {
      setStatus(await api.call('ledger.check', {}));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="card ledger" aria-labelledby="ledger-title" data-testid="ledger-section">
      <h2 id="ledger-title">{t('ledger.title')}</h2>
      <p className="help">{t('ledger.help')}</p>
      {status && (
        <dl className="fields">
          <div>
            <dt>{t('ledger.state')}</dt>
            <dd data-testid="ledger-state">{t(`ledger.states.${status.state}`)}</dd>
          </div>
          <div>
            <dt>{t('ledger.events')}</dt>
            <dd>{formatNumber(status.events, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('ledger.anchor')}</dt>
            <dd>
              <code className="anchor" data-testid="ledger-anchor">{`${status.events}:${status.head}`}</code>
            </dd>
          </div>
          <div>
            <dt>{t('ledger.checkedAt')}</dt>
            <dd>{status.checkedAt ? formatTimestamp(status.checkedAt, i18n.language) : t('common.none')}</dd>
          </div>
        </dl>
      )}
      {status?.firstBroken && <p className="error">{ledgerBrokenText(status.firstBroken)}</p>}
      {status && status.baselines.length > 0 && (
        <ul className="baselines">
          {status.baselines.map((b) => (
            <li key={b.eventId}>{t('ledger.baseline', { date: b.date, reason: b.reason })}</li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" onClick={() => void checkNow()} disabled={checking}>
        {checking ? t('ledger.checkingNow') : t('ledger.checkNow')}
      </button>
    </section>
  );
}
