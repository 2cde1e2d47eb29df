// The tillit command line. A stable interface: scripts depend on the commands, flags and
// --json shapes documented in DESIGN.md. With --json, stdout carries exactly one JSON
// document; messages and errors go to stderr, and errors exit non-zero.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPORT_REJECTED_LIMIT } from '../../shared/contract/dto.ts';
import { AppError } from '../../shared/contract/envelope.ts';
import { EXPORT_PROFILES, type ExportProfileId } from '../../shared/contract/requests.ts';
import { isIsoDate } from '../../shared/dates/iso-date.ts';
import { checkEmail } from '../../shared/email/index.ts';
import { byCardFileName, CARD_FILE_SEPARATOR, isCardFileName, joinedCardsName } from '../../shared/import/card-files.ts';
import { BASES, SOURCE_KINDS, STATUSES, isSourceKind, type Basis, type SourceKind, type Status } from '../../shared/consent/vocabulary.ts';
import { openWorkspace, type Workspace } from '../app/workspace.ts';
import { resolveDbPath } from '../app/paths.ts';
import { workerRunner } from '../import/runner.ts';
import { noEmailColumnError } from '../import/pipeline.ts';
import { ensureContact, recordConsent } from '../services/consent.ts';
import { contactsAsOf, statusSummary } from '../services/contacts.ts';
import { runExport } from '../services/exports.ts';
import { BackupService } from '../services/backups.ts';
import { APP_VERSION } from '../services/settings.ts';
import { restoreBackup } from '../store/backup.ts';
import { isStoreBusy, storeBusyError } from '../store/busy.ts';
import { formatAnchor, parseAnchor, readAnchors, type AnchorEntry } from '../store/anchors.ts';
import { anchorsInForce, verifyLedger } from '../store/ledger-verify.ts';
import { damagedError, isStoreDamaged, isStoreReadOnly, readOnlyError } from '../store/open.ts';
import { diskFullError, isDiskFull } from '../store/disk-full.ts';
import { extractDbFlag, parseCommand, USAGE, UsageError } from './args.ts';
import { escapeJson, escapeOutput } from './escape.ts';
import { printTable } from './table.ts';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * The real streams. When the reader of stdout goes away (`tillit list | head`), the rest of
 * the output is dropped quietly and the command still finishes what it was doing: an import
 * piped into a closed reader is not cut off halfway.
 */
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});
const processIO: CliIO = {
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
};

/** The folder's vCard files joined in name order into one temporary file (removed after the import). */
function joinCardFolder(folder: string): { path: string; name: string } {
  const cards = fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && isCardFileName(entry.name))
    .map((entry) => entry.name)
    .sort(byCardFileName);
  if (cards.length === 0) throw new UsageError(`${folder} is a folder with no vCard (.vcf) files; import a file, or a folder of .vcf files`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-cards-'));
  const joinedPath = path.join(dir, 'cards.vcf');
  for (const name of cards) {
    fs.appendFileSync(joinedPath, fs.readFileSync(path.join(folder, name)));
    fs.appendFileSync(joinedPath, CARD_FILE_SEPARATOR);
  }
  return { path: joinedPath, name: joinedCardsName(cards.length, path.basename(path.resolve(folder))) };
}

