// Shows one piece of proof: its wording and link as text, an image inline (from a blob: URL,
// which the CSP allows for images), and any file as a download.

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceFile } from '../../../shared/contract/dto.ts';
import { api } from '../../api/client.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { base64ToBlob, downloadBlob } from '../../util/files.ts';
import { formatBytes, formatTimestamp } from '../../util/format.ts';

/** Only http(s) links are offered as links; anything else is shown as text. */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function EvidenceViewer({ evidenceId, onClose }: { evidenceId: number; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<EvidenceFile | null>(null);
  const [blob, setBlob] = useState<Blob | null>(null);
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let alive = true;
    let url: string | null = null;
    api
      .call('evidence.get', { id: evidenceId })
      .then((result) => {
        if (!alive) return;
        setFile(result);
        if (result.dataBase64 !== null) {
          const type = result.evidence.mediaType ?? 'application/octet-stream';
          const data = base64ToBlob(result.dataBase64, type);
          setBlob(data);
          if (type.startsWith('image/')) {
            url = URL.createObjectURL(data);
            setImageUrl(url);
          }
        }
        heading.current?.focus();
      })
      .catch((e: unknown) => {
        if (alive) setError(e);
      });
    return () => {
      alive = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [evidenceId]);

  const evidence = file?.evidence;
  const href = evidence?.url ? safeHref(evidence.url) : null;
  return (
    <section className="evidence-view" aria-labelledby={`evidence-${evidenceId}`} data-testid="evidence-view">
      <h4 id={`evidence-${evidenceId}`} ref={heading} tabIndex={-1}>
        {evidence?.fileName ?? t('evidence.title')}
      </h4>
      <ErrorText error={error} />
      {!file && !error && <p className="muted">{t('common.loading')}</p>}
      {imageUrl && <img src={imageUrl} alt={t('evidence.previewAlt', { name: evidence?.fileName ?? '' })} />}
      {blob && !imageUrl && <p className="muted small">{t('evidence.noPreview')}</p>}
      {evidence?.text && (
        <figure>
          <figcaption className="muted small">{t('evidence.wording')}</figcaption>
          <blockquote data-testid="evidence-text">{evidence.text}</blockquote>
        </figure>
      )}
      {evidence?.url && (
        <p>
          {t('evidence.url')}:{' '}
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {evidence.url}
            </a>
          ) : (
            <span>{evidence.url}</span>
          )}
        </p>
      )}
      {evidence && (
        <p className="muted small">
          {[
            evidence.recordedBy ? t('evidence.recordedBy', { name: evidence.recordedBy }) : null,
            t('evidence.createdAt', { date: formatTimestamp(evidence.createdAt, i18n.language) }),
            evidence.size !== null ? formatBytes(evidence.size, t, i18n.language) : null,
            evidence.sha256 ? t('evidence.sha', { hash: `${evidence.sha256.slice(0, 16)}…` }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      <div className="actions">
        {blob && evidence && (
          <button type="button" onClick={() => downloadBlob(evidence.fileName ?? `evidence-${evidenceId}`, blob)} data-testid="evidence-download">
            {t('evidence.downloadFile', { name: evidence.fileName ?? `evidence-${evidenceId}` })}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </section>
  );
}
