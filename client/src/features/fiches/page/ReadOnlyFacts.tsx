import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Fact {
  label: string;
  value: ReactNode;
}

/** A section's values for people who may only read the fiche; empty ones say so in words. */
export function ReadOnlyFacts({ facts }: { facts: Fact[] }) {
  const { t } = useTranslation();
  const empty = (value: ReactNode) =>
    value === null ||
    value === undefined ||
    value === false ||
    value === '' ||
    (Array.isArray(value) && value.length === 0);
  return (
    <dl className="fiche-facts">
      {facts.map((fact) => (
        <div className="fiche-facts__item" key={fact.label}>
          <dt>{fact.label}</dt>
          <dd>
            {empty(fact.value) ? <span className="muted">{t('fiche.none')}</span> : fact.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
