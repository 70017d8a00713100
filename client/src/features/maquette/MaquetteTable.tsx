import type { MaquetteGroup, MaquetteView } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { EmptyState } from '../../ui/Status';
import { TableScroll } from '../../ui/TableScroll';
import { useContratContext } from '../contrats/context';
import { ficheNumero } from '../fiches/FicheBadges';
import { useSourceLabel } from '../fiches/queries';

/**
 * One row per fiche, one column per funding source, grouped by orientation with a subtotal per
 * group, and the grand total at the foot.
 */
export function MaquetteTable({ maquette, caption }: { maquette: MaquetteView; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { contrat } = useContratContext();
  const sourceLabel = useSourceLabel(contrat.id);
  const amount = (cents: number | undefined) =>
    cents ? format.euros(cents) : <span className="muted">—</span>;
  const width = maquette.sources.length + 3;

  if (maquette.groups.length === 0) {
    return <EmptyState title={t('maquette.empty', { annee: maquette.annee })} />;
  }

  const groupTitle = (group: MaquetteGroup) =>
    group.numero === null
      ? t('maquette.noOrientation')
      : t('maquette.orientation', { numero: group.numero, titre: group.titre ?? '' });
  const subtotal = (group: MaquetteGroup) =>
    group.numero === null
      ? t('maquette.subtotalNone')
      : t('maquette.subtotal', { numero: group.numero });

  return (
    <TableScroll label={caption} className="table-wrap--maquette">
      <table className="table maquette-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('maquette.fiche')}</th>
            <th scope="col">{t('fiches.maitreOuvrage')}</th>
            {maquette.sources.map((source) => (
              <th scope="col" key={source} className="num maquette-table__source">
                {sourceLabel(source)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('maquette.total')}
            </th>
          </tr>
        </thead>
        {maquette.groups.map((group) => (
          <tbody key={group.orientationId ?? 'none'}>
            <tr className="maquette-table__group">
              <th scope="rowgroup" colSpan={width}>
                {groupTitle(group)}
              </th>
            </tr>
            {group.rows.map((row) => (
              <tr key={row.ficheId}>
                <th scope="row">
                  <span className="mono maquette-table__numero">{ficheNumero(row.numero)}</span>{' '}
                  <Link to={`/contrats/${contrat.slug}/fiches/${row.ficheId}`}>{row.titre}</Link>
                </th>
                <td>{row.maitreOuvrage || <span className="muted">—</span>}</td>
                {maquette.sources.map((source) => (
                  <td key={source} className="num">
                    {amount(row.montants[source])}
                  </td>
                ))}
                <td className="num maquette-table__row-total">{format.euros(row.totalCents)}</td>
              </tr>
            ))}
            <tr className="maquette-table__subtotal">
              <th scope="row" colSpan={2}>
                {subtotal(group)}
              </th>
              {maquette.sources.map((source) => (
                <td key={source} className="num">
                  {amount(group.totauxParSource[source])}
                </td>
              ))}
              <td className="num">{format.euros(group.totalCents)}</td>
            </tr>
          </tbody>
        ))}
        <tfoot>
          <tr className="maquette-table__total">
            <th scope="row" colSpan={2}>
              {t('maquette.grandTotal')}
            </th>
            {maquette.sources.map((source) => (
              <td key={source} className="num">
                {amount(maquette.totauxParSource[source])}
              </td>
            ))}
            <td className="num" data-testid="maquette-total">
              {format.euros(maquette.totalCents)}
            </td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
