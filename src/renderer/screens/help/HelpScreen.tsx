// The built-in guide: what each status means, what counts as consent (the rulebook's own
// examples, seed 003: acceptable, not acceptable, to be checked first), and which policy fits
// which business. Every word comes from the translations, so it reads the same in both languages.

import { useTranslation } from 'react-i18next';
import { STATUSES } from '../../../shared/consent/vocabulary.ts';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useApp } from '../../state/app.ts';
import { POLICY_CHOICES } from '../../vocabulary.ts';

const ACCEPTABLE = ['form', 'purchase', 'contract', 'donation', 'membership', 'newsletter', 'ad', 'booth'] as const;
const NOT_ACCEPTABLE = ['bought', 'members', 'previous', 'otherBrand', 'vendors', 'direct', 'organiser'] as const;
const VERIFY = ['personal', 'staff', 'acquisition', 'inPerson', 'role'] as const;
/** The policies in the order a reader looks for their country. */
const POLICY_ORDER = ['eu-soft-opt-in', 'casl', 'default'] as const satisfies readonly (typeof POLICY_CHOICES)[number][];

export function HelpScreen() {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const current = useApp((s) => s.info?.policy ?? null);
  return (
    <div className="help-screen" data-testid="help">
      <ScreenTitle>{t('help.title')}</ScreenTitle>
      <p className="intro">{t('help.intro')}</p>

      <section className="card" aria-labelledby="help-statuses">
        <h2 id="help-statuses">{t('help.statusesTitle')}</h2>
        <dl className="help-statuses">
          {STATUSES.map((status) => (
            <div key={status}>
              <dt>
                <StatusBadge status={status} />
              </dt>
              <dd>{t(`help.statuses.${status}`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card" aria-labelledby="help-consent">
        <h2 id="help-consent">{t('help.consentTitle')}</h2>
        <p>{t('help.explicitImplicit')}</p>
        <div className="help-groups">
          <section className="help-group group-acceptable" aria-labelledby="help-acceptable">
            <h3 id="help-acceptable">{t('help.acceptableTitle')}</h3>
            <ul>
              {ACCEPTABLE.map((key) => (
                <li key={key}>{t(`help.acceptable.${key}`)}</li>
              ))}
            </ul>
            <p className="muted small">{t('help.acceptableAdvice')}</p>
          </section>
          <section className="help-group group-not-acceptable" aria-labelledby="help-not-acceptable">
            <h3 id="help-not-acceptable">{t('help.notAcceptableTitle')}</h3>
            <ul>
              {NOT_ACCEPTABLE.map((key) => (
                <li key={key}>{t(`help.notAcceptable.${key}`)}</li>
              ))}
            </ul>
          </section>
          <section className="help-group group-verify" aria-labelledby="help-verify">
            <h3 id="help-verify">{t('help.verifyTitle')}</h3>
            <ul>
              {VERIFY.map((key) => (
                <li key={key}>{t(`help.verify.${key}`)}</li>
              ))}
            </ul>
          </section>
        </div>
      </section>

      <section className="card" aria-labelledby="help-policy">
        <h2 id="help-policy">{t('help.policyTitle')}</h2>
        <p>{t('help.policyIntro')}</p>
        <dl className="help-policies">
          {POLICY_ORDER.map((id) => (
            <div key={id} className={current === id ? 'current' : ''}>
              <dt>
                {t(`settings.policyNames.${id}`)}
                {current === id && <span className="muted"> · {t('help.current')}</span>}
              </dt>
              <dd>{t(`help.policies.${id}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">{t('help.example')}</p>
        <div className="actions">
          <button type="button" onClick={() => navigate('settings')} data-testid="help-open-settings">
            {t('help.openSettings')}
          </button>
        </div>
      </section>
    </div>
  );
}
