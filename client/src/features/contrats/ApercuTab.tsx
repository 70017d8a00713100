import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { SignatairesSection } from '../signataires/SignatairesSection';
import { useContratContext } from './context';
import { Periode } from './Periode';
import { StatutBadge } from './StatutBadge';

export function ApercuTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const { contrat, allowed } = useContratContext();
  usePageTitle(contrat.nom);
  return (
    <>
      <div className="grid grid--main-aside">
        <Section title={t('apercu.presentation')}>
          {contrat.description ? (
            <p className="prose">{contrat.description}</p>
          ) : (
            <p className="muted">{t('apercu.noDescription')}</p>
          )}
        </Section>
        <aside className="card card--facts" aria-labelledby="chiffres-cles">
          <h2 id="chiffres-cles" className="card__title">
            {t('apercu.keyFacts')}
          </h2>
          <dl className="facts facts--stacked">
            <div className="facts__item">
              <dt>{t('fields.statut')}</dt>
              <dd>
                <StatutBadge statut={contrat.statut} />
              </dd>
            </div>
            <div className="facts__item">
              <dt>{t('contrat.periodeLabel')}</dt>
              <dd>
                <Periode debut={contrat.dateDebut} fin={contrat.dateFin} />
              </dd>
            </div>
            <div className="facts__item">
              <dt>{t('contrat.communes')}</dt>
              <dd>{format.number(contrat.nombreCommunes)}</dd>
            </div>
            <div className="facts__item">
              <dt>{t('contrat.population')}</dt>
              <dd>
                {t('contrat.habitants', {
                  count: contrat.perimetre.population,
                  value: format.number(contrat.perimetre.population),
                })}
              </dd>
            </div>
            <div className="facts__item">
              <dt>{t('sections.orientations')}</dt>
              <dd>{format.number(contrat.orientations.length)}</dd>
            </div>
            <div className="facts__item">
              <dt>{t('apercu.updatedAt')}</dt>
              <dd>{format.day(contrat.updatedAt)}</dd>
            </div>
          </dl>
          {allowed('cooperation.gerer') && (
            // Another territory needs this id to propose a cooperation when it cannot read the
            // contract (unpublished): its slug alone cannot be resolved there.
            <div className="identifier">
              <p className="identifier__label">{t('apercu.identifier')}</p>
              <code className="identifier__value">{contrat.id}</code>
              <p className="field__hint">{t('apercu.identifierHint')}</p>
            </div>
          )}
        </aside>
      </div>
      <SignatairesSection />
    </>
  );
}
