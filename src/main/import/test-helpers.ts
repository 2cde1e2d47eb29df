// Shared by the import tests: a file sniffed, and the context its rows are prepared in (the
// suggested mapping, an event-booth batch, the default policy).

import { suggestMapping } from '../../shared/import/mapping.ts';
import type { PrepareContext } from './prepare.ts';
import { sniffFile, type SniffResult } from './read/index.ts';

export async function prepareContextFor(file: string): Promise<{ context: PrepareContext; sniffed: SniffResult }> {
  const sniffed = await sniffFile(file);
  const mapping = suggestMapping(sniffed.headers, sniffed.format, sniffed.sampleRows);
  return {
    sniffed,
    context: {
      headers: sniffed.headers,
      mapping: { fields: mapping.fields, layout: mapping.layout },
      batch: { source: 'event-booth', collectedAt: '2026-05-01', basis: null, brand: null },
      settings: { brand: null, policy: 'default', statusesAsOf: null },
      asOf: '2026-11-29',
      erased: [],
    },
  };
}
