// App-wide state: which screen is open, workspace info, the contacts query and selection,
// and the open contact. Screens keep their own form state locally.

import { create } from 'zustand';
import type { AppInfo, StatusSummary } from '../../shared/contract/dto.ts';
import type { IsoDate, Status } from '../../shared/consent/vocabulary.ts';
import { api } from '../api/client.ts';

export type Screen = 'contacts' | 'import' | 'review' | 'export' | 'settings';

export interface ContactsQuery {
  status: Status[];
  search: string;
  asOf: IsoDate | null;
}

interface AppState {
  screen: Screen;
  info: AppInfo | null;
  summary: StatusSummary | null;
  query: ContactsQuery;
  /** Bumped whenever contacts change, so lists refetch. */
  revision: number;
  selection: Set<number>;
  openContactId: number | null;
  fatal: string | null;
  go(screen: Screen): void;
  setQuery(patch: Partial<ContactsQuery>): void;
  refresh(): Promise<void>;
  toggleSelected(id: number): void;
  setSelection(ids: Iterable<number>): void;
  openContact(id: number | null): void;
}

export const useApp = create<AppState>((set, get) => ({
  screen: 'contacts',
  info: null,
  summary: null,
  query: { status: [], search: '', asOf: null },
  revision: 0,
  selection: new Set(),
  openContactId: null,
  fatal: null,
  go: (screen) => set({ screen, openContactId: null }),
  setQuery: (patch) => set({ query: { ...get().query, ...patch } }),
  async refresh() {
    try {
      const asOf = get().query.asOf ?? undefined;
      const [info, summary] = await Promise.all([api.call('app.info', {}), api.call('status.summary', { asOf })]);
      set({ info, summary, revision: get().revision + 1, fatal: null });
    } catch (error) {
      set({ fatal: error instanceof Error ? error.message : String(error) });
    }
  },
  toggleSelected: (id) => {
    const selection = new Set(get().selection);
    if (selection.has(id)) selection.delete(id);
    else selection.add(id);
    set({ selection });
  },
  setSelection: (ids) => set({ selection: new Set(ids) }),
  openContact: (id) => set({ openContactId: id }),
}));

/** Refetch when main says contacts changed (an import in another window, say). */
api.on('contacts.changed', () => {
  void useApp.getState().refresh();
});
