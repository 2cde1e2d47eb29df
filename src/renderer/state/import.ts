// The import wizard: the staged file, the batch settings, the column mapping, the preview,
// the commit with its progress, and the report. It lives in a store (not in the screen) so
// an import keeps running, and the wizard keeps its place, while the user looks elsewhere.

import { create } from 'zustand';
import type { DetailField, FieldChoice, ImportPreview, ImportReport, ImportSummary, StagedFile, UndoResult } from '../../shared/contract/dto.ts';
import type { ProgressEvent } from '../../shared/contract/events.ts';
import type { RequestInput } from '../../shared/contract/requests.ts';
import type { Basis, IsoDate, SourceKind } from '../../shared/consent/vocabulary.ts';
import { isIsoDate, todayIso } from '../../shared/dates/iso-date.ts';
import { api } from '../api/client.ts';
import { byCardFileName, CARD_FILE_SEPARATOR, isCardFileName, joinedCardsName } from '../../shared/import/card-files.ts';
import i18n from '../i18n/index.ts';
import { blobToBase64 } from '../util/files.ts';
import { useApp } from './app.ts';

/** 3 MiB of bytes is 4 MiB of base64 per files.stage call (the contract allows 12 MB). */
const CHUNK_BYTES = 3 * 1024 * 1024;

export interface BatchSettings {
  source: SourceKind | '';
  /** '' while the date field does not hold a whole, valid date. */
  collectedAt: IsoDate;
  /** 'file': take the basis from a consent column, if the file has one. */
  basis: Basis | 'file';
  brand: string;
  proofFile: File | null;
  proofText: string;
  overwrite: boolean;
}

export interface FormatOverrides {
  encoding?: string;
  delimiter?: string;
  sheet?: string;
}

interface ImportState {
  staged: StagedFile | null;
  /** Several vCard files chosen together: how many (the staged name says so in English only). */
  cardFiles: number | null;
  uploading: { fileName: string; sent: number; total: number } | null;
  uploadError: unknown;
  settings: BatchSettings;
  /** The user's mapping; null = the one the server suggests. */
  mapping: string[] | null;
  /** Addresses corrected in the preview, by row number (sent with preview and commit). */
  fixes: Record<number, string>;
  /** Rows whose warnings the user accepted. */
  accepted: number[];
  /** Per detail, for stored contacts the file gives another value: keep stored or take the file's. */
  fieldChoices: Partial<Record<DetailField, FieldChoice>>;
  overrides: FormatOverrides;
  preview: ImportPreview | null;
  previewing: boolean;
  /** How far the running preview has read the file (big files take seconds). */
  previewProgress: ProgressEvent | null;
  previewError: unknown;
  committing: boolean;
  cancelling: boolean;
  progress: ProgressEvent | null;
  /** When the current progress step began (ms), for the time-left estimate. */
  stepStartedAt: number | null;
  commitError: unknown;
  /** Set after the user cancelled a commit (shown as a neutral notice, not an error). */
  notice: 'cancelled' | null;
  report: ImportReport | null;
  history: ImportSummary[] | null;
  historyError: unknown;
  /** The import being undone (a big one takes seconds, in the import worker). */
  undoing: number | null;
  uploadFile(file: File, cardFiles?: number | null): Promise<void>;
  /** One file, or several vCard files (a business-card app's folder) joined into one. */
  uploadFiles(files: readonly File[]): Promise<void>;
  setSettings(patch: Partial<BatchSettings>): void;
  setMapping(column: number, field: string): void;
  /** Corrects a row's address (null takes the correction back). */
  setFix(row: number, email: string | null): void;
  setAccepted(rows: readonly number[], accepted: boolean): void;
  setFieldChoice(field: DetailField, choice: FieldChoice): void;
  setOverrides(patch: FormatOverrides): void;
  runPreview(): Promise<void>;
  commit(): Promise<void>;
  cancel(): Promise<void>;
  /** Undoes the import (after the user confirmed, screens/import/UndoDialog.tsx); null on failure. */
  undo(importId: number): Promise<UndoResult | null>;
  loadHistory(): Promise<void>;
  onProgress(event: ProgressEvent): void;
  /** Back to an empty wizard (keeps the history). */
  reset(): void;
}

function freshSettings(): BatchSettings {
  return {
    source: '',
    collectedAt: useApp.getState().info?.today ?? todayIso(),
    basis: 'file',
    brand: '',
    proofFile: null,
    proofText: '',
    overwrite: false,
  };
}

