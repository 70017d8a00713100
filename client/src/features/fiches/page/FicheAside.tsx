import { type Fiche, planSummary } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';

const SECTIONS = [
  ['description', 'fiche.sectionDescription'],
  ['recit', 'recit.title'],
  ['territoire', 'fiche.sectionTerritoire'],
  ['calendrier', 'fiche.sectionCalendrier'],
  ['financement', 'fiche.sectionFinancement'],
  ['indicateurs', 'fiche.sectionIndicateurs'],
  ['iso37101', 'fiche.sectionIso'],
  ['odd', 'fiche.sectionOdd'],
  ['publication', 'fiche.sectionPublication'],
  ['historique', 'fiche.sectionHistorique'],
] as const;

/** Key figures and links to the sections, beside them on a wide screen. */
export function FicheAside({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  const format = useFormat();
  const plan = planSummary(fiche.financements, fiche.coutCents);
  return (
    <aside className="fiche__aside" aria-labelledby="fiche-aside-title">
      <div className="card card--facts">
        <h3 className="card__title" id="fiche-aside-title">
          {t('fiche.keyFacts')}
        </h3>
        <dl className="facts facts--stacked">
          <div className="facts__item">
            <dt>{t('financement.coutShort')}</dt>
            <dd>
              {fiche.coutCents === null
                ? t('financement.coutUnknown')
                : format.euros(fiche.coutCents)}
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t('financement.total')}</dt>
            <dd>{format.euros(plan.totalCents)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('financement.acquis')}</dt>
            <dd>{format.euros(plan.acquisCents)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('ficheFields.maitreOuvrage')}</dt>
            <dd>{fiche.maitreOuvrage || '—'}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('ficheFields.porteurId')}</dt>
            <dd>{fiche.porteur?.nom ?? '—'}</dd>
          </div>
        </dl>
        {plan.depasseCout && (
          <p className="fiche__aside-warning">
            <span aria-hidden="true">⚠ </span>
            {t('financement.depasseShort')}
          </p>
        )}
      </div>
      <nav className="fiche__toc" aria-label={t('fiche.toc')}>
        <ul>
          {SECTIONS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(label)}</a>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