function date(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${flag} must be a date written YYYY-MM-DD (got "${value}")`);
  return value;
}

function source(value: string | undefined): SourceKind | undefined {
  if (value === undefined) return undefined;
  if (!isSourceKind(value)) throw new UsageError(`unknown source kind "${value}"; use one of: ${SOURCE_KINDS.join(', ')}`);
  return value;
}

function basis(value: string | undefined): Basis | undefined {
  if (value === undefined) return undefined;
  if (!(BASES as readonly string[]).includes(value)) throw new UsageError(`--basis must be explicit or implicit (got "${value}")`);
  return value as Basis;
}

function statuses(value: string | undefined): Status[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = list.filter((s) => !(STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0) throw new UsageError(`unknown status ${unknown.join(', ')}; use: ${STATUSES.join(', ')}`);
  return list as Status[];
}

function evidenceFile(file: string | undefined): { file: { fileName: string; data: Buffer } } | undefined {
  if (file === undefined) return undefined;
  if (!fs.existsSync(file)) throw new UsageError(`evidence file not found: ${file}`);
  return { file: { fileName: path.basename(file), data: fs.readFileSync(file) } };
}

function emailArg(value: string): string {
  const check = checkEmail(value);
  if (!check.valid) throw new UsageError(`"${value}" is not a usable e-mail address: ${check.message ?? 'invalid'}`);
  return value;
}

const json = { json: { type: 'boolean' } } as const;

async function run(command: string, args: string[], dbFlag: string | undefined, io: CliIO): Promise<number> {
  const out = (value: unknown): void => io.stdout(`${escapeJson(JSON.stringify(value, null, 2))}\n`);
  // Every command checks the file first (quick_check): none reads from or writes into a damaged
  // one. The ledger is checked where it matters (export, verify), not by every command.
  const open = (): Workspace =>
    openWorkspace({ dbPath: resolveDbPath(dbFlag), importsInWorker: false, quickCheck: true, busyTimeoutMs: 5000, checkLedger: false, sweep: false });
  const backups = (workspace: Workspace): BackupService => new BackupService({ dbPath: workspace.dbPath, context: () => workspace.context, appVersion: APP_VERSION });

  switch (command) {
    case 'import': {
      const { values, positionals } = parseCommand(
        args,
        {
          source: { type: 'string' },
          'collected-at': { type: 'string' },
          basis: { type: 'string' },
          brand: { type: 'string' },
          evidence: { type: 'string' },
          'dry-run': { type: 'boolean' },
          ...json,
        },
        1,
      );
      const given = positionals[0]!;
      if (!fs.existsSync(given)) throw new UsageError(`file not found: ${given}`);
      // A folder of vCard files (a business-card app's export) is imported as one file.
      const joined = fs.statSync(given).isDirectory() ? joinCardFolder(given) : null;
      const file = joined?.path ?? given;
      if (!fs.statSync(file).isFile()) throw new UsageError(`not a file or a folder: ${given}`);
      const workspace = open();
      try {
        const ctx = workspace.context;
        const dryRun = values['dry-run'] ?? false;
        // The automatic backup before an import (as in the app): a failed one refuses the import.
        if (!dryRun) await backups(workspace).beforeChange('import');
        // In a worker thread with a bounded heap, exactly as the app runs imports.
        const { report, preview } = await workerRunner(ctx.dbPath, ctx.filesDir)(
          {
            filePath: file,
            fileName: joined?.name ?? path.basename(file),
            source: source(values.source) ?? 'unknown',
            collectedAt: date(values['collected-at'], '--collected-at') ?? ctx.today(),
            basis: basis(values.basis) ?? null,
            brand: values.brand ?? null,
            evidence: evidenceFile(values.evidence),
            dryRun,
          },
          { today: ctx.today(), now: ctx.now() },
          {},
        );
        if (preview.mappingProblem) throw noEmailColumnError(report.fileName, preview.sniff.headers);
        if (values.json) out(report);
        else {
          io.stdout(
            `${report.dryRun ? 'Dry run of' : 'Imported'} ${report.fileName}: ${report.rows} rows — ${report.added} added, ${report.merged} merged, ` +
              `${report.duplicates} duplicates in the file, ${report.rejected} rejected.\n`,
          );
          for (const earlier of report.alreadyImported) {
            const again = report.dryRun ? 'importing it again records its consent a second time' : 'its consent was recorded a second time';
            io.stdout(`  note: the same file was already imported as import ${earlier.importId} (${earlier.fileName}, ${earlier.importedAt}); ${again}\n`);
          }
          for (const r of report.rejectedRows.slice(0, 20)) io.stdout(`  rejected ${r.reason}\n`);
          if (report.rejected > 20) {
            const more = report.rejected - 20;
            const where = report.rejected <= REPORT_REJECTED_LIMIT ? '--json lists them all' : `--json lists the first ${REPORT_REJECTED_LIMIT.toLocaleString('en')}`;
            io.stdout(`  … and ${more} more rejected rows (${where}${report.importId !== null ? `; every one is kept with import ${report.importId}` : ''})\n`);
          }
        }
      } finally {
        workspace.close();
        if (joined) fs.rmSync(path.dirname(joined.path), { recursive: true, force: true });
      }
      return 0;
    }
    case 'list': {
      const { values } = parseCommand(args, { status: { type: 'string' }, 'as-of': { type: 'string' }, search: { type: 'string' }, ...json }, 0);
      const wanted = statuses(values.status);
      const asOf = date(values['as-of'], '--as-of');
      const workspace = open();
      try {
        const rows = [];
        for (const contact of contactsAsOf(workspace.context, asOf, values.search)) {
          if (!wanted || wanted.includes(contact.status)) rows.push(contact);
        }
        if (values.json) out(rows);
        else
          printTable(
            io,
            ['Email', 'Name', 'Company', 'Status', 'Expires'],
            rows.map((c) => [c.email, [c.firstName, c.lastName].filter(Boolean).join(' '), c.company, c.status, c.consentExpiresAt ?? '']),
          );
      } finally {
        workspace.close();
      }
      return 0;
    }
    case 'status': {
      const { values } = parseCommand(args, { 'as-of': { type: 'string' }, ...json }, 0);
      const workspace = open();
      try {
        const summary = statusSummary(workspace.context, date(values['as-of'], '--as-of'));
        if (values.json) out(summary);
        else {
          io.stdout(`${summary.total} contacts as of ${summary.asOf}\n`);
          printTable(io, ['Status', 'Contacts'], STATUSES.map((s) => [s, String(summary.byStatus[s])]));
        }
      } finally {
        workspace.close();
      }
      return 0;
    }
    case 'consent': {
      const [sub, ...rest] = args;
      if (sub === 'add') {
        const { values, positionals } = parseCommand(
          rest,
          {
            source: { type: 'string' },
            date: { type: 'string' },
            basis: { type: 'string' },
            brand: { type: 'string' },
            evidence: { type: 'string' },
            note: { type: 'string' },
          },
          1,
        );
        const kind = source(values.source);
        if (!kind) throw new UsageError('consent add needs --source KIND');
        const on = date(values.date, '--date');
        if (!on) throw new UsageError('consent add needs --date YYYY-MM-DD');
        const email = emailArg(positionals[0]!);
        const evidence = evidenceFile(values.evidence);
        return recordFor(open(), email, io, {
          kind: 'opt-in',
          date: on,
          source: kind,
          basis: basis(values.basis) ?? 'explicit',
          brand: values.brand ?? null,
          note: values.note,
          evidence: evidence ? { fileName: evidence.file.fileName, dataBase64: evidence.file.data.toString('base64') } : undefined,
        }, true);
      }
      if (sub === 'withdraw') {
        const { values, positionals } = parseCommand(rest, { date: { type: 'string' } }, 1);
        return recordFor(open(), emailArg(positionals[0]!), io, { kind: 'withdrawal', date: date(values.date, '--date') }, false);
      }
      throw new UsageError(`unknown consent command "${sub ?? ''}"; use consent add or consent withdraw`);
    }
    case 'bounce': {
      const { values, positionals } = parseCommand(args, { date: { type: 'string' } }, 1);
      return recordFor(open(), emailArg(positionals[0]!), io, { kind: 'hard-bounce', date: date(values.date, '--date') }, false);
    }
    case 'export': {
      const { values } = parseCommand(args, { profile: { type: 'string' }, out: { type: 'string' }, 'as-of': { type: 'string' }, ...json }, 0);
      const profile = values.profile;
      if (!profile || !(EXPORT_PROFILES as readonly string[]).includes(profile)) {
        throw new UsageError(`export needs --profile ${EXPORT_PROFILES.join('|')}`);
      }
      if (!values.out) throw new UsageError('export needs --out FILE');
      const asOf = date(values['as-of'], '--as-of');
      const workspace = open();
      try {
        // Never from a broken ledger: the whole chain, its evidence and its anchors are checked first.
        await workspace.integrity.assertIntactForExport();
        const result = runExport(workspace.context, profile as ExportProfileId, asOf);
        const outFile = path.resolve(values.out);
        const base = outFile.replace(/\.csv$/i, '');
        const suppressionFile = `${base}-suppression.csv`;
        const reportFile = `${base}-report.csv`;
        fs.writeFileSync(outFile, result.csv);
        fs.writeFileSync(suppressionFile, result.suppressionCsv);
        fs.writeFileSync(reportFile, result.reportCsv);
        const summary = {
          profile: result.profile,
          asOf: result.asOf,
          file: outFile,
          suppressionFile,
          reportFile,
          included: result.included,
          excluded: result.excluded,
          excludedByStatus: result.excludedByStatus,
          ledger: result.ledger,
        };
        workspace.integrity.anchor('export', result.ledger, path.basename(outFile));
        if (values.json) out(summary);
        else io.stdout(`Exported ${result.included} mailable contacts to ${outFile} (${result.excluded} left out: see ${reportFile}).\n`);
      } finally {
        workspace.close();
      }
      return 0;
    }
    case 'verify': {
      const { values } = parseCommand(args, { anchor: { type: 'string', multiple: true }, ...json }, 0);
      const given = (values.anchor ?? []).map((text): AnchorEntry => {
        const anchor = parseAnchor(text);
        if (!anchor) throw new UsageError(`--anchor must be EVENTS:HEAD, the event count and the 64-digit head hash an export report or backup states (got "${text}")`);
        return { ...anchor, at: new Date().toISOString(), reason: 'verified', note: 'given with --anchor' };
      });
      const workspace = open();
      try {
        const { db, dbPath, filesDir } = workspace.context;
        const result = verifyLedger(db, { anchors: [...anchorsInForce(readAnchors(dbPath)), ...given], filesDir });
        if (values.json) out(result);
        else if (result.intact) {
          io.stdout(
            `The consent ledger is intact: ${result.checked} events checked, ending in ${formatAnchor(result.ledger)}; ` +
              `${result.anchorsChecked} anchor${result.anchorsChecked === 1 ? '' : 's'} kept outside the database still match.\n`,
          );
          for (const b of result.baselines) io.stdout(`  note: a break was accepted as a new baseline on ${b.date} (event ${b.eventId}): ${b.reason}\n`);
        } else io.stdout(`The consent ledger is BROKEN: ${result.firstBroken!.reason}.\n`);
        if (!result.intact) io.stderr(`ledger broken (${result.firstBroken!.item} ${result.firstBroken!.id}): ${result.firstBroken!.reason}\n`);
        return result.intact ? 0 : 1;
      } finally {
        workspace.close();
      }
    }
    case 'backup': {
      const { values } = parseCommand(args, { to: { type: 'string' }, ...json }, 0);
      const workspace = open();
      try {
        const entry = await backups(workspace).create('manual', values.to === undefined ? undefined : path.resolve(values.to));
        const m = entry.manifest;
        if (values.json) {
          out({ backup: entry.dir, name: entry.name, createdAt: m.createdAt, ledger: m.ledger, schemaVersion: m.schemaVersion, counts: m.counts, missingEvidence: m.missingEvidence });
        } else {
          io.stdout(`Backed up ${m.counts.contacts} contacts, ${m.counts.events} ledger events and ${m.counts.evidenceFiles} evidence files to ${entry.dir}
`);
          io.stdout(`Ledger head: ${m.ledger.events}:${m.ledger.head}
`);
          if (m.missingEvidence.length > 0) io.stderr(`tillit: ${m.missingEvidence.length} evidence files were already missing from the workspace and are not in the backup
`);
        }
      } finally {
        workspace.close();
      }
      return 0;
    }
    case 'restore': {
      const { values, positionals } = parseCommand(args, { ...json }, 1);
      const dbPath = resolveDbPath(dbFlag);
      const result = await restoreBackup(dbPath, positionals[0]!, { appVersion: APP_VERSION, now: new Date().toISOString() });
      const m = result.restored;
      if (values.json) {
        out({ restored: result.from, ledger: m.ledger, createdAt: m.createdAt, counts: m.counts, safetyBackup: result.safetyBackup?.dir ?? null, damagedCopy: result.damagedCopy });
      } else {
        io.stdout(`Restored the backup of ${m.createdAt} (${m.counts.contacts} contacts, ledger ${m.ledger.events}:${m.ledger.head}) into ${dbPath}
`);
        if (result.safetyBackup) io.stdout(`The workspace as it was before is kept as the backup ${result.safetyBackup.dir}
`);
        if (result.damagedCopy) io.stdout(`The damaged workspace file was kept as ${result.damagedCopy}
`);
      }
      return 0;
    }
    case 'serve': {
      const { values } = parseCommand(args, { port: { type: 'string' } }, 0);
      // Without --port: the port this workspace was served on last time (serve.ts).
      const port = values.port === undefined ? undefined : Number(values.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port must be a number from 0 to 65535 (got "${values.port}")`);
      const { serve } = await import('./serve.ts');
      await serve(resolveDbPath(dbFlag), port, io);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

