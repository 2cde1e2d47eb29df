import { useTranslation } from 'react-i18next';
import type { ContactDetail, ContactEditView, DetailField, EditableField, FieldSource, ManualSource } from '../../../shared/contract/dto.ts';
import { formatTimestamp } from '../../util/format.ts';
import { FIELD_LABEL_KEYS } from './fieldLabels.ts';

type DetailKey = 'name' | 'otherEmails' | 'company' | 'jobTitle' | 'phone' | 'city' | 'country' | 'tags' | 'note' | 'added';

/**
 * The contact's stored details, each with where it came from: the import(s) that set it, or
 * who edited it by hand and when. Empty ones are left out. Below, every change made by hand.
 */
export function ContactFields({ contact, edits, onEdit }: { contact: ContactDetail['contact']; edits: readonly ContactEditView[]; onEdit(): void }) {
  const { t, i18n } = useTranslation();
  const rows: [DetailKey, string, DetailField[], EditableField[]][] = [
    ['name', [contact.firstName, contact.lastName].filter(Boolean).join(' '), ['firstName', 'lastName'], ['firstName', 'lastName']],
    ['otherEmails', contact.otherEmails, ['otherEmails'], []],
    ['company', contact.company, ['company'], ['company']],
    ['jobTitle', contact.title, ['title'], ['title']],
    ['phone', contact.phone, ['phone'], ['phone']],
    ['city', contact.city, ['city'], ['city']],
    ['country', contact.country, ['country'], ['country']],
    ['tags', contact.tags.join(', '), [], ['tags']],
    ['note', contact.note, ['note'], ['note']],
    ['added', formatTimestamp(contact.createdAt, i18n.language), [], []],
  ];
  return (
    <section aria-labelledby="fields-title">
      <div className="section-head">
        <h3 id="fields-title">{t('detail.fields')}</h3>
        <button type="button" className="small" onClick={onEdit} data-testid="action-edit">
          {t('detail.edit')}
        </button>
      </div>
      <dl className="fields" data-testid="contact-fields">
        {rows
          .filter(([, value]) => value.trim() !== '')
          .map(([key, value, fields, editable]) => (
            <div key={key}>
              <dt>{t(`detail.${key}`)}</dt>
              <dd>
                {value}
                {setBy(contact.fieldSources, fields).map((source) => (
                  <span key={source.importId} className="field-source">
                    {t('detail.fieldFrom', { file: source.fileName, when: formatTimestamp(source.importedAt, i18n.language) })}
                  </span>
                ))}
                {editedBy(contact.manualSources, editable).map((source) => (
                  <span key={`${source.editedBy}|${source.editedAt}`} className="field-source" data-testid="field-edited">
                    {t('detail.fieldEdited', { name: source.editedBy, when: formatTimestamp(source.editedAt) })}
                  </span>
                ))}
              </dd>
            </div>
          ))}
      </dl>
      {edits.length > 0 && (
        <details className="edit-history" data-testid="edit-history">
          <summary>{t('detail.history', { count: edits.length })}</summary>
          <ul>
            {edits.map((edit) => {
              const values = {
                when: formatTimestamp(edit.editedAt),
                name: edit.editedBy,
                field: t(`detail.${FIELD_LABEL_KEYS[edit.field]}`),
                from: edit.oldValue,
                to: edit.newValue,
              };
              const key = edit.oldValue === '' ? 'detail.historySet' : edit.newValue === '' ? 'detail.historyCleared' : 'detail.historyChanged';
              return <li key={edit.id}>{t(key, values)}</li>;
            })}
          </ul>
        </details>
      )}
    </section>
  );
}

/** The imports that set these fields, each once (a name's two parts usually come from one). */
function setBy(sources: readonly FieldSource[], fields: readonly DetailField[]): FieldSource[] {
  const found = new Map<number, FieldSource>();
  for (const source of sources) if (fields.includes(source.field) && !found.has(source.importId)) found.set(source.importId, source);
  return [...found.values()];
}

/** The hand edits that set these fields, each person and time once. */
function editedBy(sources: readonly ManualSource[], fields: readonly EditableField[]): ManualSource[] {
  const found = new Map<string, ManualSource>();
  for (const source of sources) {
    const key = `${source.editedBy}|${source.editedAt}`;
    if (fields.includes(source.field) && !found.has(key)) found.set(key, source);
  }
  return [...found.values()];
}
