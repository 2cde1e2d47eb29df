// Review: who may not be mailed as of the chosen date and why, whose implicit consent runs
// out soon, and bulk evidence for a whole group.

import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useApp, useAsOf } from '../../state/app.ts';
import { formatDay } from '../../util/format.ts';
import { REVIEW_GROUPS } from './groups.ts';
import { ReviewGroup } from './ReviewGroup.tsx';

export function ReviewScreen() {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);
  const navigate = useApp((s) => s.navigate);
  const asOf = useAsOf();

  if (info && info.contactCount === 0) {
    return (
      <>
        <ScreenTitle>{t('review.title')}</ScreenTitle>
        <EmptyState
          title={t('review.emptyTitle')}
          testId="review-empty"
          action={
            <button type="button" className="primary" onClick={() => navigate('import')}>
              {t('contacts.goImport')}
            </button>
          }
        >
          {t('review.emptyHint')}
        </EmptyState>
      </>
    );
  }

  return (
    <div className="review">
      <ScreenTitle>{t('review.title')}</ScreenTitle>
      {asOf && <p className="muted intro">{t('review.intro', { date: formatDay(asOf, i18n.language) })}</p>}
      {asOf && REVIEW_GROUPS.map((group) => <ReviewGroup key={group.id} group={group} asOf={asOf} />)}
    </div>
  );
}
