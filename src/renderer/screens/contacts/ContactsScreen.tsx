// Contacts: filter by status (with counts), search, choose the as-of date, select for bulk
// evidence, add a contact by hand, and open a contact's detail beside the table.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useApp } from '../../state/app.ts';
import { useContact } from '../../state/contact.ts';
import { useContacts } from '../../state/contacts.ts';
import { refreshAll } from '../../state/events.ts';
import { useSelection } from '../../state/selection.ts';
import { AddContactForm } from './AddContactForm.tsx';
import { ContactDetail } from './ContactDetail.tsx';
import { ContactTable } from './ContactTable.tsx';
import { ContactsToolbar } from './ContactsToolbar.tsx';
import { RecordEvidenceForm } from './RecordEvidenceForm.tsx';
import { SelectionBar } from './SelectionBar.tsx';
import { StatusChips } from './StatusChips.tsx';

export function ContactsScreen() {
  const { t } = useTranslation();
  const summary = useApp((s) => s.summary);
  const info = useApp((s) => s.info);
  const navigate = useApp((s) => s.navigate);
  const { query, total, error, setQuery } = useContacts();
  const openId = useContact((s) => s.openId);
  const selection = useSelection();
  const [bulkOpen, setBulkOpen] = useState(false);
  const [notice, setNotice] = useState('');
  const [adding, setAdding] = useState(false);

  const addButton = (
    <button type="button" className={adding ? '' : 'primary'} aria-expanded={adding} onClick={() => setAdding(!adding)} data-testid="add-contact">
      {t('contacts.add')}
    </button>
  );
  const addForm = adding && (
    <AddContactForm
      onCancel={() => setAdding(false)}
      onDone={(message) => {
        setAdding(false);
        setNotice(message);
        void refreshAll();
      }}
    />
  );

  const filtered = query.search.trim() !== '' || query.status.length > 0 || query.warned === true;
  if (info && info.contactCount === 0 && !filtered) {
    return (
      <>
        <ScreenTitle>{t('contacts.title')}</ScreenTitle>
        <EmptyState
          title={t('contacts.emptyTitle')}
          testId="contacts-empty"
          action={
            <>
              <button type="button" className="primary" onClick={() => navigate('import')} data-testid="empty-import">
                {t('contacts.goImport')}
              </button>{' '}
              <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)} data-testid="add-contact">
                {t('contacts.add')}
              </button>
            </>
          }
        >
          {t('contacts.emptyHint')}
        </EmptyState>
        {addForm}
      </>
    );
  }

  return (
    <div className={`contacts ${openId !== null ? 'with-detail' : ''}`}>
      <section className="contacts-main" aria-labelledby="screen-title">
        <ScreenTitle
          aside={
            <>
              <span className="muted" data-testid="contacts-count">
                {total === null ? t('common.loading') : t('contacts.count', { count: total })}
              </span>
              <span className="grow" />
              {addButton}
            </>
          }
        >
          {t('contacts.title')}
        </ScreenTitle>
        {addForm}
        <ContactsToolbar />
        <StatusChips summary={summary} />
        <SelectionBar onRecord={() => setBulkOpen(true)} />
        {notice && (
          <p className="notice" role="status" data-testid="contacts-notice">
            {notice}
          </p>
        )}
        {bulkOpen && selection.ids.size > 0 && (
          <Dialog labelledBy="bulk-record-title" onClose={() => setBulkOpen(false)} testId="bulk-dialog">
            <RecordEvidenceForm
              contactIds={[...selection.ids]}
              idPrefix="bulk-record"
              autoFocus
              onCancel={() => setBulkOpen(false)}
              onDone={(message) => {
                setBulkOpen(false);
                setNotice(message);
                selection.clear();
                void refreshAll();
              }}
            />
          </Dialog>
        )}
        <ErrorText error={error} testId="contacts-error" />
        {total === 0 && filtered ? (
          <div className="no-match" data-testid="contacts-no-match">
            <p>{t('contacts.noMatch')}</p>
            <button type="button" onClick={() => setQuery({ search: '', status: [], warned: false })}>
              {t('contacts.clearFilters')}
            </button>
          </div>
        ) : (
          <ContactTable />
        )}
      </section>
      {openId !== null && <ContactDetail key={openId} />}
    </div>
  );
}
