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

export interface EventMap {
  'import.progress': ProgressEvent;
  'contacts.changed': { reason: 'import' | 'consent' | 'settings' | 'undo' };
}

export type EventName = keyof EventMap;
export const EVENT_NAMES: EventName[] = ['import.progress', 'contacts.changed'];
