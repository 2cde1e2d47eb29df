// "May I mail this person?": the status, the reasons as sentences in the user's language,
// and the server's plain-language explanation (which cites the rule and what to do next).

import { useTranslation } from 'react-i18next';
import type { ContactDetail } from '../../../shared/contract/dto.ts';
import { isMailable } from '../../../shared/consent/vocabulary.ts';
import { addDays } from '../../../shared/consent/dates.ts';
import { reasonSentence } from '../../components/reasons.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useAsOf } from '../../state/app.ts';
import { formatDate } from '../../util/format.ts';

export function EvaluationPanel({ detail }: { detail: ContactDetail }) {
  const { t, i18n } = useTranslation();
  const asOf = useAsOf();
  const { evaluation } = detail;
  const mailable = isMailable(evaluation.status);
  // Why, in one line: the event that unsubscribed or bounced them, and when.
  const deciding = detail.events.find((e) => e.id === evaluation.decidingEventId);
  const since =
    deciding && (evaluation.status === 'unsubscribed' || evaluation.status === 'bounced')
      ? t(deciding.kind === 'complaint' ? 'detail.complainedOn' : evaluation.status === 'bounced' ? 'detail.bouncedOn' : 'detail.unsubscribedOn', {
          date: formatDate(deciding.date, i18n.language),
        })
      : null;
  return (
    <section className={`why ${mailable ? 'why-ok' : 'why-no'}`} aria-labelledby="why-title" data-testid="evaluation">
      <div className="why-head">
        <h3 id="why-title">{t('detail.why')}</h3>
        {asOf && <span className="muted small">{t('detail.whyAsOf', { date: asOf })}</span>}
      </div>
      <p className="why-status">
        <StatusBadge status={evaluation.status} />
        {evaluation.expiresAt && (
          // expiresAt is the first day it no longer counts; people think in last days.
          <span className="muted"> {t('detail.expiresOn', { date: addDays(evaluation.expiresAt, -1) })}</span>
        )}
        {since && (
          <span className="why-since" data-testid="status-since">
            {' '}
            {since}
          </span>
        )}
      </p>
      <ul className="reasons" data-testid="reasons">
        {evaluation.reasons.map((code) => (
          <li key={code} data-reason={code}>
            {reasonSentence(t, code)}
          </li>
        ))}
      </ul>
      <p className="explanation" data-testid="explanation">
        {detail.explanation}
      </p>
      <p className="muted small">{t('detail.rule', { rule: evaluation.rule })}</p>
    </section>
  );
}
