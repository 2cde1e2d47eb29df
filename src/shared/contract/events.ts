// The event map: notifications main pushes to every connected renderer.

export interface ProgressEvent {
  /** The staged file the work belongs to. */
  jobId: string;
  step: 'reading' | 'writing' | 'statuses' | 'done';
  current: number;
  /** 0 when unknown. For reading, bytes; otherwise rows. */
  total: number;
  rowsPerSecond: number;
}

/** A desktop menu item that opens a screen (File → Import…, File → Export…). */
export interface MenuCommandEvent {
  command: 'import' | 'export';
}

export interface EventMap {
  'import.progress': ProgressEvent;
  'contacts.changed': { reason: 'import' | 'consent' | 'settings' | 'undo' | 'edit' | 'restore' };
  'app.menu-command': MenuCommandEvent;
}

export type EventName = keyof EventMap;
export const EVENT_NAMES: EventName[] = ['import.progress', 'contacts.changed', 'app.menu-command'];
