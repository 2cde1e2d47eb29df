// Prepared rows survive the trip between threads exactly: every real-format fixture, and
// generated rows with any text (NUL, lone surrogates, the separators a naive join would need).

import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchDecoder, encodeBatch } from './prepared-codec.ts';
import { RowPreparer, type AcceptedRow, type PreparedRow, type RefusedRow, type RowDetails } from './prepare.ts';
import { readRecords } from './read/index.ts';
import { prepareContextFor } from './test-helpers.ts';

const FIXTURES = path.join(import.meta.dirname, '../../../test/fixtures/import');

function roundTrip(rows: PreparedRow[], decoder = new BatchDecoder()): PreparedRow[] {
  const encoded = encodeBatch(rows);
  // What postMessage does to it: the text is copied, the layout's buffer moved.
  return decoder.decode(structuredClone(encoded, { transfer: [encoded.layout.buffer as ArrayBuffer] }));
}

/** The rows as the writing half sees them: a mapped row's consent cells stay with the preparing half. */
function sent(rows: PreparedRow[]): PreparedRow[] {
  const details = (row: RowDetails | null): RowDetails | null => {
    if (row === null) return null;
    const { consent: _consent, ...rest } = row as RowDetails & { consent?: unknown };
    return rest;
  };
  return rows.map((r) => ({ ...r, row: details(r.row) }) as PreparedRow);
}

describe('prepared-row codec', () => {
  const readable = ['google-contacts.csv', 'outlook.csv', 'mailchimp-subscribed.csv', 'mailchimp-unsubscribed.csv', 'ragged-rows.csv', 'android-2.1.vcf', 'ios-3.0.vcf', 'badge-scans.txt', 'contacts.xlsx', 'linkedin-connections.csv', 'excel-unicode-text.txt'];

  it.each(readable)('%s: every prepared row decodes to what was encoded', async (name) => {
    const file = path.join(FIXTURES, name);
    const { context, sniffed } = await prepareContextFor(file);
    const preparer = new RowPreparer(context);
    const decoder = new BatchDecoder();
    let count = 0;
    for await (const records of readRecords(file, sniffed, { batchSize: 7 })) {
      const rows = records.map((record) => preparer.prepare(record));
      expect(roundTrip(rows, decoder)).toEqual(sent(rows));
      count += rows.length;
    }
    expect(count).toBeGreaterThan(0);
  });

  it('any text, any mix of refused and accepted rows', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '\u0000', '\ud800', '\udc00x', '"', '\\'));
    const mapped = fc.record({
      email: text, otherEmails: text, firstName: text, lastName: text, company: text, title: text, phone: text, city: text, country: text,
      tags: fc.array(text, { maxLength: 3 }),
      note: text,
    });
    const message = fc.record({ text, code: fc.constantFrom('typo', 'role'), params: fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(text, fc.integer())) }, { requiredKeys: ['text'] });
    const accepted: fc.Arbitrary<AcceptedRow> = fc.record({
      rowNumber: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      refused: fc.constant(null),
      row: mapped,
      key: text,
      display: text,
      warnings: fc.array(message, { maxLength: 2 }),
      events: fc.array(fc.record({ kind: fc.constantFrom('opt-in', 'withdrawal'), date: text, source: fc.constantFrom(null, 'web-form') }), { maxLength: 2 }),
      evaluation: fc.record({ status: fc.constantFrom('explicit', 'implicit'), reasons: fc.array(text, { maxLength: 2 }), expiresAt: fc.option(text, { nil: null }) }),
      maybeSeen: fc.boolean(),
      raw: fc.option(text, { nil: null }),
    }) as unknown as fc.Arbitrary<AcceptedRow>;
    const refused: fc.Arbitrary<RefusedRow> = fc.record({
      rowNumber: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      refused: message,
      raw: text,
      row: fc.option(mapped, { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(accepted, refused), { maxLength: 12 }), (rows) => {
        expect(roundTrip(rows)).toEqual(sent(rows));
      }),
      { numRuns: 500 },
    );
  });

  it('gives each row its own warnings (the pipeline adds to them), shares repeated events', () => {
    const row = (rowNumber: number): AcceptedRow => ({
      rowNumber,
      refused: null,
      row: { email: 'a@b.no', otherEmails: '', firstName: '', lastName: '', company: '', title: '', phone: '', city: '', country: '', tags: [], note: '' },
      key: 'a@b.no',
      display: 'a@b.no',
      warnings: [],
      events: [{ kind: 'opt-in', date: '2026-01-01', source: 'web-form', basis: 'explicit', brand: null }],
      evaluation: { status: 'explicit', reasons: ['explicit-opt-in'], expiresAt: null },
      maybeSeen: false,
      raw: null,
    });
    const [first, second] = roundTrip([row(2), row(3)]) as AcceptedRow[];
    expect(first!.warnings).not.toBe(second!.warnings);
    expect(first!.events).toBe(second!.events);
  });
});
