// Recording consent evidence for one contact or a selection in one step, with proof
// (a scanned sheet, a screenshot, the form's wording) attached once for all of them.

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORDABLE_EVENT_KINDS } from '../../../shared/contract/requests.ts';
import { todayIso } from '../../../shared/dates/iso-date.ts';
import type { Basis, SourceKind } from '../../../shared/consent/vocabulary.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { SourceSelect } from '../../components/SourceSelect.tsx';
import { fileToBase64 } from '../../util/files.ts';

type Kind = (typeof RECORDABLE_EVENT_KINDS)[number];

export function RecordEvidenceForm(props: { contactIds: number[]; initialKind?: Kind; onDone(message: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>(props.initialKind ?? 'opt-in');
  const [source, setSource] = useState<SourceKind | ''>('');
  const [basis, setBasis] = useState<Basis>('explicit');
  const [date, setDate] = useState(todayIso());
  const [brand, setBrand] = useState('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [wording, setWording] = useState('');
  const [url, setUrl] = useState('');
  const [recordedBy, setRecordedBy] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const needsSource = kind === 'opt-in';

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const hasProof = file !== null || wording.trim() !== '' || url.trim() !== '';
      const result = await api.call('consent.record', {
        contactIds: props.contactIds,
        kind,
        date,
        ...(needsSource && source ? { source, basis } : {}),
        ...(brand.trim() ? { brand: brand.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(hasProof
          ? {
              evidence: {
                ...(file ? { fileName: file.name, dataBase64: await fileToBase64(file) } : {}),
                ...(wording.trim() ? { text: wording.trim() } : {}),
                ...(url.trim() ? { url: url.trim() } : {}),
                ...(recordedBy.trim() ? { recordedBy: recordedBy.trim() } : {}),
              },
            }
          : {}),
      });
      props.onDone(t('record.done', { count: result.recorded }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="record-form" onSubmit={(e) => void submit(e)} data-testid="record-form" aria-label={t('record.title')}>
      <h3>{t('record.title')}</h3>
      {props.contactIds.length > 1 && <p className="muted">{t('record.forCount', { count: props.contactIds.length })}</p>}
      <div className="field-grid">
        <label htmlFor="record-kind">{t('record.kind')}</label>
        <select id="record-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="record-kind">
          {RECORDABLE_EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`eventKind.${k}`)}
            </option>
          ))}
        </select>
        {needsSource && (
          <>
            <label htmlFor="record-source">{t('record.source')}</label>
            <SourceSelect id="record-source" value={source} onChange={setSource} testId="record-source" required />
            <label htmlFor="record-basis">{t('record.basis')}</label>
            <select id="record-basis" value={basis} onChange={(e) => setBasis(e.target.value as Basis)} data-testid="record-basis">
              <option value="explicit">{t('basis.explicit')}</option>
              <option value="implicit">{t('basis.implicit')}</option>
            </select>
            <label htmlFor="record-brand">{t('record.brand')}</label>
            <input id="record-brand" value={brand} placeholder={t('record.brandHint')} onChange={(e) => setBrand(e.target.value)} />
          </>
        )}
        <label htmlFor="record-date">{t('record.date')}</label>
        <input id="record-date" type="date" value={date} required onChange={(e) => setDate(e.target.value)} data-testid="record-date" />
        <label htmlFor="record-note">{t('record.note')}</label>
        <input id="record-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <fieldset>
        <legend>{t('record.proof')}</legend>
        <div className="field-grid">
          <label htmlFor="record-file">{t('record.proofFile')}</label>
          <input id="record-file" type="file" data-testid="record-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <label htmlFor="record-wording">{t('record.proofText')}</label>
          <textarea id="record-wording" rows={2} value={wording} onChange={(e) => setWording(e.target.value)} data-testid="record-wording" />
          <label htmlFor="record-url">{t('record.proofUrl')}</label>
          <input id="record-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
          <label htmlFor="record-by">{t('record.recordedBy')}</label>
          <input id="record-by" value={recordedBy} onChange={(e) => setRecordedBy(e.target.value)} />
        </div>
      </fieldset>
      <ErrorText error={error} testId="record-error" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || (needsSource && !source)} data-testid="record-submit">
          {t('record.submit')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
