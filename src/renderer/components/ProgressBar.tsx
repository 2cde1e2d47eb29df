/** A labelled progress bar; without a total (max 0) it shows as busy (indeterminate). */
export function ProgressBar({ label, value, max, testId }: { label: string; value: number; max: number; testId?: string }) {
  return (
    <div className="progress-bar" data-testid={testId}>
      {max > 0 ? <progress max={max} value={Math.min(value, max)} aria-label={label} /> : <progress aria-label={label} />}
    </div>
  );
}
