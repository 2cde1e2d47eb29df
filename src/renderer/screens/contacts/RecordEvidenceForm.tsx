// Records consent evidence for one contact or for a whole selection in one consent.record
// call, with one proof (a scanned sign-up sheet, a screenshot, the form's wording) stored once
// for all of them. Errors appear next to the field that caused them.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestInput } from '../../../shared/contract/requests.ts';
import { isIsoDate, todayIso } from '../../../shared/dates/iso-date.ts';
import { sourceGroup, type Basis, type SourceKind } from '../../../shared/consent/vocabulary.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { SourceSelect } from '../../components/SourceSelect.tsx';
import { useApp } from '../../state/app.ts';
import { splitFieldErrors } from '../../util/errors.ts';
import { rememberedEditor, rememberEditor } from '../../util/editor-name.ts';
import { blobToBase64 } from '../../util/files.ts';
import { RECORDABLE_KINDS, type RecordableKind } from '../../vocabulary.ts';

interface Props {
  contactIds: number[];
  initialKind?: RecordableKind;
  /** Move focus to the form when it opens. */
  autoFocus?: boolean;
  /** Prefix of the form's element ids (the title is `${idPrefix}-title`); unique by default. */
  idPrefix?: string;
  onDone(message: string): void;
  onCancel(): void;
}

/** Server issue paths → the field that shows them. */
const FIELDS = ['kind', 'date', 'source', 'basis', 'brand', 'note', 'evidence', 'fileName', 'dataBase64', 'text', 'url', 'recordedBy', 'contactIds'] as const;

