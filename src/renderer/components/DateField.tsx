// Every date the user enters: a text field in the UI language's pattern (dd.mm.åååå /
// yyyy-mm-dd) that takes what people type and paste, plus a calendar button. A native
// <input type=date> hides its format and, in Chromium, reorders and drops typed digits (a
// typed 03/12/2024 was saved as 2026-03-12); here the text stays exactly as typed, and the
// parent hears of a date only when it is whole and valid (shared/dates/date-input.ts), or
// of null while it is not — a half-typed date is never saved.

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../shared/consent/vocabulary.ts';
import { datePattern, formatDate, MAX_YEAR, MIN_YEAR, parseDateInput, type DateLanguage } from '../../shared/dates/date-input.ts';
import { isIsoDate } from '../../shared/dates/iso-date.ts';
import { Field } from './Field.tsx';

interface Props {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  /** The stored date ('' = none). */
  value: IsoDate;
  /** A whole valid date, or null while the text is not one (empty, half-typed, impossible). */
  onChange(date: IsoDate | null): void;
  /** The last day allowed (today, where the date says when something happened). */
  notAfter?: IsoDate;
  required?: boolean;
  /** A message from elsewhere (the server refused the date), shown when the field has none of its own. */
  error?: string | null;
  /** Show the message for an empty or half-typed date before the field is left (on submit). */
  showIncomplete?: boolean;
  className?: string;
  /** No help line under the field (a toolbar): the pattern is still the placeholder. */
  compact?: boolean;
  testId: string;
}

type Check = { date: IsoDate } | { error: string; always: boolean };

/** A calendar drawn inline: an emoji depends on the system's fonts (and showed as a box). */
function CalendarIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}

export function DateField({ id, label, help, value, onChange, notAfter, required, showIncomplete, className, compact, error: otherError, testId }: Props) {
  const { t, i18n } = useTranslation();
  const language: DateLanguage = i18n.language === 'nb' ? 'nb' : 'en';
  const pattern = datePattern(language);
  const [text, setText] = useState(() => (isIsoDate(value) ? formatDate(value, language) : ''));
  const [left, setLeft] = useState(false);
  const textRef = useRef(text);
  textRef.current = text;
  /** What the parent last heard from this field (undefined: nothing yet). */
  const emitted = useRef<IsoDate | null | undefined>(isIsoDate(value) ? value : undefined);
  const picker = useRef<HTMLInputElement>(null);

  // A date set from outside (a reset to today, a new language): show it, unless the text
  // already says that date. Never while the user's own text is being typed.
  useEffect(() => {
    if (!isIsoDate(value)) return;
    const shown = parseDateInput(textRef.current, language);
    if (shown.ok && shown.date === value) return;
    const next = formatDate(value, language);
    textRef.current = next;
    setText(next);
    emitted.current = value;
  }, [value, language]);

  function check(current: string): Check {
    const result = parseDateInput(current, language);
    if (result.ok) {
      if (notAfter && result.date > notAfter) {
        return { error: t('dateField.future', { date: formatDate(result.date, language), today: formatDate(notAfter, language) }), always: true };
      }
      return { date: result.date };
    }
    switch (result.problem) {
      case 'empty':
        return { error: t('dateField.empty', { pattern }), always: false };
      case 'incomplete':
        return { error: t('dateField.incomplete', { pattern }), always: false };
      case 'ambiguous':
        return { error: t('dateField.ambiguous', { value: current.trim(), first: result.readings![0], second: result.readings![1] }), always: true };
      case 'not-real':
        return { error: t('dateField.notReal', { value: current.trim() }), always: true };
      case 'out-of-range':
        return { error: t('dateField.outOfRange', { value: current.trim(), min: MIN_YEAR, max: MAX_YEAR }), always: true };
      default:
        return { error: t('dateField.unknown', { value: current.trim(), pattern }), always: false };
    }
  }

  function take(next: string): void {
    textRef.current = next;
    setText(next);
    const checked = check(next);
    const date = 'date' in checked ? checked.date : null;
    if (date !== emitted.current) {
      emitted.current = date;
      onChange(date);
    }
  }

  const checked = check(text);
  const optionalEmpty = !required && text.trim() === '';
  const error = ('error' in checked && !optionalEmpty && (checked.always || left || showIncomplete) ? checked.error : null) ?? otherError ?? null;

  return (
    <Field
      id={id}
      label={label}
      help={
        compact ? undefined : (
          <>
            {help} {t('dateField.help', { pattern })}
          </>
        )
      }
      error={error}
      className={`date-field ${className ?? ''}`}
    >
      {(control) => (
        <div className="date-input">
          <input
            {...control}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            placeholder={pattern}
            value={text}
            required={required}
            onChange={(e) => {
              setLeft(false);
              take(e.target.value);
            }}
            onBlur={() => setLeft(true)}
            data-testid={testId}
          />
          <button
            type="button"
            className="date-picker-button"
            aria-label={t('dateField.pick', { label: typeof label === 'string' ? label : '' })}
            title={t('dateField.pick', { label: typeof label === 'string' ? label : '' })}
            onClick={() => {
              const input = picker.current;
              if (!input) return;
              input.value = isIsoDate(emitted.current ?? '') ? (emitted.current as string) : '';
              try {
                input.showPicker();
              } catch {
                input.focus(); // showPicker needs a user gesture and a browser that has it
              }
            }}
            data-testid={`${testId}-pick`}
          >
            <CalendarIcon />
          </button>
          {/* The browser's calendar, used only as a picker: what it gives goes into the text. */}
          <input
            ref={picker}
            type="date"
            className="date-picker-native"
            tabIndex={-1}
            aria-hidden="true"
            min={`${MIN_YEAR}-01-01`}
            max={notAfter ?? `${MAX_YEAR}-12-31`}
            onChange={(e) => {
              if (isIsoDate(e.target.value)) {
                setLeft(true);
                take(formatDate(e.target.value, language));
              }
            }}
            data-testid={`${testId}-picker`}
          />
        </div>
      )}
    </Field>
  );
}
