import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceView, LedgerEventView } from '../../../shared/contract/dto.ts';
import { formatDay, formatTimestamp } from '../../util/format.ts';
import { CorrectEventForm } from './CorrectEventForm.tsx';
import { EvidenceViewer } from './EvidenceViewer.tsx';

interface Props {
  event: LedgerEventView;
  /** The contact's other events: a correction names the one it corrects by kind and date. */
  others: readonly LedgerEventView[];
  evidence: EvidenceView[];
  openEvidenceId: number | null;
  onOpenEvidence(evidenceId: number | null): void;
  onCorrected(message: string): void;
}

/** One ledger event. A superseded event stays visible, marked, with what replaced it. */
export function TimelineEvent({ event, others, evidence, openEvidenceId, onOpenEvidence, onCorrected }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const replacedBy = others.find((e) => e.id === event.supersededBy);
  const corrects = others.find((e) => e.id === event.supersedes);
  const [correcting, setCorrecting] = useState(false);
  const superseded = event.supersededBy !== null;
  const details = [
    event.source ? t(`source.${event.source}`) : null,
    event.basis ? t(`basis.${event.basis}`) : null,
    event.brand,
    event.importFile ? t('detail.fromImport', { file: event.importFile.fileName, when: formatTimestamp(event.importFile.importedAt, language) }) : null,
  ].filter((part): part is string => part !== null && part !== '');

  return (
    <li className={`timeline-event kind-${event.kind} ${superseded ? 'superseded' : ''}`} data-testid="timeline-event" data-kind={event.kind}>
      <div className="event-head">
        <time className="date" dateTime={event.date}>
          {formatDay(event.date, language)}
        </time>
        <strong>{t(`eventKind.${event.kind}`)}</strong>
      </div>
      {details.length > 0 && <p className="event-details">{details.join(' · ')}</p>}
      {event.note && <p className="event-note">{event.note}</p>}
      {superseded && (
        <p className="superseded-marker" data-testid="superseded-marker">
          {replacedBy
            ? t('detail.superseded', { kind: t(`eventKind.${replacedBy.kind}`), date: formatDay(replacedBy.date, language) })
            : t('detail.supersededUnknown')}
        </p>
      )}
      {event.supersedes !== null && (
        <p className="muted small">
          {corrects ? t('detail.voids', { kind: t(`eventKind.${corrects.kind}`), date: formatDay(corrects.date, language) }) : t('detail.voidsUnknown')}
        </p>
      )}
      <p className="muted small">{t('detail.recorded', { when: formatTimestamp(event.recordedAt, language) })}</p>
      {event.evidenceIds.length > 0 && (
        <ul className="evidence-links">
          {event.evidenceIds.map((evidenceId) => (
            <li key={evidenceId}>
              <button
                type="button"
                className="link"
                aria-expanded={openEvidenceId === evidenceId}
                onClick={() => onOpenEvidence(openEvidenceId === evidenceId ? null : evidenceId)}
                data-testid="evidence-link"
              >
                {evidenceLabel(evidence.find((e) => e.id === evidenceId))}
              </button>
            </li>
          ))}
        </ul>
      )}
      {openEvidenceId !== null && <EvidenceViewer evidenceId={openEvidenceId} onClose={() => onOpenEvidence(null)} />}
      {!superseded && event.kind !== 'void' && !correcting && (
        <button type="button" className="link small" onClick={() => setCorrecting(true)} data-testid="correct-event">
          {t('detail.correct')}
        </button>
      )}
      {correcting && (
        <CorrectEventForm
          eventId={event.id}
          onCancel={() => setCorrecting(false)}
          onDone={() => {
            setCorrecting(false);
            onCorrected(t('detail.voided'));
          }}
        />
      )}
    </li>
  );

  function evidenceLabel(view: EvidenceView | undefined): string {
    if (view?.fileName) return t('detail.evidenceFile', { name: view.fileName });
    if (view?.text) return t('detail.evidenceText', { text: view.text.length > 48 ? `${view.text.slice(0, 47)}…` : view.text });
    if (view?.url) return view.url;
    return t('detail.evidenceLink');
  }
}
