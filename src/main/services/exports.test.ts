// The export's three files for every profile, from a real workspace file holding addresses,
// phone numbers and names that start with every character a spreadsheet reads as a formula
// (ASCII and full-width, tab, CR, LF, a space first, line breaks inside cells). Each file is
// parsed back with papaparse and checked: (a) every valid address is there exactly — in the
// send-ready file when no spreadsheet can run it, in the report otherwise, and on the
// suppression list whenever the person unsubscribed or bounced; (b) no cell a spreadsheet
// would run as a formula, except the exact cells src/shared/export/formula.ts proves inert
// and, on the suppression list and in the report only, a flagged address (kept exact there:
// an unsubscribed person must be matched by the e-mail tool).

import fc from 'fast-check';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../../../test/helpers/temp.ts';
import { EXPORT_PROFILES } from '../../shared/contract/requests.ts';
import { checkEmail, normalizeEmail } from '../../shared/email/index.ts';
import { ADDRESS_LEFT_OUT, PHONE_LEFT_OUT, sendReadyAddress } from '../../shared/export/files.ts';
import { isInertAddress, isInertPhone, neutralizeFormula, startsFormula } from '../../shared/export/formula.ts';
import { EXPORT_PROFILE_TABLE } from '../../shared/export/profiles.ts';
import { LedgerAppender, type NewEvent } from '../store/ledger.ts';
import { openStore, type DB } from '../store/open.ts';
import type { ServiceContext } from './context.ts';
import { runExport } from './exports.ts';

const dir = tempDir('tillit-exports-');
const AS_OF = '2026-02-01';
const stores: DB[] = [];
afterEach(() => {
  for (const db of stores.splice(0)) db.close();
});

/** Every character that makes a spreadsheet parse a cell, a space before one, and a plain start. */
const FIRST = ['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', ' ', 'o', ''];
const ATEXT = [...'abz09._-+=*/^&%{}|!\'#$?`~', 'ø'];
const PHONE_CHARACTERS = [...'0123456789 +()-./'];
type Kind = 'explicit' | 'unsubscribed' | 'bounced' | 'none';

interface Person {
  email: string;
  phone: string;
  firstName: string;
  company: string;
  tags: string[];
  kind: Kind;
}

const local = fc.tuple(fc.constantFrom(...FIRST), fc.array(fc.constantFrom(...ATEXT), { minLength: 1, maxLength: 8 })).map(([f, rest]) => f + rest.join(''));
const email = fc.tuple(local, fc.constantFrom('example.no', 'eksempel.com')).map(([l, d]) => `${l}@${d}`);
const phone = fc
  .tuple(fc.constantFrom(...FIRST), fc.array(fc.constantFrom(...PHONE_CHARACTERS), { maxLength: 12 }), fc.constantFrom('', '', ' (mobil)', 'HYPERLINK("http://x")', '\n=1+1'))
  .map(([f, digits, tail]) => f + digits.join('') + tail);
const text = fc.tuple(fc.constantFrom(...FIRST), fc.string({ maxLength: 8 }), fc.constantFrom('', '\n=1+1', '\r\n@SUM(A1)', ',"x"')).map(([f, s, tail]) => f + s + tail);
const person: fc.Arbitrary<Person> = fc.record({
  email,
  phone,
  firstName: text,
  company: text,
  tags: fc.array(text, { maxLength: 2 }),
  kind: fc.constantFrom<Kind>('explicit', 'unsubscribed', 'bounced', 'none'),
});
/** In every run, beside the generated ones: the cases the issue names. */
const NAMED: Person[] = [
  { email: '-ola@example.no', phone: '+47 912 34 567', firstName: '=Ola', company: '+Firma', tags: ['-vip'], kind: 'explicit' },
  { email: '+kari@example.no', phone: '+4791234567', firstName: 'Kari', company: '', tags: [], kind: 'unsubscribed' },
  { email: '-per-@example.no', phone: '+47 912 34 567 (mobil)', firstName: '@Per', company: '', tags: [], kind: 'explicit' },
  { email: '=eva@example.no', phone: '=HYPERLINK("http://x")', firstName: '\uFF1DEva', company: '', tags: [], kind: 'bounced' },
  { email: 'anne@example.no', phone: '=1+1', firstName: 'Anne\n=1+1', company: '', tags: [], kind: 'explicit' },
];
const people = fc
  .uniqueArray(person, { maxLength: 12, selector: (p) => normalizeEmail(p.email) })
  .map((list) => [...NAMED, ...list.filter((p) => !NAMED.some((n) => normalizeEmail(n.email) === normalizeEmail(p.email)))]);

