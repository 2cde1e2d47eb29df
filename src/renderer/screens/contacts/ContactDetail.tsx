// One contact beside the table: may I mail this person and why, the actions that add to the
// ledger, the fields, and the consent timeline with its evidence. Focus moves here when it
// opens; Escape closes it and returns focus to the row. Each action's form opens right under
// its button, and focus moves into it; an action that no longer applies (unsubscribing
// someone who has unsubscribed) is not offered.

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../shared/contract/envelope.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { useContact } from '../../state/contact.ts';
import { refreshAll } from '../../state/events.ts';
import type { Status } from '../../../shared/consent/vocabulary.ts';
import type { RecordableKind } from '../../vocabulary.ts';
import { ContactFields } from './ContactFields.tsx';
import { EditContactForm } from './EditContactForm.tsx';
import { EraseContact } from './EraseContact.tsx';
import { EvaluationPanel } from './EvaluationPanel.tsx';
import { RecordEvidenceForm } from './RecordEvidenceForm.tsx';
import { Timeline } from './Timeline.tsx';

const ACTIONS: { kind: RecordableKind; label: 'recordOptIn' | 'unsubscribe' | 'markBounced' | 'addNote'; testId: string; hiddenWhen?: Status }[] = [
  { kind: 'opt-in', label: 'recordOptIn', testId: 'action-opt-in' },
  { kind: 'withdrawal', label: 'unsubscribe', testId: 'action-unsubscribe', hiddenWhen: 'unsubscribed' },
  { kind: 'hard-bounce', label: 'markBounced', testId: 'action-bounce', hiddenWhen: 'bounced' },
  { kind: 'note', label: 'addNote', testId: 'action-note' },
];

export function ContactDetail() {
  const { t } = useTranslation();
  const { openId, detail, error, close } = useContact();
  const panel = useRef<HTMLElement>(null);
  const [action, setAction] = useState<RecordableKind | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    panel.current?.focus();
  }, []);

  const closePanel = (): void => {
    close();
    // Back to the row it was opened from (if still in view), else to the table.
    const row = document.querySelector<HTMLElement>(`[data-contact-id="${openId}"]`);
    (row ?? document.querySelector<HTMLElement>('[data-testid="contacts-scroller"] [tabindex="0"]'))?.focus();
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    if (action) setAction(null); // Escape closes the open form first, then the panel
    else if (editing) setEditing(false);
    else closePanel();
  };

  const recorded = (message: string): void => {
    setAction(null);
    setEditing(false);
    setNotice(message);
    void refreshAll();
    // The button that opened the form may be gone (no "Unsubscribe" for the unsubscribed):
    // focus the panel rather than leaving it on nothing, scrolled to the top, where the
    // status now says what changed and since when.
    panel.current?.focus({ preventScroll: true });
    panel.current?.scrollTo({ top: 0 });
  };

  const notFound = error instanceof ApiCallError && error.code === 'not-found';
  return (
    <aside className="detail" ref={panel} tabIndex={-1} aria-labelledby="detail-title" data-testid="contact-detail" onKeyDown={onKeyDown}>
      <header className="detail-header">
        <h2 id="detail-title">{detail?.contact.email ?? (notFound ? t('detail.notFound') : t('common.loading'))}</h2>
        <button type="button" className="icon-button" onClick={closePanel} aria-label={t('common.close')} data-testid="detail-close">
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {!notFound && <ErrorText error={error} testId="detail-error" />}
      {detail && (
        <>
          <EvaluationPanel detail={detail} />
          {notice && (
            <p className="notice" role="status" data-testid="detail-notice">
              {notice}
            </p>
          )}
          <section aria-label={t('detail.actions')}>
            <div className="actions">
              {ACTIONS.filter(({ hiddenWhen }) => hiddenWhen !== detail.evaluation.status).map(({ kind, label, testId }) => (
                <button
                  key={kind}
                  type="button"
                  className={kind === 'opt-in' ? 'primary' : ''}
                  aria-expanded={action === kind}
                  onClick={() => {
                    setNotice('');
                    setEditing(false);
                    setAction(action === kind ? null : kind);
                  }}
                  data-testid={testId}
                >
                  {t(`detail.${label}`)}
                </button>
              ))}
            </div>
            {action && (
              <RecordEvidenceForm key={action} contactIds={[detail.contact.id]} initialKind={action} autoFocus onDone={recorded} onCancel={() => setAction(null)} />
            )}
          </section>
          {editing ? (
            <EditContactForm contact={detail.contact} onDone={recorded} onCancel={() => setEditing(false)} />
          ) : (
            <ContactFields
              contact={detail.contact}
              edits={detail.edits}
              onEdit={() => {
                setNotice('');
                setAction(null);
                setEditing(true);
              }}
            />
          )}
          <Timeline detail={detail} onCorrected={recorded} />
          <EraseContact contactId={detail.contact.id} email={detail.contact.email} />
        </>
      )}
    </aside>
  );
}
