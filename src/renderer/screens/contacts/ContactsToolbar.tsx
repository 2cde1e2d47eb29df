// Search (debounced, so typing does not query a million rows per keystroke), the as-of date
// and the sort order.

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../shared/dates/iso-date.ts';
import { useApp } from '../../state/app.ts';
import { useContacts } from '../../state/contacts.ts';
import { SORT_KEYS, type SortKey } from '../../vocabulary.ts';

const SEARCH_DELAY_MS = 300;

export function ContactsToolbar() {
  const { t } = useTranslation();
  const { query, setQuery } = useContacts();
  const today = useApp((s) => s.info?.today ?? '');
  const [text, setText] = useState(query.search);
  const pushed = useRef(query.search);

  // Push the search after a pause in typing.
  useEffect(() => {
    if (text === pushed.current) return;
    const timer = setTimeout(() => {
      pushed.current = text;
      setQuery({ search: text });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, setQuery]);

  // The search was changed elsewhere ("clear filters"): show it.
  useEffect(() => {
    if (query.search !== pushed.current) {
      pushed.current = query.search;
      setText(query.search);
    }
  }, [query.search]);

  return (
    <div className="toolbar" role="search">
      <div className="field inline-field grow">
        <label htmlFor="contacts-search">{t('contacts.search')}</label>
        <input
          id="contacts-search"
          type="search"
          value={text}
          placeholder={t('contacts.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          data-testid="contacts-search"
        />
      </div>
      <div className="field inline-field">
        <label htmlFor="contacts-as-of">{t('contacts.asOf')}</label>
        <input
          id="contacts-as-of"
          type="date"
          value={query.asOf ?? today}
          title={t('contacts.asOfHelp')}
          onChange={(e) => {
            const value = e.target.value;
            // The date input gives '' while a date is half typed: wait for a whole date (and
            // do not re-render, or React would reset the half-typed field).
            if (!isIsoDate(value)) return;
            const asOf = value === today ? null : value;
            if (asOf !== query.asOf) setQuery({ asOf });
          }}
          data-testid="as-of"
        />
        {query.asOf !== null && (
          <button type="button" className="link" onClick={() => setQuery({ asOf: null })} data-testid="as-of-today">
            {t('contacts.resetAsOf')}
          </button>
        )}
      </div>
      <div className="field inline-field">
        <label htmlFor="contacts-sort">{t('contacts.sort')}</label>
        <select id="contacts-sort" value={query.sort} onChange={(e) => setQuery({ sort: e.target.value as SortKey })} data-testid="contacts-sort">
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {t(`contacts.sorts.${key}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="checkbox-field inline-field">
        <input id="contacts-warned" type="checkbox" checked={query.warned === true} onChange={(e) => setQuery({ warned: e.target.checked })} data-testid="contacts-warned" />
        <label htmlFor="contacts-warned">{t('contacts.hasWarning')}</label>
      </div>
    </div>
  );
}
