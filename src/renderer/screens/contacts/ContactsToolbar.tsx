// Search (debounced, so typing does not query a million rows per keystroke), the as-of date
// and the sort order.

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
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
      <div className="as-of-field">
        <DateField
          id="contacts-as-of"
          label={t('contacts.asOf')}
          className="inline-field"
          compact
          value={query.asOf ?? today}
          onChange={(date) => {
            // Only a whole date changes the list; a half-typed one shows why it is not used.
            if (date === null) return;
            const asOf = date === today ? null : date;
            if (asOf !== query.asOf) setQuery({ asOf });
          }}
          testId="as-of"
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
