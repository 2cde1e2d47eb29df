// The contacts of one review group: the count and a few to show, in one short page from the
// server. The expiring group asks for implicit consent that ends within its window, soonest
// first.

import { useEffect, useState } from 'react';
import type { ContactSummary } from '../../../shared/contract/dto.ts';
import { addDays } from '../../../shared/consent/dates.ts';
import type { IsoDate } from '../../../shared/consent/vocabulary.ts';
import { api } from '../../api/client.ts';
import type { ContactFilter } from '../../state/selection.ts';
import type { ReviewGroupDef } from './groups.ts';

const SAMPLE = 5;

export interface GroupContacts {
  count: number | null;
  sample: ContactSummary[];
  error: unknown;
}

/** The contacts.list filter for a group: its statuses, and for the expiring group its window. */
export function groupFilter(group: ReviewGroupDef, asOf: IsoDate, queryAsOf: IsoDate | null): ContactFilter {
  return {
    status: group.statuses,
    asOf: queryAsOf ?? undefined,
    ...(group.expiringWithinDays !== undefined ? { expiresBy: addDays(asOf, group.expiringWithinDays), sort: 'expires' as const } : { sort: 'name' as const }),
  };
}

export function useGroupContacts(group: ReviewGroupDef, asOf: IsoDate, queryAsOf: IsoDate | null, revision: number): GroupContacts {
  const [state, setState] = useState<GroupContacts>({ count: null, sample: [], error: null });

  useEffect(() => {
    let alive = true;
    api
      .call('contacts.list', { ...groupFilter(group, asOf, queryAsOf), limit: SAMPLE })
      .then((page) => {
        if (alive) setState({ count: page.total, sample: page.items, error: null });
      })
      .catch((error: unknown) => {
        if (alive) setState((s) => ({ ...s, error }));
      });
    return () => {
      alive = false;
    };
  }, [group, asOf, queryAsOf, revision]);

  return state;
}
