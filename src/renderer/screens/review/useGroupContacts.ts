// The contacts of one review group: the count and a few to show. Status groups ask the
// server for one short page; the expiring group pages through every implicit contact and
// keeps those whose consent ends within the window (the contract has no expiry filter).

import { useEffect, useState } from 'react';
import type { ContactSummary } from '../../../shared/contract/dto.ts';
import { addDays } from '../../../shared/consent/dates.ts';
import type { IsoDate } from '../../../shared/consent/vocabulary.ts';
import { api } from '../../api/client.ts';
import type { ReviewGroupDef } from './groups.ts';

const SAMPLE = 5;
const SCAN_PAGE = 1000;
/** Above this many implicit contacts the scan waits for the user to ask (it reads them all). */
export const AUTO_SCAN_LIMIT = 20_000;

export interface GroupContacts {
  count: number | null;
  sample: ContactSummary[];
  /** For the expiring group: every matching id (already collected by the scan). */
  allIds: number[] | null;
  scan: { done: number; total: number } | null;
  /** The expiring group is too big to scan unasked: call start() to scan. */
  waiting: boolean;
  start(): void;
  error: unknown;
}

type Loaded = Omit<GroupContacts, 'waiting' | 'start'>;

export function useGroupContacts(
  group: ReviewGroupDef,
  asOf: IsoDate,
  queryAsOf: IsoDate | null,
  revision: number,
  /** How many contacts have the group's statuses (from the status summary), if known. */
  candidates: number | null,
): GroupContacts {
  const [state, setState] = useState<Loaded>({ count: null, sample: [], allIds: null, scan: null, error: null });
  const [asked, setAsked] = useState(false);
  const waiting = group.expiringWithinDays !== undefined && !asked && (candidates === null || candidates > AUTO_SCAN_LIMIT);

  useEffect(() => {
    if (waiting) return;
    let alive = true;
    const apiAsOf = queryAsOf ?? undefined;

    async function loadStatusGroup(): Promise<void> {
      const page = await api.call('contacts.list', { status: group.statuses, asOf: apiAsOf, limit: SAMPLE, sort: 'name' });
      if (alive) setState({ count: page.total, sample: page.items, allIds: null, scan: null, error: null });
    }

    async function scanExpiring(days: number): Promise<void> {
      const limit = addDays(asOf, days);
      const found: ContactSummary[] = [];
      for (let offset = 0; ; offset += SCAN_PAGE) {
        const page = await api.call('contacts.list', { status: group.statuses, asOf: apiAsOf, offset, limit: SCAN_PAGE, sort: 'name' });
        if (!alive) return;
        found.push(...page.items.filter((c) => c.consentExpiresAt !== null && c.consentExpiresAt <= limit));
        const done = Math.min(offset + page.items.length, page.total);
        setState((s) => ({ ...s, scan: { done, total: page.total } }));
        if (page.items.length === 0 || done >= page.total) break;
      }
      // Soonest first: those are the ones to ask now.
      found.sort((a, b) => (a.consentExpiresAt ?? '').localeCompare(b.consentExpiresAt ?? ''));
      setState({ count: found.length, sample: found.slice(0, SAMPLE), allIds: found.map((c) => c.id), scan: null, error: null });
    }

    const run = group.expiringWithinDays !== undefined ? scanExpiring(group.expiringWithinDays) : loadStatusGroup();
    run.catch((error: unknown) => {
      if (alive) setState((s) => ({ ...s, scan: null, error }));
    });
    return () => {
      alive = false;
    };
  }, [group, asOf, queryAsOf, revision, waiting]);

  return { ...state, waiting, start: () => setAsked(true) };
}
