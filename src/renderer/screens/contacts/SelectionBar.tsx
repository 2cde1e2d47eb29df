// What is selected, and what can be done with it: select everything matching the filter
// (collected page by page, with progress and a way to stop), clear, record evidence in bulk.

import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { listFilter, useContacts } from '../../state/contacts.ts';
import { useSelection } from '../../state/selection.ts';
import { formatNumber } from '../../util/format.ts';

export function SelectionBar({ onRecord }: { onRecord(): void }) {
  const { t, i18n } = useTranslation();
  const { query, total } = useContacts();
  const { ids, collecting, error, selectAllMatching, cancelCollecting, clear } = useSelection();
  const n = (value: number): string => formatNumber(value, i18n.language);

  return (
    <div className="selection-bar" data-testid="selection-bar">
      {ids.size > 0 && (
        <span className="selected-count" data-testid="selected-count">
          {t('selection.selected', { count: ids.size })}
        </span>
      )}
      {collecting ? (
        <>
          <span className="muted" role="status">
            {t('selection.selecting', { done: n(collecting.done), total: n(collecting.total) })}
          </span>
          <button type="button" className="link" onClick={cancelCollecting}>
            {t('common.cancel')}
          </button>
        </>
      ) : (
        total !== null &&
        total > 0 &&
        ids.size < total && (
          <button type="button" className="link" onClick={() => void selectAllMatching(listFilter(query))} data-testid="select-all">
            {t('selection.selectAll', { count: total })}
          </button>
        )
      )}
      {ids.size > 0 && (
        <>
          <button type="button" className="link" onClick={clear} data-testid="clear-selection">
            {t('selection.clear')}
          </button>
          <button type="button" className="primary" onClick={onRecord} data-testid="bulk-record">
            {t('selection.record', { count: ids.size })}
          </button>
        </>
      )}
      <ErrorText error={error} />
    </div>
  );
}
