// Problems that concern the whole app rather than one form: the loopback server refusing this
// page (no or stale token), and the workspace failing to load. Form errors stay in the forms,
// next to the field that caused them.

import { create } from 'zustand';

interface ErrorsState {
  /** The server refused the token: show the "open Tillit's link" screen instead of the app. */
  unauthorized: boolean;
  /** Loading the workspace failed; shown as a banner with a retry button. */
  fatal: string | null;
  markUnauthorized(): void;
  setFatal(message: string | null): void;
}

export const useErrors = create<ErrorsState>((set) => ({
  unauthorized: false,
  fatal: null,
  markUnauthorized: () => set({ unauthorized: true }),
  setFatal: (fatal) => set({ fatal }),
}));
