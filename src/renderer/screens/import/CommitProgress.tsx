// The import running: which step, how far, how fast, about how long, and a Cancel that
// leaves the store exactly as it was. Step changes are announced to screen readers.

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { announce } from '../../state/announcer.ts';
import { useImport } from '../../state/import.ts';
import { formatBytes, formatDuration, formatNumber } from '../../util/format.ts';

export function CommitProgress() {
  const { t, i18n } = useTranslation();
  const { staged, progress, stepStartedAt, cancelling, cancel, commitError } = useImport();
  const [now, setNow] = useState(() => Date.now());
  const heading = useRef<HTMLHeadingElement>(null);
  const step = progress?.step;

  // The preview it replaces was long: bring the progress (and its Cancel) into view.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  // Re-render every second so the time left keeps moving between progress events.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (step) announce(t(`import.step.${step}`));
  }, [step, t]);

  const n = (value: number): string => formatNumber(value, i18n.language);
  let amount = t('import.starting');
  let secondsLeft: number | null = null;
  if (progress) {
    if (progress.total > 0) {
      amount =
        progress.step === 'reading'
          ? t('import.progressBytes', { current: formatBytes(progress.current, t, i18n.language), total: formatBytes(progress.total, t, i18n.language) })
          : t('import.progressRows', { current: n(progress.current), total: n(progress.total) });
    } else {
      amount = t('import.progressCount', { current: n(progress.current) });
    }
    // Time left for this step, from its pace so far; not before that pace means anything.
    const elapsed = stepStartedAt === null ? 0 : (now - stepStartedAt) / 1000;
    if (progress.total > 0 && progress.current < progress.total && elapsed >= 2 && progress.current / progress.total >= 0.02) {
      secondsLeft = (elapsed * (progress.total - progress.current)) / progress.current;
    }
  }

  const label = progress ? t(`import.step.${progress.step}`) : t('import.starting');
  return (
    <section className="card progress-card" aria-labelledby="progress-title" data-testid="import-progress">
      <h2 id="progress-title" ref={heading} tabIndex={-1}>
        {t('import.progressTitle', { name: staged?.fileName ?? '' })}
      </h2>
      <p className="progress-step" data-testid="progress-step">
        <strong>{label}</strong>
      </p>
      <ProgressBar label={label} value={progress?.current ?? 0} max={progress?.total ?? 0} testId="progress-bar" />
      <p className="progress-facts muted" data-testid="progress-facts">
        <span>{amount}</span>
        {progress && progress.rowsPerSecond > 0 && <span>{t('import.rate', { rate: n(progress.rowsPerSecond) })}</span>}
        {secondsLeft !== null && <span>{t('import.timeLeft', { time: formatDuration(secondsLeft, t) })}</span>}
      </p>
      <ErrorText error={commitError} />
      <div className="actions">
        <button type="button" disabled={cancelling} onClick={() => void cancel()} data-testid="import-cancel">
          {cancelling ? t('import.cancelling') : t('import.cancel')}
        </button>
      </div>
    </section>
  );
}
