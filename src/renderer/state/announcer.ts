// One polite live region for the whole app, for results and milestones that have no visible
// status region of their own ("Import finished", an import step, an erasure, an undo); they
// are read out by screen readers wherever focus is.

import { create } from 'zustand';

interface AnnouncerState {
  message: string;
  /** Bumped so the same message twice is announced twice. */
  serial: number;
  announce(message: string): void;
}

const CLEAR_AFTER_MS = 7000;

export const useAnnouncer = create<AnnouncerState>((set, get) => ({
  message: '',
  serial: 0,
  announce(message) {
    const serial = get().serial + 1;
    set({ message, serial });
    // Read out by then; cleared so a stale message is not found again by "find on page".
    setTimeout(() => {
      if (get().serial === serial) set({ message: '' });
    }, CLEAR_AFTER_MS);
  },
}));

export const announce = (message: string): void => useAnnouncer.getState().announce(message);
