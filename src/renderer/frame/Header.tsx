import { useTranslation } from 'react-i18next';
import { useAsOf, useApp } from '../state/app.ts';
import { formatDay } from '../util/format.ts';

/** Whose list this is, under which policy, and which day the statuses are for. */
export function Header() {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);
  const asOf = useAsOf();
  const isToday = info !== null && asOf === info.today;
  return (
    <header className="topbar" data-testid="header">
      <span>
        {t('app.brand')}: <strong data-testid="header-brand">{info ? (info.brand ?? t('app.noBrand')) : '…'}</strong>
      </span>
      <span>
        {t('app.policy')}: <strong data-testid="header-policy">{info ? t(`settings.policyNames.${info.policy}`) : '…'}</strong>
      </span>
      <span>
        {t('app.asOf')}:{' '}
        <strong data-testid="header-as-of" className={isToday ? '' : 'not-today'}>
          {asOf === null ? '…' : isToday ? t('app.asOfToday', { date: formatDay(asOf, i18n.language) }) : formatDay(asOf, i18n.language)}
        </strong>
      </span>
    </header>
  );
}
