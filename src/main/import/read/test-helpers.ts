// Shared by the reader tests: read a whole file, and catch the ImportFileError a call throws.

import { ImportFileError } from './errors.ts';
import { readRecords, sniffFile, type RawRecord, type ReadOptions, type SniffOverrides, type SniffResult } from './index.ts';

export async function readFile(file: string, overrides: SniffOverrides = {}, options: ReadOptions = {}): Promise<{ sniff: SniffResult; records: RawRecord[] }> {
  const sniff = await sniffFile(file, overrides);
  const records: RawRecord[] = [];
  for await (const batch of readRecords(file, sniff, options)) records.push(...batch);
  return { sniff, records };
}

/** The ImportFileError `run` throws; fails the test if it throws nothing or something else. */
export async function failure(run: () => Promise<unknown>): Promise<ImportFileError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}
