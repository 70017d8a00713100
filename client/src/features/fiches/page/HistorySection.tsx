import type { Fiche, FicheHistoryEntry } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { ErrorState, Loading } from '../../../ui/Status';
import { TableScroll } from '../../../ui/TableScroll';
import { ficheNumero } from '../FicheBadges';
import { useFicheHistory } from '../queries';
import { FicheSectionShell } from './FicheSection';
import { useHistoryValue } from './useHistoryValue';

const EVENTS: FicheHistoryEntry['evenement'][] = [
  'creation',
  'modification',
  'promotion',
  'financement',
  'import',
];

/** Who changed what and when, newest first. */
export function HistorySection({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  const history = useFicheHistory(fiche.id);
  return (
    <FicheSectionShell
      id="historique"
      title={t('fiche.sectionHistorique')}
      description={t('history.description')}
    >
      {history.isPending && <Loading />}
      {history.isError && (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      )}
      {history.data &&
        (history.data.items.length === 0 ? (
          <p className="muted">{t('history.none')}</p>
        ) : (
          <HistoryTable fiche={fiche} entries={history.data.items} />
        ))}
    </FicheSectionShell>
  );
}

function HistoryTable({ fiche, entries }: { fiche: Fiche; entries: FicheHistoryEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = useHistoryValue();
  const caption = t('history.caption', { numero: ficheNumero(fiche.numero) });
  const champLabel = (champ: string | null) => {
    if (!champ) return '—';
    const key = `ficheFields.${champ}`;
    return t(key as 'ficheFields.titre', { defaultValue: champ });
  };
  return (
    <TableScroll label={caption} className="table-wrap--tall">
      <table className="table table--compact history-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.date')}</th>
            <th scope="col">{t('history.auteur')}</th>
            <th scope="col">{t('history.evenement')}</th>
            <th scope="col">{t('history.champ')}</th>
            <th scope="col">{t('history.changement')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const hasBefore = entry.avant !== null && entry.avant !== undefined;
            const hasAfter = entry.apres !== null && entry.apres !== undefined;
            return (
              <tr key={entry.id}>
                <th scope="row" className="nowrap">
                  <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                </th>
                <td>{entry.auteur?.nom ?? t('history.system')}</td>
                <td>
                  {EVENTS.includes(entry.evenement)
                    ? t(`history.${entry.evenement}`)
                    : entry.evenement}
                </td>
                <td>{champLabel(entry.champ)}</td>
                <td className="history-table__change">
                  {hasBefore && hasAfter ? (
                    <>
                      <span className="history-table__before">
                        <span className="sr-only">{t('history.avant')} </span>
                        {value(entry.champ, entry.avant)}
                      </span>
                      <span aria-hidden="true"> → </span>
                      <span className="history-table__after">
                        <span className="sr-only">, {t('history.apres')} </span>
                        {value(entry.champ, entry.apres)}
                      </span>
                    </>
                  ) : hasAfter ? (
                    value(entry.champ, entry.apres)
                  ) : hasBefore ? (
                    <>
                      <span className="sr-only">{t('history.removedValue')} </span>
                      <del>{value(entry.champ, entry.avant)}</del>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
