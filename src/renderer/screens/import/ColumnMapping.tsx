// What each column of the file holds, as a vertical list: the file's column, a few of its
// values, and the field (a select with the field's name in words). Changing one re-runs the
// preview with the new mapping.

import { useTranslation } from 'react-i18next';
import { useImport } from '../../state/import.ts';
import { FIELD_KEY_LIST } from '../../vocabulary.ts';

/** vCard and badge-scan readers name their columns by field key: those are shown by the field's name. */
const KEYED_FORMATS = ['vcard', 'mecard'];

export function ColumnMapping({ headers, mapping, samples, format }: { headers: string[]; mapping: string[]; samples: string[][]; format: string }) {
  const { t } = useTranslation();
  const setMapping = useImport((s) => s.setMapping);
  const committing = useImport((s) => s.committing);
  return (
    <section className="mapping" aria-labelledby="mapping-title">
      <h3 id="mapping-title">{t('import.mapping')}</h3>
      <p className="muted small">{t('import.mappingHelp')}</p>
      <table className="data-table mapping-table" data-testid="column-mapping">
        <thead>
          <tr>
            <th scope="col">{t('import.fileColumn')}</th>
            <th scope="col">{t('import.sampleValues')}</th>
            <th scope="col">{t('import.field')}</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((header, i) => {
            const keyed = KEYED_FORMATS.includes(format) && (FIELD_KEY_LIST as readonly string[]).includes(header);
            const name = keyed ? t(`import.fields.${header as (typeof FIELD_KEY_LIST)[number]}`) : header.trim() || t('import.unnamedColumn', { n: i + 1 });
            const field = mapping[i] ?? 'ignore';
            return (
              <tr key={i} className={`${field === 'ignore' ? 'ignored' : ''} ${field === 'email' ? 'is-email' : ''}`}>
                <th scope="row">
                  <label htmlFor={`mapping-${i}`}>{name}</label>
                </th>
                <td className="samples">
                  {(samples[i] ?? []).length === 0 ? <span className="muted">{t('import.noSamples')}</span> : samples[i]!.join(' · ')}
                </td>
                <td>
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
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
