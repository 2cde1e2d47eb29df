// The contacts ticked for bulk evidence, by id. "Select all matching" pages through
// contacts.list for the ids, so it works for a filter matching hundreds of thousands.

import { create } from 'zustand';
import type { RequestInput } from '../../shared/contract/requests.ts';
import { api } from '../api/client.ts';

export type ContactFilter = Omit<RequestInput<'contacts.list'>, 'offset' | 'limit'>;

const ID_PAGE = 1000; // the contract's largest page

/**
 * Every id matching a filter, a page at a time. Returns null when `cancelled()` turns true
 * between pages. Rejects on an API error.
 */
export async function collectContactIds(
  filter: ContactFilter,
  options: { onProgress?(done: number, total: number): void; cancelled?(): boolean } = {},
): Promise<number[] | null> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += ID_PAGE) {
    const page = await api.call('contacts.list', { ...filter, offset, limit: ID_PAGE });
    if (options.cancelled?.()) return null;
    for (const contact of page.items) ids.push(contact.id);
    const done = Math.min(offset + page.items.length, page.total);
    options.onProgress?.(done, page.total);
    if (page.items.length === 0 || done >= page.total) return ids;
  }
}

interface SelectionState {
  ids: ReadonlySet<number>;
  /** While "select all matching" is collecting ids. */
  collecting: { done: number; total: number } | null;
  error: unknown;
  toggle(id: number): void;
  set(ids: Iterable<number>): void;
  clear(): void;
  /** Replaces the selection with every contact matching the filter. */
  selectAllMatching(filter: ContactFilter): Promise<void>;
  cancelCollecting(): void;
}

let collectRun = 0;

export const useSelection = create<SelectionState>((set, get) => ({
  ids: new Set(),
  collecting: null,
  error: null,
  toggle(id) {
    const ids = new Set(get().ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    set({ ids });
  },
  set: (ids) => set({ ids: new Set(ids), error: null }),
  clear: () => set({ ids: new Set(), error: null }),
  async selectAllMatching(filter) {
    const run = ++collectRun;
    set({ collecting: { done: 0, total: 0 }, error: null });
    try {
      const ids = await collectContactIds(filter, {
        cancelled: () => run !== collectRun,
        onProgress: (done, total) => set({ collecting: { done, total } }),
      });
      if (ids) set({ ids: new Set(ids), collecting: null });
    } catch (error) {
      if (run === collectRun) set({ collecting: null, error });
    }
  },
  cancelCollecting() {
    collectRun++;
    set({ collecting: null });
  },
}));
