import { CATEGORIE_LABELS, type Evenement } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useLabel } from '../../i18n/labels';
import { ErrorState, Loading } from '../../ui/Status';
import { useContratContext } from '../contrats/context';
import { usePresences } from './queries';

/** Who came, by name, and the counts: for the committees, who may read names. */
export function PresencesList({ evenement }: { evenement: Evenement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useLabel();
  const { contrat } = useContratContext();
  const presences = usePresences(contrat.id, evenement.id);
  if (presences.isPending) return <Loading />;
  if (presences.isError) {
    return <ErrorState error={presences.error} onRetry={() => void presences.refetch()} />;
  }
  const { participants, comptages } = presences.data;
  return (
    <div className="dialog__body">
      <h3>{t('presences.named')}</h3>
      {participants.length === 0 ? (
        <p className="muted">{t('presences.noneNamed')}</p>
      ) : (
        <ul>
          {participants.map((p, index) => (
            <li key={p.userId ?? `invite-${index}`}>
              {p.nom} — {label(CATEGORIE_LABELS, p.categorie)}
              {p.userId === null && ` (${t('presences.guest')})`}
            </li>
          ))}
        </ul>
      )}
      {comptages.length > 0 && (
        <>
          <h3>{t('presences.counted')}</h3>
          <ul>
            {comptages.map((c) => (
              <li key={c.categorie}>
                {label(CATEGORIE_LABELS, c.categorie)} : {format.number(c.nombre)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
