// Workspace settings: the brand consent is given to, the policy profile, and the date the
// cached statuses were computed for.

import type { PolicyId } from '../../shared/consent/index.ts';
import type { IsoDate } from '../../shared/consent/vocabulary.ts';
import { statement, type DB } from './open.ts';

export interface Settings {
  brand: string | null;
  policy: PolicyId;
  /** The date the cached statuses in contacts were evaluated for. */
  statusesAsOf: IsoDate | null;
}

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

export function writeSetting(db: DB, key: 'brand' | 'policy' | 'statuses_as_of', value: string | null): void {
  if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