export function RecordEvidenceForm({ contactIds, initialKind, autoFocus, idPrefix, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const generated = useId();
  // Two forms can be open at once (the detail panel and a bulk dialog): ids must differ.
  const prefix = idPrefix ?? `record-${generated.replace(/[^a-zA-Z0-9]/g, '')}`;
  const id = (name: string): string => `${prefix}-${name}`;
  const info = useApp((s) => s.info);
  const today = info?.today ?? todayIso();
  const [kind, setKind] = useState<RecordableKind>(initialKind ?? 'opt-in');
  const [source, setSource] = useState<SourceKind | ''>('');
  const [basis, setBasis] = useState<Basis>('explicit');
  const [date, setDate] = useState(info?.today ?? todayIso());
  const [brand, setBrand] = useState('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [wording, setWording] = useState('');
  const [url, setUrl] = useState('');
  // The same name the add and edit forms keep: typed once on this computer.
  const [recordedBy, setRecordedBy] = useState(rememberedEditor);
  const [busy, setBusy] = useState<false | 'reading' | 'saving'>(false);
  const [error, setError] = useState<unknown>(null);
  const [tried, setTried] = useState(false);
  const [localErrors, setLocalErrors] = useState<Partial<Record<'source' | 'date', string>>>({});
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [autoFocus]);

  const isOptIn = kind === 'opt-in';
  const takesSource = isOptIn || kind === 'reconfirmation';
  const server = splitFieldErrors(error, FIELDS);
  const fieldError = (...names: (typeof FIELDS)[number][]): string | null => {
    for (const name of names) {
      const message = (name === 'source' || name === 'date' ? localErrors[name] : undefined) ?? server.byField[name];
      if (message) return message;
    }
    return null;
  };

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const missing: typeof localErrors = {};
    if (isOptIn && !source) missing.source = t('record.needSource');
    if (!isIsoDate(date)) missing.date = t('record.needDate'); // DateField says what is wrong with it
    setLocalErrors(missing);
    setTried(true);
    setError(null);
    if (Object.keys(missing).length > 0) {
      document.getElementById(id(missing.source ? 'source' : 'date'))?.focus();
      return;
    }
    try {
      const text = wording.trim();
      const link = url.trim();
      const by = recordedBy.trim();
      rememberEditor(by);
      let evidence: RequestInput<'consent.record'>['evidence'];
      if (file || text || link) {
        setBusy('reading');
        evidence = {
          ...(file ? { fileName: file.name, dataBase64: await blobToBase64(file) } : {}),
          ...(text ? { text } : {}),
          ...(link ? { url: link } : {}),
          ...(by ? { recordedBy: by } : {}),
        };
      }
      setBusy('saving');
      const result = await api.call('consent.record', {
        contactIds,
        kind,
        date,
        ...(takesSource && source ? { source } : {}),
        ...(isOptIn ? { basis } : {}),
        ...(takesSource && brand.trim() ? { brand: brand.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(evidence ? { evidence } : {}),
      });
      onDone(t('record.done', { count: result.recorded }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const brandHint = info?.brand ? t('record.brandHint', { brand: info.brand }) : t('record.brandHintNone');
  return (
    <form
      className="record-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      aria-labelledby={id('title')}
      data-testid="record-form"
      noValidate
    >
      <h3 id={id('title')} ref={heading} tabIndex={-1}>
        {t(`record.titleFor.${kind}`)}
      </h3>
      <p className="muted small" data-testid="record-count">
        {t('record.forCount', { count: contactIds.length })}
      </p>
      <div className="form-grid">
        <Field id={id('kind')} label={t('record.kind')} error={fieldError('kind')}>
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value as RecordableKind)} data-testid="record-kind">
              {RECORDABLE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`eventKind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DateField
          id={id('date')}
          label={t('record.date')}
          value={date}
          notAfter={today}
          required
          showIncomplete={tried}
          error={server.byField.date}
          onChange={(next) => setDate(next ?? '')}
          testId="record-date"
        />
        {takesSource && (
          <Field
            id={id('source')}
            label={t('record.source')}
            error={fieldError('source')}
            help={source ? t(`source.groupHelp.${sourceGroup(source)}`) : undefined}
            className="span-2"
          >
            {(control) => (
              <SourceSelect
                id={control.id}
                describedBy={control['aria-describedby']}
                invalid={control['aria-invalid']}
                value={source}
                onChange={setSource}
                required={isOptIn}
                testId="record-source"
              />
            )}
          </Field>
        )}
        {isOptIn && (
          <Field id={id('basis')} label={t('record.basis')} help={t(`basis.${basis}Help`)} error={fieldError('basis')}>
            {(control) => (
              <select {...control} value={basis} onChange={(e) => setBasis(e.target.value as Basis)} data-testid="record-basis">
                <option value="explicit">{t('basis.explicit')}</option>
                <option value="implicit">{t('basis.implicit')}</option>
              </select>
            )}
          </Field>
        )}
        {takesSource && (
          <Field id={id('brand')} label={t('record.brand')} help={brandHint} error={fieldError('brand')}>
            {(control) => <input {...control} value={brand} onChange={(e) => setBrand(e.target.value)} data-testid="record-brand" />}
          </Field>
        )}
        <Field id={id('note')} label={t('record.note')} error={fieldError('note')} className={isOptIn ? 'span-2' : takesSource ? '' : 'span-2'}>
          {(control) => <input {...control} value={note} onChange={(e) => setNote(e.target.value)} data-testid="record-note" />}
        </Field>
      </div>
      <fieldset className="proof">
        <legend>{t('record.proof')}</legend>
        <p className="muted small">{t('record.proofHelp')}</p>
        <div className="form-grid">
          <Field id={id('file')} label={t('record.proofFile')} error={fieldError('fileName', 'dataBase64')} className="span-2">
            {(control) => <input {...control} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="record-file" />}
          </Field>
          <Field id={id('wording')} label={t('record.proofText')} error={fieldError('text')} className="span-2">
            {(control) => <textarea {...control} rows={2} value={wording} onChange={(e) => setWording(e.target.value)} data-testid="record-wording" />}
          </Field>
          <Field id={id('url')} label={t('record.proofUrl')} error={fieldError('url')}>
            {(control) => <input {...control} type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} data-testid="record-url" />}
          </Field>
          <Field id={id('by')} label={t('record.recordedBy')} error={fieldError('recordedBy')}>
            {(control) => <input {...control} value={recordedBy} onChange={(e) => setRecordedBy(e.target.value)} data-testid="record-by" />}
          </Field>
        </div>
        <ErrorText error={fieldError('evidence')} testId="record-evidence-error" />
      </fieldset>
      <ErrorText error={server.other ?? fieldError('contactIds')} testId="record-error" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy !== false} data-testid="record-submit">
          {busy === 'reading' ? t('record.reading') : busy === 'saving' ? t('common.working') : t('record.submitFor', { count: contactIds.length })}
        </button>
        <button type="button" onClick={onCancel} data-testid="record-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
