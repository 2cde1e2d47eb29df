// What the sniffer found (format, encoding, delimiter, layout), with overrides for the
// cases it can get wrong: an old Excel encoding, an unusual delimiter, another sheet.

import { useTranslation } from 'react-i18next';
import type { SniffView } from '../../../shared/contract/dto.ts';
import { useImport } from '../../state/import.ts';

const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1'];
const DELIMITERS = [',', ';', '\t', '|'];

export function DetectedFormat({ sniff }: { sniff: SniffView }) {
  const { t } = useTranslation();
  const { overrides, setOverrides } = useImport();
  const delimiterName = (d: string): string => (d === '\t' ? t('import.tab') : d);
  const textFormat = sniff.format === 'csv';
  const encodings = ENCODINGS.includes(sniff.encoding) ? ENCODINGS : [sniff.encoding, ...ENCODINGS];

  return (
    <div className="detected-block">
      <p className="detected" data-testid="detected">
        <span>
          {t('import.format')}: <strong>{sniff.format}</strong>
        </span>
        <span>
          {t('import.encoding')}: <strong>{sniff.encoding}</strong>
        </span>
        {sniff.delimiter !== null && (
          <span>
            {t('import.delimiter')}: <strong>{delimiterName(sniff.delimiter)}</strong>
          </span>
        )}
        <span>
          {t('import.layout')}: <strong>{sniff.layout ?? t('import.genericLayout')}</strong>
        </span>
        {sniff.preambleLines > 0 && <span className="muted">{t('import.preamble', { count: sniff.preambleLines })}</span>}
      </p>
      {(textFormat || sniff.sheets.length > 1) && (
        <div className="overrides">
          {textFormat && (
            <>
              <div className="field inline-field">
                <label htmlFor="override-encoding">{t('import.encoding')}</label>
                <select
                  id="override-encoding"
                  value={overrides.encoding ?? sniff.encoding}
                  onChange={(e) => setOverrides({ encoding: e.target.value })}
                  data-testid="override-encoding"
                >
                  {encodings.map((encoding) => (
                    <option key={encoding} value={encoding}>
                      {encoding}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field inline-field">
                <label htmlFor="override-delimiter">{t('import.delimiter')}</label>
                <select
                  id="override-delimiter"
                  value={overrides.delimiter ?? sniff.delimiter ?? ','}
                  onChange={(e) => setOverrides({ delimiter: e.target.value })}
                  data-testid="override-delimiter"
                >
                  {DELIMITERS.map((d) => (
                    <option key={d} value={d}>
                      {delimiterName(d)}
                    </option>
                  ))}
                </select>
              </div>
            </>
          )}
          {sniff.sheets.length > 1 && (
            <div className="field inline-field">
              <label htmlFor="override-sheet">{t('import.sheet')}</label>
              <select id="override-sheet" value={overrides.sheet ?? sniff.sheet ?? ''} onChange={(e) => setOverrides({ sheet: e.target.value })} data-testid="override-sheet">
                {sniff.sheets.map((sheet) => (
                  <option key={sheet} value={sheet}>
                    {sheet}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
