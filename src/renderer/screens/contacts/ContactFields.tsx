import { useTranslation } from 'react-i18next';
import type { ContactDetail, DetailField, FieldSource } from '../../../shared/contract/dto.ts';
import { formatTimestamp } from '../../util/format.ts';

type DetailKey = 'name' | 'otherEmails' | 'company' | 'jobTitle' | 'phone' | 'city' | 'country' | 'tags' | 'note' | 'added';

/** The contact's stored details, each with the import(s) that set it; empty ones are left out. */
export function ContactFields({ contact }: { contact: ContactDetail['contact'] }) {
  const { t, i18n } = useTranslation();
  const rows: [DetailKey, string, DetailField[]][] = [
    ['name', [contact.firstName, contact.lastName].filter(Boolean).join(' '), ['firstName', 'lastName']],
    ['otherEmails', contact.otherEmails, ['otherEmails']],
    ['company', contact.company, ['company']],
    ['jobTitle', contact.title, ['title']],
    ['phone', contact.phone, ['phone']],
    ['city', contact.city, ['city']],
    ['country', contact.country, ['country']],
    ['tags', contact.tags.join(', '), []],
    ['note', contact.note, ['note']],
    ['added', formatTimestamp(contact.createdAt, i18n.language), []],
  ];
  return (
    <section aria-labelledby="fields-title">
      <h3 id="fields-title">{t('detail.fields')}</h3>
      <dl className="fields" data-testid="contact-fields">
        {rows
          .filter(([, value]) => value.trim() !== '')
          .map(([key, value, fields]) => (
            <div key={key}>
              <dt>{t(`detail.${key}`)}</dt>
              <dd>
                {value}
                {setBy(contact.fieldSources, fields).map((source) => (
                  <span key={source.importId} className="field-source">
                    {t('detail.fieldFrom', { file: source.fileName, when: formatTimestamp(source.importedAt, i18n.language) })}
                  </span>
                ))}
              </dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

/** The imports that set these fields, each once (a name's two parts usually come from one). */
function setBy(sources: readonly FieldSource[], fields: readonly DetailField[]): FieldSource[] {
  const found = new Map<number, FieldSource>();
  for (const source of sources) if (fields.includes(source.field) && !found.has(source.importId)) found.set(source.importId, source);
  return [...found.values()];
}
