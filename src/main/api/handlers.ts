// The handler table: one function per contract method, each a thin call into a service.

import { AppError } from '../../shared/contract/envelope.ts';
import type { RestoreSummary } from '../../shared/contract/dto.ts';
import { toSummary, type BackupService } from '../services/backups.ts';
import type { ServiceContext } from '../services/context.ts';
import { addContact, editContact } from '../services/contact-edits.ts';
import { eraseContact, recordConsent, supersedeEvent } from '../services/consent.ts';
import { getContact, listContacts, statusSummary } from '../services/contacts.ts';
import { runExport } from '../services/exports.ts';
import { stageChunk, type ImportService } from '../services/imports.ts';
import type { LedgerIntegrity } from '../services/integrity.ts';
import { appInfo, updateSettings } from '../services/settings.ts';
import { currentFileHash, getEvidence, readEvidenceFile } from '../store/evidence.ts';
import type { Handlers } from './dispatch.ts';

/** Backups, and the restore that re-opens the workspace (app/workspace.ts). */
export interface BackupHandlers {
  backups: BackupService;
  restore(location: 'workspace' | 'second', name: string): Promise<RestoreSummary>;
}

export function createHandlers(ctx: ServiceContext, imports: ImportService, integrity: LedgerIntegrity, version: string, backup: BackupHandlers): Handlers {
  return {
    'app.info': () => appInfo(ctx, version),
    'settings.update': (input) => updateSettings(ctx, input, version),
    'backups.list': () => backup.backups.overview(),
    'backups.create': async () => toSummary(await backup.backups.create('manual'), 'workspace'),
    'backups.restore': (input) => backup.restore(input.location, input.name),
    'backups.setSecondFolder': (input) => backup.backups.setSecondFolder(input.folder),
    'contacts.list': (input) => listContacts(ctx, input),
    'contacts.get': (input) => getContact(ctx, input.id, input.asOf),
    'contacts.add': (input) => addContact(ctx, input),
    'contacts.edit': (input) => editContact(ctx, input),
    'status.summary': (input) => statusSummary(ctx, input.asOf),
    'consent.record': (input) => recordConsent(ctx, input),
    'consent.supersede': (input) => supersedeEvent(ctx, input),
    'contacts.erase': (input) => eraseContact(ctx, input.id, input.reason),
    'evidence.get': (input) => {
      const evidence = getEvidence(ctx.db, input.id);
      if (!evidence) throw new AppError('not-found', `No evidence with id ${input.id}.`);
      // An import's original from which an erased person was removed is read from its redacted copy.
      const stored = evidence.sha256 ? currentFileHash(ctx.db, evidence.sha256) : null;
      const data = stored ? readEvidenceFile(ctx.filesDir, stored).toString('base64') : null;
      return { evidence, dataBase64: data };
    },
    'files.stage': (input) => stageChunk(ctx, input),
    'import.preview': (input) => imports.preview(input),
    'import.commit': (input) => imports.commit(input),
    'import.cancel': (input) => imports.cancel(input.stagedId),
    'import.undoPreview': (input) => imports.undoPreview(input.importId),
    'import.undo': (input) => imports.undo(input.importId),
    'imports.list': () => imports.list(),
    'imports.rejectedRows': (input) => imports.rejectedRows(input.importId, input.afterRow, input.limit),
    'imports.warnedRows': (input) => imports.warnedRows(input.importId, input.afterRow, input.limit),
    'export.run': async (input) => {
      await integrity.assertIntactForExport(); // never from a broken ledger
      const result = runExport(ctx, input.profile, input.asOf);
      integrity.anchor('export', result.ledger, result.fileName);
      return result;
    },
    'ledger.status': () => integrity.status(),
    'ledger.check': async () => {
      await integrity.checkFully();
      return integrity.status();
    },
    'ledger.acceptBaseline': (input) => integrity.acceptBaseline(input.reason),
  };
}
