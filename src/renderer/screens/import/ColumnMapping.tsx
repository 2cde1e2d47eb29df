// What each column of the file holds, as a row of selects (one per column, in file order).
// Changing one re-runs the preview with the new mapping.

import { useTranslation } from 'react-i18next';
import { useImport } from '../../state/import.ts';
import { FIELD_KEY_LIST } from '../../vocabulary.ts';

export function ColumnMapping({ headers, mapping }: { headers: string[]; mapping: string[] }) {
  const { t } = useTranslation();
  const setMapping = useImport((s) => s.setMapping);
  const committing = useImport((s) => s.committing);
  return (
    <section className="mapping" aria-labelledby="mapping-title">
      <h3 id="mapping-title">{t('import.mapping')}</h3>
      <p className="muted small">{t('import.mappingHelp')}</p>
      <div className="mapping-row" data-testid="column-mapping">
        {headers.map((header, i) => {
          const name = header.trim() || t('import.unnamedColumn', { n: i + 1 });
          const field = mapping[i] ?? 'ignore';
          return (
            <div key={i} className={`mapping-cell ${field === 'ignore' ? 'ignored' : ''} ${field === 'email' ? 'is-email' : ''}`}>
              <label htmlFor={`mapping-${i}`} title={name}>
                {name}
              </label>
              <select
                id={`mapping-${i}`}
                value={field}
                disabled={committing}
                aria-label={t('import.mappingFor', { n: i + 1, header: name })}
                onChange={(e) => setMapping(i, e.target.value)}
                data-testid={`mapping-${i}`}
              >
                {FIELD_KEY_LIST.map((key) => (
                  <option key={key} value={key}>
                    {t(`import.fields.${key}`)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </section>
  );
}
