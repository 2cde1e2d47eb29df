// Where the list came from, applied to every row as its consent evidence: the source
// (required; the three groups explained beside it), when, on what basis, for which brand,
// and the proof (the form's wording, a photo of the paper sheet).

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { sourceGroup, type Basis } from '../../../shared/consent/vocabulary.ts';
import { todayIso } from '../../../shared/dates/iso-date.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { SourceSelect } from '../../components/SourceSelect.tsx';
import { useApp } from '../../state/app.ts';
import { useImport } from '../../state/import.ts';
import { SourceGroupsHelp } from './SourceGroupsHelp.tsx';

export function BatchSettingsForm() {
  const { t } = useTranslation();
  const { settings, setSettings, committing } = useImport();
  const brand = useApp((s) => s.info?.brand ?? null);
  const today = useApp((s) => s.info?.today ?? todayIso());
  // This step appears once a file is chosen: focus moves here (the file input is disabled
  // while the file is read, and focus would otherwise fall to the page body).
  useEffect(() => {
    document.getElementById('import-source')?.focus();
  }, []);

  return (
    <section className="card batch" aria-labelledby="batch-title" data-testid="batch-settings">
      <h2 id="batch-title">{t('import.batch')}</h2>
      <p className="muted">{t('import.batchHelp')}</p>
      <div className="batch-layout">
        <fieldset className="plain" disabled={committing}>
          <legend className="visually-hidden">{t('import.batch')}</legend>
          <div className="form-grid three">
            <Field
              id="import-source"
              label={t('import.source')}
              className="span-2"
              help={settings.source ? t(`source.groupHelp.${sourceGroup(settings.source)}`) : t('import.sourceRequired')}
            >
              {(control) => (
                <SourceSelect
                  id={control.id}
                  describedBy={control['aria-describedby']}
                  value={settings.source}
                  onChange={(source) => setSettings({ source })}
                  required
                  testId="import-source"
                />
              )}
            </Field>
            <DateField
              id="import-date"
              label={t('import.collectedAt')}
              value={settings.collectedAt}
              notAfter={today}
              required
              // '' while the date is not whole: no preview, nothing to commit (state/import.ts).
              onChange={(date) => setSettings({ collectedAt: date ?? '' })}
              testId="import-date"
            />
            <Field
              id="import-basis"
              label={t('import.basis')}
              className="span-2"
              help={settings.basis === 'file' ? t('basis.fromFileHelp') : `${t(`basis.${settings.basis}Help`)} ${t('basis.fileWins')}`}
            >
              {(control) => (
                <select {...control} value={settings.basis} onChange={(e) => setSettings({ basis: e.target.value as Basis | 'file' })} data-testid="import-basis">
                  <option value="file">{t('basis.fromFile')}</option>
                  <option value="explicit">{t('basis.explicit')}</option>
                  <option value="implicit">{t('basis.implicit')}</option>
                </select>
              )}
            </Field>
            <Field id="import-brand" label={t('import.brand')} help={brand ? t('record.brandHint', { brand }) : t('record.brandHintNone')}>
              {(control) => <input {...control} value={settings.brand} onChange={(e) => setSettings({ brand: e.target.value })} data-testid="import-brand" />}
            </Field>
            <Field id="import-proof" label={t('import.proofFile')} className="span-3">
              {(control) => <input {...control} type="file" onChange={(e) => setSettings({ proofFile: e.target.files?.[0] ?? null })} data-testid="import-proof" />}
            </Field>
            <Field id="import-wording" label={t('import.proofText')} className="span-3">
              {(control) => <textarea {...control} rows={2} value={settings.proofText} onChange={(e) => setSettings({ proofText: e.target.value })} data-testid="import-wording" />}
            </Field>
          </div>
        </fieldset>
        <SourceGroupsHelp />
      </div>
    </section>
  );
}
