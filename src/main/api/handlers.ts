// The handler table: one function per contract method, each a thin call into a service.

import { AppError } from '../../shared/contract/envelope.ts';
import type { ServiceContext } from '../services/context.ts';
import { eraseContact, recordConsent, supersedeEvent } from '../services/consent.ts';
import { getContact, listContacts, statusSummary } from '../services/contacts.ts';
import { runExport } from '../services/exports.ts';
import { stageChunk, type ImportService } from '../services/imports.ts';
import { appInfo, updateSettings } from '../services/settings.ts';
import { getEvidence, readEvidenceFile } from '../store/evidence.ts';
import type { Handlers } from './dispatch.ts';

export function createHandlers(ctx: ServiceContext, imports: ImportService, version: string): Handlers {
  return {
    'app.info': () => appInfo(ctx, version),
    'settings.update': (input) => updateSettings(ctx, input, version),
    'contacts.list': (input) => listContacts(ctx, input),
    'contacts.get': (input) => getContact(ctx, input.id, input.asOf),
    'status.summary': (input) => statusSummary(ctx, input.asOf),
    'consent.record': (input) => recordConsent(ctx, input),
    'consent.supersede': (input) => supersedeEvent(ctx, input),
    'contacts.erase': (input) => eraseContact(ctx, input.id, input.reason),
    'evidence.get': (input) => {
      const evidence = getEvidence(ctx.db, input.id);
      if (!evidence) throw new AppError('not-found', `No evidence with id ${input.id}.`);
      const data = evidence.sha256 ? readEvidenceFile(ctx.filesDir, evidence.sha256).toString('base64') : null;
      return { evidence, dataBase64: data };
    },
    'files.stage': (input) => stageChunk(ctx, input),
    'import.preview': (input) => imports.preview(input),
    'import.commit': (input) => imports.commit(input),
    'import.cancel': (input) => imports.cancel(input.stagedId),
    'import.undo': (input) => imports.undo(input.importId),
    'imports.list': () => imports.list(),
    'imports.rejectedRows': (input) => imports.rejectedRows(input.importId, input.afterRow, input.limit),
    'imports.warnedRows': (input) => imports.warnedRows(input.importId, input.afterRow, input.limit),
    'export.run': (input) => runExport(ctx, input.profile, input.asOf),
  };
}
