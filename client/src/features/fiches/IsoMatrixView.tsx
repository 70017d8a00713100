import {
  ISO_DOMAINE_LABELS,
  ISO_DOMAINES,
  ISO_FINALITE_LABELS,
  ISO_FINALITES,
  type IsoMatrix,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { useLabel } from '../../i18n/labels';
import { ErrorState, Loading } from '../../ui/Status';
import { TableScroll } from '../../ui/TableScroll';
import { useContratContext } from '../contrats/context';
import { useIsoMatrix } from './queries';
import { filtersSearch } from './useFicheSearch';

/**
 * ISO 37101: the twelve domains of action against the six purposes. Each cell counts the fiches
 * tagged with both and sums their cost; it links to the table filtered on that pair.
 */
export function IsoMatrixView() {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const matrix = useIsoMatrix(contrat.id);
  if (matrix.isPending) return <Loading />;
  if (matrix.isError)
    return <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />;
  return (
    <>
      <p className="muted">{t('iso.description', { count: matrix.data.totalFiches })}</p>
      <IsoTable matrix={matrix.data} />
    </>
  );
}

function IsoTable({ matrix }: { matrix: IsoMatrix }) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const { contrat } = useContratContext();
  const caption = t('iso.caption');
  const cellOf = (domaine: string, finalite: string) =>
    matrix.cells.find((cell) => cell.domaine === domaine && cell.finalite === finalite);
  const max = Math.max(1, ...matrix.cells.map((cell) => cell.fiches));

  return (
    <TableScroll label={caption}>
      <table className="table iso-matrix">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('iso.domaine')}</th>
            {ISO_FINALITES.map((finalite) => (
              <th scope="col" key={finalite} className="iso-matrix__finalite">
                {label(ISO_FINALITE_LABELS, finalite)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ISO_DOMAINES.map((domaine) => (
            <tr key={domaine}>
              <th scope="row">{label(ISO_DOMAINE_LABELS, domaine)}</th>
              {ISO_FINALITES.map((finalite) => {
                const cell = cellOf(domaine, finalite);
                if (!cell || cell.fiches === 0) {
                  return (
                    <td key={finalite} className="iso-matrix__cell iso-matrix__cell--empty">
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">{t('iso.none')}</span>
                    </td>
                  );
                }
                // Five shades of the same blue, by share of the busiest cell; the count is
                // written in the cell, so the colour is never the only cue.
                const level = Math.ceil((cell.fiches / max) * 4);
                return (
                  <td key={finalite} className={`iso-matrix__cell iso-matrix__cell--${level}`}>
                    <Link
                      className="iso-matrix__link"
                      to={`/contrats/${contrat.slug}/fiches${filtersSearch({
                        isoDomaine: domaine,
                        isoFinalite: finalite,
                      })}`}
                    >
                      <span className="iso-matrix__count">
                        {t('iso.fiches', { count: cell.fiches })}
                      </span>
                      <span className="iso-matrix__amount">
                        <span className="sr-only">, </span>
                        {format.euros(cell.coutCents)}
                      </span>
                      <span className="sr-only">
                        {' '}
                        (
                        {t('iso.cellContext', {
                          domaine: label(ISO_DOMAINE_LABELS, domaine),
                          finalite: label(ISO_FINALITE_LABELS, finalite),
                        })}
                        )
                      </span>
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
