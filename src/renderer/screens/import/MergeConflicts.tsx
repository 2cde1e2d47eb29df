// Stored contacts the file gives another name, company or other detail: per detail, how many
// and the first few, and the user's choice for each (keep what is stored, or take the
// file's), sent with the commit — instead of one switch for every detail at once.

import { useTranslation } from 'react-i18next';
import type { FieldConflict } from '../../../shared/contract/dto.ts';
import { useImport } from '../../state/import.ts';
import { formatNumber } from '../../util/format.ts';

export function MergeConflicts({ conflicts }: { conflicts: FieldConflict[] }) {
  const { t, i18n } = useTranslation();
  const { fieldChoices, setFieldChoice, committing } = useImport();
  if (conflicts.length === 0) return null;
  return (
    <section className="conflicts" aria-labelledby="conflicts-title" data-testid="merge-conflicts">
      <h3 id="conflicts-title">{t('import.conflictsTitle')}</h3>
      <p className="muted small">{t('import.conflictsHelp')}</p>
      {conflicts.map((conflict) => {
        const label = t(`import.fields.${conflict.field}`);
        const choice = fieldChoices[conflict.field] ?? 'stored';
        const name = `conflict-${conflict.field}`;
        return (
          <fieldset key={conflict.field} className="conflict" disabled={committing} data-testid={name}>
            <legend>{t('import.conflictLegend', { field: label, count: conflict.count, formatted: formatNumber(conflict.count, i18n.language) })}</legend>
            <ul className="conflict-samples">
              {conflict.samples.map((s) => (
                <li key={s.rowNumber}>
                  {t('import.conflictSample', { row: s.rowNumber, email: s.email, stored: s.stored, file: s.file })}
                </li>
              ))}
            </ul>
            <div className="radio-row">
              <label>
                <input type="radio" name={name} value="stored" checked={choice === 'stored'} onChange={() => setFieldChoice(conflict.field, 'stored')} data-testid={`${name}-stored`} />
                {t('import.keepStored')}
              </label>
              <label>
                <input type="radio" name={name} value="file" checked={choice === 'file'} onChange={() => setFieldChoice(conflict.field, 'file')} data-testid={`${name}-file`} />
                {t('import.takeFile')}
              </label>
            </div>
          </fieldset>
        );
      })}
    </section>
  );
}
