// Erasure on request leaves no readable copy of the person in the workspace folder: not in
// the database file or its write-ahead log (free pages included), not in evidence files only
// they used, not in the original import files (replaced by copies without their rows).

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../src/main/app/workspace.ts';
import { evidenceDir } from '../src/main/store/evidence.ts';
import { verifyLedger } from '../src/main/store/ledger-verify.ts';
import type { ContactPage, EvidenceFile, ImportReport } from '../src/shared/contract/dto.ts';
import type { Envelope } from '../src/shared/contract/envelope.ts';
import { tempDbPath, tempDir } from './helpers/temp.ts';

const dir = tempDir('tillit-erasure-');
const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

async function call<T>(w: Workspace, method: string, input: unknown): Promise<T> {
  const envelope = (await w.dispatch(method, input)) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

async function importFile(w: Workspace, name: string, content: string | Buffer, extra: Record<string, unknown> = {}): Promise<ImportReport> {
  const staged = await call<{ stagedId: string }>(w, 'files.stage', { fileName: name, chunkBase64: Buffer.from(content).toString('base64') });
  return call<ImportReport>(w, 'import.commit', { stagedId: staged.stagedId, source: 'purchase', collectedAt: '2025-01-15', ...extra });
}

/** Every file under the folder whose bytes contain the text (as UTF-8, in any case). */
function filesHolding(folder: string, text: string): string[] {
  const needle = text.toLowerCase();
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (fs.readFileSync(file).toString('utf8').toLowerCase().includes(needle)) found.push(path.relative(folder, file));
  }
  return found;
}

const ADDRESS = 'zorro.quixbeth@nordmann.no';
const NAME = 'Quixbeth';
const PHONE = '+47 918 27 364';

