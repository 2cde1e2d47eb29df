// Issue 11, the import screen's whole truth before anything is written: every warning of a
// big file counted by kind, listed and stored (not only the preview's first rows), typo fixes
// and accepted warnings from the preview, per-field choices for merge conflicts, and the
// consent forecast — through the dispatcher on real workspace files.

import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../src/main/app/workspace.ts';
import type { ContactDetail, ContactPage, ImportPreview, ImportReport, WarnedRow } from '../src/shared/contract/dto.ts';
import type { Envelope } from '../src/shared/contract/envelope.ts';
import { tempDbPath, tempDir } from './helpers/temp.ts';

const dir = tempDir('tillit-warnings-');
const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

function workspace(today: string, importsInWorker = false): Workspace {
  const w = openWorkspace({ dbPath: tempDbPath(dir), importsInWorker, today: () => today });
  open.push(w);
  return w;
}

async function call<T>(w: Workspace, method: string, input: unknown): Promise<T> {
  const envelope = (await w.dispatch(method, input)) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

async function stage(w: Workspace, name: string, content: string): Promise<string> {
  return (await call<{ stagedId: string }>(w, 'files.stage', { fileName: name, chunkBase64: Buffer.from(content).toString('base64') })).stagedId;
}

async function contactByEmail(w: Workspace, email: string): Promise<ContactDetail | null> {
  const page = await call<ContactPage>(w, 'contacts.list', { search: email });
  const id = page.items.find((c) => c.email === email)?.id;
  return id === undefined ? null : call<ContactDetail>(w, 'contacts.get', { id });
}

/**
 * A 20,000-row sign-up list with warned rows spread through it: a typo every 997 rows and the
 * very last row (late in the file, where the preview's first rows never reach), a role address
 * every 1,499 rows, a disposable one every 2,003. Row numbers as in a spreadsheet: the header
 * is row 1, data row i is row i + 1.
 */
function bigFile(): { csv: string; typo: number[]; role: number[]; disposable: number[] } {
  const typo: number[] = [];
  const role: number[] = [];
  const disposable: number[] = [];
  const lines = ['Email,First name,Last name,Company'];
  for (let i = 1; i <= 20_000; i++) {
    const row = i + 1;
    let email = `person${i}@example.no`;
    if (i === 20_000) email = 'anne@gmial.com';
    else if (i % 997 === 0) email = `kunde${i}@gmial.com`;
    else if (i % 1499 === 0) email = `info@firma${i}.no`;
    else if (i % 2003 === 0) email = `kunde${i}@mailinator.com`;
    if (email.includes('@gmial.com')) typo.push(row);
    else if (email.startsWith('info@')) role.push(row);
    else if (email.endsWith('@mailinator.com')) disposable.push(row);
    lines.push(`${email},Fornavn${i},Etternavn${i},Bakeri ${i % 50}`);
  }
  return { csv: `${lines.join('\n')}\n`, typo, role, disposable };
}

async function allWarnedRows(w: Workspace, importId: number): Promise<WarnedRow[]> {
  const all: WarnedRow[] = [];
  for (;;) {
    const page = await call<WarnedRow[]>(w, 'imports.warnedRows', { importId, afterRow: all.at(-1)?.rowNumber ?? 0, limit: 25 });
    if (page.length === 0) return all;
    all.push(...page);
  }
}

describe('warnings of a big file', () => {
  it('a 20,000-row file: preview and report count every warning by kind, list every warned row, and the contacts list filters them', async () => {
    const w = workspace('2026-12-03', true);
    const { csv, typo, role, disposable } = bigFile();
    expect(typo.at(-1)).toBe(20_001);
    const options = { stagedId: await stage(w, 'medlemmer.csv', csv), source: 'newsletter-signup', collectedAt: '2026-11-01' };
    const expected = { typo: typo.length, role: role.length, disposable: disposable.length };
    const warnedRows = [...typo, ...role, ...disposable].sort((a, b) => a - b);

    const preview = await call<ImportPreview>(w, 'import.preview', options);
    expect(preview.counts).toMatchObject({ rows: 20_000, added: 20_000, rejected: 0 });
    expect(preview.warnings.byKind).toEqual(expected);
    expect(preview.warnings.rows).toBe(warnedRows.length);
    expect(preview.warnings.list.map((r) => r.rowNumber)).toEqual(warnedRows);
    const anne = preview.warnings.list.at(-1)!;
    expect(anne).toMatchObject({ rowNumber: 20_001, email: 'anne@gmial.com', name: 'Fornavn20000 Etternavn20000', outcome: 'add', accepted: false });
    expect(anne.warnings).toEqual([{ text: 'did you mean anne@gmail.com?', code: 'typo', params: { suggestion: 'anne@gmail.com' } }]);

    // Committed in the import worker (the app's way): the request crosses to it whole.
    const report = await call<ImportReport>(w, 'import.commit', options);
    expect(report.warnings.byKind).toEqual(expected);
    expect(report.warnings.list.map((r) => r.rowNumber)).toEqual(warnedRows);
    const stored = await allWarnedRows(w, report.importId!);
    expect(stored.map((r) => r.rowNumber)).toEqual(warnedRows);
    expect(stored.at(-1)).toMatchObject({ rowNumber: 20_001, email: 'anne@gmial.com', warnings: [{ code: 'typo' }] });

    const warned = await call<ContactPage>(w, 'contacts.list', { warned: true, limit: 1000 });
    expect(warned.total).toBe(warnedRows.length);
    expect(warned.items.map((c) => c.email)).toContain('anne@gmial.com');
    // Another date evaluates each contact; the filter holds there too.
    expect((await call<ContactPage>(w, 'contacts.list', { warned: true, asOf: '2027-01-01' })).total).toBe(warnedRows.length);

    // An undone import's warnings are no longer open.
    await call(w, 'import.undo', { importId: report.importId });
    expect((await call<ContactPage>(w, 'contacts.list', { warned: true })).total).toBe(0);
  }, 120_000);

  it('a typo fixed in the preview is stored fixed; an accepted warning is kept as accepted and stops showing', async () => {
    const w = workspace('2026-12-03');
    const csv = 'E-post,Navn\nola@nordmann.no,Ola\nanne@gmial.com,Anne\npost@bakeriet.no,Bakeriet\nkari@example.no,Kari\n';
    const options = { stagedId: await stage(w, 'kunder.csv', csv), source: 'web-form', collectedAt: '2026-11-01' };
    const before = await call<ImportPreview>(w, 'import.preview', options);
    expect(before.warnings.list.map((r) => [r.rowNumber, r.warnings[0]!.code])).toEqual([[3, 'typo'], [4, 'role']]);

    const choices = { ...options, fixes: [{ row: 3, email: 'anne@gmail.com' }], accepted: [4] };
    const after = await call<ImportPreview>(w, 'import.preview', choices);
    expect(after.warnings).toMatchObject({ rows: 0, byKind: {}, accepted: 1, fixed: 1 });
    expect(after.rows[1]).toMatchObject({ rowNumber: 3, email: 'anne@gmail.com' });

    const report = await call<ImportReport>(w, 'import.commit', choices);
    expect(report.warnings).toMatchObject({ rows: 0, accepted: 1, fixed: 1 });
    expect(await contactByEmail(w, 'anne@gmial.com')).toBeNull();
    expect((await contactByEmail(w, 'anne@gmail.com'))?.contact.firstName).toBe('Anne');
    const stored = await allWarnedRows(w, report.importId!);
    expect(stored).toMatchObject([
      { rowNumber: 3, email: 'anne@gmail.com', accepted: false, warnings: [{ code: 'typo-fixed', params: { from: 'anne@gmial.com' } }] },
      { rowNumber: 4, email: 'post@bakeriet.no', accepted: true, warnings: [{ code: 'role' }] },
    ]);
    expect((await call<ContactPage>(w, 'contacts.list', { warned: true })).total).toBe(0);
  });

  it('a fix that is itself no address rejects the row, with the row number the preview showed', async () => {
    const w = workspace('2026-12-03');
    const options = { stagedId: await stage(w, 'kunder.csv', 'Email\nola@nordmann.no\nanne@gmial.com\n'), source: 'web-form', collectedAt: '2026-11-01' };
    const preview = await call<ImportPreview>(w, 'import.preview', { ...options, fixes: [{ row: 3, email: 'anne.gmail.com' }] });
    expect(preview.counts).toMatchObject({ added: 1, rejected: 1 });
    expect(preview.rejectedRows).toMatchObject([{ rowNumber: 3, code: 'email-missing-at' }]);
  });
});

describe('erasure', () => {
  it('erasing a warned contact on request removes its warnings too (they name the person)', async () => {
    const w = workspace('2026-12-03');
    const report = await call<ImportReport>(w, 'import.commit', { stagedId: await stage(w, 'k.csv', 'Email\nanne@gmial.com\n'), source: 'web-form', collectedAt: '2026-11-01' });
    expect(await allWarnedRows(w, report.importId!)).toHaveLength(1);
    const anne = (await contactByEmail(w, 'anne@gmial.com'))!;
    await call(w, 'contacts.erase', { id: anne.contact.id, reason: 'Request by e-mail' });
    expect(await allWarnedRows(w, report.importId!)).toEqual([]);
    expect((await call<ContactPage>(w, 'contacts.list', { warned: true })).total).toBe(0);
  });
});

describe('merge conflicts', () => {
  it('lists stored details the file changes, per field; the user takes the file’s company and keeps the stored name', async () => {
    const w = workspace('2026-12-03');
    const first = 'E-post;Fornavn;Etternavn;Firma\nola@nordmann.no;Ola;Nordmann;Bakeriet\nkari@example.no;Kari;Hansen;Kafé Kari\n';
    await call(w, 'import.commit', { stagedId: await stage(w, 'kunder.csv', first), source: 'purchase', collectedAt: '2026-10-01' });

    const second = 'E-post;Fornavn;Etternavn;Firma\nola@nordmann.no;Ola;Normann;Konditoriet\nkari@example.no;Kari;Hansen;Kafé Kari\n';
    const options = { stagedId: await stage(w, 'kunder-2.csv', second), source: 'purchase', collectedAt: '2026-11-01' };
    const preview = await call<ImportPreview>(w, 'import.preview', options);
    expect(preview.conflicts).toEqual([
      { field: 'lastName', count: 1, samples: [{ rowNumber: 2, email: 'ola@nordmann.no', stored: 'Nordmann', file: 'Normann' }] },
      { field: 'company', count: 1, samples: [{ rowNumber: 2, email: 'ola@nordmann.no', stored: 'Bakeriet', file: 'Konditoriet' }] },
    ]);

    // The global switch says "replace"; the per-field choice wins where it is given.
    await call(w, 'import.commit', { ...options, overwrite: true, fieldChoices: { company: 'file', lastName: 'stored' } });
    const ola = (await contactByEmail(w, 'ola@nordmann.no'))!.contact;
    expect(ola).toMatchObject({ firstName: 'Ola', lastName: 'Nordmann', company: 'Konditoriet' });
  });
});

describe('consent forecast', () => {
  it('a purchase dated 2024-06-01 makes everyone need re-confirmation today: said in the preview, and the report agrees', async () => {
    const w = workspace('2026-12-03');
    // A stored contact with explicit consent stays explicit: the forecast counts merged contacts with their stored events.
    const signup = await stage(w, 'skjema.csv', 'Email\nola@nordmann.no\n');
    await call(w, 'import.commit', { stagedId: signup, source: 'web-form', basis: 'explicit', collectedAt: '2026-09-01' });

    const csv = 'Email,Name\nola@nordmann.no,Ola\nkari@example.no,Kari\nper@example.no,Per\n';
    const options = { stagedId: await stage(w, 'ordre-2024.csv', csv), source: 'purchase', collectedAt: '2024-06-01' };
    const preview = await call<ImportPreview>(w, 'import.preview', options);
    expect(preview.forecast).toEqual({
      asOf: '2026-12-03',
      byStatus: { 'needs-reconfirmation': 2, explicit: 1 },
      mainReason: { 'needs-reconfirmation': 'implicit-expired', explicit: 'explicit-opt-in' },
      batch: { source: 'purchase', collectedAt: '2024-06-01', basis: null, status: 'needs-reconfirmation', reason: 'implicit-expired', expiresAt: '2026-06-01' },
    });
    const report = await call<ImportReport>(w, 'import.commit', options);
    expect(report.forecast).toEqual(preview.forecast);
  });

  it('a recent purchase is implicit consent until two years after it', async () => {
    const w = workspace('2026-12-03');
    const options = { stagedId: await stage(w, 'ordre.csv', 'Email\nkari@example.no\npost@bakeriet.no\n'), source: 'purchase', collectedAt: '2026-11-20' };
    const preview = await call<ImportPreview>(w, 'import.preview', options);
    expect(preview.forecast.byStatus).toEqual({ implicit: 1, 'not-permitted': 1 });
    expect(preview.forecast.mainReason).toEqual({ implicit: 'implicit-relationship', 'not-permitted': 'role-address' });
    expect(preview.forecast.batch).toMatchObject({ status: 'implicit', expiresAt: '2028-11-20' });
  });
});

describe('row numbers', () => {
  it('are the rows a spreadsheet shows: header row 1, a multi-line cell one row, a blank line a row; the report and the stored rejected rows agree', async () => {
    const w = workspace('2026-12-03');
    const csv = 'Email,Note\nola@nordmann.no,"line one\nline two\nline three"\nbad-address,x\n\nkari@example.no,"a ""quoted"" x" y\nper@example.no,ok\n';
    const options = { stagedId: await stage(w, 'notes.csv', csv), source: 'web-form', collectedAt: '2026-11-01' };
    const preview = await call<ImportPreview>(w, 'import.preview', options);
    // Rows: 1 header, 2 Ola (three lines), 3 bad-address, 4 blank, 5 Kari (text after a closing quote), 6 Per.
    expect(preview.rows.map((r) => [r.rowNumber, r.email])).toEqual([[2, 'ola@nordmann.no'], [3, 'bad-address'], [5, ''], [6, 'per@example.no']]);
    expect(preview.rejectedRows.map((r) => [r.rowNumber, r.params?.row])).toEqual([[3, 3], [5, 5]]);
    const report = await call<ImportReport>(w, 'import.commit', options);
    expect(report.rejectedRows.map((r) => r.rowNumber)).toEqual([3, 5]);
    const stored = await call<{ rowNumber: number; params?: { row: number } }[]>(w, 'imports.rejectedRows', { importId: report.importId });
    expect(stored.map((r) => [r.rowNumber, r.params?.row])).toEqual([[3, 3], [5, 5]]);
  });
});
