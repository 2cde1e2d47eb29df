// Settings → Backups: the backups Tillit keeps (automatic ones before every import and undo
// and once a day, and any made here), a second folder to copy them to, and restoring one
// after a confirmation. After a restore main re-opens the workspace and every screen reloads.

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupsOverview, BackupSummary, RestoreSummary } from '../../../shared/contract/dto.ts';
import { ApiCallError } from '../../../shared/contract/envelope.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { useApp } from '../../state/app.ts';
import { refreshAll } from '../../state/events.ts';
import { errorMessage } from '../../util/errors.ts';
import { formatBytes, formatNumber, formatTimestamp } from '../../util/format.ts';

export function BackupsSection() {
  const { t, i18n } = useTranslation();
  const dataRevision = useApp((s) => s.dataRevision);
  const readOnly = useApp((s) => s.info?.readOnly ?? false);
  // A damaged workspace cannot be backed up, but restoring a backup is the way out.
  const damaged = useApp((s) => s.info?.damaged ?? false);
  const [overview, setOverview] = useState<BackupsOverview | null>(null);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState<'backup' | 'folder' | 'restore' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupSummary | null>(null);

  async function load(): Promise<void> {
    try {
      const value = await api.call('backups.list', {});
      setOverview(value);
      setFolder((current) => (current === '' ? (value.secondFolder ?? '') : current));
    } catch (e) {
      setError(e);
    }
  }

  // Again whenever stored data changed: an import or undo made an automatic backup.
  useEffect(() => {
    void load();
  }, [dataRevision]);

  async function backUpNow(): Promise<void> {
    setBusy('backup');
    setError(null);
    setDone(null);
    try {
      const made = await api.call('backups.create', {});
      setDone(t('backups.made', { when: formatTimestamp(made.createdAt) }));
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function saveFolder(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy('folder');
    setError(null);
    setDone(null);
    try {
      const value = await api.call('backups.setSecondFolder', { folder: folder.trim() === '' ? null : folder.trim() });
      setOverview(value);
      setDone(value.secondFolder ? t('backups.folderSaved', { folder: value.secondFolder }) : t('backups.folderCleared'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function restore(backup: BackupSummary): Promise<void> {
    setBusy('restore');
    setError(null);
    setDone(null);
    try {
      const result: RestoreSummary = await api.call('backups.restore', { location: backup.location, name: backup.name });
      setConfirming(null);
      setDone(t('backups.restored', { when: formatTimestamp(result.restored.createdAt) }));
      await Promise.all([load(), refreshAll()]);
    } catch (e) {
      setConfirming(null);
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  const number = (n: number): string => formatNumber(n, i18n.language);
  return (
    <section className="card backups" aria-labelledby="backups-title" data-testid="backups">
      <div className="card-head">
        <h2 id="backups-title">{t('backups.title')}</h2>
        <button type="button" className="primary" onClick={() => void backUpNow()} disabled={busy !== null || readOnly} data-testid="backup-now">
          {busy === 'backup' ? t('backups.backingUp') : t('backups.backUpNow')}
        </button>
      </div>
      <p className="help">
        {t('backups.explain', { keep: overview?.keepAutomatic ?? 5, days: overview?.keepDays ?? 7 })}{' '}
        {overview && (
          <>
            {t('backups.folder')} <code data-testid="backups-folder">{overview.folder}</code>
          </>
        )}
      </p>

      <form className="backup-folder" onSubmit={(e) => void saveFolder(e)}>
        <Field id="backups-second-folder" label={t('backups.secondFolder')} help={t('backups.secondFolderHelp')}>
          {(control) => (
            <div className="inline-field">
              <input {...control} value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={t('backups.secondFolderPlaceholder')} data-testid="backups-second-folder" />
              <button type="submit" disabled={busy !== null || folder.trim() === (overview?.secondFolder ?? '')} data-testid="backups-second-folder-save">
                {t('common.save')}
              </button>
            </div>
          )}
        </Field>
      </form>
      {overview?.secondFolderProblem && (
        <p className="notice warn" data-testid="backups-second-problem">
          {t('backups.secondProblem', { message: errorMessage(new ApiCallError({ code: 'conflict', ...overview.secondFolderProblem })) })}
        </p>
      )}

      <ErrorText error={error} testId="backups-error" />
      {done && (
        <p className="notice" role="status" data-testid="backups-done">
          {done}
        </p>
      )}

      {overview && overview.backups.length === 0 && <p className="help">{t('backups.none')}</p>}
      {overview && overview.backups.length > 0 && (
        <div className="backup-list">
          <table className="data-table" data-testid="backups-table">
            <thead>
              <tr>
                <th scope="col">{t('backups.when')}</th>
                <th scope="col">{t('backups.why')}</th>
                <th scope="col">{t('backups.where')}</th>
                <th scope="col" className="num">{t('backups.contacts')}</th>
                <th scope="col">{t('backups.ledger')}</th>
                <th scope="col" className="num">{t('backups.size')}</th>
                <th scope="col"><span className="visually-hidden">{t('backups.restore')}</span></th>
              </tr>
            </thead>
            <tbody>
              {overview.backups.map((b) => (
                <tr key={`${b.location}/${b.name}`} data-testid="backup-row">
                  <td className="nowrap">{formatTimestamp(b.createdAt)}</td>
                  <td>{t(`backups.reasons.${b.reason}`)}</td>
                  <td>{t(`backups.locations.${b.location}`)}</td>
                  <td className="num">{number(b.contacts)}</td>
                  <td>
                    <code title={b.ledger.head}>{t('backups.head', { events: number(b.ledger.events), head: b.ledger.head.slice(0, 12) })}</code>
                  </td>
                  <td className="num nowrap">{formatBytes(b.size, t, i18n.language)}</td>
                  <td>
                    <button type="button" onClick={() => setConfirming(b)} disabled={busy !== null || (readOnly && !damaged)} data-testid="backup-restore">
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {confirming && (
        <Dialog labelledBy="restore-title" onClose={() => (busy === 'restore' ? undefined : setConfirming(null))} testId="restore-dialog">
          <div className="record-form">
            <h2 id="restore-title">{t('backups.confirmTitle', { when: formatTimestamp(confirming.createdAt) })}</h2>
            <p>{t('backups.confirmText', { contacts: number(confirming.contacts), events: number(confirming.ledger.events) })}</p>
            <div className="actions">
              <button type="button" onClick={() => setConfirming(null)} disabled={busy === 'restore'}>
                {t('common.cancel')}
              </button>
              <button type="button" className="primary" onClick={() => void restore(confirming)} disabled={busy === 'restore'} data-testid="restore-confirm">
                {busy === 'restore' ? t('backups.restoring') : t('backups.restoreConfirm')}
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </section>
  );
}
