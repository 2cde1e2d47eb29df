import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../shared/contract/dto.ts';
import { addDays } from '../../../shared/consent/dates.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateShort } from '../../util/format.ts';

export const ROW_HEIGHT = 44;

interface Props {
  index: number;
  /** Offset from the top of the virtual canvas, in pixels. */
  top: number;
  /** Undefined while its page is loading. */
  contact: ContactSummary | undefined;
  tabbable: boolean;
  selected: boolean;
  isOpen: boolean;
  onFocus(): void;
  onOpen(): void;
  onToggle(): void;
}

/** One row of the virtual table; focusable (roving tabindex), opened by click or Enter. */
export function ContactRow(props: Props) {
  const { t, i18n } = useTranslation();
  const { contact } = props;
  const name = contact ? [contact.firstName, contact.lastName].filter(Boolean).join(' ') : '';
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      aria-selected={props.selected}
      tabIndex={props.tabbable ? 0 : -1}
      data-index={props.index}
      data-contact-id={contact?.id}
      data-testid="contact-row"
      className={`table-row ${props.isOpen ? 'open' : ''} ${props.selected ? 'selected' : ''}`}
      style={{ transform: `translateY(${props.top}px)`, height: ROW_HEIGHT }}
      onClick={props.onOpen}
      onFocus={props.onFocus}
    >
      {contact ? (
        <>
          <span role="gridcell" className="col-check">
            {/* Not in the tab order: Space on the row toggles it. */}
            <input
              type="checkbox"
              tabIndex={-1}
              checked={props.selected}
              aria-label={t('contacts.selectRow', { email: contact.email })}
              onClick={(e) => e.stopPropagation()}
              onChange={props.onToggle}
              data-testid="row-checkbox"
            />
          </span>
          <span role="gridcell" className="col-email" title={contact.email}>
            {contact.email}
          </span>
          <span role="gridcell" className="col-name" title={name}>
            {name}
          </span>
          <span role="gridcell" className="col-company" title={contact.company}>
            {contact.company}
          </span>
          <span role="gridcell" className="col-status">
            <StatusBadge status={contact.status} />
          </span>
          <span role="gridcell" className="col-expires">
            {contact.consentExpiresAt ? (
              // The first day it no longer counts; the column says the last day it does.
              formatDateShort(addDays(contact.consentExpiresAt, -1), i18n.language)
            ) : (
              <>
                <span aria-hidden="true">—</span>
                <span className="visually-hidden">{t('contacts.noExpiry')}</span>
              </>
            )}
          </span>
        </>
      ) : (
        <span role="gridcell" className="loading-row">
          {t('contacts.loadingRow')}
        </span>
      )}
    </div>
  );
}
