import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../../../test/helpers/temp.ts';
import { CONTACT_FIELDS, ContactInserter, containsPattern, listContactRows, type ContactField, type ContactRow, type NewContact } from './contacts.ts';
import { openStore, sqlLiteral } from './open.ts';

const dir = tempDir();
const noFields = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, ''])) as Record<ContactField, string>;

describe('ContactInserter', () => {
  it('writes each shape of row completely: filled fields, defaults for empty ones, the import and time written in', () => {
    const db = openStore(tempDbPath(dir));
    db.exec("INSERT INTO imports (id, file_name, file_sha256, file_size, format, encoding, mapping, source, collected_at, rows, added, merged, duplicates, rejected, state, created_at) VALUES (5, 'a.csv', 'x', 1, 'csv', 'utf-8', '[]', 'web-form', '2025-01-01', 0, 0, 0, 0, 0, 'committed', 'now')");
    // A time with a quote in it checks that the literal written into the SQL is escaped.
    const now = "2026-11-29T10:00:00Z'); DROP TABLE contacts; --";
    const inserter = new ContactInserter(db, 5, now);
    const contacts: NewContact[] = [
      { email: 'Ola@Example.no', emailKey: 'ola@example.no', fields: { ...noFields, firstName: 'Ola', company: "O'Hara AS" }, tags: [], status: 'explicit', reasons: ['explicit-opt-in'], expiresAt: null },
      { email: 'kari@example.no', emailKey: 'kari@example.no', fields: noFields, tags: ['vip', 'messe'], status: 'implicit', reasons: ['implicit-customer'], expiresAt: '2028-01-01' },
      { email: 'per@example.no', emailKey: 'per@example.no', fields: { ...noFields, firstName: 'Per', note: 'line 1\nline 2' }, tags: [], status: 'explicit', reasons: [], expiresAt: null },
      // Same shape as the first: the cached statement is reused.
      { email: 'anne@example.no', emailKey: 'anne@example.no', fields: { ...noFields, firstName: 'Anne', company: 'Bakeriet' }, tags: [], status: 'explicit', reasons: ['explicit-opt-in'], expiresAt: null },
    ];
    const ids = contacts.map((c) => inserter.insert(c));
    expect(ids).toEqual([1, 2, 3, 4]);
    const rows = db.prepare('SELECT * FROM contacts ORDER BY id').all() as ContactRow[];
    expect(rows.map((r) => [r.email, r.email_key, r.first_name, r.company, r.note, r.tags, r.status, r.reasons, r.consent_expires_at, r.field_sources])).toEqual([
      ['Ola@Example.no', 'ola@example.no', 'Ola', "O'Hara AS", '', '[]', 'explicit', '["explicit-opt-in"]', null, '{"firstName":5,"company":5}'],
      ['kari@example.no', 'kari@example.no', '', '', '', '["vip","messe"]', 'implicit', '["implicit-customer"]', '2028-01-01', '{}'],
      ['per@example.no', 'per@example.no', 'Per', '', 'line 1\nline 2', '[]', 'explicit', '[]', null, '{"firstName":5,"note":5}'],
      ['anne@example.no', 'anne@example.no', 'Anne', 'Bakeriet', '', '[]', 'explicit', '["explicit-opt-in"]', null, '{"firstName":5,"company":5}'],
    ]);
    for (const row of rows) {
      expect([row.created_import_id, row.created_at, row.updated_at, row.removed_at]).toEqual([5, now, now, null]);
      expect([row.last_name, row.title, row.phone, row.city, row.country, row.other_emails]).toEqual(['', '', '', '', '', '']);
    }
    db.close();
  });

  it('refuses a duplicate address through the unique index, writing nothing', () => {
    const db = openStore(tempDbPath(dir));
    const inserter = new ContactInserter(db, 0, 'now');
    db.exec('PRAGMA foreign_keys = OFF'); // import 0 does not exist; this test is about the address
    const contact: NewContact = { email: 'a@example.no', emailKey: 'a@example.no', fields: noFields, tags: [], status: 'implicit', reasons: [], expiresAt: null };
    inserter.insert(contact);
    expect(() => inserter.insert({ ...contact, email: 'A@example.no' })).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT COUNT(*) FROM contacts').pluck().get()).toBe(1);
    db.close();
  });
});

describe('sqlLiteral', () => {
  it.each([
    [null, 'NULL'],
    [42, '42'],
    ['plain', "'plain'"],
    ["O'Hara", "'O''Hara'"],
    ["''", "''''''"],
  ])('%j → %s', (value, literal) => {
    expect(sqlLiteral(value)).toBe(literal);
  });

  it('refuses numbers that are not safe integers', () => {
    expect(() => sqlLiteral(1.5)).toThrow(/not an integer/);
    expect(() => sqlLiteral(Number.NaN)).toThrow(/not an integer/);
  });
});

describe('search', () => {
  const db = openStore(tempDbPath(dir));
  const people: [string, string, string, string][] = [
    ['kari@example.no', 'Åse', 'Ødegård', 'Bakeriet AS'],
    ['per@example.no', 'Per', 'Hansen', '50% Rabatt [Oslo]'],
    ['ola@example.no', 'Ola', 'Nordmann', 'A*B Eiendom'],
    ['jose@example.es', 'José', 'Müller_Strauß', ''],
  ];
  const inserter = new ContactInserter(db, 0, 'now');
  db.exec('PRAGMA foreign_keys = OFF'); // no import row: these tests are about matching only
  for (const [email, firstName, lastName, company] of people) {
    inserter.insert({ email, emailKey: email, fields: { ...noFields, firstName, lastName, company }, tags: [], status: 'implicit', reasons: [], expiresAt: null });
  }
  const found = (search: string): string[] => listContactRows(db, { search, sort: 'email', offset: 0, limit: 50 }).rows.map((r) => r.email);

  it.each([
    ['ødegård', ['kari@example.no']],
    ['ØDEGÅRD', ['kari@example.no']],
    ['åse ødeg', ['kari@example.no']], // first and last name together
    ['a\u030Ase', ['kari@example.no']], // typed decomposed (a + ring) finds the composed name
    ['BAKERIET', ['kari@example.no']],
    ['50%', ['per@example.no']], // % is a plain character, not a wildcard
    ['[oslo]', ['per@example.no']], // brackets are plain characters
    ['a*b', ['ola@example.no']], // so is *
    ['a?b', []],
    ['müller_', ['jose@example.es']], // _ is a plain character
    ['STRAUß', ['jose@example.es']], // ß has no one-letter upper case: matched as written
    ['josé', ['jose@example.es']],
    ['@example.no', ['kari@example.no', 'ola@example.no', 'per@example.no']],
    ['nobody', []],
  ])('%j finds %j', (search, emails) => {
    expect(found(search)).toEqual(emails);
  });

  it('builds one class per cased letter', () => {
    expect(containsPattern('Øy*1')).toBe('*[øØ][yY][*]1*');
  });
});
