// Workspace settings as the app shows them. Changing the policy or the brand changes what
// every contact's evidence means, so it re-evaluates everything.

import type { AppInfo } from '../../shared/contract/dto.ts';
import type { RequestParsed } from '../../shared/contract/requests.ts';
import { appendRecord } from '../store/ledger.ts';
import { readLanguage, readSettings, writeSetting } from '../store/settings.ts';
import type { ServiceContext } from './context.ts';
import { ensureStatusesCurrent, recomputeAll } from './status.ts';

import pkg from '../../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;

export function appInfo(ctx: ServiceContext, version: string): AppInfo {
  ensureStatusesCurrent(ctx.db, ctx.today());
  const settings = readSettings(ctx.db);
  const contactCount = ctx.db.prepare('SELECT COUNT(*) FROM contacts WHERE removed_at IS NULL').pluck().get() as number;
  return { version, dbPath: ctx.dbPath, brand: settings.brand, policy: settings.policy, language: readLanguage(ctx.db), today: ctx.today(), contactCount, readOnly: ctx.db.readonly };
}

export function updateSettings(ctx: ServiceContext, input: RequestParsed<'settings.update'>, version: string): AppInfo {
  const before = readSettings(ctx.db);
  // The new setting and the statuses it gives, together: a failure or a crash part-way through
  // the recompute must not leave the new policy over statuses cached under the old one (the
  // next start would not notice, as the statuses' date is today's).
  const changed = ctx.db.transaction(() => {
    if (input.brand !== undefined) writeSetting(ctx.db, 'brand', input.brand?.trim() || null);
    if (input.policy !== undefined) writeSetting(ctx.db, 'policy', input.policy);
    // The language changes no status: stored with the rest, no recompute.
    if (input.language !== undefined) writeSetting(ctx.db, 'language', input.language);
    const after = readSettings(ctx.db);
    if (after.brand === before.brand && after.policy === before.policy) return false;
    // Every status is evaluated under these two: the ledger records each change.
    appendRecord(ctx.db, 'settings', ctx.now(), { detail: { policy: after.policy, brand: after.brand } });
    recomputeAll(ctx.db, ctx.today()); // its own transaction nests as a savepoint
    return true;
  })();
  if (changed) ctx.emit('contacts.changed', { reason: 'settings' });
  return appInfo(ctx, version);
}
