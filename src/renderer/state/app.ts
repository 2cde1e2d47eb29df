// The workspace as a whole: which screen is open, the app info (brand, policy, today, file)
// and the status counts the filter chips and review groups show.

import { create } from 'zustand';
import type { AppInfo, StatusSummary } from '../../shared/contract/dto.ts';
import { api } from '../api/client.ts';
import { UnauthorizedError } from '../api/http-transport.ts';
import { applyWorkspaceLanguage } from '../i18n/index.ts';
import { errorMessage } from '../util/errors.ts';
import { useContacts } from './contacts.ts';
import { useErrors } from './errors.ts';

export const SCREENS = ['contacts', 'import', 'review', 'export', 'settings', 'help'] as const;
export type Screen = (typeof SCREENS)[number];

interface AppState {
  screen: Screen;
  info: AppInfo | null;
  summary: StatusSummary | null;
  /** Bumped whenever stored contacts change, so screens with their own queries refetch. */
  dataRevision: number;
  navigate(screen: Screen): void;
  /** App info and status counts (for the contacts query's as-of date). */
  refresh(): Promise<void>;
  setInfo(info: AppInfo): void;
  bumpData(): void;
}

export const useApp = create<AppState>((set, get) => ({
  screen: 'contacts',
  info: null,
  summary: null,
  dataRevision: 0,
  navigate: (screen) => set({ screen }),
  async refresh() {
    try {
      const asOf = useContacts.getState().query.asOf ?? undefined;
      const [info, summary] = await Promise.all([api.call('app.info', {}), api.call('status.summary', { asOf })]);
      set({ info, summary });
      await applyWorkspaceLanguage(info.language);
      useErrors.getState().setFatal(null);
    } catch (error) {
      // The token screen replaces the app; no banner on top of it.
      if (!(error instanceof UnauthorizedError)) useErrors.getState().setFatal(errorMessage(error));
    }
  },
  setInfo: (info) => set({ info }),
  bumpData: () => set({ dataRevision: get().dataRevision + 1 }),
}));

/** The date statuses are shown for: the contacts query's, or the workspace's today. */
export function useAsOf(): string | null {
  const asOf = useContacts((s) => s.query.asOf);
  const today = useApp((s) => s.info?.today ?? null);
  return asOf ?? today;
}
