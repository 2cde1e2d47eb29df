// Main's notifications, wired to the stores once at start-up: a change to stored contacts
// refreshes whatever shows them; import progress feeds the wizard's progress bar.

import { api } from '../api/client.ts';
import { useApp } from './app.ts';
import { useContact } from './contact.ts';
import { useContacts } from './contacts.ts';
import { useImport } from './import.ts';

/** Everything that shows stored contacts fetches again (the visible table pages only). */
export async function refreshAll(): Promise<void> {
  useContacts.getState().invalidate();
  useApp.getState().bumpData();
  await Promise.all([useApp.getState().refresh(), useContact.getState().reload()]);
}

export function connectEvents(): () => void {
  const offChanged = api.on('contacts.changed', (payload) => {
    void refreshAll();
    if (payload.reason === 'import' || payload.reason === 'undo' || payload.reason === 'restore') void useImport.getState().loadHistory();
  });
  const offProgress = api.on('import.progress', (event) => useImport.getState().onProgress(event));
  // File → Import… / Export… in the desktop menu opens that screen.
  const offMenu = api.on('app.menu-command', ({ command }) => useApp.getState().navigate(command));
  // Another as-of date: the counts and the open contact are evaluated for that day.
  const offAsOf = useContacts.subscribe((state, previous) => {
    if (state.query.asOf === previous.query.asOf) return;
    void useApp.getState().refresh();
    void useContact.getState().reload();
  });
  return () => {
    offChanged();
    offProgress();
    offMenu();
    offAsOf();
  };
}
