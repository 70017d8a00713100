import { type ContratSummary, ROLE_LABELS } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { useLabel } from '../../i18n/labels';
import { PublieBadge, StatutBadge } from './StatutBadge';

export function ContratCard({ contrat }: { contrat: ContratSummary }) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  return (
    <article className="contrat-card">
      <div className="badges">
        <StatutBadge statut={contrat.statut} />
        <PublieBadge publie={contrat.publie} />
      </div>
      <h2 className="contrat-card__title">
        <Link to={`/contrats/${contrat.slug}`} className="contrat-card__link">
          {contrat.nom}
        </Link>
      </h2>
      <p className="contrat-card__epci">{contrat.epci?.nom ?? t('contrat.sansEpci')}</p>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('contrat.communes')}</dt>
          <dd>{format.number(contrat.nombreCommunes)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('contrat.population')}</dt>
          <dd>
            {t('contrat.habitants', {
              count: contrat.population,
              value: format.number(contrat.population),
            })}
          </dd>
        </div>
        {contrat.monRole && (
          <div className="facts__item">
            <dt>{t('contrat.monRole')}</dt>
            <dd>{label(ROLE_LABELS, contrat.monRole)}</dd>
          </div>
        )}
      </dl>
    </article>
  );
}
