// The contacts query (status filter, search, as-of date, sort) and the pages of results.
// The table shows a window of a list that may hold a million contacts, so rows are fetched
// 200 at a time by offset when they scroll into view, and kept per page.

import { create } from 'zustand';
import type { ContactSummary } from '../../shared/contract/dto.ts';
import type { RequestInput } from '../../shared/contract/requests.ts';
import type { IsoDate, Status } from '../../shared/consent/vocabulary.ts';
import { api } from '../api/client.ts';
import { SORT_KEYS, type SortKey } from '../vocabulary.ts';

export const PAGE_SIZE = 200;

export interface ContactsQuery {
  status: Status[];
  search: string;
  /** null = today (the server's date). */
  asOf: IsoDate | null;
  sort: SortKey;
  /** Only contacts with an open import warning (a typo hint, a role or disposable address…). */
  warned?: boolean;
}

interface Page {
  items: ContactSummary[];
  /** The data revision the page was fetched at; older pages are shown until replaced. */
  revision: number;
}

interface ContactsState {
  query: ContactsQuery;
  /** Matching contacts; null until the first page of this query arrives. */
  total: number | null;
  pages: ReadonlyMap<number, Page>;
  revision: number;
  error: unknown;
  setQuery(patch: Partial<ContactsQuery>): void;
  /** Fetches the pages that are missing or older than the current revision. */
  ensurePages(pageNumbers: Iterable<number>): void;
  /** Stored contacts changed: refetch what is on screen, keep showing it meanwhile. */
  invalidate(): void;
}

/** The contacts.list filter for a query (without paging). */
export function listFilter(query: ContactsQuery): Pick<RequestInput<'contacts.list'>, 'status' | 'search' | 'asOf' | 'sort' | 'warned'> {
  return {
    status: query.status.length > 0 ? query.status : undefined,
    search: query.search.trim() || undefined,
    asOf: query.asOf ?? undefined,
    sort: query.sort,
    warned: query.warned === true ? true : undefined,
  };
}

// The sort order the user last chose, kept for the next start. Default: most recently added
// first, so the first view shows the people just imported or typed in.
const SORT_STORAGE_KEY = 'tillit.contacts.sort';

function storedSort(): SortKey {
  try {
    const stored = localStorage.getItem(SORT_STORAGE_KEY);
    return SORT_KEYS.find((key) => key === stored) ?? 'added';
  } catch {
    return 'added'; // storage unavailable (a locked-down browser): the default
  }
}

function storeSort(sort: SortKey): void {
  try {
    localStorage.setItem(SORT_STORAGE_KEY, sort);
  } catch {
    // not kept; the choice still holds for this session
  }
}

// Requests in flight, by query + page + revision, so scrolling does not ask twice.
const inFlight = new Set<string>();

export const useContacts = create<ContactsState>((set, get) => ({
  query: { status: [], search: '', asOf: null, sort: storedSort() },
  total: null,
  pages: new Map(),
  revision: 0,
  error: null,

  setQuery(patch) {
    const query = { ...get().query, ...patch };
    if (patch.sort !== undefined) storeSort(patch.sort);
    set({ query, pages: new Map(), total: null, error: null, revision: get().revision + 1 });
  },

  ensurePages(pageNumbers) {
    const { query, revision, pages } = get();
    const key = JSON.stringify(query);
    const stillCurrent = (): boolean => JSON.stringify(get().query) === key;
    for (const page of pageNumbers) {
      if (page < 0 || (pages.get(page)?.revision ?? -1) >= revision) continue;
      const flightKey = `${key}|${page}|${revision}`;
      if (inFlight.has(flightKey)) continue;
      inFlight.add(flightKey);
      api
        .call('contacts.list', { ...listFilter(query), offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((result) => {
          if (!stillCurrent()) return; // the query changed meanwhile: drop the answer
          const next = new Map(get().pages);
          next.set(page, { items: result.items, revision });
          set({ pages: next, total: result.total, error: null });
        })
        .catch((error: unknown) => {
          if (stillCurrent()) set({ error });
        })
        .finally(() => inFlight.delete(flightKey));
    }
  },

  invalidate: () => set({ revision: get().revision + 1 }),
}));

/** The contact at a row index, if its page is loaded. */
export function contactAt(pages: ReadonlyMap<number, Page>, index: number): ContactSummary | undefined {
  return pages.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE];
}
