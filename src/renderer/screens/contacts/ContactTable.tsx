// The contacts table: virtualized (only the rows in view are in the DOM) and paged (rows are
// fetched 200 at a time by offset as they scroll into view), so a million contacts scroll
// smoothly. Keyboard: arrows, Page Up/Down, Home/End move; Enter opens; Space selects.
//
// A million rows of 44 px is 44 million pixels, more than a browser lays out (Chromium stops
// near 33.5 million): past MAX_CANVAS the scrollbar is scaled. The virtualizer works in
// "virtual" pixels; the scroll element in physical ones; the two adapters below convert.

import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useContact } from '../../state/contact.ts';
import { contactAt, PAGE_SIZE, useContacts } from '../../state/contacts.ts';
import { useSelection } from '../../state/selection.ts';
import { formatNumber } from '../../util/format.ts';
import { ContactRow, ROW_HEIGHT } from './ContactRow.tsx';
import { ContactTableHead } from './ContactTableHead.tsx';

/** Tallest scroll canvas we ask the browser for, in pixels (well under every engine's limit). */
const MAX_CANVAS = 8_000_000;

export function ContactTable() {
  const { t, i18n } = useTranslation();
  const { query, pages, total, revision, ensurePages } = useContacts();
  const selection = useSelection();
  const openId = useContact((s) => s.openId);
  const open = useContact((s) => s.open);
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const count = total ?? 0;

  // virtual offset = physical offset × ratio (1 while the list fits in MAX_CANVAS).
  const viewport = scroller.current?.clientHeight ?? 0;
  const virtualTotal = count * ROW_HEIGHT;
  const canvasHeight = Math.min(virtualTotal, MAX_CANVAS);
  const ratio = virtualTotal > MAX_CANVAS && canvasHeight > viewport ? (virtualTotal - viewport) / (canvasHeight - viewport) : 1;
  // Read by the adapters, which the virtualizer may call between renders.
  const ratioRef = useRef(ratio);
  ratioRef.current = ratio;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    observeElementOffset: (instance, onOffset) =>
      observeElementOffset(instance, (offset, isScrolling) => onOffset(offset * ratioRef.current, isScrolling)),
    scrollToFn: (offset, options, instance) => elementScroll(offset / ratioRef.current, options, instance),
  });
  const items = virtualizer.getVirtualItems();
  // Rows sit at their virtual position minus the distance between virtual and physical scroll.
  const virtualOffset = virtualizer.scrollOffset ?? 0;
  const shift = virtualOffset - virtualOffset / ratio;
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  // Fetch the pages the visible rows fall on (page 0 first, to learn the total).
  useEffect(() => {
    if (total === null) return ensurePages([0]);
    const needed: number[] = [];
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) needed.push(page);
    ensurePages(needed);
  }, [first, last, total, revision, ensurePages]);

  // With a scaled scrollbar a wheel notch would jump several screens: scroll the rows the
  // wheel asked for instead. (A native listener: React's wheel listener is passive.)
  useEffect(() => {
    const el = scroller.current;
    if (!el || ratio === 1) return;
    const onWheel = (event: WheelEvent): void => {
      if (event.ctrlKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) return; // zoom, sideways
      event.preventDefault();
      const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? ROW_HEIGHT : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? el.clientHeight : 1;
      el.scrollTop += (event.deltaY * unit) / ratio;
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [ratio]);

  // A new query starts at the top.
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    setActive(0);
    scroller.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  // Keyboard moves focus to a row that may only now have been rendered.
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusPending.current = false;
    }
  }, [active, items]);

  const moveTo = (index: number): void => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    focusPending.current = true;
    // Scroll just enough to show the row. Done here rather than with scrollToIndex, which
    // clamps to the physical scroll height and so cannot reach the end of a scaled list.
    const el = scroller.current;
    if (!el) return;
    const top = next * ROW_HEIGHT;
    const view = el.clientHeight;
    const current = el.scrollTop * ratio;
    const target = top < current ? top : top + ROW_HEIGHT > current + view ? top + ROW_HEIGHT - view : current;
    if (target !== current) el.scrollTop = target / ratio;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target instanceof HTMLInputElement) return; // a checkbox handles its own keys
    const perPage = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const contact = contactAt(pages, active);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(active + 1);
        break;
      case 'ArrowUp':
        moveTo(active - 1);
        break;
      case 'PageDown':
        moveTo(active + perPage);
        break;
      case 'PageUp':
        moveTo(active - perPage);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(count - 1);
        break;
      case 'Enter':
        if (contact) open(contact.id);
        break;
      case ' ':
        if (contact) selection.toggle(contact.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  // The row that takes Tab: the active one, or the first in view when it scrolled away.
  const activeRendered = items.some((item) => item.index === active);
  const tabbable = activeRendered ? active : first;

  return (
    <div
      className="table"
      role="grid"
      aria-rowcount={count + 1}
      aria-multiselectable="true"
      aria-label={t('contacts.table', { n: formatNumber(count, i18n.language) })}
      data-testid="contacts-table"
    >
      <ContactTableHead />
      <div className="table-body" ref={scroller} onKeyDown={onKeyDown} data-testid="contacts-scroller">
        {total === null && (
          <p className="table-loading busy" role="status">
            {t('common.loading')}
          </p>
        )}
        {/* React sets style through the CSSOM, which the CSP (no 'unsafe-inline') allows. */}
        <div className="table-canvas" style={{ height: canvasHeight }}>
          {items.map((item) => {
            const contact = contactAt(pages, item.index);
            return (
              <ContactRow
                key={item.key}
                index={item.index}
                top={item.start - shift}
                contact={contact}
                tabbable={item.index === tabbable}
                selected={contact ? selection.ids.has(contact.id) : false}
                isOpen={contact !== undefined && contact.id === openId}
                onFocus={() => setActive(item.index)}
                onOpen={() => contact && open(contact.id)}
                onToggle={() => contact && selection.toggle(contact.id)}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