/** Settings that change what the preview counts; brand and proof do not. */
const PREVIEW_FIELDS: readonly (keyof BatchSettings)[] = ['source', 'collectedAt', 'basis'];

let previewRun = 0;

/** The wizard with no file chosen: where it starts, and where "Import another file" returns. */
function emptyWizard(): Pick<
  ImportState,
  | 'staged'
  | 'cardFiles'
  | 'uploading'
  | 'uploadError'
  | 'settings'
  | 'mapping'
  | 'fixes'
  | 'accepted'
  | 'fieldChoices'
  | 'overrides'
  | 'preview'
  | 'previewing'
  | 'previewProgress'
  | 'previewError'
  | 'commitError'
  | 'notice'
  | 'report'
> {
  return {
    staged: null,
    cardFiles: null,
    uploading: null,
    uploadError: null,
    settings: freshSettings(),
    mapping: null,
    fixes: {},
    accepted: [],
    fieldChoices: {},
    overrides: {},
    preview: null,
    previewing: false,
    previewProgress: null,
    previewError: null,
    commitError: null,
    notice: null,
    report: null,
  };
}

export const useImport = create<ImportState>((set, get) => {
  /** The options both preview and commit take; proof only for the commit (it is not counted). */
  async function options(withProof: boolean): Promise<RequestInput<'import.commit'> | null> {
    const { staged, settings, mapping, overrides, fixes, accepted, fieldChoices } = get();
    const fixList = Object.entries(fixes).map(([row, email]) => ({ row: Number(row), email }));
    // No whole date yet (the field says why): nothing to preview or commit.
    if (!staged || !settings.source || !isIsoDate(settings.collectedAt)) return null;
    const proofText = settings.proofText.trim();
    const proof =
      withProof && (settings.proofFile || proofText)
        ? {
            ...(settings.proofFile ? { fileName: settings.proofFile.name, dataBase64: await blobToBase64(settings.proofFile) } : {}),
            ...(proofText ? { text: proofText } : {}),
          }
        : undefined;
    return {
      stagedId: staged.stagedId,
      source: settings.source,
      collectedAt: settings.collectedAt,
      basis: settings.basis === 'file' ? null : settings.basis,
      brand: settings.brand.trim() || null,
      overwrite: settings.overwrite,
      ...(mapping ? { mapping } : {}),
      ...(fixList.length > 0 ? { fixes: fixList } : {}),
      ...(accepted.length > 0 ? { accepted } : {}),
      ...(Object.keys(fieldChoices).length > 0 ? { fieldChoices } : {}),
      ...overrides,
      ...(proof ? { evidence: proof } : {}),
    };
  }

  return {
    ...emptyWizard(),
    committing: false,
    cancelling: false,
    progress: null,
    stepStartedAt: null,
    history: null,
    historyError: null,
    undoing: null,

    async uploadFile(file, cardFiles: number | null = null) {
      previewRun++;
      set({
        staged: null,
        cardFiles,
        fixes: {},
        accepted: [],
        fieldChoices: {},
        uploading: { fileName: file.name, sent: 0, total: file.size },
        uploadError: null,
        mapping: null,
        overrides: {},
        preview: null,
        previewError: null,
        commitError: null,
        notice: null,
        report: null,
      });
      try {
        let staged: StagedFile | null = null;
        // At least one call, so an empty file is staged too (and the preview says it is empty).
        for (let offset = 0; offset === 0 || offset < file.size; offset += CHUNK_BYTES) {
          const chunkBase64 = await blobToBase64(file.slice(offset, offset + CHUNK_BYTES));
          staged = await api.call('files.stage', { fileName: file.name, chunkBase64, ...(staged ? { stagedId: staged.stagedId } : {}) });
          set({ uploading: { fileName: file.name, sent: Math.min(file.size, offset + CHUNK_BYTES), total: file.size } });
        }
        set({ staged, uploading: null });
        await get().runPreview();
      } catch (error) {
        set({ uploading: null, uploadError: error });
      }
    },

    async uploadFiles(files) {
      if (files.length === 1) return get().uploadFile(files[0]!);
      if (files.length === 0) return;
      if (!files.every((file) => isCardFileName(file.name))) {
        set({ uploadError: new Error(i18n.t('import.severalFiles', { count: files.length })) });
        return;
      }
      const ordered = [...files].sort((a, b) => byCardFileName(a.name, b.name));
      const joined = new File(ordered.flatMap((file) => [file, CARD_FILE_SEPARATOR]), joinedCardsName(files.length), { type: 'text/vcard' });
      await get().uploadFile(joined, files.length);
    },

    setSettings(patch) {
      set({ settings: { ...get().settings, ...patch } });
      if (PREVIEW_FIELDS.some((field) => field in patch)) void get().runPreview();
    },

    setMapping(column, field) {
      const base = get().mapping ?? get().preview?.mapping;
      if (!base) return;
      set({ mapping: base.map((current, i) => (i === column ? field : current)) });
      void get().runPreview();
    },

    setFix(row, email) {
      const fixes = { ...get().fixes };
      if (email === null) delete fixes[row];
      else fixes[row] = email;
      set({ fixes });
      void get().runPreview();
    },

    setAccepted(rows, accepted) {
      const current = new Set(get().accepted);
      for (const row of rows) {
        if (accepted) current.add(row);
        else current.delete(row);
      }
      set({ accepted: [...current].sort((a, b) => a - b) });
      void get().runPreview();
    },

    setFieldChoice(field, choice) {
      // Only the count of contacts changes with a choice, not what the preview reads: no new preview.
      set({ fieldChoices: { ...get().fieldChoices, [field]: choice } });
    },

    setOverrides(patch) {
      // Another delimiter or sheet means other columns: the old mapping no longer fits.
      const columnsChange = 'delimiter' in patch || 'sheet' in patch;
      set({ overrides: { ...get().overrides, ...patch }, ...(columnsChange ? { mapping: null } : {}) });
      void get().runPreview();
    },

    async runPreview() {
      const run = ++previewRun;
      const input = await options(false);
      if (!input) {
        // The counts and the Import button belong to settings that are no longer whole.
        if (get().staged && !isIsoDate(get().settings.collectedAt)) set({ preview: null, previewing: false });
        return;
      }
      set({ previewing: true, previewProgress: null, previewError: null });
      try {
        const preview = await api.call('import.preview', input);
        if (run === previewRun) set({ preview, previewing: false });
      } catch (error) {
        if (run === previewRun) set({ previewing: false, preview: null, previewError: error });
      }
    },

    async commit() {
      const { staged } = get();
      if (!staged || get().committing) return;
      set({ committing: true, cancelling: false, commitError: null, notice: null, progress: null, stepStartedAt: Date.now() });
      try {
        const input = await options(true);
        if (!input) return;
        const report = await api.call('import.commit', input);
        previewRun++;
        set({ report, staged: null, cardFiles: null, preview: null, mapping: null, fixes: {}, accepted: [], fieldChoices: {}, overrides: {}, settings: freshSettings() });
        await get().loadHistory();
      } catch (error) {
        // A cancel comes back as an error too; it is not one for the user.
        if (get().cancelling) set({ notice: 'cancelled' });
        else set({ commitError: error });
      } finally {
        set({ committing: false, cancelling: false, progress: null, stepStartedAt: null });
      }
    },

    async cancel() {
      const { staged } = get();
      if (!staged || !get().committing) return;
      set({ cancelling: true });
      try {
        await api.call('import.cancel', { stagedId: staged.stagedId });
      } catch (error) {
        set({ cancelling: false, commitError: error });
      }
    },

    async undo(importId) {
      set({ undoing: importId, historyError: null });
      try {
        const summary = await api.call('import.undo', { importId });
        await get().loadHistory();
        return summary;
      } catch (error) {
        set({ historyError: error });
        return null;
      } finally {
        set({ undoing: null });
      }
    },

    async loadHistory() {
      try {
        set({ history: await api.call('imports.list', {}), historyError: null });
      } catch (error) {
        set({ historyError: error });
      }
    },

    onProgress(event) {
      const { staged, committing, previewing, progress } = get();
      if (!staged || event.jobId !== staged.stagedId) return;
      if (previewing && !committing) {
        set({ previewProgress: event });
        return;
      }
      if (!committing) return;
      const stepChanged = progress?.step !== event.step;
      set({ progress: event, ...(stepChanged && progress ? { stepStartedAt: Date.now() } : {}) });
    },

    reset() {
      previewRun++;
      set(emptyWizard());
    },
  };
});
