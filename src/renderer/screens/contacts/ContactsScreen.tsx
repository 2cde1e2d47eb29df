// Contacts: filter by status (with counts), search, pick the as-of date, select for bulk
// evidence, and open a contact's detail.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES, type Status } from '../../../shared/consent/vocabulary.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { useApp } from '../../state/app.ts';
import { ContactDetail } from './ContactDetail.tsx';
import { ContactTable } from './ContactTable.tsx';
import { RecordEvidenceForm } from './RecordEvidenceForm.tsx';

export function ContactsScreen() {
  const { t } = useTranslation();
  const { query, setQuery, summary, selection, setSelection, openContactId, go, refresh } = useApp();
  const [search, setSearch] = useState(query.search);
  const [total, setTotal] = useState(0);
  const [bulk, setBulk] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);

  // Debounced search.
  useEffect(() => {
    const timer = setTimeout(() => setQuery({ search }), 250);
    return () => clearTimeout(timer);
  }, [search, setQuery]);

  const toggleStatus = (status: Status): void => {
    const next = query.status.includes(status) ? query.status.filter((s) => s !== status) : [...query.status, status];
    setQuery({ status: next });
  };

  async function selectAllMatching(): Promise<void> {
    try {
      const ids: number[] = [];
      for (let offset = 0; offset < total; offset += 1000) {
        const page = await api.call('contacts.list', {
          offset,
          limit: 1000,
          status: query.status.length > 0 ? query.status : undefined,
          search: query.search || undefined,
          asOf: query.asOf ?? undefined,
        });
        ids.push(...page.items.map((c) => c.id));
      }
      setSelection(ids);
    } catch (e) {
      setError(e);
    }
  }

  if (summary && summary.total === 0 && !query.search && query.status.length === 0) {
    return (
      <section className="empty-state" data-testid="contacts-empty">
        <h2>{t('contacts.empty')}</h2>
        <p>{t('contacts.emptyHint')}</p>
        <button type="button" className="primary" onClick={() => go('import')}>
          {t('contacts.goImport')}
        </button>
      </section>
    );
  }

  return (
    <div className={`contacts ${openContactId ? 'with-detail' : ''}`}>
      <section className="contacts-main">
        <div className="toolbar">
          <input
            type="search"
            className="search"
            placeholder={t('contacts.search')}
            aria-label={t('contacts.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="contacts-search"
          />
          <label className="inline">
            {t('app.asOf')}{' '}
            <input type="date" value={query.asOf ?? ''} onChange={(e) => setQuery({ asOf: e.target.value || null })} data-testid="as-of" />
          </label>
        </div>
        <div className="chips" role="group" aria-label={t('contacts.status')}>
          <button type="button" className={`chip ${query.status.length === 0 ? 'on' : ''}`} aria-pressed={query.status.length === 0} onClick={() => setQuery({ status: [] })}>
            {t('contacts.all')} {summary ? `(${summary.total})` : ''}
          </button>
          {STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              className={`chip chip-${status} ${query.status.includes(status) ? 'on' : ''}`}
              aria-pressed={query.status.includes(status)}
              onClick={() => toggleStatus(status)}
              data-testid={`filter-${status}`}
            >
              {t(`status.${status}`)} {summary ? `(${summary.byStatus[status]})` : ''}
            </button>
          ))}
        </div>
        <div className="selection-bar">
          <span className="muted" data-testid="contacts-count">
            {t('contacts.count', { shown: total, total: summary?.total ?? total })}
          </span>
          {total > 0 && (
            <button type="button" className="link" onClick={() => void selectAllMatching()} data-testid="select-all">
              {t('contacts.selectAll', { count: total })}
            </button>
          )}
          {selection.size > 0 && (
            <>
              <button type="button" className="link" onClick={() => setSelection([])}>
                {t('contacts.clearSelection')}
              </button>
              <button type="button" className="primary" onClick={() => setBulk(true)} data-testid="bulk-record">
                {t('contacts.recordForSelection', { count: selection.size })}
              </button>
            </>
          )}
        </div>
        <ErrorText error={error} />
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {bulk && (
          <RecordEvidenceForm
            contactIds={[...selection]}
            onCancel={() => setBulk(false)}
            onDone={(message) => {
              setBulk(false);
              setNotice(message);
              setSelection([]);
              void refresh();
            }}
          />
        )}
        {total === 0 && summary && summary.total > 0 && <p className="muted">{t('contacts.noMatch')}</p>}
        <ContactTable query={query} onTotal={setTotal} />
      </section>
      {openContactId !== null && <ContactDetail id={openContactId} />}
    </div>
  );
}
