// What every service needs: the database, where workspace files live, how to notify
// renderers, and what "today" is (injectable so tests can move the clock).

import type { EventMap, EventName } from '../../shared/contract/events.ts';
import type { IsoDate } from '../../shared/consent/vocabulary.ts';
import type { DB } from '../store/open.ts';

export interface ServiceContext {
  db: DB;
  dbPath: string;
  /** Folder beside the database for evidence files and staged uploads. */
  filesDir: string;
  emit<E extends EventName>(name: E, payload: EventMap[E]): void;
  today(): IsoDate;
  now(): string;
}

export function filesDirFor(dbPath: string): string {
  return `${dbPath}-files`;
}
