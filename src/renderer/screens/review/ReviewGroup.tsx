// One review group: how many, why (in plain language), a few of them, and the bulk action:
// select everyone in the group, then record evidence for all of them at once.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/consent/dates.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { reasonSentence } from '../../components/reasons.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useApp } from '../../state/app.ts';
import { useContact } from '../../state/contact.ts';
import { useContacts } from '../../state/contacts.ts';
import { refreshAll } from '../../state/events.ts';
import { collectContactIds } from '../../state/selection.ts';
import { formatDay, formatNumber } from '../../util/format.ts';
import { RecordEvidenceForm } from '../contacts/RecordEvidenceForm.tsx';
import { GROUP_TEXT, type ReviewGroupDef } from './groups.ts';
import { groupFilter, useGroupContacts } from './useGroupContacts.ts';

export function ReviewGroup({ group, asOf }: { group: ReviewGroupDef; asOf: string }) {
  const { t, i18n } = useTranslation();
  const revision = useApp((s) => s.dataRevision);
  const navigate = useApp((s) => s.navigate);
  const queryAsOf = useContacts((s) => s.query.asOf);
  const setQuery = useContacts((s) => s.setQuery);
  const openContact = useContact((s) => s.open);
  const { count, sample, error } = useGroupContacts(group, asOf, queryAsOf, revision);
  // The group's own selection (not the Contacts screen's): it is only for this bulk action.
  const [selected, setSelected] = useState<number[] | null>(null);
  const [collecting, setCollecting] = useState<{ done: number; total: number } | null>(null);
  const [selectError, setSelectError] = useState<unknown>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState('');
  const text = GROUP_TEXT[group.id];
  const n = (value: number): string => formatNumber(value, i18n.language);
  const multiStatus = group.statuses.length > 1;

  async function selectAll(): Promise<void> {
    setNotice('');
    setSelectError(null);
    setCollecting({ done: 0, total: count ?? 0 });
    try {
      const ids = await collectContactIds(groupFilter(group, asOf, queryAsOf), { onProgress: (done, total) => setCollecting({ done, total }) });
      if (ids && ids.length > 0) setSelected(ids);
    } catch (e) {
      setSelectError(e);
    } finally {
      setCollecting(null);
    }
  }

  const showInContacts = (): void => {
    setQuery({ status: group.statuses, search: '' });
    navigate('contacts');
  };

  const titleId = `group-${group.id}`;
  const help = group.expiringWithinDays !== undefined ? t('review.expiringHelp', { date: formatDay(addDays(asOf, group.expiringWithinDays), i18n.language) }) : t(text.help);
  return (
    <section className={`card review-group group-${group.id}`} aria-labelledby={titleId} data-testid={`review-${group.id}`}>
      <header className="card-head">
        <h2 id={titleId}>
          {t(text.title)}{' '}
          <span className="count-pill" data-testid={`review-count-${group.id}`}>
            {count === null ? '…' : n(count)}
          </span>
        </h2>
        {count !== null && count > 0 && (
          <div className="actions tight">
            <button type="button" className="link" onClick={showInContacts} data-testid={`review-show-${group.id}`}>
              {t('review.showInContacts')}
            </button>
            {selected ? (
              <button type="button" className="primary" onClick={() => setFormOpen(true)} data-testid={`review-record-${group.id}`}>
                {t('review.recordForGroup', { count: selected.length })}
              </button>
            ) : (
              <button type="button" disabled={collecting !== null} onClick={() => void selectAll()} data-testid={`review-select-${group.id}`}>
                {t('review.selectGroup')}
              </button>
            )}
          </div>
        )}
      </header>
      <p className="group-help">{help}</p>
      {group.oneToOneNotice && count !== null && count > 0 && (
        <p className="notice warn" role="note" data-testid="one-to-one-notice">
          {t('review.notPermittedNotice')}
        </p>
      )}
      {collecting && (
        <p className="busy" role="status">
          {t('selection.selecting', { done: n(collecting.done), total: n(collecting.total) })}
        </p>
      )}
      <ErrorText error={error ?? selectError} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {formOpen && selected && (
        <Dialog labelledBy={`review-${group.id}-title`} onClose={() => setFormOpen(false)} testId="bulk-dialog">
          <RecordEvidenceForm
            contactIds={selected}
            idPrefix={`review-${group.id}`}
            autoFocus
            onCancel={() => setFormOpen(false)}
            onDone={(message) => {
              setFormOpen(false);
              setSelected(null);
              setNotice(message);
                            void refreshAll();
            }}
          />
        </Dialog>
      )}
      {count === 0 && <p className="muted small">{t('review.nothing')}</p>}
      {sample.length > 0 && (
        <ul className="review-list">
          {sample.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="review-contact"
                onClick={() => {
                  openContact(c.id);
                  navigate('contacts');
                }}
              >
                {c.email}
              </button>
              {(c.firstName || c.lastName) && <span>{[c.firstName, c.lastName].filter(Boolean).join(' ')}</span>}
              {multiStatus && <StatusBadge status={c.status} />}
              {c.consentExpiresAt && group.expiringWithinDays !== undefined && <span className="muted">{t('review.expiresOn', { date: formatDay(c.consentExpiresAt, i18n.language) })}</span>}
              {c.reasons[0] && !multiStatus && <span className="reason muted small">{reasonSentence(t, c.reasons[0])}</span>}
            </li>
          ))}
          {count !== null && count > sample.length && <li className="muted small more">{t('review.more', { count: count - sample.length })}</li>}
        </ul>
      )}
    </section>
  );
}
