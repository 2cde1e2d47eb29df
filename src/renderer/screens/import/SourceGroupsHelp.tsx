import { useTranslation } from 'react-i18next';

const GROUPS = ['acceptable', 'not-acceptable', 'needs-verification'] as const;

/** The rulebook's three kinds of source, in one sentence each, beside the source picker. */
export function SourceGroupsHelp() {
  const { t } = useTranslation();
  return (
    <aside className="groups-help" aria-labelledby="groups-help-title">
      <h3 id="groups-help-title">{t('import.groupsTitle')}</h3>
      <dl>
        {GROUPS.map((group) => (
          <div key={group} className={`group-${group}`}>
            <dt>{t(`source.group.${group}`)}</dt>
            <dd>{t(`source.groupHelp.${group}`)}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
