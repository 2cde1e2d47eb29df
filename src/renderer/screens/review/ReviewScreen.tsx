// Review: who may not be mailed today and why, whose implicit consent runs out soon, and a
// way to act on a whole group at once.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../shared/contract/dto.ts';
import type { Status } from '../../../shared/consent/vocabulary.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useApp } from '../../state/app.ts';

interface Group {
  id: string;
  title: string;
  help: string;
  statuses: Status[];
  /** Only implicit contacts whose consent ends within this window. */
  expiringBefore?: string;
  notice?: boolean;
}

export function ReviewScreen() {
  const { t } = useTranslation();
  const { info, summary, revision, setSelection, setQuery, go, query } = useApp();
  const asOf = query.asOf ?? info?.today ?? '';
  const in60Days = asOf ? addDays(asOf, 60) : '';
  const groups: Group[] = [
    { id: 'needs', title: t('review.needs'), help: t('review.needsHelp'), statuses: ['needs-reconfirmation'] },
    { id: 'not-permitted', title: t('review.notPermitted'), help: t('review.notPermittedHelp'), statuses: ['not-permitted'], notice: true },
    { id: 'expiring', title: t('review.expiring'), help: t('review.expiringHelp'), statuses: ['implicit'], expiringBefore: in60Days },
    { id: 'suppressed', title: t('review.suppressed'), help: t('review.suppressedHelp'), statuses: ['unsubscribed', 'bounced', 'invalid'] },
  ];
  return (
    <div className="review">
      <h2>{t('review.title')}</h2>
      <p className="muted">{t('review.intro')}</p>
      {summary &&
        groups.map((group) => (
          <ReviewGroup
            key={`${group.id}-${revision}`}
            group={group}
            count={group.expiringBefore ? null : group.statuses.reduce((n, s) => n + summary.byStatus[s], 0)}
            onSelect={(ids) => {
              setSelection(ids);
              setQuery({ status: group.statuses, search: '' });
              go('contacts');
            }}
          />
        ))}
    </div>
  );
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function ReviewGroup({ group, count, onSelect }: { group: Group; count: number | null; onSelect(ids: number[]): void }) {
  const { t } = useTranslation();
  const { query } = useApp();
  const [items, setItems] = useState<ContactSummary[]>([]);
  const [total, setTotal] = useState(count ?? 0);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const load = async (): Promise<void> => {
      try {
        if (group.expiringBefore) {
          // Page through implicit contacts and keep those whose consent ends soon.
          const soon: ContactSummary[] = [];
          for (let offset = 0; ; offset += 1000) {
            const page = await api.call('contacts.list', { status: group.statuses, offset, limit: 1000, sort: 'name', asOf: query.asOf ?? undefined });
            soon.push(...page.items.filter((c) => c.consentExpiresAt !== null && c.consentExpiresAt <= group.expiringBefore!));
            if (offset + 1000 >= page.total) break;
          }
          setItems(soon);
          setTotal(soon.length);
        } else {
          const page = await api.call('contacts.list', { status: group.statuses, limit: 1000, asOf: query.asOf ?? undefined });
          setItems(page.items);
          setTotal(page.total);
        }
      } catch (e) {
        setError(e);
      }
    };
    void load();
  }, [group.expiringBefore, group.statuses, query.asOf]);

  async function selectAll(): Promise<void> {
    if (group.expiringBefore || total <= items.length) return onSelect(items.map((c) => c.id));
    const ids: number[] = [];
    for (let offset = 0; offset < total; offset += 1000) {
      const page = await api.call('contacts.list', { status: group.statuses, offset, limit: 1000, asOf: query.asOf ?? undefined });
      ids.push(...page.items.map((c) => c.id));
    }
    onSelect(ids);
  }

  return (
    <section className="review-group" data-testid={`review-${group.id}`} aria-labelledby={`group-${group.id}`}>
      <header>
        <h3 id={`group-${group.id}`}>
          {group.title} <span className="count">{total}</span>
        </h3>
        {total > 0 && (
          <button type="button" onClick={() => void selectAll().catch(setError)}>
            {t('review.selectGroup')}
          </button>
        )}
      </header>
      <p className="muted">{group.help}</p>
      {group.notice && total > 0 && <p className="notice warn">{t('review.notPermittedHelp')}</p>}
      <ErrorText error={error} />
      {total === 0 ? (
        <p className="muted small">{t('review.nothing')}</p>
      ) : (
        <ul className="review-list">
          {items.slice(0, 8).map((c) => (
            <li key={c.id}>
              <StatusBadge status={c.status} /> {c.email}
              {c.consentExpiresAt && <span className="muted"> · {c.consentExpiresAt}</span>}
              <span className="muted"> · {c.reasons.map((r) => t(`reason.${r}`)).join(', ')}</span>
            </li>
          ))}
          {total > 8 && <li className="muted">… +{total - 8}</li>}
        </ul>
      )}
    </section>
  );
}

