// The contacts table: virtualized (only visible rows are in the DOM) and paged (rows are
// fetched 200 at a time as they scroll into view), so a million contacts stay smooth.

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../shared/contract/dto.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useApp, type ContactsQuery } from '../../state/app.ts';

const PAGE = 200;
const ROW_HEIGHT = 40;

export function ContactTable({ query, onTotal }: { query: ContactsQuery; onTotal(total: number): void }) {
  const { t } = useTranslation();
  const { revision, selection, toggleSelected, openContact, openContactId } = useApp();
  const [rows, setRows] = useState<Map<number, ContactSummary>>(new Map());
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const loading = useRef(new Set<number>());
  const scroller = useRef<HTMLDivElement>(null);

  const loadPage = async (page: number, reset = false): Promise<void> => {
    if (loading.current.has(page) && !reset) return;
    loading.current.add(page);
    try {
      const result = await api.call('contacts.list', {
        offset: page * PAGE,
        limit: PAGE,
        status: query.status.length > 0 ? query.status : undefined,
        search: query.search || undefined,
        asOf: query.asOf ?? undefined,
      });
      setTotal(result.total);
      onTotal(result.total);
      setRows((previous) => {
        const next = reset ? new Map<number, ContactSummary>() : new Map(previous);
        result.items.forEach((item, i) => next.set(page * PAGE + i, item));
        return next;
      });
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      loading.current.delete(page);
    }
  };

  useEffect(() => {
    loading.current.clear();
    void loadPage(0, true);
    scroller.current?.scrollTo({ top: 0 });
  }, [query, revision]);

  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    const missing = new Set<number>();
    for (const item of items) if (!rows.has(item.index)) missing.add(Math.floor(item.index / PAGE));
    for (const page of missing) void loadPage(page);
  }, [items, rows]);

  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, index: number, contact: ContactSummary | undefined): void => {
    if (!contact) return;
    if (event.key === 'Enter') openContact(contact.id);
    else if (event.key === ' ') {
      event.preventDefault();
      toggleSelected(contact.id);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.max(0, Math.min(total - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
      virtualizer.scrollToIndex(next);
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
    }
  };

  return (
    <div className="table" role="grid" aria-rowcount={total} aria-label={t('contacts.title')}>
      <div className="table-head" role="row">
        <span role="columnheader" className="col-check" aria-label={t('common.selected', { count: selection.size })} />
        <span role="columnheader" className="col-email">{t('contacts.email')}</span>
        <span role="columnheader" className="col-name">{t('contacts.name')}</span>
        <span role="columnheader" className="col-company">{t('contacts.company')}</span>
        <span role="columnheader" className="col-status">{t('contacts.status')}</span>
        <span role="columnheader" className="col-expires">{t('contacts.expires')}</span>
      </div>
      <ErrorText error={error} />
      <div className="table-body" ref={scroller} data-testid="contacts-table">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const contact = rows.get(item.index);
            return (
              <div
                key={item.key}
                role="row"
                tabIndex={0}
                data-index={item.index}
                data-testid="contact-row"
                aria-selected={contact ? selection.has(contact.id) : false}
                className={`table-row ${contact && contact.id === openContactId ? 'open' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => contact && openContact(contact.id)}
                onKeyDown={(e) => onRowKey(e, item.index, contact)}
              >
                {contact ? (
                  <>
                    <span role="gridcell" className="col-check" onClick={(e) => e.stopPropagation()}>
                      <input
                        type="checkbox"
                        checked={selection.has(contact.id)}
                        onChange={() => toggleSelected(contact.id)}
                        aria-label={t('contacts.selectRow', { email: contact.email })}
                        tabIndex={-1}
                      />
                    </span>
                    <span role="gridcell" className="col-email">{contact.email}</span>
                    <span role="gridcell" className="col-name">{[contact.firstName, contact.lastName].filter(Boolean).join(' ')}</span>
                    <span role="gridcell" className="col-company">{contact.company}</span>
                    <span role="gridcell" className="col-status">
                      <StatusBadge status={contact.status} />
                    </span>
                    <span role="gridcell" className="col-expires">{contact.consentExpiresAt ?? ''}</span>
                  </>
                ) : (
                  <span className="muted">{t('common.loading')}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