describe('erasure on request', () => {
  it('leaves no readable copy of the person in the database, its WAL, or the evidence files', async () => {
    const dbPath = tempDbPath(path.join(dir));
    const workspaceDir = path.join(dir, `ws-${Date.now()}`);
    fs.mkdirSync(workspaceDir);
    const db = path.join(workspaceDir, path.basename(dbPath));
    const w = openWorkspace({ dbPath: db, importsInWorker: false, today: () => '2026-01-10' });
    open.push(w);

    // The person arrives in a CSV with others, again (repeated: a raw row kept) in a vCard
    // file, gets a note and a proof file of their own, and is edited along the way.
    const others = Array.from({ length: 40 }, (_, i) => `kunde${i}@example.no;Kunde;Nummer ${i};Firma ${i}`).join('\n');
    const csv = `E-post;Fornavn;Etternavn;Telefon\n${others}\n${ADDRESS};Zorro;${NAME};${PHONE}\nkari@example.no;Kari;Hansen;\n`;
    const first = await importFile(w, 'kunder.csv', csv);
    expect(first.added).toBe(42);
    const cards =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kari Hansen\r\nEMAIL:kari@example.no\r\nEND:VCARD\r\n' +
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zorro ${NAME}\r\nEMAIL:${ADDRESS.toUpperCase()}\r\nEND:VCARD\r\n` +
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zorro ${NAME}\r\nEMAIL:${ADDRESS}\r\nNOTE:the same card twice\r\nEND:VCARD\r\n`;
    const second = await importFile(w, 'kort.vcf', cards, { source: 'business-card' });
    expect(second).toMatchObject({ merged: 2, duplicates: 1 });
    const page = await call<ContactPage>(w, 'contacts.list', { search: NAME });
    const person = page.items[0]!;
    const kari = (await call<ContactPage>(w, 'contacts.list', { search: 'kari@example.no' })).items[0]!;
    const proof = Buffer.from(`Signed paper slip: ${NAME}, ${ADDRESS}`);
    await call(w, 'consent.record', { contactIds: [person.id], kind: 'opt-in', date: '2026-01-05', source: 'newsletter-signup', note: `${NAME} asked by phone`, evidence: { fileName: 'slip.txt', dataBase64: proof.toString('base64') } });
    // A proof shared with Kari stays (she still needs it).
    await call(w, 'consent.record', { contactIds: [person.id, kari.id], kind: 'note', date: '2026-01-06', note: 'met at the fair', evidence: { fileName: 'fair.txt', dataBase64: Buffer.from('stand photo').toString('base64') } });
    expect(filesHolding(workspaceDir, ADDRESS).length).toBeGreaterThan(0); // the test can see it
    // An upload never imported, left for a while, holds them too.
    const abandoned = await call<{ stagedId: string }>(w, 'files.stage', { fileName: 'gammel.csv', chunkBase64: Buffer.from(`email\n${ADDRESS}\n`).toString('base64') });
    const staging = path.join(`${db}-files`, 'staging');
    const past = new Date(Date.now() - 60 * 60 * 1000);
    for (const f of fs.readdirSync(staging)) fs.utimesSync(path.join(staging, f), past, past);
    expect(fs.readdirSync(staging)).toContain(`${abandoned.stagedId}.data`);

    const erased = await call<{ erasureId: number; removedFiles: string[]; replacedFiles: { evidenceId: number; fromSha256: string; toSha256: string }[] }>(
      w, 'contacts.erase', { id: person.id, reason: 'Request by e-mail 2026-01-10' },
    );
    expect(erased.removedFiles).toHaveLength(1); // slip.txt
    expect(erased.replacedFiles).toHaveLength(2); // kunder.csv and kort.vcf
    expect(new Set(erased.replacedFiles.map((r) => r.fromSha256)).size).toBe(2);
    // Nothing readable left anywhere in the workspace folder — database, WAL, evidence —
    // while the app still has the workspace open (closing would checkpoint the WAL anyway).
    expect(fs.existsSync(`${db}-wal`)).toBe(true);
    for (const text of [ADDRESS, NAME, PHONE]) expect(filesHolding(workspaceDir, text)).toEqual([]);
    w.close();
    open.length = 0;
    for (const text of [ADDRESS, NAME, PHONE]) expect(filesHolding(workspaceDir, text)).toEqual([]);

    // Everyone else is still there, in the store and in the redacted originals.
    const again = openWorkspace({ dbPath: db, importsInWorker: false, today: () => '2026-01-10' });
    open.push(again);
    expect(verifyLedger(again.context.db)).toMatchObject({ intact: true });
    expect((await call<ContactPage>(again, 'contacts.list', {})).total).toBe(41);
    const csvEvidence = erased.replacedFiles.find((r) => fs.readFileSync(path.join(evidenceDir(`${db}-files`), r.toSha256), 'utf8').startsWith('E-post'))!;
    const viewed = await call<EvidenceFile>(again, 'evidence.get', { id: csvEvidence.evidenceId });
    const text = Buffer.from(viewed.dataBase64!, 'base64').toString('utf8');
    expect(text).toBe(csv.replace(`${ADDRESS};Zorro;${NAME};${PHONE}\n`, ''));
    expect(fs.existsSync(path.join(evidenceDir(`${db}-files`), csvEvidence.fromSha256))).toBe(false);
    // The proof shared with Kari is still hers.
    expect(filesHolding(workspaceDir, 'stand photo')).toHaveLength(1);
  });

  it('replaces a spreadsheet original by a workbook without their row', async () => {
    const db = tempDbPath(dir);
    const w = openWorkspace({ dbPath: db, importsInWorker: false, today: () => '2026-01-10' });
    open.push(w);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Kunder').addRows([['E-post', 'Fornavn', 'Etternavn'], ['kari@example.no', 'Kari', 'Hansen'], [ADDRESS, 'Zorro', NAME], ['per@example.no', 'Per', 'Olsen']]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    expect((await importFile(w, 'kunder.xlsx', xlsx)).added).toBe(3);
    const person = (await call<ContactPage>(w, 'contacts.list', { search: NAME })).items[0]!;
    const erased = await call<{ replacedFiles: { toSha256: string }[]; unredactedFiles: unknown[] }>(w, 'contacts.erase', { id: person.id, reason: 'Request by phone' });
    expect(erased.unredactedFiles).toEqual([]);
    expect(erased.replacedFiles).toHaveLength(1);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(fs.readFileSync(path.join(evidenceDir(`${db}-files`), erased.replacedFiles[0]!.toSha256)) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    copy.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([['E-post', 'Fornavn', 'Etternavn'], ['kari@example.no', 'Kari', 'Hansen'], ['per@example.no', 'Per', 'Olsen']]);
    expect(fs.readdirSync(evidenceDir(`${db}-files`))).toEqual([erased.replacedFiles[0]!.toSha256]);
  });

  it('reaches the backups: each one holding the person gets the same erasure, still verifies, and restores without them', async () => {
    const db = tempDbPath(dir);
    const w = openWorkspace({ dbPath: db, importsInWorker: false, today: () => '2026-01-10' });
    open.push(w);
    await importFile(w, 'first.csv', `email;name\n${ADDRESS};${NAME}\nkari@example.no;Kari\n`);
    await importFile(w, 'second.csv', 'email;name\nper@example.no;Per\n'); // its automatic backup holds the person
    await call(w, 'backups.create', {});
    const page = await call<ContactPage>(w, 'contacts.list', { search: ADDRESS });
    const erased = await call<{ backups: { erased: string[]; failed: unknown[] } }>(w, 'contacts.erase', { id: page.items[0]!.id, reason: 'asked to be forgotten' });
    expect(erased.backups.failed).toEqual([]);
    expect(erased.backups.erased.length).toBeGreaterThanOrEqual(2);
    expect(filesHolding(`${db}-files`, ADDRESS)).toEqual([]);
    expect(filesHolding(`${db}-files`, NAME)).toEqual([]);

    const overview = await call<{ backups: { name: string; location: 'workspace' | 'second' }[] }>(w, 'backups.list', {});
    const newest = overview.backups[0]!;
    await call(w, 'backups.restore', { location: newest.location, name: newest.name });
    const restored = await call<ContactPage>(w, 'contacts.list', {});
    expect(restored.items.map((c) => c.email).sort()).toEqual(['kari@example.no', 'per@example.no']);
    expect(verifyLedger(w.context.db, { filesDir: w.context.filesDir }).intact).toBe(true);
  });

  it('clears the wording, link, author and file name of evidence only their events used; the ledger still verifies and a later change to it is found', async () => {
    const db = tempDbPath(dir);
    const w = openWorkspace({ dbPath: db, importsInWorker: false, today: () => '2026-01-10' });
    open.push(w);
    await importFile(w, 'list.csv', `email;name\n${ADDRESS};${NAME}\nkari@example.no;Kari\n`);
    const page = await call<ContactPage>(w, 'contacts.list', { search: ADDRESS });
    const id = page.items[0]!.id;
    await call(w, 'consent.record', {
      contactIds: [id],
      kind: 'opt-in',
      source: 'web-form',
      date: '2026-01-05',
      evidence: { text: `${NAME} said yes on the phone`, url: `https://example.no/${NAME}`, recordedBy: `${NAME}'s colleague`, fileName: `${NAME}.txt`, dataBase64: Buffer.from('call log').toString('base64') },
    });
    await call(w, 'contacts.erase', { id, reason: 'asked to be forgotten' });
    w.close();
    open.length = 0;
    expect(filesHolding(path.dirname(db), NAME).filter((f) => f.startsWith(path.basename(db)))).toEqual([]);
    const reopened = openWorkspace({ dbPath: db, importsInWorker: false, today: () => '2026-01-10' });
    open.push(reopened);
    expect(verifyLedger(reopened.context.db, { filesDir: reopened.context.filesDir })).toMatchObject({ intact: true });
    // Another evidence row reworded behind the app's back is still found.
    reopened.context.db.prepare("UPDATE evidence SET text = 'forged' WHERE text LIKE 'Original file%'").run();
    expect(verifyLedger(reopened.context.db, { filesDir: reopened.context.filesDir })).toMatchObject({ intact: false, firstBroken: { item: 'evidence' } });
  });
});