type RecordInput = Parameters<typeof recordConsent>[1];

/** Records one event for one address; consent add creates the contact when it is new. */
function recordFor(
  workspace: Workspace,
  email: string,
  io: CliIO,
  input: Omit<RecordInput, 'contactIds' | 'date'> & { date: string | undefined },
  createIfMissing: boolean,
): number {
  try {
    const ctx = workspace.context;
    // One transaction: a new address becomes a contact only together with its event.
    const contactId = ctx.db.transaction(() => {
      const id = ensureContact(ctx, email, createIfMissing);
      recordConsent(ctx, { ...input, date: input.date ?? ctx.today(), contactIds: [id] });
      return id;
    })();
    const row = ctx.db.prepare('SELECT email, status FROM contacts WHERE id = ?').get(contactId) as { email: string; status: string };
    io.stdout(`Recorded ${input.kind} for ${row.email}; status now: ${row.status}.\n`);
    return 0;
  } finally {
    workspace.close();
  }
}

/** Everything the CLI prints goes through escape.ts: no control character or bidi override from a file reaches the terminal raw. */
function escapingIO(io: CliIO): CliIO {
  return { stdout: (text) => io.stdout(escapeOutput(text)), stderr: (text) => io.stderr(escapeOutput(text)) };
}

export async function main(argv: string[], rawIO: CliIO = processIO): Promise<number> {
  const io = escapingIO(rawIO);
  try {
    const { db, rest } = extractDbFlag(argv);
    const [command, ...args] = rest;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    return await run(command, args, db, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tillit: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof AppError) {
      io.stderr(`tillit: ${error.message}\n`);
      return 1;
    }
    if (isStoreBusy(error)) {
      io.stderr(`tillit: ${storeBusyError().message}\n`);
      return 1;
    }
    if (isDiskFull(error)) {
      io.stderr(`tillit: ${diskFullError().message}\n`);
      return 1;
    }
    if (isStoreReadOnly(error) || isStoreDamaged(error)) {
      const dbPath = resolveDbPath(extractDbFlag(argv).db);
      io.stderr(`tillit: ${(isStoreReadOnly(error) ? readOnlyError(dbPath) : damagedError(dbPath, [(error as Error).message])).message}\n`);
      return 1;
    }
    io.stderr(`tillit: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
