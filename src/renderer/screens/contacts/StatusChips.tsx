// Status filter chips with the count of each status (as of the chosen date). Several can be
// on at once; "All" clears them. Each chip is a toggle button (aria-pressed).

import { useTranslation } from 'react-i18next';
import type { StatusSummary } from '../../../shared/contract/dto.ts';
import { STATUSES, type Status } from '../../../shared/consent/vocabulary.ts';
import { useContacts } from '../../state/contacts.ts';
import { formatNumber } from '../../util/format.ts';

export function StatusChips({ summary }: { summary: StatusSummary | null }) {
  const { t, i18n } = useTranslation();
  const { query, setQuery } = useContacts();
  const count = (n: number | undefined): string => (n === undefined ? '…' : formatNumber(n, i18n.language));

  const toggle = (status: Status): void => {
    const on = query.status.includes(status);
    setQuery({ status: on ? query.status.filter((s) => s !== status) : [...query.status, status] });
  };

  return (
    <div className="chips" role="group" aria-label={t('contacts.filters')}>
      <button
        type="button"
        className={`chip ${query.status.length === 0 ? 'on' : ''}`}
        aria-pressed={query.status.length === 0}
        onClick={() => setQuery({ status: [] })}
        data-testid="filter-all"
      >
        {t('contacts.chip', { label: t('contacts.all'), n: count(summary?.total) })}
      </button>
      {STATUSES.map((status) => (
        <button
          key={status}
          type="button"
          className={`chip chip-${status} ${query.status.includes(status) ? 'on' : ''}`}
          aria-pressed={query.status.includes(status)}
          onClick={() => toggle(status)}
          data-testid={`filter-${status}`}
        >
          <span className={`dot dot-${status}`} aria-hidden="true" />
          {t('contacts.chip', { label: t(`status.${status}`), n: count(summary?.byStatus[status]) })}
        </button>
      ))}
    </div>
  );
}
