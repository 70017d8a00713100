import type { MaquetteDiff, MaquetteVersionSummary } from '@trame/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { ErrorState, Loading } from '../../ui/Status';
import { TableScroll } from '../../ui/TableScroll';
import { useContratContext } from '../contrats/context';
import { ficheNumero } from '../fiches/FicheBadges';
import { useSourceLabel } from '../fiches/queries';
import { useSignedEuros } from './money';
import { useComparison } from './queries';

interface ComparisonViewProps {
  annee: number;
  de: string;
  a: string;
  versions: MaquetteVersionSummary[];
}

/** What moved between two maquettes of the year: the steering committee's "what changed". */
export function ComparisonView({ annee, de, a, versions }: ComparisonViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { contrat } = useContratContext();
  const diff = useComparison(contrat.id, annee, de, a);
  const name = (id: string) => {
    if (id === 'courante') return t('maquette.couranteInTitle');
    const version = versions.find((v) => v.id === id);
    return version
      ? t('maquette.versionOption', {
          libelle: version.libelle,
          date: format.date(version.valideeLe),
        })
      : id;
  };

  return (
    <section className="comparison" aria-labelledby="comparison-title">
      <h3 id="comparison-title">{t('maquette.compareTitle', { de: name(de), a: name(a) })}</h3>
      {diff.isPending && <Loading />}
      {diff.isError && <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />}
      {diff.data && <ComparisonResult diff={diff.data} />}
    </section>
  );
}

function ComparisonResult({ diff }: { diff: MaquetteDiff }) {
  const { t } = useTranslation();
  const format = useFormat();
  const signed = useSignedEuros();
  const { contrat } = useContratContext();
  const sourceLabel = useSourceLabel(contrat.id);
  const ficheLink = (fiche: { ficheId: string; numero: number; titre: string }) => (
    <>
      <span className="mono">{ficheNumero(fiche.numero)}</span>{' '}
      <Link to={`/contrats/${contrat.slug}/fiches/${fiche.ficheId}`}>{fiche.titre}</Link>
    </>
  );
  const caption = t('maquette.diffCaption');
  return (
    <>
      <dl className="comparison__totals">
        <div>
          <dt>{t('maquette.totalAvant')}</dt>
          <dd>{format.euros(diff.totalAvantCents)}</dd>
        </div>
        <div>
          <dt>{t('maquette.totalApres')}</dt>
          <dd>{format.euros(diff.totalApresCents)}</dd>
        </div>
        <div>
          <dt>{t('maquette.ecart')}</dt>
          <dd className={deltaClass(diff.deltaCents)}>{signed(diff.deltaCents)}</dd>
        </div>
      </dl>
      {diff.changements.length === 0 ? (
        <p className="muted">{t('maquette.noChange')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table table--compact">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('maquette.fiche')}</th>
                <th scope="col">{t('financement.source')}</th>
                <th scope="col" className="num">
                  {t('maquette.avant')}
                </th>
                <th scope="col" className="num">
                  {t('maquette.apres')}
                </th>
                <th scope="col" className="num">
                  {t('maquette.ecart')}
                </th>
              </tr>
            </thead>
            <tbody>
              {diff.changements.map((change) => (
                <tr key={`${change.ficheId}-${change.source}`}>
                  <th scope="row">{ficheLink(change)}</th>
                  <td>{sourceLabel(change.source)}</td>
                  <td className="num">{format.euros(change.avantCents)}</td>
                  <td className="num">{format.euros(change.apresCents)}</td>
                  <td className={`num ${deltaClass(change.deltaCents)}`}>
                    {signed(change.deltaCents)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div className="comparison__fiches">
        <FicheList
          title={t('maquette.added', { count: diff.fichesAjoutees.length })}
          fiches={diff.fichesAjoutees}
          render={ficheLink}
          total={(cents) => signed(cents)}
        />
        <FicheList
          title={t('maquette.removed', { count: diff.fichesRetirees.length })}
          fiches={diff.fichesRetirees}
          render={ficheLink}
          total={(cents) => signed(-cents)}
        />
      </div>
    </>
  );
}

const deltaClass = (cents: number) =>
  cents > 0 ? 'delta delta--up' : cents < 0 ? 'delta delta--down' : 'delta';

function FicheList({
  title,
  fiches,
  render,
  total,
}: {
  title: string;
  fiches: MaquetteDiff['fichesAjoutees'];
  render: (fiche: MaquetteDiff['fichesAjoutees'][number]) => ReactNode;
  total: (cents: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="comparison__list">
      <h4>{title}</h4>
      {fiches.length === 0 ? (
        <p className="muted">{t('maquette.noneFiche')}</p>
      ) : (
        <ul className="plain-list">
          {fiches.map((fiche) => (
            <li key={fiche.ficheId} className="plain-list__item">
              <span>{render(fiche)}</span>
              <span className="num">{total(fiche.totalCents)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
