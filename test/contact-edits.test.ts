// Contacts added and edited by hand, through the dispatcher as the UI calls them, on real
// workspace files: provenance of each edit (who, when, before, after), the ledger untouched
// by edits, refusals that say what is wrong, and search by a person's full name.

import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../src/main/app/workspace.ts';
import { ledgerHead } from '../src/main/store/anchors.ts';
import { verifyLedger } from '../src/main/store/ledger-verify.ts';
import type { AddContactResult, ContactDetail, ContactPage, EditContactResult, ImportReport } from '../src/shared/contract/dto.ts';
import type { ApiError, Envelope } from '../src/shared/contract/envelope.ts';
import { tempDbPath, tempDir } from './helpers/temp.ts';

const dir = tempDir('tillit-edits-');
const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

function workspace(dbPath = tempDbPath(dir)): Workspace {
  const w = openWorkspace({ dbPath, importsInWorker: false, today: () => '2026-03-01' });
  open.push(w);
  return w;
}

async function call<T>(w: Workspace, method: string, input: unknown): Promise<T> {
  const envelope = (await w.dispatch(method, input)) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

async function refusal(w: Workspace, method: string, input: unknown): Promise<ApiError> {
  const envelope = (await w.dispatch(method, input));
  if (envelope.ok) throw new Error(`${method} was expected to fail`);
  return envelope.error;
}

const get = (w: Workspace, id: number): Promise<ContactDetail> => call<ContactDetail>(w, 'contacts.get', { id });
const count = (w: Workspace, sql: string): unknown => w.context.db.prepare(sql).pluck().get();

describe('adding a contact by hand', () => {
  it('starts without consent (needs re-confirmation), every typed detail recorded as set by hand, no ledger event', async () => {
    const w = workspace();
    const added = await call<AddContactResult>(w, 'contacts.add', {
      email: '  Ingrid.Lovas@Bakeriet.no ',
      fields: { firstName: ' Ingrid ', lastName: 'Løvås', company: 'Bakeriet', phone: '+47 912 34 567', tags: ['kunde', ' vip ', 'Kunde', ''] },
      editedBy: 'Kari',
    });
    expect(added).toEqual({ id: 1, status: 'needs-reconfirmation', optInRecorded: false });
    const detail = await get(w, added.id);
    expect(detail.contact).toMatchObject({ email: 'Ingrid.Lovas@Bakeriet.no', firstName: 'Ingrid', lastName: 'Løvås', company: 'Bakeriet', phone: '+47 912 34 567', tags: ['kunde', 'vip'] });
    expect(detail.events).toEqual([]);
    expect(count(w, 'SELECT COUNT(*) FROM consent_events')).toBe(0);
    expect(detail.contact.fieldSources).toEqual([]);
    expect(detail.contact.manualSources.map((s) => [s.field, s.editedBy]).sort()).toEqual([
      ['company', 'Kari'],
      ['firstName', 'Kari'],
      ['lastName', 'Kari'],
      ['phone', 'Kari'],
      ['tags', 'Kari'],
    ]);
    expect(detail.edits.map((e) => [e.field, e.oldValue, e.newValue])).toEqual(
      expect.arrayContaining([
        ['firstName', '', 'Ingrid'],
        ['tags', '', 'kunde, vip'],
      ]),
    );
  });

  it('records an opt-in with it, through the consent service, in the same transaction', async () => {
    const w = workspace();
    const added = await call<AddContactResult>(w, 'contacts.add', {
      email: 'ola@nordmann.no',
      fields: { firstName: 'Ola' },
      editedBy: 'Kari',
      optIn: { source: 'newsletter-signup', date: '2026-02-20', basis: 'explicit', evidence: { text: 'Ja takk, send meg nyhetsbrevet' } },
    });
    expect(added).toEqual({ id: 1, status: 'explicit', optInRecorded: true });
    const detail = await get(w, added.id);
    expect(detail.events.map((e) => [e.kind, e.date, e.source, e.basis])).toEqual([['opt-in', '2026-02-20', 'newsletter-signup', 'explicit']]);
    expect(detail.evidence[0]).toMatchObject({ text: 'Ja takk, send meg nyhetsbrevet', recordedBy: 'Kari' });
    expect(verifyLedger(w.context.db).intact).toBe(true);
  });

  it('an opt-in that cannot be recorded leaves no contact behind', async () => {
    const w = workspace();
    // A trigger makes the ledger refuse the event, as a full disk or a damaged file would.
    w.context.db.exec("CREATE TRIGGER refuse_events BEFORE INSERT ON consent_events BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
    const error = await refusal(w, 'contacts.add', { email: 'ola@nordmann.no', fields: { firstName: 'Ola' }, optIn: { source: 'web-form', date: '2026-02-20' } });
    expect(error.message).toMatch(/refused for the test/);
    expect(count(w, 'SELECT COUNT(*) FROM contacts')).toBe(0);
    expect(count(w, 'SELECT COUNT(*) FROM contact_edits')).toBe(0);
  });

  it.each([
    ['ola.nordmann.no', 'contact-email-invalid', /"ola.nordmann.no" is not a usable e-mail address/],
    ['ola@nordmann', 'contact-email-invalid', /not a usable e-mail address/],
    ['', 'contact-email-invalid', /not a usable e-mail address/],
  ])('refuses %j with a clear message, writing nothing', async (email, code, message) => {
    const w = workspace();
    const error = await refusal(w, 'contacts.add', { email, fields: { firstName: 'Ola' } });
    expect([error.code, error.messageCode]).toEqual(['bad-request', code]);
    expect(error.message).toMatch(message);
    expect(count(w, 'SELECT COUNT(*) FROM contacts')).toBe(0);
  });

  it('refuses an address already stored (in any case), naming the contact it belongs to', async () => {
    const w = workspace();
    const first = await call<AddContactResult>(w, 'contacts.add', { email: 'kari@example.no', fields: { firstName: 'Kari' } });
    const error = await refusal(w, 'contacts.add', { email: 'KARI@example.no', fields: { firstName: 'Someone else' } });
    expect(error.code).toBe('conflict');
    expect(error.messageCode).toBe('contact-exists');
    expect(error.messageParams).toEqual({ address: 'kari@example.no', contactId: first.id });
    expect(error.details).toEqual({ contactId: first.id });
    expect(error.message).toMatch(/kari@example.no is already a contact/);
    expect((await get(w, first.id)).contact.firstName).toBe('Kari');
  });

  it('refuses an address erased on request', async () => {
    const w = workspace();
    const first = await call<AddContactResult>(w, 'contacts.add', { email: 'kari@example.no' });
    await call(w, 'contacts.erase', { id: first.id, reason: 'asked by phone' });
    const error = await refusal(w, 'contacts.add', { email: 'Kari@Example.no' });
    expect([error.code, error.messageCode]).toEqual(['conflict', 'contact-erased']);
    expect(count(w, 'SELECT COUNT(*) FROM contacts')).toBe(0);
  });

  it('says who added it: the operating system user when no name is given', async () => {
    const w = workspace();
    const added = await call<AddContactResult>(w, 'contacts.add', { email: 'per@example.no', fields: { firstName: 'Per' }, editedBy: '   ' });
    expect((await get(w, added.id)).edits[0]!.editedBy).toBe(os.userInfo().username);
  });
});

describe('editing a contact', () => {
  const CSV = 'E-post;Fornavn;Etternavn;Firma\nola@nordmann.no;Ola;Nordmann;Bakeriet\n';

  async function imported(w: Workspace): Promise<{ id: number; importId: number }> {
    const staged = await call<{ stagedId: string }>(w, 'files.stage', { fileName: 'kunder.csv', chunkBase64: Buffer.from(CSV).toString('base64') });
    const report = await call<ImportReport>(w, 'import.commit', { stagedId: staged.stagedId, source: 'purchase', collectedAt: '2026-01-15' });
    const page = await call<ContactPage>(w, 'contacts.list', {});
    return { id: page.items[0]!.id, importId: report.importId! };
  }

  it('records each changed field with who, when, before and after; the provenance says it was set by hand', async () => {
    const w = workspace();
    const { id, importId } = await imported(w);
    const result = await call<EditContactResult>(w, 'contacts.edit', {
      id,
      fields: { firstName: 'Ola', company: 'Bakeriet Løvås AS', phone: '+47 900 00 000', tags: ['messe'] },
      editedBy: 'Kari',
    });
    expect(result.changed).toEqual(['company', 'phone', 'tags']); // the name was the same: not recorded
    const detail = await get(w, id);
    expect(detail.contact).toMatchObject({ firstName: 'Ola', company: 'Bakeriet Løvås AS', phone: '+47 900 00 000', tags: ['messe'] });
    expect(detail.edits.map((e) => [e.field, e.oldValue, e.newValue, e.editedBy])).toEqual([
      ['tags', '', 'messe', 'Kari'],
      ['phone', '', '+47 900 00 000', 'Kari'],
      ['company', 'Bakeriet', 'Bakeriet Løvås AS', 'Kari'],
    ]);
    expect(detail.edits[0]!.editedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // The name still comes from the import; the company now from the edit.
    expect(detail.contact.fieldSources.map((s) => [s.field, s.importId])).toEqual([
      ['firstName', importId],
      ['lastName', importId],
    ]);
    expect(detail.contact.manualSources.map((s) => s.field).sort()).toEqual(['company', 'phone', 'tags']);
  });

  it('never touches the ledger: event count and chain head are the same after edits', async () => {
    const w = workspace();
    const { id } = await imported(w);
    await call(w, 'consent.record', { contactIds: [id], kind: 'opt-in', date: '2026-02-01', source: 'web-form' });
    const before = ledgerHead(w.context.db);
    const statusBefore = (await get(w, id)).evaluation;
    await call(w, 'contacts.edit', { id, fields: { firstName: 'Ole', lastName: 'Normann', note: 'Kunde siden 2019', tags: ['a', 'b'] }, editedBy: 'Kari' });
    await call(w, 'contacts.edit', { id, fields: { firstName: 'Ola' }, editedBy: 'Per' });
    expect(ledgerHead(w.context.db)).toEqual(before);
    expect(before.events).toBe(3); // the import's original file (an evidence record), its opt-in, the opt-in by hand
    expect(verifyLedger(w.context.db).intact).toBe(true);
    expect((await get(w, id)).evaluation).toEqual(statusBefore);
  });

  it('a field edited by hand survives undoing the import that first filled it; the import-only ones are cleared', async () => {
    const w = workspace();
    const { id, importId } = await imported(w);
    // A second contact keeps Ola alive after the undo: record evidence by hand.
    await call(w, 'consent.record', { contactIds: [id], kind: 'opt-in', date: '2026-02-01', source: 'web-form' });
    await call(w, 'contacts.edit', { id, fields: { company: 'Bakeriet Løvås AS' }, editedBy: 'Kari' });
    await call(w, 'import.undo', { importId });
    const detail = await get(w, id);
    expect([detail.contact.firstName, detail.contact.company]).toEqual(['', 'Bakeriet Løvås AS']);
  });

  it('refuses an unknown contact and fields that are not editable', async () => {
    const w = workspace();
    expect((await refusal(w, 'contacts.edit', { id: 99, fields: { firstName: 'X' } })).code).toBe('not-found');
    expect((await refusal(w, 'contacts.edit', { id: 1, fields: { email: 'x@y.no' } })).code).toBe('bad-request');
  });

  it('stores what was typed in NFC, so a decomposed "å" is found by a composed search', async () => {
    const w = workspace();
    const added = await call<AddContactResult>(w, 'contacts.add', { email: 'ingrid@example.no', fields: { firstName: 'Ingrid', lastName: 'Lo\u0308va\u030As' } });
    expect((await get(w, added.id)).contact.lastName).toBe('Lövås'.normalize('NFC'));
    const page = await call<ContactPage>(w, 'contacts.list', { search: 'LÖVÅS' });
    expect(page.items.map((c) => c.id)).toEqual([added.id]);
  });
});

describe('search by full name', () => {
  // About thirty near-misses: other Ingrids, other Løvåses, and names that contain hers.
  const NEAR_MISSES: [string, string][] = [
    ...['Hansen', 'Olsen', 'Berg', 'Lie', 'Dahl', 'Lund', 'Moen', 'Strand', 'Bakke', 'Haugen', 'Solberg', 'Eide'].map((last): [string, string] => ['Ingrid', last]),
    ...['Kari', 'Per', 'Ola', 'Anne', 'Nils', 'Marit', 'Lars', 'Eva', 'Jon', 'Liv', 'Tor', 'Siri'].map((first): [string, string] => [first, 'Løvås']),
    ['Ingrid', 'Løvåsen'],
    ['Ingrid-Marie', 'Løvås'],
    ['Ingrid', 'Løvås-Berg'],
    ['Ingrida', 'Løvåsdal'],
  ];

  async function store(): Promise<{ w: Workspace; her: number; containing: number[] }> {
    const w = workspace();
    const ids: number[] = [];
    for (const [i, [firstName, lastName]] of NEAR_MISSES.entries()) {
      ids.push((await call<AddContactResult>(w, 'contacts.add', { email: `person${i}@example.no`, fields: { firstName, lastName } })).id);
    }
    const her = (await call<AddContactResult>(w, 'contacts.add', { email: 'ingrid.lovas@bakeriet.no', fields: { firstName: 'Ingrid', lastName: 'Løvås', company: 'Bakeriet' } })).id;
    return { w, her, containing: ids.slice(-4) };
  }

  const search = async (w: Workspace, text: string, sort = 'added'): Promise<number[]> =>
    (await call<ContactPage>(w, 'contacts.list', { search: text, sort })).items.map((c) => c.id);

  it.each([
    ['Ingrid Løvås'],
    ['ingrid løvås'],
    ['Løvås Ingrid'], // last name first
    ['  INGRID   LØVÅS '],
    ['Ingrid Løva\u030As'], // å typed decomposed (a + ring)
    ['Ingrid Løvås'.normalize('NFD')],
  ])('%j finds her first; of the ~30 near-misses only names that contain both words follow', async (text) => {
    const { w, her, containing } = await store();
    const found = await search(w, text);
    expect(found[0]).toBe(her);
    // Names that hold both words (Løvåsen, Ingrid-Marie, Løvås-Berg, Ingrida Løvåsdal) follow; the
    // 24 that share one name with her do not.
    expect(found.slice(1).sort((a, b) => a - b)).toEqual(containing);
  });

  it('every word must match: one name alone does not bring in everybody with it', async () => {
    const { w, her } = await store();
    expect((await search(w, 'Ingrid Bakeriet'))).toEqual([her]);
    expect((await search(w, 'Ingrid')).length).toBe(12 + 4 + 1);
    expect((await search(w, 'Ingrid Nordmann'))).toEqual([]);
  });

  it('her exact name ranks first in every sort order', async () => {
    const { w, her } = await store();
    for (const sort of ['added', 'name', 'email', 'status', 'updated', 'expires']) expect((await search(w, 'Ingrid Løvås', sort))[0]).toBe(her);
  });
});
