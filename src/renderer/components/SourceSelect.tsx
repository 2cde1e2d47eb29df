import { useTranslation } from 'react-i18next';
import {
  ACCEPTABLE_SOURCES,
  NEEDS_VERIFICATION_SOURCES,
  NOT_ACCEPTABLE_SOURCES,
  isSourceKind,
  type SourceGroup,
  type SourceKind,
} from '../../shared/consent/vocabulary.ts';

export const SOURCE_GROUPS: readonly (readonly [SourceGroup, readonly SourceKind[]])[] = [
  ['acceptable', ACCEPTABLE_SOURCES],
  ['not-acceptable', NOT_ACCEPTABLE_SOURCES],
  ['needs-verification', NEEDS_VERIFICATION_SOURCES],
  ['none', ['unknown']],
];

interface Props {
  id: string;
  value: SourceKind | '';
  onChange(value: SourceKind): void;
  testId?: string;
  required?: boolean;
  describedBy?: string;
  invalid?: boolean;
}

/** The source vocabulary, grouped the way the consent rulebook (seed 003) groups it. */
export function SourceSelect(props: Props) {
  const { t } = useTranslation();
  return (
    <select
      id={props.id}
      value={props.value}
      required={props.required}
      aria-required={props.required}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      data-testid={props.testId}
      onChange={(e) => {
        if (isSourceKind(e.target.value)) props.onChange(e.target.value);
      }}
    >
      <option value="" disabled>
        {t('record.chooseSource')}
      </option>
      {SOURCE_GROUPS.map(([group, kinds]) => (
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
