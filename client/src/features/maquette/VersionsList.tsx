import type { MaquetteVersionSummary } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { TableScroll } from '../../ui/TableScroll';

interface VersionsListProps {
  annee: number;
  versions: MaquetteVersionSummary[];
  /** The address of the year's page, to which the links add their query. */
  base: string;
  current: string | null;
}

/** The validated versions of the year, newest first: open one, or compare it with today's. */
export function VersionsList({ annee, versions, base, current }: VersionsListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (versions.length === 0) {
    return <p className="muted">{t('maquette.versionsEmpty', { annee })}</p>;
  }
  const caption = t('maquette.versionsCaption', { annee });
  return (
    <TableScroll label={caption}>
      <table className="table table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('maquette.libelle')}</th>
            <th scope="col">{t('maquette.valideeLe')}</th>
            <th scope="col">{t('maquette.validePar')}</th>
            <th scope="col" className="num">
              {t('maquette.total')}
            </th>
            <th scope="col">
              <span className="sr-only">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.id} aria-current={version.id === current || undefined}>
              <th scope="row">{version.libelle}</th>
              <td>{format.date(version.valideeLe)}</td>
              <td>{version.validePar?.nom ?? '—'}</td>
              <td className="num">{format.euros(version.totalCents)}</td>
              <td className="actions">
                <Link
                  className="btn btn--tertiary btn--sm"
                  to={`${base}?version=${version.id}`}
                  aria-label={t('maquette.openNamed', { libelle: version.libelle })}
                >
                  {t('maquette.open')}
                </Link>
                <Link
                  className="btn btn--tertiary btn--sm"
                  to={`${base}?de=${version.id}&a=courante`}
                  aria-label={t('maquette.compareCurrentNamed', { libelle: version.libelle })}
                >
                  {t('maquette.compareCurrent')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
