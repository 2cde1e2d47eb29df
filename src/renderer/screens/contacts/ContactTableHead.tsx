import { useTranslation } from 'react-i18next';
import { listFilter, useContacts } from '../../state/contacts.ts';
import { useSelection } from '../../state/selection.ts';

/** Column headers; the checkbox selects every contact matching the filter, or clears. */
export function ContactTableHead() {
  const { t } = useTranslation();
  const { query, total } = useContacts();
  const selection = useSelection();
  const allSelected = total !== null && total > 0 && selection.ids.size >= total;
  const someSelected = selection.ids.size > 0 && !allSelected;

  const onChange = (): void => {
    if (allSelected || someSelected) selection.clear();
    else void selection.selectAllMatching(listFilter(query)); // reports its own errors
  };

  return (
    <div className="table-head" role="row" aria-rowindex={1}>
      <span role="columnheader" className="col-check">
        <input
          type="checkbox"
          checked={allSelected}
          ref={(el) => {
            if (el) el.indeterminate = someSelected;
          }}
          disabled={!total || selection.collecting !== null}
          aria-label={t('contacts.selectAllHeader')}
          onChange={onChange}
          data-testid="select-all-checkbox"
        />
      </span>
      <span role="columnheader" className="col-email">
        {t('contacts.email')}
      </span>
      <span role="columnheader" className="col-name">
        {t('contacts.name')}
      </span>
      <span role="columnheader" className="col-company">
        {t('contacts.company')}
      </span>
      <span role="columnheader" className="col-status">
        {t('contacts.status')}
      </span>
      <span role="columnheader" className="col-expires">
        {t('contacts.expires')}
      </span>
    </div>
  );
}