function workspaceWith(list: readonly Person[]): ServiceContext {
  const db = openStore(tempDbPath(dir));
  stores.push(db);
  db.transaction(() => {
    const insert = db.prepare(
      `INSERT INTO contacts (id, email, email_key, first_name, company, phone, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const events: NewEvent[] = [];
    list.forEach((p, i) => {
      const id = i + 1;
      insert.run(id, p.email, normalizeEmail(p.email), p.firstName, p.company, p.phone, JSON.stringify(p.tags), AS_OF, AS_OF);
      if (p.kind === 'none') return;
      events.push({ contactId: id, kind: 'opt-in', date: '2026-01-01', source: 'web-form', basis: 'explicit' });
      if (p.kind === 'unsubscribed') events.push({ contactId: id, kind: 'withdrawal', date: '2026-01-10' });
      if (p.kind === 'bounced') events.push({ contactId: id, kind: 'hard-bounce', date: '2026-01-10' });
    });
    new LedgerAppender(db, `${AS_OF}T00:00:00.000Z`).append(events);
  })();
  return { db, dbPath: '', filesDir: '', emit: () => undefined, today: () => AS_OF, now: () => `${AS_OF}T12:00:00.000Z` };
}

function parse(csv: string): string[][] {
  // Every line ends with CRLF, which a parser reads as one last empty row.
  const result = Papa.parse<string[]>(csv, { newline: '\r\n', delimiter: ',' });
  expect(result.errors).toEqual([]);
  return result.data.slice(0, -1);
}

type FileName = 'send-ready' | 'suppression' | 'report';

/** (b): a cell a spreadsheet would run is allowed only where formula.ts proves it inert, or as a flagged address kept exact off the send-ready file. */
function runnableCellAllowed(file: FileName, column: string, cell: string, emailColumn: boolean): boolean {
  if (!startsFormula(cell)) return true;
  if (emailColumn && checkEmail(cell).valid) return isInertAddress(cell) || file !== 'send-ready';
  return (column === 'Phone Number' || column === 'phone') && file === 'send-ready' && isInertPhone(cell);
}

function checkFile(file: FileName, rows: string[][]): void {
  const [header, ...body] = rows;
  for (const row of body) {
    expect(row).toHaveLength(header!.length);
    row.forEach((cell, i) => {
      if (!runnableCellAllowed(file, header![i]!, cell, i === 0)) {
        throw new Error(`${file}: column ${header![i]} holds ${JSON.stringify(cell)}, which a spreadsheet would run`);
      }
    });
  }
}

describe('runExport: addresses and phones exact, no runnable cell, for every profile and file', () => {
  it.each(EXPORT_PROFILES)('%s', (profileId) => {
    // The cases that matter did come up: risky addresses sent exactly, flagged ones, risky phones sent exactly.
    const seen = { riskySent: 0, flagged: 0, riskyPhoneSent: 0 };
    fc.assert(
      fc.property(people, (list) => {
        const ctx = workspaceWith(list);
        const result = runExport(ctx, profileId, AS_OF);
        const sendReady = parse(result.csv);
        const suppression = parse(result.suppressionCsv);
        const report = parse(result.reportCsv);
        expect(sendReady[0]).toEqual(EXPORT_PROFILE_TABLE[profileId].header);
        checkFile('send-ready', sendReady);
        checkFile('suppression', suppression);
        checkFile('report', report);

        const sendReadyRows = new Map(sendReady.slice(1).map((r) => [r[0]!, r]));
        const suppressed = new Set(suppression.slice(1).map((r) => r[0]!));
        const reported = report.slice(1);
        for (const p of list) {
          const check = checkEmail(p.email);
          if (!check.valid) {
            // Not an address an e-mail tool can match: reported as text, neutralized.
            expect(reported.some((r) => r[0] === neutralizeFormula(p.email) && r[1] === 'invalid')).toBe(true);
            continue;
          }
          const mine = reported.filter((r) => r[0] === p.email);
          if (p.kind === 'unsubscribed' || p.kind === 'bounced') {
            expect(suppressed.has(p.email), `${p.email} on the suppression list`).toBe(true);
            expect(mine.map((r) => r[1])).toEqual([p.kind]);
          } else if (p.kind === 'explicit' && !check.role) {
            const row = sendReadyRows.get(p.email);
            if (sendReadyAddress(p.email)) {
              expect(row, `${p.email} in the send-ready file`).toBeDefined();
              if (startsFormula(p.email)) seen.riskySent += 1;
              expect(row![1]).toBe(neutralizeFormula(p.firstName)); // every profile's second column: the (first) name
              const phoneColumn = EXPORT_PROFILE_TABLE[profileId].header.findIndex((h) => h === 'Phone Number' || h === 'phone');
              const phoneKept = isInertPhone(p.phone);
              if (phoneColumn >= 0) expect(row![phoneColumn]).toBe(phoneKept ? p.phone : '');
              if (phoneColumn >= 0 && phoneKept && startsFormula(p.phone)) seen.riskyPhoneSent += 1;
              expect(mine.map((r) => r[2])).toEqual(phoneKept || phoneColumn < 0 ? [] : [PHONE_LEFT_OUT]);
            } else {
              expect(row).toBeUndefined();
              seen.flagged += 1;
              expect(mine.map((r) => r[2])).toEqual([ADDRESS_LEFT_OUT]);
            }
          } else if (p.kind === 'none' && !check.role) {
            expect(mine.map((r) => r[1])).toEqual(['needs-reconfirmation']);
          }
        }
        // Nothing in any file is a valid address with an apostrophe put in front.
        const emails = new Set(list.filter((p) => checkEmail(p.email).valid).map((p) => p.email));
        for (const r of [...sendReady, ...suppression, ...reported]) expect(!emails.has(r[0]!) && emails.has(r[0]!.slice(1))).toBe(false);
      }),
      { numRuns: 40 },
    );
    expect(seen.riskySent).toBeGreaterThan(0);
    expect(seen.flagged).toBeGreaterThan(0);
    if (EXPORT_PROFILE_TABLE[profileId].phone) expect(seen.riskyPhoneSent).toBeGreaterThan(0);
  }, 120_000); // 40 workspace files, each exported
});
