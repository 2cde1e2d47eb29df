import { useTranslation } from 'react-i18next';
import { ACCEPTABLE_SOURCES, NEEDS_VERIFICATION_SOURCES, NOT_ACCEPTABLE_SOURCES, type SourceKind } from '../../shared/consent/vocabulary.ts';

const GROUPS = [
  ['acceptable', ACCEPTABLE_SOURCES],
  ['not-acceptable', NOT_ACCEPTABLE_SOURCES],
  ['needs-verification', NEEDS_VERIFICATION_SOURCES],
  ['none', ['unknown']],
] as const;

/** The source vocabulary, grouped the way the consent rulebook groups it. */
export function SourceSelect(props: { id: string; value: SourceKind | ''; onChange(value: SourceKind): void; testId?: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <select id={props.id} value={props.value} required={props.required} data-testid={props.testId} onChange={(e) => props.onChange(e.target.value as SourceKind)}>
      <option value="" disabled>
        —
      </option>
      {GROUPS.map(([group, kinds]) => (
        <optgroup key={group} label={t(`source.group.${group}`)}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`source.${kind}`)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
