// The contact open in the detail panel: its fields, evaluation, ledger and evidence list.

import { create } from 'zustand';
import type { ContactDetail } from '../../shared/contract/dto.ts';
import { api } from '../api/client.ts';
import { useContacts } from './contacts.ts';

interface ContactState {
  openId: number | null;
  detail: ContactDetail | null;
  error: unknown;
  open(id: number): void;
  close(): void;
  /** Refetches the open contact (after an action, an event, or a new as-of date). */
  reload(): Promise<void>;
}

export const useContact = create<ContactState>((set, get) => ({
  openId: null,
  detail: null,
  error: null,
  open(id) {
    if (get().openId === id) return;
    set({ openId: id, detail: null, error: null });
    void get().reload();
  },
  close: () => set({ openId: null, detail: null, error: null }),
  async reload() {
    const id = get().openId;
    if (id === null) return;
    try {
      const detail = await api.call('contacts.get', { id, asOf: useContacts.getState().query.asOf ?? undefined });
      if (get().openId === id) set({ detail, error: null });
    } catch (error) {
      if (get().openId === id) set({ error });
    }
  },
}));
