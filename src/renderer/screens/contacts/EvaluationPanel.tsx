// "May I mail this person?": the status, the reasons as sentences in the user's language,
// what the status means and what to do, and the rule that decided, in words. (The server's
// explanation, in English with rule numbers and citations, is for the CLI and the reports.)

import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ContactDetail } from '../../../shared/contract/dto.ts';
import type { Evaluation } from '../../../shared/consent/types.ts';
import { isMailable } from '../../../shared/consent/vocabulary.ts';
import { addDays } from '../../../shared/consent/dates.ts';
import { reasonSentence } from '../../components/reasons.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useAsOf } from '../../state/app.ts';
import { formatDateShort, formatDay } from '../../util/format.ts';

const POLICY_IDS = ['default', 'casl', 'eu-soft-opt-in'] as const;
const RULES = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;

/** What the status means for the user and what to do about it. */
function explanation(t: TFunction, evaluation: Evaluation, language: string): string {
  const deciding = evaluation.reasons[0];
  switch (evaluation.status) {
    case 'implicit':
      return evaluation.expiresAt === null
        ? t('explain.implicitOpen')
        : t('explain.implicit', { date: formatDay(addDays(evaluation.expiresAt, -1), language) });
    case 'not-permitted':
      return deciding === 'role-address' ? t('explain.notPermittedRole') : t('explain.not-permitted');
    case 'unsubscribed':
      return deciding === 'complaint' ? t('explain.complaint') : t('explain.unsubscribed');
    default:
      return t(`explain.${evaluation.status}`);
  }
}

/** "default/6" → the policy's name and rule 6 in words. */
function decidedBy(t: TFunction, rule: string): string {
  const [policyId, number] = rule.split('/');
  const policy = POLICY_IDS.find((id) => id === policyId);
  const known = RULES.find((n) => n === number);
  return t('detail.rule', {
    policy: policy ? t(`settings.policyNames.${policy}`) : (policyId ?? ''),
    rule: known ? t(`detail.rules.${known}`) : t('detail.ruleUnknown', { rule }),
  });
}

export function EvaluationPanel({ detail }: { detail: ContactDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const asOf = useAsOf();
  const { evaluation } = detail;
  const mailable = isMailable(evaluation.status);
  // Why, in one line: the event that unsubscribed or bounced them, and when.
  const deciding = detail.events.find((e) => e.id === evaluation.decidingEventId);
  const since =
    deciding && (evaluation.status === 'unsubscribed' || evaluation.status === 'bounced')
      ? t(deciding.kind === 'complaint' ? 'detail.complainedOn' : evaluation.status === 'bounced' ? 'detail.bouncedOn' : 'detail.unsubscribedOn', {
          date: formatDateShort(deciding.date, i18n.language),
        })
      : null;
  return (
    <section className={`why ${mailable ? 'why-ok' : 'why-no'}`} aria-labelledby="why-title" data-testid="evaluation">
      <div className="why-head">
        <h3 id="why-title">{t('detail.why')}</h3>
        {asOf && <span className="muted small">{t('detail.whyAsOf', { date: formatDay(asOf, language) })}</span>}
      </div>
      <p className="why-status">
        <StatusBadge status={evaluation.status} />
        {evaluation.expiresAt && (
          // expiresAt is the first day it no longer counts; people think in last days.
          <span className="muted"> {t('detail.expiresOn', { date: formatDay(addDays(evaluation.expiresAt, -1), language) })}</span>
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
        {explanation(t, evaluation, language)}
      </p>
      <p className="muted small" data-testid="decided-by">
        {decidedBy(t, evaluation.rule)}
      </p>
    </section>
  );
}
