import type { FicheSummary } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { SortHeader } from '../../ui/SortHeader';
import { TableScroll } from '../../ui/TableScroll';
import { useContratContext } from '../contrats/context';
import { ficheNumero, MaturiteBadge, TypeBadge } from './FicheBadges';
import type { FicheSort } from './useFicheSearch';

type SortKey = 'numero' | 'titre' | 'maturite' | 'cout';

interface FichesTableProps {
  fiches: FicheSummary[];
  sort: FicheSort;
  onSort: (sort: FicheSort) => void;
}

export function FichesTable({ fiches, sort, onSort }: FichesTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { contrat } = useContratContext();
  const descending = sort.startsWith('-');
  const current = sort.replace('-', '') as SortKey;
  const header = (key: SortKey, label: string, className?: string) => (
    <SortHeader
      label={label}
      active={current === key}
      direction={descending ? 'descending' : 'ascending'}
      onSort={() => onSort(current === key && !descending ? `-${key}` : key)}
      className={className}
    />
  );
  const caption = t('fiches.caption', { contrat: contrat.nom });

  return (
    <TableScroll label={caption}>
      <table className="table fiches-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {header('numero', t('fiches.numero'))}
            {header('titre', t('fiches.titre'))}
            <th scope="col">{t('fiches.type')}</th>
            {header('maturite', t('fiches.maturite'))}
            <th scope="col">{t('fiches.maitreOuvrage')}</th>
            {header('cout', t('fiches.cout'), 'num')}
            <th scope="col" className="num">
              {t('fiches.financement')}
            </th>
            <th scope="col">{t('fiches.public')}</th>
          </tr>
        </thead>
        <tbody>
          {fiches.map((fiche) => (
            <tr key={fiche.id}>
              <td className="mono nowrap">{ficheNumero(fiche.numero)}</td>
              <th scope="row">
                <Link
                  className="fiches-table__link"
                  to={`/contrats/${contrat.slug}/fiches/${fiche.id}`}
                >
                  {fiche.titre}
                </Link>
              </th>
              <td>
                <TypeBadge type={fiche.type} />
              </td>
              <td>
                <MaturiteBadge maturite={fiche.maturite} />
              </td>
              <td className="fiches-table__mo">
                {fiche.maitreOuvrage || <span className="muted">—</span>}
              </td>
              <td className="num">
                {fiche.coutCents === null ? (
                  <span className="muted">—</span>
                ) : (
                  format.euros(fiche.coutCents)
                )}
              </td>
              <td className="num">
                {format.euros(fiche.plan.totalCents)}
                <span className="cell-sub">
                  {t('fiches.acquis', { montant: format.euros(fiche.plan.acquisCents) })}
                </span>
              </td>
              <td>{fiche.public ? t('fiches.oui') : t('fiches.non')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
