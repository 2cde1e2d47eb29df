// One contact: its fields, whether it may be mailed and why, its consent timeline with
// evidence, and the actions that add to the ledger (never edit it).

import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDetail as Detail, EvidenceView } from '../../../shared/contract/dto.ts';
import { isMailable } from '../../../shared/consent/vocabulary.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useApp } from '../../state/app.ts';
import { base64ToBlob, downloadBlob } from '../../util/files.ts';
import { RecordEvidenceForm } from './RecordEvidenceForm.tsx';

type Action = null | 'opt-in' | 'withdrawal' | 'hard-bounce' | 'note';

export function ContactDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const { openContact, query, revision, refresh } = useApp();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<Action>(null);
  const [message, setMessage] = useState('');
  const [evidenceView, setEvidenceView] = useState<{ evidence: EvidenceView; url: string | null } | null>(null);
  const [correcting, setCorrecting] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [erasing, setErasing] = useState(false);
  const panel = useRef<HTMLElement>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await api.call('contacts.get', { id, asOf: query.asOf ?? undefined }));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [id, query.asOf]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  useEffect(() => {
    panel.current?.focus();
  }, [id]);

  async function showEvidence(evidenceId: number): Promise<void> {
    try {
      const file = await api.call('evidence.get', { id: evidenceId });
      const mediaType = file.evidence.mediaType ?? 'application/octet-stream';
      if (file.dataBase64 && mediaType.startsWith('image/')) {
        setEvidenceView({ evidence: file.evidence, url: URL.createObjectURL(base64ToBlob(file.dataBase64, mediaType)) });
      } else {
        setEvidenceView({ evidence: file.evidence, url: null });
        if (file.dataBase64) downloadBlob(file.evidence.fileName ?? `evidence-${evidenceId}`, base64ToBlob(file.dataBase64, mediaType));
      }
    } catch (e) {
      setError(e);
    }
  }

  async function voidEvent(eventId: number): Promise<void> {
    try {
      await api.call('consent.supersede', { eventId, reason });
      setCorrecting(null);
      setReason('');
      void refresh();
    } catch (e) {
      setError(e);
    }
  }

  async function erase(): Promise<void> {
    try {
      await api.call('contacts.erase', { id, reason });
      openContact(null);
      void refresh();
    } catch (e) {
      setError(e);
    }
  }

  const done = (text: string): void => {
    setAction(null);
    setMessage(text);
    void refresh();
  };

  return (
    <aside
      className="detail"
      ref={panel}
      tabIndex={-1}
      aria-label={t('detail.title')}
      data-testid="contact-detail"
      onKeyDown={(e) => {
        if (e.key === 'Escape') openContact(null);
      }}
    >
      <header className="detail-header">
        <h2>{detail?.contact.email ?? t('common.loading')}</h2>
        <button type="button" onClick={() => openContact(null)} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      <ErrorText error={error} />
      {detail && (
        <>
          <p className="detail-name">
            {[detail.contact.firstName, detail.contact.lastName].filter(Boolean).join(' ')}
            {detail.contact.company && <span className="muted"> · {detail.contact.company}</span>}
            {detail.contact.title && <span className="muted"> · {detail.contact.title}</span>}
          </p>
          <section className={`why ${isMailable(detail.evaluation.status) ? 'why-ok' : 'why-no'}`} aria-labelledby="why-title">
            <h3 id="why-title">{t('detail.why')}</h3>
            <StatusBadge status={detail.evaluation.status} />
            {detail.evaluation.expiresAt && <span className="muted"> {t('detail.expiresOn', { date: detail.evaluation.expiresAt })}</span>}
            <p data-testid="explanation">{detail.explanation}</p>
            <ul className="reasons">
              {detail.evaluation.reasons.map((r) => (
                <li key={r}>{t(`reason.${r}`)}</li>
              ))}
            </ul>
            <p className="muted small">
              {t('detail.rule')}: {detail.evaluation.rule}
            </p>
          </section>
          {message && (
            <p className="notice" role="status">
              {message}
            </p>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={() => setAction('opt-in')} data-testid="action-opt-in">
              {t('detail.recordOptIn')}
            </button>
            <button type="button" onClick={() => setAction('withdrawal')} data-testid="action-unsubscribe">
              {t('detail.unsubscribe')}
            </button>
            <button type="button" onClick={() => setAction('hard-bounce')} data-testid="action-bounce">
              {t('detail.markBounced')}
            </button>
            <button type="button" onClick={() => setAction('note')}>
              {t('detail.addNote')}
            </button>
          </div>
          {action && <RecordEvidenceForm key={action} contactIds={[id]} initialKind={action} onDone={done} onCancel={() => setAction(null)} />}
          <section aria-labelledby="timeline-title">
            <h3 id="timeline-title">{t('detail.timeline')}</h3>
            {detail.events.length === 0 && <p className="muted">{t('detail.noEvents')}</p>}
            <ol className="timeline" data-testid="timeline">
              {detail.events.map((e) => (
                <li key={e.id} className={e.supersededBy ? 'superseded' : ''} data-testid="timeline-event">
                  <span className="date">{e.date}</span> <strong>{t(`eventKind.${e.kind}`)}</strong>
                  {e.source && <span> · {t(`source.${e.source}`)}</span>}
                  {e.basis && <span> · {e.basis}</span>}
                  {e.brand && <span> · {e.brand}</span>}
                  {e.supersededBy && <span className="muted"> · {t('detail.supersededBy', { id: e.supersededBy })}</span>}
                  {e.note && <div className="muted">{e.note}</div>}
                  {!e.supersededBy && e.kind !== 'void' && correcting !== e.id && (
                    <button type="button" className="link small" onClick={() => setCorrecting(e.id)} data-testid="correct-event">
                      {t('detail.correct')}
                    </button>
                  )}
                  {correcting === e.id && (
                    <div className="inline-form">
                      <label htmlFor={`reason-${e.id}`}>{t('detail.correctionReason')}</label>
                      <input id={`reason-${e.id}`} value={reason} onChange={(ev) => setReason(ev.target.value)} data-testid="correction-reason" />
                      <button type="button" disabled={reason.trim().length < 3} onClick={() => void voidEvent(e.id)} data-testid="void-event">
                        {t('detail.voidEvent')}
                      </button>
                      <button type="button" onClick={() => setCorrecting(null)}>
                        {t('common.cancel')}
                      </button>
                    </div>
                  )}
                  {e.evidenceIds.map((evidenceId) => {
                    const ev = detail.evidence.find((x) => x.id === evidenceId);
                    return (
                      <button key={evidenceId} type="button" className="link" onClick={() => void showEvidence(evidenceId)} data-testid="evidence-link">
                        {t('detail.evidence')}: {ev?.fileName ?? ev?.text?.slice(0, 40) ?? `#${evidenceId}`}
                      </button>
                    );
                  })}
                </li>
              ))}
            </ol>
          </section>
          <section className="danger-zone" aria-label={t('detail.erase')}>
            {!erasing ? (
              <button type="button" className="link small" onClick={() => setErasing(true)} data-testid="erase-start">
                {t('detail.erase')}
              </button>
            ) : (
              <div className="inline-form">
                <label htmlFor="erase-reason">{t('detail.eraseReason')}</label>
                <input id="erase-reason" value={reason} onChange={(ev) => setReason(ev.target.value)} data-testid="erase-reason" />
                <button type="button" className="danger" disabled={reason.trim().length < 3} onClick={() => void erase()} data-testid="erase-confirm">
                  {t('detail.eraseConfirm')}
                </button>
                <button type="button" onClick={() => setErasing(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            )}
          </section>
          {evidenceView && (
            <section className="evidence-view" aria-label={t('detail.evidence')} data-testid="evidence-view">
              <h3>{evidenceView.evidence.fileName ?? t('detail.evidence')}</h3>
              {evidenceView.url && <img src={evidenceView.url} alt={evidenceView.evidence.fileName ?? ''} />}
              {evidenceView.evidence.text && <blockquote>{evidenceView.evidence.text}</blockquote>}
              {evidenceView.evidence.url && <p>{evidenceView.evidence.url}</p>}
              <p className="muted small">
                {evidenceView.evidence.recordedBy} {evidenceView.evidence.createdAt.slice(0, 10)} {evidenceView.evidence.sha256 && `SHA-256 ${evidenceView.evidence.sha256.slice(0, 16)}…`}
              </p>
              <button type="button" onClick={() => setEvidenceView(null)}>
                {t('common.close')}
              </button>
            </section>
          )}
        </>
      )}
    </aside>
  );
}
