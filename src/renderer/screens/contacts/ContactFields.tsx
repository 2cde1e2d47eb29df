import { useTranslation } from 'react-i18next';
import type { ContactDetail } from '../../../shared/contract/dto.ts';
import { formatTimestamp } from '../../util/format.ts';

type DetailKey = 'name' | 'otherEmails' | 'company' | 'jobTitle' | 'phone' | 'city' | 'country' | 'tags' | 'note' | 'added';

/** The contact's stored details; empty ones are left out. */
export function ContactFields({ contact }: { contact: ContactDetail['contact'] }) {
  const { t } = useTranslation();
  const rows: [DetailKey, string][] = [
    ['name', [contact.firstName, contact.lastName].filter(Boolean).join(' ')],
    ['otherEmails', contact.otherEmails],
    ['company', contact.company],
    ['jobTitle', contact.title],
    ['phone', contact.phone],
    ['city', contact.city],
    ['country', contact.country],
    ['tags', contact.tags.join(', ')],
    ['note', contact.note],
    ['added', formatTimestamp(contact.createdAt)],
  ];
  return (
    <section aria-labelledby="fields-title">
      <h3 id="fields-title">{t('detail.fields')}</h3>
      <dl className="fields" data-testid="contact-fields">
        {rows
          .filter(([, value]) => value.trim() !== '')
          .map(([key, value]) => (
            <div key={key}>
              <dt>{t(`detail.${key}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
