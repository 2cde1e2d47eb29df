// What the import does to consent, before it is committed and again in the report: how many
// contacts will be explicit, implicit, need re-confirmation or not be permitted as of the
// statuses' date, each with the reason most of them share, and one plain sentence about the
// batch's own evidence (a purchase two years old makes everyone need re-confirmation today).

import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { STATUSES, type Status } from '../../../shared/consent/vocabulary.ts';
import type { ConsentForecast } from '../../../shared/contract/dto.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatNumber } from '../../util/format.ts';

/** The sentence about the batch: which rule its source, date and basis meet today. */
export function forecastSentence(forecast: ConsentForecast, t: TFunction): string {
  const { batch, asOf } = forecast;
  const params = { source: t(`source.${batch.source}`), date: batch.collectedAt, end: batch.expiresAt ?? '', today: asOf };
  const expired = batch.reason === 'implicit-expired' && batch.expiresAt !== null;
  const key = expired
    ? 'expired'
    : batch.status === 'explicit'
      ? 'explicit'
      : batch.status === 'implicit'
        ? batch.expiresAt
          ? 'implicitUntil'
          : 'implicitOpen'
        : batch.status === 'not-permitted'
          ? 'notPermitted'
          : 'needsReconfirmation';
  return t(`import.forecastSentence.${key}`, params);
}

/** Mapped columns that give a row its own consent evidence, over the batch's. */
const CONSENT_COLUMNS = ['source', 'collectedAt', 'basis', 'consent', 'optInTime', 'confirmTime', 'listStatus'];

/** `mapping`: the preview's column mapping; when some column carries consent, the sentence says rows may differ. */
export function ConsentForecastView({ forecast, done = false, mapping = [] }: { forecast: ConsentForecast; done?: boolean; mapping?: string[] }) {
  const { t, i18n } = useTranslation();
  const statuses = STATUSES.filter((s: Status) => (forecast.byStatus[s] ?? 0) > 0);
  return (
    <section className="forecast" aria-labelledby="forecast-title" data-testid="consent-forecast">
      <h3 id="forecast-title">{done ? t('import.forecastDoneTitle', { date: forecast.asOf }) : t('import.forecastTitle', { date: forecast.asOf })}</h3>
      <p className="forecast-sentence" data-testid="forecast-sentence">
        {forecastSentence(forecast, t)}
        {mapping.some((field) => CONSENT_COLUMNS.includes(field)) && ` ${t('import.forecastOwnColumns')}`}
      </p>
      {statuses.length > 0 && (
        <ul className="forecast-list">
          {statuses.map((status) => {
            const reason = forecast.mainReason[status];
            return (
              <li key={status} data-testid={`forecast-${status}`} data-value={forecast.byStatus[status]}>
                <StatusBadge status={status} />
                <strong className="forecast-count">{t('import.forecastCount', { count: forecast.byStatus[status], formatted: formatNumber(forecast.byStatus[status] ?? 0, i18n.language) })}</strong>
                {reason && <span className="muted"> {t(`reason.${reason}`)}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
