// The public csv-spectrum cases, through the real sniff-and-read path. Its
// location_coordinates case is itself broken (the CSV holds U+FFFD where a degree sign was,
// and the expected JSON has another phone number), so it is checked for what is in the file.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readRecords, sniffFile, type RawRecord } from './index.ts';

const root = path.dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
const cases = fs
  .readdirSync(path.join(root, 'csvs'))
  .map((f) => path.basename(f, '.csv'))
  .filter((name) => name !== 'location_coordinates');

async function read(name: string): Promise<Record<string, string>[]> {
  const file = path.join(root, 'csvs', `${name}.csv`);
  const sniff = await sniffFile(file);
  const records: RawRecord[] = [];
  for await (const batch of readRecords(file, sniff)) records.push(...batch);
  expect(records.filter((r) => r.error)).toEqual([]);
  return records.map((r) => Object.fromEntries(sniff.headers.map((h, i) => [h, r.values[i]!])));
}

describe('csv-spectrum', () => {
  it('has the cases this test expects', () => {
    expect(cases).toHaveLength(11);
  });

  it.each(cases)('%s', async (name) => {
    const expected = JSON.parse(fs.readFileSync(path.join(root, 'json', `${name}.json`), 'utf8')) as unknown;
    expect(await read(name)).toEqual(expected);
  });

  it('location_coordinates (a broken case): read as the bytes say', async () => {
    expect(await read('location_coordinates')).toEqual([
      { 'Contact Phone Number': '2095257564', 'Location Coordinates': '37\uFFFD36\'37.8"N 121\uFFFD2\'17.9"W', Cities: 'Modesto', Counties: 'Stanislaus' },
    ]);
  });
});
