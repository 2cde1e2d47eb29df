// The contact's ledger, in the order it was recorded: every event with its date, kind,
// source, basis, brand and note, what corrected it, and its evidence.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDetail } from '../../../shared/contract/dto.ts';
import { TimelineEvent } from './TimelineEvent.tsx';

export function Timeline({ detail, onCorrected }: { detail: ContactDetail; onCorrected(message: string): void }) {
  const { t } = useTranslation();
  // One evidence viewer at a time, under the event it belongs to.
  const [openEvidence, setOpenEvidence] = useState<{ eventId: number; evidenceId: number } | null>(null);
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title">{t('detail.timeline')}</h3>
      <p className="muted small">{t('detail.timelineHelp')}</p>
      {detail.events.length === 0 ? (
        <p className="muted" data-testid="timeline-empty">
          {t('detail.noEvents')}
        </p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {detail.events.map((event) => (
            <TimelineEvent
              key={event.id}
              event={event}
              others={detail.events}
              evidence={detail.evidence}
              openEvidenceId={openEvidence?.eventId === event.id ? openEvidence.evidenceId : null}
              onOpenEvidence={(evidenceId) => setOpenEvidence(evidenceId === null ? null : { eventId: event.id, evidenceId })}
              onCorrected={onCorrected}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
