import { useTranslation } from 'react-i18next';
import type { ImportCounts as Counts } from '../../../shared/contract/dto.ts';
import { formatNumber } from '../../util/format.ts';

const ITEMS = [
  ['rows', 'count-rows'],
  ['added', 'count-added'],
  ['merged', 'count-merged'],
  ['duplicates', 'count-duplicates'],
  ['rejected', 'count-rejected'],
] as const;

/** Every row read lands in exactly one bucket: new, merged, duplicate in file, or rejected. */
export function ImportCounts({ counts }: { counts: Counts }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="counts" aria-label={t('import.countsLabel')} data-testid="import-counts">
      {ITEMS.map(([key, testId]) => (
        <div key={key} className={`count count-${key} ${key === 'rejected' && counts.rejected > 0 ? 'warn' : ''}`}>
          <dt>{t(`import.counts.${key}`)}</dt>
          {/* The raw number in data-value; the text is formatted for the language. */}
          <dd data-testid={testId} data-value={counts[key]}>
            {formatNumber(counts[key], i18n.language)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
