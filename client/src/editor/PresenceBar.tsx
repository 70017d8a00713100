import { useTranslation } from 'react-i18next';
import { colorClass } from './colors';
import type { Present } from './usePresence';

/** Who has the document open: a coloured dot (their caret's colour) and a name for each. */
export function PresenceBar({ people }: { people: Present[] }) {
  const { t } = useTranslation();
  return (
    <div className="presence">
      <p className="presence__count">{t('editor.presenceCount', { count: people.length })}</p>
      <ul className="presence__list" aria-label={t('editor.presence')}>
        {people.map((person) => (
          <li key={person.id} className={`presence__person ${colorClass(person.color)}`}>
            <span className="presence__dot" aria-hidden="true" />
            {person.self ? t('editor.you', { nom: person.name }) : person.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
