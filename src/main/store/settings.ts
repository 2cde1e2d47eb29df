// Workspace settings: the brand consent is given to, the policy profile, the date the
// cached statuses were computed for, and what the user chose for the app itself: the UI
// language (so another browser or a restart keeps it) and browser mode's port (so a restart
// keeps the same address, and with it the browser's per-origin state).

import type { PolicyId } from '../../shared/consent/index.ts';
import { UI_LANGUAGES, type UiLanguage } from '../../shared/contract/dto.ts';
import type { IsoDate } from '../../shared/consent/vocabulary.ts';
import { statement, type DB } from './open.ts';

export interface Settings {
  brand: string | null;
  policy: PolicyId;
  /** The date the cached statuses in contacts were evaluated for. */
  statusesAsOf: IsoDate | null;
}

export type SettingKey = 'brand' | 'policy' | 'statuses_as_of' | 'language' | 'serve_port';

const POLICIES: readonly PolicyId[] = ['default', 'casl', 'eu-soft-opt-in'];

export function readSettings(db: DB): Settings {
  const rows = statement(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const policy = map.get('policy');
  return {
    brand: map.get('brand') ?? null,
    policy: policy && (POLICIES as readonly string[]).includes(policy) ? (policy as PolicyId) : 'default',
    statusesAsOf: map.get('statuses_as_of') ?? null,
  };
}

function readSetting(db: DB, key: SettingKey): string | undefined {
  return (statement(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? undefined;
}

/** The UI language chosen in Settings; null: follow the system's. */
export function readLanguage(db: DB): UiLanguage | null {
  const value = readSetting(db, 'language');
  return (UI_LANGUAGES as readonly (string | undefined)[]).includes(value) ? (value as UiLanguage) : null;
}

/** The port browser mode last served this workspace on, or null. */
export function readServePort(db: DB): number | null {
  const text = readSetting(db, 'serve_port');
  const port = Number(text);
  return text !== undefined && Number.isInteger(port) && port > 0 && port <= 65535 ? port : null;
}

export function writeSetting(db: DB, key: SettingKey, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
