// The CLI contract from DESIGN.md, exercised through the real command on real files.

import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from './helpers/temp.ts';
import { BIN, tillit, tillitJson } from './helpers/cli.ts';

const dir = tempDir();

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

interface ImportJson {
  rows: number;
  added: number;
  merged: number;
  duplicates: number;
  rejected: number;
  rejectedRows: { rowNumber: number; reason: string; raw: string }[];
}
interface ContactJson {
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  status: string;
  reasons: string[];
  consentExpiresAt: string | null;
}
interface StatusJson {
  total: number;
  byStatus: Record<string, number>;
}

const BAKERY_CSV = [
  'email,first_name,last_name,company',
  'ola@nordmann.no,Ola,Nordmann,Bakeriet AS',
  'kari@example.com,Kari,Nordmann,',
  'KARI@Example.com ,Kari,,Duplicate Inc',
  'not-an-address,Per,Hansen,',
  'post@bakeriet.no,,,Bakeriet AS',
].join('\n');

describe('tillit CLI', () => {
  it('imports a CSV and reports every row in exactly one bucket (--json)', () => {
    const db = tempDbPath(dir);
    const report = tillitJson<ImportJson>(db, ['import', file('bakery.csv', BAKERY_CSV), '--source', 'web-form', '--collected-at', '2026-01-10', '--basis', 'explicit']);
    expect(report).toMatchObject({ rows: 5, added: 3, merged: 0, duplicates: 1, rejected: 1 });
    expect(report.added + report.merged + report.duplicates + report.rejected).toBe(report.rows);
    expect(report.rejectedRows).toEqual([expect.objectContaining({ rowNumber: 5, raw: 'not-an-address,Per,Hansen,' })]);
    expect(report.rejectedRows[0]!.reason).toMatch(/row 5/);
  });

  it('says when the same file was imported before, and still imports it (every row merges)', () => {
    const db = tempDbPath(dir);
    const csv = file('bakery-again.csv', BAKERY_CSV);
    const first = tillitJson<ImportJson & { importId: number; alreadyImported: unknown[] }>(db, ['import', csv, '--source', 'web-form']);
    expect(first.alreadyImported).toEqual([]);
    // The same bytes under another name are the same file.
    const again = tillit(db, ['import', file('renamed.csv', BAKERY_CSV), '--source', 'web-form']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`note: the same file was already imported as import ${first.importId} \\(bakery-again\\.csv, \\d{4}-\\d\\d-\\d\\dT[^)]*\\); its consent was recorded a second time`));
    expect(again.stdout).toMatch(/3 merged/);
    const dry = tillitJson<{ dryRun: boolean; alreadyImported: { importId: number; fileName: string }[] }>(db, ['import', csv, '--dry-run']);
    expect(dry.alreadyImported.map((e) => [e.importId, e.fileName])).toEqual([
      [first.importId, 'bakery-again.csv'],
      [first.importId + 1, 'renamed.csv'],
    ]);
  });

  it('lists contacts with status, reasons and expiry (--json), filtered by status', () => {
    const db = tempDbPath(dir);
    tillitJson(db, ['import', file('list.csv', BAKERY_CSV), '--source', 'web-form', '--collected-at', '2026-01-10', '--basis', 'explicit']);
    const all = tillitJson<ContactJson[]>(db, ['list']);
    expect(all.map((c) => c.email).sort()).toEqual(['kari@example.com', 'ola@nordmann.no', 'post@bakeriet.no']);
    for (const c of all) expect(Object.keys(c)).toEqual(expect.arrayContaining(['email', 'firstName', 'lastName', 'company', 'status', 'reasons', 'consentExpiresAt']));
    const ola = all.find((c) => c.email === 'ola@nordmann.no')!;
    expect(ola).toMatchObject({ firstName: 'Ola', lastName: 'Nordmann', company: 'Bakeriet AS', status: 'explicit', consentExpiresAt: null });
    const kari = all.find((c) => c.email === 'kari@example.com')!;
    expect(kari.company).toBe('Duplicate Inc'); // the in-file duplicate filled an empty field
    expect(all.find((c) => c.email === 'post@bakeriet.no')).toMatchObject({ status: 'not-permitted', reasons: expect.arrayContaining(['role-address']) });
    const notPermitted = tillitJson<ContactJson[]>(db, ['list', '--status', 'not-permitted']);
    expect(notPermitted.map((c) => c.email)).toEqual(['post@bakeriet.no']);
  });

  it('walks consent add → withdraw → bounce, and status --as-of sees the past', () => {
    const db = tempDbPath(dir);
    expect(tillit(db, ['consent', 'add', 'Per@Example.no', '--source', 'purchase', '--basis', 'implicit', '--date', '2025-06-01']).status).toBe(0);
    let list = tillitJson<ContactJson[]>(db, ['list', '--as-of', '2026-01-01']);
    expect(list).toEqual([expect.objectContaining({ email: 'Per@Example.no', status: 'implicit', consentExpiresAt: expect.stringMatching(/^2027-06-0[12]$/) })]);
    expect(tillit(db, ['consent', 'withdraw', 'per@example.no', '--date', '2026-02-01']).status).toBe(0);
    list = tillitJson<ContactJson[]>(db, ['list', '--as-of', '2026-03-01']);
    expect(list[0]).toMatchObject({ status: 'unsubscribed', reasons: expect.arrayContaining(['withdrawn']) });
    const before = tillitJson<StatusJson>(db, ['status', '--as-of', '2026-01-15']);
    expect(before).toMatchObject({ total: 1, byStatus: expect.objectContaining({ implicit: 1, unsubscribed: 0 }) });
    expect(tillit(db, ['bounce', 'per@example.no', '--date', '2026-03-05']).status).toBe(0);
    list = tillitJson<ContactJson[]>(db, ['list', '--as-of', '2026-04-01']);
    expect(list[0]!.status).toBe('bounced');
  });

  it('a change while another connection saves (an import in the app) is refused with a clear message, nothing changed', () => {
    const db = tempDbPath(dir);
    expect(tillit(db, ['consent', 'add', 'per@example.no', '--source', 'purchase', '--basis', 'implicit', '--date', '2025-06-01']).status).toBe(0);
    // The app's import holds the write lock for its whole transaction; this connection does the same.
    const app = new Database(db);
    app.exec('BEGIN IMMEDIATE');
    try {
      const refused = tillit(db, ['consent', 'withdraw', 'per@example.no', '--date', '2026-02-01']);
      expect(refused).toMatchObject({
        status: 1,
        stderr: 'tillit: Tillit is saving another change (an import?) to this workspace; nothing was changed. Try again when it has finished.\n',
      });
    } finally {
      app.exec('ROLLBACK');
      app.close();
    }
    expect(tillitJson<ContactJson[]>(db, ['list'])[0]).toMatchObject({ status: 'implicit' });
    expect(tillit(db, ['consent', 'withdraw', 'per@example.no', '--date', '2026-02-01']).status).toBe(0);
  });

  it('consent add for a new address whose event cannot be recorded leaves no contact behind', () => {
    const db = tempDbPath(dir);
    expect(tillit(db, ['status']).status).toBe(0); // creates the workspace
    const store = new Database(db);
    store.exec("CREATE TRIGGER fail_events BEFORE INSERT ON consent_events BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");
    try {
      const failed = tillit(db, ['consent', 'add', 'ny@example.no', '--source', 'purchase', '--date', '2026-01-10']);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain('simulated failure');
      expect(store.prepare('SELECT COUNT(*) FROM contacts').pluck().get()).toBe(0);
    } finally {
      store.exec('DROP TRIGGER fail_events');
      store.close();
    }
    expect(tillit(db, ['consent', 'add', 'ny@example.no', '--source', 'purchase', '--date', '2026-01-10']).status).toBe(0);
    expect(tillitJson<ContactJson[]>(db, ['list'])).toEqual([expect.objectContaining({ email: 'ny@example.no' })]);
  });

  it('exports only contacts mailable on the date, with suppression list and report', () => {
    const db = tempDbPath(dir);
    tillitJson(db, ['import', file('exp.csv', BAKERY_CSV), '--source', 'web-form', '--collected-at', '2026-01-10', '--basis', 'explicit']);
    tillit(db, ['consent', 'withdraw', 'kari@example.com', '--date', '2026-01-20']);
    const out = path.join(dir, 'send.csv');
    const result = tillitJson<{ included: number; excluded: number; file: string; suppressionFile: string; reportFile: string }>(db, [
      'export', '--profile', 'generic', '--out', out, '--as-of', '2026-02-01',
    ]);
    expect(result).toMatchObject({ included: 1, excluded: 2 });
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^email,first_name,last_name/);
    expect(csv).toContain('ola@nordmann.no');
    expect(csv).not.toContain('kari@example.com');
    expect(fs.readFileSync(result.suppressionFile, 'utf8')).toContain('kari@example.com,unsubscribed');
    expect(fs.readFileSync(result.reportFile, 'utf8')).toContain('post@bakeriet.no,not-permitted');
  });

  it('an unsubscribed -ola@example.no and +kari@example.no are on every profile’s suppression list exactly (no apostrophe: the e-mail tool must match them)', () => {
    const db = tempDbPath(dir);
    const csv = file('risky.csv', [
      'email,first_name,phone,status',
      '-ola@example.no,Ola,+47 912 34 567,unsubscribed',
      '+kari@example.no,=Kari,+4791234567,unsubscribed',
      '-anne@example.no,Anne,+47 22 33 44 55,subscribed',
      '-per-@example.no,Per,+47 22 33 44 55,subscribed',
    ].join('\n'));
    expect(tillitJson<ImportJson>(db, ['import', csv, '--source', 'web-form', '--basis', 'explicit', '--collected-at', '2026-01-10'])).toMatchObject({ added: 4, rejected: 0 });
    for (const profile of ['mailchimp', 'hubspot', 'brevo', 'listmonk', 'generic']) {
      const out = path.join(dir, `risky-${profile}.csv`);
      const result = tillitJson<{ included: number; excluded: number; suppressionFile: string; reportFile: string }>(db, [
        'export', '--profile', profile, '--out', out, '--as-of', '2026-02-01',
      ]);
      expect(result).toMatchObject({ included: 1, excluded: 3 });
      expect(fs.readFileSync(result.suppressionFile, 'utf8')).toBe('email,status,reason\r\n-ola@example.no,unsubscribed,withdrawn\r\n+kari@example.no,unsubscribed,withdrawn\r\n');
      // -anne@ cannot run in any spreadsheet: sent exactly. -per-@ could (-per - @example.no): left out, and the report says why.
      const sent = fs.readFileSync(out, 'utf8').split('\r\n')[1]!;
      expect(sent.startsWith('-anne@example.no,')).toBe(true);
      if (profile === 'mailchimp' || profile === 'generic') expect(sent).toContain(',+47 22 33 44 55,');
      const report = fs.readFileSync(result.reportFile, 'utf8');
      expect(report).toContain('\r\n-ola@example.no,unsubscribed,withdrawn,');
      expect(report).toContain('\r\n+kari@example.no,unsubscribed,withdrawn,');
      expect(report).toContain('\r\n-per-@example.no,explicit,formula-address,');
      expect(`${fs.readFileSync(out, 'utf8')}${report}`).not.toMatch(/'[-+](ola|kari|anne|per)/);
    }
  }, 120_000); // six runs of the command

  it('shows control characters and bidi overrides from a file escaped in tillit list and in an error, never raw', () => {
    const db = tempDbPath(dir);
    const name = 'Ola\u001b[2J\u202eNordmann\u009b1m';
    fs.writeFileSync(path.join(dir, 'escape.csv'), Buffer.from(`email,first_name,company\nola@example.no,${name},Firma\u2066AS\n`, 'utf8'));
    expect(tillit(db, ['import', path.join(dir, 'escape.csv')]).status).toBe(0);
    // eslint-disable-next-line no-control-regex -- control characters are what this test looks for
    const RAW = /[\u001b\u009b\u202e\u2066]/;
    const listed = tillit(db, ['list']);
    expect(listed.status).toBe(0);
    expect(listed.stdout).not.toMatch(RAW);
    expect(listed.stdout).toContain('Ola\\x1b[2J\\u202eNordmann\\x9b1m');
    expect(listed.stdout).toContain('Firma\\u2066AS');
    // The columns stay aligned: the Status column starts at the same place on every line.
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[2]!.indexOf('needs-reconfirmation')).toBe(lines[0]!.indexOf('Status'));
    // --json stays JSON, with the same text in it.
    const json = tillit(db, ['list', '--json']);
    expect(json.stdout).not.toMatch(RAW);
    expect((JSON.parse(json.stdout) as ContactJson[])[0]!.firstName).toBe(name);
    // An error that quotes the file: a header repeated, named with the same characters.
    fs.writeFileSync(path.join(dir, 'escape-header.csv'), Buffer.from(`email,${name},${name}\nola@example.no,a,b\n`, 'utf8'));
    const refused = tillit(db, ['import', path.join(dir, 'escape-header.csv')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).not.toMatch(RAW);
    expect(refused.stderr).toContain('“Ola\\x1b[2J\\u202eNordmann\\x9b1m”');
  }, 120_000); // four runs of the command

  it('verify reports the chain intact', () => {
    const db = tempDbPath(dir);
    tillit(db, ['consent', 'add', 'a@example.no', '--source', 'web-form', '--date', '2026-01-01']);
    expect(tillitJson<{ intact: boolean; checked: number }>(db, ['verify'])).toMatchObject({ intact: true, checked: 1 });
  });

  it('verify --anchor: a malformed anchor is a usage error; an anchor from a longer chain is found', () => {
    const db = tempDbPath(dir);
    tillit(db, ['consent', 'add', 'a@example.no', '--source', 'web-form', '--date', '2026-01-01']);
    for (const bad of ['12', '12:xyz', `3:${'a'.repeat(63)}`, `3:${'a'.repeat(64)}x`]) {
      const run = tillit(db, ['verify', '--anchor', bad]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--anchor must be EVENTS:HEAD/);
    }
    const later = tillit(db, ['verify', '--json', '--anchor', `99:${'a'.repeat(64)}`]);
    expect(later.status).toBe(1);
    expect(JSON.parse(later.stdout)).toMatchObject({ intact: false, firstBroken: { item: 'anchor', reason: expect.stringMatching(/counted 99 events, and only 1 is left/) } });
  });

  it('verify names the first event edited behind the app’s back, and exits 1', () => {
    const db = tempDbPath(dir);
    tillit(db, ['consent', 'add', 'a@example.no', '--source', 'web-form', '--date', '2026-01-01']);
    tillit(db, ['consent', 'add', 'b@example.no', '--source', 'purchase', '--basis', 'implicit', '--date', '2026-01-02']);
    tillit(db, ['consent', 'withdraw', 'a@example.no', '--date', '2026-02-01']);
    const raw = new Database(db);
    raw.exec("DROP TRIGGER consent_events_no_update; UPDATE consent_events SET source = 'web-form', basis = 'explicit' WHERE id = 2;");
    raw.close();
    const result = tillit(db, ['verify', '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ intact: false, firstBroken: { id: 2, reason: expect.stringMatching(/changed after it was recorded/) } });
    expect(result.stderr).toMatch(/ledger broken \(event 2\): event 2 \(the opt-in dated 2026-01-02 for b@example.no\)/);
  });

  it('uses TILLIT_DB when --db is not given', () => {
    const db = tempDbPath(dir);
    const run = (args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TILLIT_DB: db } });
    expect(run(['consent', 'add', 'env@example.no', '--source', 'web-form', '--date', '2026-01-01']).status).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
    expect(tillitJson<StatusJson>(db, ['status']).total).toBe(1);
  });

  describe('bad input: a clear message naming the file (and row), nothing written', () => {
    const cases: [string, string, string | Buffer, RegExp][] = [
      ['a binary file', 'photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /photo\.csv/],
      ['an empty file', 'empty.csv', '', /empty\.csv.*empty|empty.*empty\.csv/i],
      ['a CSV with no e-mail column', 'names.csv', 'first_name,last_name\nOla,Nordmann\n', /names\.csv has no e-mail column/],
      ['an unterminated quote', 'quote.csv', 'email,name\na@b.no,"Ola\nc@d.no,Kari\n', /quote\.csv.*row 2|row 2.*quote\.csv/i],
    ];
    it.each(cases)('%s', (_what, name, content, message) => {
      const db = tempDbPath(dir);
      tillit(db, ['consent', 'add', 'kept@example.no', '--source', 'web-form', '--date', '2026-01-01']);
      const result = tillit(db, ['import', file(name, content), '--json']);
      expect(result.status).not.toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(tillitJson<StatusJson>(db, ['status']).total).toBe(1);
      expect(tillitJson<{ rows: number }[]>(db, ['list']).map((c) => (c as unknown as ContactJson).email)).toEqual(['kept@example.no']);
    });

    it('a column of plain addresses under a header Tillit does not know is taken as the e-mail column', () => {
      const report = tillitJson<ImportJson>(tempDbPath(dir), ['import', file('kontakt.csv', 'Navn,Kontakt\nOla Nordmann,ola@nordmann.no\nKari,kari@example.no\n')]);
      expect(report).toMatchObject({ rows: 2, added: 2, rejected: 0 });
    });

    it('a dry run of a file with no e-mail column fails the same way', () => {
      const result = tillit(tempDbPath(dir), ['import', file('names-dry.csv', 'first_name,last_name\nOla,Nordmann\n'), '--dry-run', '--json']);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/names-dry\.csv has no e-mail column \(columns: first_name, last_name\)/);
    });

    it('a malformed address is rejected with its row and reason while good rows are imported', () => {
      const db = tempDbPath(dir);
      const report = tillitJson<ImportJson>(db, ['import', file('typo.csv', 'email\nola@@nordmann.no\nkari@example.no\n')]);
      expect(report).toMatchObject({ rows: 2, added: 1, rejected: 1 });
      expect(report.rejectedRows[0]).toMatchObject({ rowNumber: 2, raw: 'ola@@nordmann.no' });
    });

    it('usage errors go to stderr with exit code 2', () => {
      const db = tempDbPath(dir);
      const result = tillit(db, ['consent', 'add', 'a@b.no', '--source', 'telepathy', '--date', '2026-01-01']);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/unknown source kind "telepathy"/);
      expect(tillit(db, ['list', '--as-of', '2026-13-01']).stderr).toMatch(/--as-of must be a date/);
    });
  });

  it('stops writing quietly when the reader of its output goes away (tillit list | head)', async () => {
    const db = tempDbPath(dir);
    const rows = Array.from({ length: 3000 }, (_, i) => `person${i}@example.no,Person,Number ${i}`);
    tillitJson<ImportJson>(db, ['import', file('many.csv', ['email,first_name,last_name', ...rows].join('\n')), '--source', 'web-form']);
    // Like `head -c 100`: read a little, then close the pipe while the command is still writing.
    const child = spawn(process.execPath, [BIN, '--db', db, 'list', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(first).toMatch(/^\[/);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('a Mailchimp audience: opt-in and confirm times become explicit consent on those days; the unsubscribed and cleaned exports become a withdrawal and a bounce dated when they happened', () => {
    const db = tempDbPath(dir);
    const fixtures = path.resolve(import.meta.dirname, 'fixtures/import');
    for (const kind of ['subscribed', 'unsubscribed', 'cleaned']) {
      tillitJson<ImportJson>(db, ['import', path.join(fixtures, `mailchimp-${kind}.csv`), '--source', 'newsletter-signup', '--collected-at', '2026-05-01']);
    }
    const contacts = tillitJson<ContactJson[]>(db, ['list']);
    expect(Object.fromEntries(contacts.map((c) => [c.email, c.status]))).toEqual({
      'ola@bakeri.no': 'explicit',
      'kari.hansen@example.no': 'explicit',
      'per@olsen.no': 'unsubscribed',
      'gammel@firma.no': 'bounced',
    });
    const store = new Database(db, { readonly: true });
    const events = store.prepare('SELECT c.email, e.kind, e.date, e.basis FROM consent_events e JOIN contacts c ON c.id = e.contact_id ORDER BY e.id').raw().all();
    store.close();
    expect(events).toEqual([
      ['ola@bakeri.no', 'opt-in', '2024-03-05', 'explicit'], // CONFIRM_TIME
      ['kari.hansen@example.no', 'opt-in', '2023-01-17', 'explicit'],
      ['per@olsen.no', 'opt-in', '2022-06-01', 'explicit'],
      ['per@olsen.no', 'withdrawal', '2024-02-10', null], // UNSUB_TIME, not the day of the import
      ['gammel@firma.no', 'opt-in', '2019-09-09', 'explicit'],
      ['gammel@firma.no', 'hard-bounce', '2023-11-11', null], // CLEAN_TIME
    ]);
  });

  it('imports a folder of vCard files (a business-card app’s export) as one import; a folder without any is refused', () => {
    const db = tempDbPath(dir);
    const folder = path.join(dir, 'Visittkort');
    fs.mkdirSync(folder);
    const card = (n: number, email: string, last = ''): string => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kort ${n}\r\nEMAIL:${email}\r\nEND:VCARD${last}`;
    fs.writeFileSync(path.join(folder, 'kort-2.vcf'), card(2, 'to@example.no', '\r\n'));
    fs.writeFileSync(path.join(folder, 'kort-10.VCF'), card(10, 'ti@example.no')); // no final line break
    fs.writeFileSync(path.join(folder, 'kort-1.vcf'), card(1, 'en@example.no', '\r\n'));
    fs.writeFileSync(path.join(folder, 'notater.txt'), 'not a card');
    const report = tillitJson<ImportJson & { fileName: string }>(db, ['import', folder, '--source', 'business-card']);
    expect(report).toMatchObject({ rows: 3, added: 3, rejected: 0, fileName: 'Visittkort (3 vCard files)' });
    expect(tillitJson<ContactJson[]>(db, ['list']).map((c) => c.email).sort()).toEqual(['en@example.no', 'ti@example.no', 'to@example.no']);

    const empty = path.join(dir, 'Tom mappe');
    fs.mkdirSync(empty);
    const refused = tillit(db, ['import', empty]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is a folder with no vCard (.vcf) files');
  });
});
