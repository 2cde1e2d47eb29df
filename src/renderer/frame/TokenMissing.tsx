import { useTranslation } from 'react-i18next';

/** Browser mode without a valid token: the loopback server refuses every call. */
export function TokenMissing() {
  const { t } = useTranslation();
  return (
    <main className="token-missing" data-testid="token-missing">
      <h1>{t('token.title')}</h1>
      <p>{t('token.body')}</p>
    </main>
  );
}
