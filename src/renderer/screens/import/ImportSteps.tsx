import { useTranslation } from 'react-i18next';

export const IMPORT_STEPS = ['file', 'settings', 'preview', 'import', 'report'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** Where the user is in the wizard (aria-current="step"). */
export function ImportSteps({ current }: { current: ImportStep }) {
  const { t } = useTranslation();
  const currentIndex = IMPORT_STEPS.indexOf(current);
  return (
    <ol className="steps" aria-label={t('import.stepsLabel')} data-testid="import-steps">
      {IMPORT_STEPS.map((step, i) => (
        <li key={step} className={i < currentIndex ? 'done' : i === currentIndex ? 'current' : ''} aria-current={i === currentIndex ? 'step' : undefined}>
          <span className="step-number" aria-hidden="true">
            {i + 1}
          </span>
          {t(`import.steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}
