import { type FicheSummary, MATURITE_LABELS, MATURITES } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { useLabel } from '../../i18n/labels';
import { Alert } from '../../ui/Alert';
import { ErrorState, Loading } from '../../ui/Status';
import { useContratContext } from '../contrats/context';
import { ficheNumero, TypeBadge } from './FicheBadges';
import { useFicheList } from './queries';
import type { useFicheSearch } from './useFicheSearch';

/** The most the API gives in one page: the board shows them all at once. */
const BOARD_LIMIT = 200;

/** The fiches as cards in one column per maturité, from the idea to the completed operation. */
export function FichesBoard({ search }: { search: ReturnType<typeof useFicheSearch> }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { contrat } = useContratContext();
  const list = useFicheList(contrat.id, search.apiParams(BOARD_LIMIT, 0));

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  const { items, total } = list.data;
  const columns = MATURITES.filter(
    (maturite) =>
      search.filters.maturite.length === 0 || search.filters.maturite.includes(maturite),
  );
  return (
    <>
      <p className="toolbar__count" aria-live="polite">
        {t('fiches.count', { count: total })}
      </p>
      {total > items.length && (
        <Alert tone="info" title={t('fiches.boardTruncated', { shown: items.length, total })} />
      )}
      <div className="board">
        {columns.map((maturite) => {
          const fiches = items.filter((fiche) => fiche.maturite === maturite);
          const headingId = `board-${maturite}`;
          return (
            <section key={maturite} className="board__column" aria-labelledby={headingId}>
              <h3 className="board__title" id={headingId}>
                {label(MATURITE_LABELS, maturite)}
                <span className="tabs__count">{fiches.length}</span>
              </h3>
              {fiches.length === 0 ? (
                <p className="board__empty">{t('fiches.boardEmpty')}</p>
              ) : (
                <ul className="board__list">
                  {fiches.map((fiche) => (
                    <BoardCard key={fiche.id} fiche={fiche} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}

function BoardCard({ fiche }: { fiche: FicheSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { contrat } = useContratContext();
  return (
    <li className="fiche-card">
      <p className="fiche-card__numero mono">{ficheNumero(fiche.numero)}</p>
      <h4 className="fiche-card__title">
        <Link className="fiche-card__link" to={`/contrats/${contrat.slug}/fiches/${fiche.id}`}>
          {fiche.titre}
        </Link>
      </h4>
      <p className="fiche-card__meta">{fiche.maitreOuvrage || t('fiches.noMaitreOuvrage')}</p>
      <div className="fiche-card__footer">
        <TypeBadge type={fiche.type} />
        <span className="fiche-card__cout">
          {fiche.coutCents === null ? t('fiches.noCost') : format.euros(fiche.coutCents)}
        </span>
      </div>
    </li>
  );
}
