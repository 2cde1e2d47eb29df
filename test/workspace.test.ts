// The services behind the contract, through the dispatcher as the UI calls them, on a real
// workspace file: consent recording with evidence, corrections, erasure, date rollover,
// policy changes, import undo, and imports that are all-or-nothing.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../src/main/app/workspace.ts';
import type { ContactDetail, ContactPage, ImportPreview, ImportReport, RejectedRow, StatusSummary, UndoPreview, UndoResult } from '../src/shared/contract/dto.ts';
import type { Envelope } from '../src/shared/contract/envelope.ts';
import { ledgerHead } from '../src/main/store/anchors.ts';
import { verifyLedger } from '../src/main/store/ledger-verify.ts';
import { tempDbPath, tempDir } from './helpers/temp.ts';

const dir = tempDir();
const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

function workspace(today: { value: string }, dbPath = tempDbPath(dir), importsInWorker = false): Workspace {
  const w = openWorkspace({ dbPath, importsInWorker, today: () => today.value });
  open.push(w);
  return w;
}

async function call<T>(w: Workspace, method: string, input: unknown): Promise<T> {
  const envelope = (await w.dispatch(method, input)) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

async function stage(w: Workspace, name: string, content: string | Buffer): Promise<string> {
  const staged = await call<{ stagedId: string }>(w, 'files.stage', { fileName: name, chunkBase64: Buffer.from(content).toString('base64') });
  return staged.stagedId;
}

const CSV = 'E-post;Fornavn;Etternavn;Firma\nola@nordmann.no;Ola;Nordmann;Bakeriet\nkari@example.no;Kari;Hansen;\n';

async function importCsv(w: Workspace, content = CSV, extra: Record<string, unknown> = {}): Promise<ImportReport> {
  const stagedId = await stage(w, 'kunder.csv', content);
  return call<ImportReport>(w, 'import.commit', { stagedId, source: 'purchase', collectedAt: '2025-01-15', ...extra });
}

async function contactByEmail(w: Workspace, email: string): Promise<ContactDetail> {
  const page = await call<ContactPage>(w, 'contacts.list', { search: email });
  const id = page.items.find((c) => c.email === email)?.id;
  if (id === undefined) throw new Error(`no contact ${email}`);
  return call<ContactDetail>(w, 'contacts.get', { id });
}

describe('workspace services', () => {
  it('imports a Norwegian semicolon CSV through staging, and lists with cached statuses', async () => {
    const w = workspace({ value: '2026-01-10' });
    const report = await importCsv(w);
    expect(report).toMatchObject({ rows: 2, added: 2, merged: 0, duplicates: 0, rejected: 0, dryRun: false });
    const page = await call<ContactPage>(w, 'contacts.list', { status: ['implicit'] });
    expect(page.total).toBe(2);
    expect(page.items.map((c) => c.email)).toEqual(['kari@example.no', 'ola@nordmann.no']); // by last name
    expect(page.items[0]!.consentExpiresAt).toMatch(/^2027-01-1[45]$/);
  });

  it('records one opt-in with a scanned sheet for a whole selection, viewable from each contact', async () => {
    const w = workspace({ value: '2026-01-10' });
    await importCsv(w);
    const page = await call<ContactPage>(w, 'contacts.list', {});
    const scan = Buffer.from('%PDF-1.4 pretend scan of the paper sign-up sheet');
    const result = await call<{ recorded: number; evidenceId: number }>(w, 'consent.record', {
      contactIds: page.items.map((c) => c.id),
      kind: 'opt-in',
      source: 'newsletter-signup',
      basis: 'explicit',
      date: '2026-01-09',
      evidence: { fileName: 'paper-sheet.pdf', dataBase64: scan.toString('base64'), text: 'Yes, send me the bakery newsletter', recordedBy: 'Anne' },
    });
    expect(result.recorded).toBe(2);
    const ola = await contactByEmail(w, 'ola@nordmann.no');
    expect(ola.contact.status).toBe('explicit');
    expect(ola.events.at(-1)).toMatchObject({ kind: 'opt-in', source: 'newsletter-signup', evidenceIds: [result.evidenceId] });
    expect(ola.evidence.find((e) => e.id === result.evidenceId)).toMatchObject({ fileName: 'paper-sheet.pdf', mediaType: 'application/pdf', text: 'Yes, send me the bakery newsletter', recordedBy: 'Anne' });
    const file = await call<{ dataBase64: string }>(w, 'evidence.get', { id: result.evidenceId });
    expect(Buffer.from(file.dataBase64, 'base64')).toEqual(scan);
  });

  it('refuses to record for a missing contact and writes nothing', async () => {
    const w = workspace({ value: '2026-01-10' });
    await importCsv(w);
    const before = ledgerHead(w.context.db);
    const envelope = await w.dispatch('consent.record', { contactIds: [1, 999], kind: 'withdrawal', date: '2026-01-10' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(ledgerHead(w.context.db)).toEqual(before);
    expect(verifyLedger(w.context.db).intact).toBe(true);
  });

  it('re-evaluates when the date rolls over: implicit consent expires after two years', async () => {
    const today = { value: '2026-01-10' };
    const w = workspace(today);
    await importCsv(w);
    expect((await call<StatusSummary>(w, 'status.summary', {})).byStatus.implicit).toBe(2);
    today.value = '2027-06-01';
    const summary = await call<StatusSummary>(w, 'status.summary', {});
    expect(summary).toMatchObject({ asOf: '2027-06-01', byStatus: expect.objectContaining({ implicit: 0, 'needs-reconfirmation': 2 }) });
    const ola = await contactByEmail(w, 'ola@nordmann.no');
    expect(ola.contact.reasons).toContain('implicit-expired');
  });

  it('answers as-of queries for another date without touching the cache', async () => {
    const w = workspace({ value: '2026-01-10' });
    await importCsv(w);
    const past = await call<ContactPage>(w, 'contacts.list', { asOf: '2025-01-01' });
    expect(past.items.map((c) => c.status)).toEqual(['needs-reconfirmation', 'needs-reconfirmation']); // before the purchase
    expect((await call<ContactPage>(w, 'contacts.list', {})).items.map((c) => c.status)).toEqual(['implicit', 'implicit']);
  });

  it('corrects an event by superseding it, never by editing it', async () => {
    const w = workspace({ value: '2026-01-10' });
    await importCsv(w);
    const ola = await contactByEmail(w, 'ola@nordmann.no');
    const purchase = ola.events[0]!;
    await call(w, 'consent.supersede', {
      eventId: purchase.id,
      reason: 'The sale was to his company, not to him',
      replacement: { kind: 'opt-in', date: '2025-01-15', source: 'purchased-list', basis: 'implicit' },
    });
    const after = await contactByEmail(w, 'ola@nordmann.no');
    expect(after.contact.status).toBe('not-permitted');
    expect(after.events).toHaveLength(2);
    expect(after.events[0]).toMatchObject({ id: purchase.id, supersededBy: after.events[1]!.id });
    expect(after.events[1]!.note).toBe('Correction: The sale was to his company, not to him');
    // Refusals carry a sentence code, so the UI can say them in its language.
    const again = await w.dispatch('consent.supersede', { eventId: purchase.id, reason: 'twice' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageCode: 'correction-already-made', messageParams: { eventId: purchase.id, by: after.events[1]!.id } },
    });
    const noSource = await w.dispatch('consent.supersede', { eventId: after.events[1]!.id, reason: 'no source', replacement: { kind: 'opt-in', date: '2025-01-15' } });
    expect(noSource).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'A corrected opt-in needs a source.', messageCode: 'correction-needs-source' } });
    expect(verifyLedger(w.context.db).intact).toBe(true);
  });

  it('erases a contact on request: tombstone, chain still verifies, a re-import refuses the address', async () => {
    const w = workspace({ value: '2026-01-10' });
    await importCsv(w);
    const ola = await contactByEmail(w, 'ola@nordmann.no');
    await call(w, 'consent.record', { contactIds: [ola.contact.id], kind: 'note', date: '2026-01-10', note: 'Ola prefers SMS, lives at Storgata 1' });
    await call(w, 'contacts.erase', { id: ola.contact.id, reason: 'Request by e-mail 2026-01-10' });
    const db = w.context.db;
    expect(db.prepare('SELECT COUNT(*) FROM contacts WHERE email_key = ?').pluck().get('ola@nordmann.no')).toBe(0);
    expect(db.prepare("SELECT COUNT(*) FROM event_notes WHERE note LIKE '%Storgata%'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT reason FROM erasures').pluck().all()).toEqual(['Request by e-mail 2026-01-10']);
    expect(verifyLedger(db)).toMatchObject({ intact: true });
    const report = await importCsv(w);
    expect(report).toMatchObject({ added: 0, merged: 1, rejected: 1 });
    expect(report.rejectedRows[0]!.reason).toMatch(/erased on request/);
  });

  it('undoes an import as a unit: events voided (ledger still append-only), contacts hidden, fields cleared', async () => {
    const w = workspace({ value: '2026-01-10' });
    const first = await importCsv(w);
    const second = await importCsv(w, 'email,company,first_name\nkari@example.no,Kari Konditori,\nnew@example.no,,New\n', { source: 'web-form', basis: 'explicit' });
    expect(second).toMatchObject({ added: 1, merged: 1 });
    expect((await contactByEmail(w, 'kari@example.no')).contact.company).toBe('Kari Konditori');
    // The confirmation's counts, changing nothing: new@ goes, kari@ is changed back (ola@ untouched).
    const preview = await call<UndoPreview>(w, 'import.undoPreview', { importId: second.importId });
    expect(preview).toMatchObject({ removed: 1, changedBack: 1, eventsVoided: 2, import: { id: second.importId, fileName: 'kunder.csv', state: 'committed' } });
    expect(await call<UndoPreview>(w, 'import.undoPreview', { importId: second.importId })).toEqual(preview);
    expect((await contactByEmail(w, 'kari@example.no')).contact.company).toBe('Kari Konditori');
    // The undo does what the preview said, and says so.
    const undone = await call<UndoResult>(w, 'import.undo', { importId: second.importId });
    expect(undone.undone).toEqual({ removed: 1, changedBack: 1, eventsVoided: 2 });
    expect(await w.dispatch('import.undoPreview', { importId: second.importId })).toMatchObject({ ok: false, error: { messageCode: 'import-already-undone' } });
    expect(await w.dispatch('import.undoPreview', { importId: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const kari = await contactByEmail(w, 'kari@example.no');
    expect(kari.contact.company).toBe('');
    expect(kari.contact.firstName).toBe('Kari'); // set by the first import: kept
    expect(kari.contact.status).toBe('implicit'); // back to the first import's purchase
    // The hidden contact keeps no data the undone import brought; the merged one keeps the first import's.
    const rows = w.context.db.prepare('SELECT email, first_name, field_sources, removed_at IS NOT NULL AS hidden FROM contacts ORDER BY id').raw().all();
    expect(rows).toEqual([
      ['ola@nordmann.no', 'Ola', JSON.stringify({ firstName: first.importId, lastName: first.importId, company: first.importId }), 0],
      ['kari@example.no', 'Kari', JSON.stringify({ firstName: first.importId, lastName: first.importId }), 0],
      ['new@example.no', '', '{}', 1],
    ]);
    const voids = kari.events.filter((e) => e.kind === 'void');
    expect(voids).toHaveLength(1);
    expect(await w.dispatch('consent.supersede', { eventId: voids[0]!.id, reason: 'undo the undo' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageCode: 'correction-of-correction', messageParams: { eventId: voids[0]!.id } },
    });
    const page = await call<ContactPage>(w, 'contacts.list', {});
    expect(page.items.map((c) => c.email).sort()).toEqual(['kari@example.no', 'ola@nordmann.no']);
    const history = await call<{ id: number; state: string }[]>(w, 'imports.list', {});
    expect(history.map((h) => [h.id, h.state])).toEqual([[second.importId, 'undone'], [first.importId, 'committed']]);
    expect(await w.dispatch('import.undo', { importId: second.importId })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        messageCode: 'import-already-undone',
        messageParams: { importId: second.importId, file: 'kunder.csv', undoneAt: expect.any(String) as string },
      },
    });
    expect(verifyLedger(w.context.db).intact).toBe(true);
    // A second undo in the same session (its temporary tables and cached statements again).
    expect(await call<UndoPreview>(w, 'import.undoPreview', { importId: first.importId })).toMatchObject({ removed: 2, changedBack: 0, eventsVoided: 2 });
    expect((await call<UndoResult>(w, 'import.undo', { importId: first.importId })).undone).toEqual({ removed: 2, changedBack: 0, eventsVoided: 2 });
    expect((await call<ContactPage>(w, 'contacts.list', {})).total).toBe(0);
    expect(verifyLedger(w.context.db).intact).toBe(true);
  });

  it('undoes an import in the import worker too; no import starts meanwhile', async () => {
    const w = workspace({ value: '2026-01-10' }, tempDbPath(dir), true);
    await importCsv(w);
    const second = await importCsv(w, 'email,company\nkari@example.no,Kari Konditori\nnew@example.no,\n', { source: 'web-form', basis: 'explicit' });
    const waiting = await stage(w, 'senere.csv', CSV);
    const undo = w.dispatch('import.undo', { importId: second.importId });
    // The undo registers as a job before its first await.
    expect(await w.dispatch('import.commit', { stagedId: waiting, source: 'purchase', collectedAt: '2026-01-10' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageCode: 'import-running' },
    });
    expect(await undo).toMatchObject({ ok: true, value: { id: second.importId, state: 'undone', undone: { removed: 1, changedBack: 1, eventsVoided: 2 } } });
    const rows = w.context.db.prepare('SELECT email, company, removed_at IS NOT NULL AS hidden FROM contacts ORDER BY id').raw().all();
    expect(rows).toEqual([
      ['ola@nordmann.no', 'Bakeriet', 0],
      ['kari@example.no', '', 0],
      ['new@example.no', '', 1],
    ]);
    expect((await contactByEmail(w, 'kari@example.no')).contact.status).toBe('implicit');
    expect(verifyLedger(w.context.db).intact).toBe(true);
    expect(await w.dispatch('import.undo', { importId: second.importId })).toMatchObject({ ok: false, error: { messageCode: 'import-already-undone' } });
    expect(await w.dispatch('import.commit', { stagedId: waiting, source: 'purchase', collectedAt: '2026-01-10' })).toMatchObject({ ok: true });
  });

  it('shows which import set each stored detail, and forgets an undone import', async () => {
    const w = workspace({ value: '2026-01-10' });
    const first = await importCsv(w);
    // A second file fills Kari's empty company and brings a first name she already has (not overwritten).
    const stagedId = await stage(w, 'messe.csv', 'email,company,first_name\nkari@example.no,Kari Konditori,Karianne\n');
    const second = await call<ImportReport>(w, 'import.commit', { stagedId, source: 'event-booth', collectedAt: '2026-01-09' });
    const sources = (d: ContactDetail): string[] => d.contact.fieldSources.map((s) => `${s.field} ${s.fileName} #${s.importId}`).sort();
    const kari = await contactByEmail(w, 'kari@example.no');
    expect(kari.contact.firstName).toBe('Kari');
    expect(sources(kari)).toEqual([`company messe.csv #${second.importId}`, `firstName kunder.csv #${first.importId}`, `lastName kunder.csv #${first.importId}`]);
    expect(kari.contact.fieldSources[0]!.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await call(w, 'import.undo', { importId: second.importId });
    expect(sources(await contactByEmail(w, 'kari@example.no'))).toEqual([`firstName kunder.csv #${first.importId}`, `lastName kunder.csv #${first.importId}`]);
  });

  it('a preview names earlier imports of the same file, until they are undone', async () => {
    const w = workspace({ value: '2026-01-10' });
    const first = await importCsv(w);
    const preview = async (): Promise<ImportPreview> =>
      call<ImportPreview>(w, 'import.preview', { stagedId: await stage(w, 'kunder (1).csv', CSV), source: 'purchase', collectedAt: '2026-01-10' });
    expect((await preview()).alreadyImported).toEqual([{ importId: first.importId, fileName: 'kunder.csv', importedAt: expect.any(String) as string }]);
    const other = await call<ImportPreview>(w, 'import.preview', { stagedId: await stage(w, 'other.csv', `${CSV}per@example.no;Per;;\n`), source: 'purchase', collectedAt: '2026-01-10' });
    expect(other.alreadyImported).toEqual([]);
    await call(w, 'import.undo', { importId: first.importId });
    expect((await preview()).alreadyImported).toEqual([]);
  });

  it('an error from the import worker keeps its sentence code; a second import while one runs, and a staged file gone, are refused with theirs', async () => {
    const w = workspace({ value: '2026-01-10' }, tempDbPath(dir), true);
    const noEmail = await stage(w, 'liste.csv', 'Navn;Kontakt\nOla;Ola <ola@nordmann.no>\n');
    expect(await w.dispatch('import.commit', { stagedId: noEmail, source: 'purchase', collectedAt: '2026-01-10' })).toMatchObject({
      ok: false,
      error: { code: 'import-failed', messageCode: 'import-no-email-column', messageParams: { file: 'liste.csv', columns: 'Navn, Kontakt' } },
    });
    const [one, two] = [await stage(w, 'kunder.csv', CSV), await stage(w, 'andre.csv', CSV)];
    // The first commit registers its job before its first await, so the second one sees it.
    const first = w.dispatch('import.commit', { stagedId: one, source: 'purchase', collectedAt: '2026-01-10' });
    const second = await w.dispatch('import.commit', { stagedId: two, source: 'purchase', collectedAt: '2026-01-10' });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict', messageCode: 'import-running' } });
    expect(await first).toMatchObject({ ok: true, value: { added: 2 } });
    const neverStaged = '0'.repeat(32);
    expect(await w.dispatch('import.commit', { stagedId: neverStaged, source: 'purchase', collectedAt: '2026-01-10' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', messageCode: 'upload-gone' },
    });
  });

  it('a write while an import is being saved in its worker is refused at once, with nothing changed, and works after it', async () => {
    const w = workspace({ value: '2026-01-10' }, tempDbPath(dir), true);
    await importCsv(w);
    const ola = await contactByEmail(w, 'ola@nordmann.no');
    const rows = Array.from({ length: 30_000 }, (_, i) => `kunde${i}@example.no;Kunde ${i}`).join('\n');
    const stagedId = await stage(w, 'stor.csv', `E-post;Navn\n${rows}\n`);
    // The first progress of reading comes after the import's transaction began.
    const saving = new Promise<void>((resolve) => {
      const stop = w.subscribe((name, payload) => {
        if (name === 'import.progress' && (payload as { step: string }).step === 'reading') {
          stop();
          resolve();
        }
      });
    });
    const commit = w.dispatch('import.commit', { stagedId, source: 'purchase', collectedAt: '2026-01-10' });
    await saving;
    const optIn = { contactIds: [ola.contact.id], kind: 'opt-in', date: '2026-01-10', source: 'web-form', basis: 'explicit' };
    expect(await w.dispatch('consent.record', optIn)).toMatchObject({ ok: false, error: { code: 'conflict', messageCode: 'store-busy' } });
    expect(await commit).toMatchObject({ ok: true, value: { added: 30_000 } });
    expect((await contactByEmail(w, 'ola@nordmann.no')).events).toHaveLength(1);
    expect(await w.dispatch('consent.record', optIn)).toMatchObject({ ok: true });
    expect((await contactByEmail(w, 'ola@nordmann.no')).events).toHaveLength(2);
  });

  it('a preview of a file with no e-mail column shows the mapping to fix instead of failing; the import is refused', async () => {
    const w = workspace({ value: '2026-01-10' });
    const content = 'Navn;Kontakt\nOla;Ola <ola@nordmann.no>\nKari;Kari <kari@example.no>\n';
    const stagedId = await stage(w, 'liste.csv', content);
    const preview = await call<ImportPreview>(w, 'import.preview', { stagedId, source: 'purchase', collectedAt: '2026-01-10' });
    expect(preview.mappingProblem).toEqual({ text: expect.stringContaining('(columns: Navn, Kontakt)') as string, code: 'no-email-column', params: { columns: 'Navn, Kontakt' } });
    expect(preview.sniff.headers).toEqual(['Navn', 'Kontakt']);
    expect(preview.counts).toMatchObject({ rows: 0, added: 0 });
    expect(await w.dispatch('import.commit', { stagedId, source: 'purchase', collectedAt: '2026-01-10' })).toMatchObject({
      ok: false,
      error: {
        code: 'import-failed',
        message: expect.stringContaining('liste.csv has no e-mail column') as string,
        messageCode: 'import-no-email-column',
        messageParams: { file: 'liste.csv', columns: 'Navn, Kontakt' },
      },
    });
    // Mapping the column fixes it.
    const mapped = await call<ImportPreview>(w, 'import.preview', { stagedId, source: 'purchase', collectedAt: '2026-01-10', mapping: ['fullName', 'email'] });
    expect(mapped.mappingProblem).toBeNull();
    expect(mapped.counts).toMatchObject({ rows: 2, added: 2 });
  });

  it('never lifts a suppression by import', async () => {
    const w = workspace({ value: '2026-01-10' });
    await importCsv(w);
    const kari = await contactByEmail(w, 'kari@example.no');
    await call(w, 'consent.record', { contactIds: [kari.contact.id], kind: 'withdrawal', date: '2026-01-05' });
    await importCsv(w, 'email\nkari@example.no\n', { source: 'web-form', basis: 'explicit', collectedAt: '2026-01-08' });
    expect((await contactByEmail(w, 'kari@example.no')).contact.status).toBe('unsubscribed');
  });

  it('changing the policy profile re-evaluates every contact', async () => {
    const w = workspace({ value: '2026-01-10' });
    await importCsv(w, 'email\nlena@example.no\n', { source: 'web-form' }); // implicit web-form
    expect((await contactByEmail(w, 'lena@example.no')).contact.status).toBe('implicit');
    await call(w, 'settings.update', { policy: 'eu-soft-opt-in' });
    expect((await contactByEmail(w, 'lena@example.no')).contact.status).toBe('needs-reconfirmation');
  });

  it('a policy change that fails part-way through its recompute changes nothing: not the policy, not a status', async () => {
    const w = workspace({ value: '2026-01-10' });
    await importCsv(w, 'email\nlena@example.no\nper@example.no\n', { source: 'web-form' });
    const cached = (): unknown[] => w.context.db.prepare('SELECT email, status, reasons FROM contacts ORDER BY id').all();
    const before = cached();
    // The second contact's new status cannot be written: the recompute fails after the first.
    w.context.db.exec("CREATE TEMP TRIGGER fail_second BEFORE UPDATE OF status ON contacts WHEN NEW.email = 'per@example.no' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");
    expect(await w.dispatch('settings.update', { policy: 'eu-soft-opt-in' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(cached()).toEqual(before);
    expect(await call(w, 'app.info', {})).toMatchObject({ policy: 'default' });
    w.context.db.exec('DROP TRIGGER temp.fail_second');
    await call(w, 'settings.update', { policy: 'eu-soft-opt-in' });
    expect(cached()).not.toEqual(before);
  });

  it('a policy change and back restores every cached status exactly, and rewrites a stale one', async () => {
    const dbPath = tempDbPath(dir);
    const w = workspace({ value: '2026-01-10' }, dbPath);
    await importCsv(w, 'email\nlena@example.no\nper@example.no\n', { source: 'web-form' });
    await importCsv(w, 'email\nkjell@example.no\n', { source: 'purchased-list' });
    await importCsv(w, 'email\nanna@example.no\n', { source: 'web-form', basis: 'explicit' });
    const cached = (): unknown[] => w.context.db.prepare('SELECT email, status, reasons, consent_expires_at FROM contacts ORDER BY id').all();
    const before = cached();
    // A cached status gone stale behind the app's back (the ledger says otherwise).
    w.context.db.prepare("UPDATE contacts SET status = 'explicit', reasons = '[]' WHERE email = 'kjell@example.no'").run();
    await call(w, 'settings.update', { policy: 'eu-soft-opt-in' });
    expect(cached()).not.toEqual(before);
    await call(w, 'settings.update', { policy: 'default' });
    expect(cached()).toEqual(before);
  });

  it('previews a big file in the worker with exact counts, the same the commit then reports', async () => {
    const w = workspace({ value: '2026-01-10' }, tempDbPath(dir), true);
    await importCsv(w, 'email\nperson7@example.no\n'); // already stored: a merge
    // 45,000 rows (~2.5 MB, past the in-process preview size): every 100th repeats an earlier
    // address in other case and spacing, every 250th is not an address.
    const rows = Array.from({ length: 45_000 }, (_, i) =>
      i % 250 === 249 ? `not-an-address-${i},Someone ${i}` : i % 100 === 99 ? ` PERSON${i - 50}@Example.NO ,Again ${i}` : `person${i}@example.no,Person number ${i} with a longer name`,
    );
    const content = `email,name\n${rows.join('\n')}\n`;
    expect(content.length).toBeGreaterThan(2.1 * 2 ** 20);
    const stagedId = await stage(w, 'big.csv', content);
    const progress: { jobId: string; step: string; current: number; total: number }[] = [];
    w.subscribe((name, payload) => {
      if (name === 'import.progress') progress.push(payload as (typeof progress)[number]);
    });
    const preview = await call<ImportPreview>(w, 'import.preview', { stagedId, source: 'web-form', collectedAt: '2026-01-01' });
    // The preview reports how far it has read, for the file it is checking.
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.jobId === stagedId && p.step === 'reading' && p.total > 2 * 2 ** 20)).toBe(true);
    // Repeats: 450 rows with i % 100 = 99, less the 90 that are also not addresses (i % 500 =
    // 499), less the 90 whose earlier row was not an address (i % 500 = 299): 270.
    expect(preview.counts).toEqual({ rows: 45_000, rejected: 180, duplicates: 270, merged: 1, added: 45_000 - 180 - 270 - 1 });
    const report = await call<ImportReport>(w, 'import.commit', { stagedId, source: 'web-form', collectedAt: '2026-01-01' });
    expect(report).toMatchObject(preview.counts);
  });

  it('a file of mostly bad rows: the report lists the first 10,000, the import keeps them all, paged in row order', async () => {
    const w = workspace({ value: '2026-01-10' });
    const bad = Array.from({ length: 10_050 }, (_, i) => `bad-${i}`);
    const report = await importCsv(w, `email\ngood@example.no\n${bad.join('\n')}\n`);
    expect(report).toMatchObject({ rows: 10_051, added: 1, rejected: 10_050 });
    expect(report.rejectedRows).toHaveLength(10_000);
    const first = await call<RejectedRow[]>(w, 'imports.rejectedRows', { importId: report.importId, limit: 6_000 });
    const rest = await call<RejectedRow[]>(w, 'imports.rejectedRows', { importId: report.importId, afterRow: first.at(-1)!.rowNumber });
    const all = [...first, ...rest];
    expect(all.map((r) => r.rowNumber)).toEqual(bad.map((_, i) => i + 3));
    // Read back with its code and values, so the UI says it in its own language, as in the report.
    expect(all.at(-1)).toEqual({ rowNumber: 10_052, reason: expect.stringContaining('bad-10049'), raw: 'bad-10049', code: 'email-missing-at', params: { row: 10_052, address: 'bad-10049' } });
    expect(all.slice(0, 10_000)).toEqual(report.rejectedRows);
    expect(await call<RejectedRow[]>(w, 'imports.rejectedRows', { importId: report.importId, afterRow: 10_052 })).toEqual([]);
    const missing = await w.dispatch('imports.rejectedRows', { importId: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('two previews running at once on the app connection each count their own repeats', async () => {
    const w = workspace({ value: '2026-01-10' }); // small files: previews run in this thread, interleaved at each batch
    const file = (prefix: string, rows: number, every: number): string =>
      `email\n${Array.from({ length: rows }, (_, i) => (i % every === every - 1 ? `${prefix}${i - 1}@example.no` : `${prefix}${i}@example.no`)).join('\n')}\n`;
    const [a, b] = await Promise.all([stage(w, 'a.csv', file('a', 9_000, 50)), stage(w, 'b.csv', file('b', 7_000, 20))]);
    const [previewA, previewB] = await Promise.all([
      call<ImportPreview>(w, 'import.preview', { stagedId: a, source: 'web-form', collectedAt: '2026-01-01' }),
      call<ImportPreview>(w, 'import.preview', { stagedId: b, source: 'web-form', collectedAt: '2026-01-01' }),
    ]);
    expect(previewA.counts).toMatchObject({ rows: 9_000, duplicates: 180, added: 8_820 });
    expect(previewB.counts).toMatchObject({ rows: 7_000, duplicates: 350, added: 6_650 });
  });

  it('a newer preview of the same file stops the one still running', async () => {
    const w = workspace({ value: '2026-01-10' }, tempDbPath(dir), true);
    const rows = Array.from({ length: 60_000 }, (_, i) => `person${i}@example.no,Person number ${i} with a longer name`);
    const stagedId = await stage(w, 'big.csv', `email,name\n${rows.join('\n')}\n`);
    const first = w.dispatch('import.preview', { stagedId, source: 'web-form', collectedAt: '2026-01-01' });
    const second = await call<ImportPreview>(w, 'import.preview', { stagedId, source: 'purchase', collectedAt: '2026-01-01' });
    expect(second.counts).toMatchObject({ rows: 60_000, added: 60_000 });
    expect(await first).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('replaced by a newer one') } });
  });

  it('lists the contacts whose consent ends by a date, soonest first, for today and for another date', async () => {
    const w = workspace({ value: '2026-01-10' });
    await importCsv(w, 'email\nsoon@example.no\n', { source: 'purchase', collectedAt: '2024-02-01' }); // ends 2026-02-01
    await importCsv(w, 'email\nsooner@example.no\n', { source: 'purchase', collectedAt: '2024-01-20' }); // ends 2026-01-20
    await importCsv(w, 'email\nlater@example.no\n', { source: 'purchase', collectedAt: '2025-06-01' }); // ends 2027-06-01
    await importCsv(w, 'email\nexplicit@example.no\n', { source: 'web-form', basis: 'explicit', collectedAt: '2025-06-01' }); // never ends
    const emails = (page: ContactPage): string[] => page.items.map((c) => c.email);
    const within60 = await call<ContactPage>(w, 'contacts.list', { status: ['implicit'], expiresBy: '2026-03-11', sort: 'expires' });
    expect(emails(within60)).toEqual(['sooner@example.no', 'soon@example.no']);
    expect(within60.total).toBe(2);
    expect(within60.items.map((c) => c.consentExpiresAt)).toEqual(['2026-01-20', '2026-02-01']);
    // As of 2026-01-25 "sooner" has lapsed (needs re-confirmation); only "soon" is implicit and ending.
    const later = await call<ContactPage>(w, 'contacts.list', { status: ['implicit'], expiresBy: '2026-03-26', asOf: '2026-01-25' });
    expect(emails(later)).toEqual(['soon@example.no']);
    expect(emails(await call<ContactPage>(w, 'contacts.list', { expiresBy: '2030-01-01', sort: 'expires' }))).toEqual([
      'sooner@example.no',
      'soon@example.no',
      'later@example.no',
    ]);
  });

  it('runs a commit in a worker thread, reporting progress, leaving nothing behind on cancel', async () => {
    const w = workspace({ value: '2026-01-10' }, tempDbPath(dir), true);
    const progress: string[] = [];
    w.subscribe((name, payload) => {
      if (name === 'import.progress') progress.push((payload as { step: string }).step);
    });
    const rows = Array.from({ length: 20_000 }, (_, i) => `person${i}@example.no,Person ${i}`).join('\n');
    const report = await importCsv(w, `email,name\n${rows}\n`);
    expect(report).toMatchObject({ rows: 20_000, added: 20_000 });
    // Every step, in order: reading the rows, saving, statuses, saving (the commit), done.
    expect(progress.filter((step, i) => step !== progress[i - 1])).toEqual(['reading', 'writing', 'statuses', 'writing', 'done']);
    expect((await call<StatusSummary>(w, 'status.summary', {})).total).toBe(20_000);

    const stagedId = await stage(w, 'big.csv', `email,name\n${rows.replace(/person/g, 'other')}\n`);
    const commit = w.dispatch('import.commit', { stagedId, source: 'web-form', collectedAt: '2026-01-01' });
    await call(w, 'import.cancel', { stagedId });
    const result = await commit;
    if (result.ok) {
      // The import won the race and finished before the cancel arrived: it must be whole.
      expect((await call<StatusSummary>(w, 'status.summary', {})).total).toBe(40_000);
    } else {
      expect(result.error.message).toMatch(/cancelled; nothing was changed/);
      expect((await call<StatusSummary>(w, 'status.summary', {})).total).toBe(20_000);
    }
    expect(verifyLedger(w.context.db).intact).toBe(true);
  });

  it('keeps staged uploads and evidence inside the workspace folder', async () => {
    const dbPath = tempDbPath(dir);
    const w = workspace({ value: '2026-01-10' }, dbPath);
    await importCsv(w);
    const evidence = fs.readdirSync(path.join(`${dbPath}-files`, 'evidence'));
    expect(evidence).toHaveLength(1); // the original file, by SHA-256
    expect(evidence[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the UI language in the workspace', () => {
  it('is kept in the workspace file: a reopened workspace (a restart, another browser) has it; null follows the system again', async () => {
    const dbPath = tempDbPath(dir);
    const today = { value: '2026-03-01' };
    const first = workspace(today, dbPath);
    expect((await call<{ language: string | null }>(first, 'app.info', {})).language).toBeNull();
    expect((await call<{ language: string | null }>(first, 'settings.update', { language: 'nb' })).language).toBe('nb');
    first.close();
    open.splice(open.indexOf(first), 1);
    const again = workspace(today, dbPath);
    expect((await call<{ language: string | null }>(again, 'app.info', {})).language).toBe('nb');
    const refused = (await again.dispatch('settings.update', { language: 'de' }));
    expect(refused.ok).toBe(false);
    expect((await call<{ language: string | null }>(again, 'app.info', {})).language).toBe('nb');
    expect((await call<{ language: string | null }>(again, 'settings.update', { language: null })).language).toBeNull();
  });
});
