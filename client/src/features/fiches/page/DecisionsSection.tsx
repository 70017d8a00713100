import {
  AVIS_TECHNIQUE_LABELS,
  type Decision,
  type Fiche,
  MESURE_RECTIFICATIVE_LABELS,
  OBJET_EVOLUTION_LABELS,
  TYPE_DECISION_LABELS,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useFormat } from '../../../i18n/format';
import { ErrorState, Loading } from '../../../ui/Status';
import { useFicheDecisions } from '../../gouvernance/queries';
import { useLocale } from '../queries';
import { FicheSectionShell } from './FicheSection';

/**
 * The décisions about the fiche, in the order of the séances: avis techniques, mesures
 * rectificatives, évolutions of the contract (with the avenant that gathered them). Hidden from
 * readers who may not see them.
 */
export function DecisionsSection({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  const decisions = useFicheDecisions(fiche.id);
  if (decisions.error instanceof ApiError && decisions.error.status === 403) return null;
  return (
    <FicheSectionShell
      id="decisions"
      title={t('decisions.title')}
      description={t('decisions.description')}
    >
      {decisions.isPending && <Loading />}
      {decisions.isError && (
        <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
      )}
      {decisions.data &&
        (decisions.data.items.length === 0 ? (
          <p className="muted">{t('decisions.none')}</p>
        ) : (
          <ol className="decision-list">
            {decisions.data.items.map((decision) => (
              <DecisionItem key={decision.id} decision={decision} />
            ))}
          </ol>
        ))}
    </FicheSectionShell>
  );
}

function DecisionItem({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = useLocale();
  const detail = decision.avis
    ? AVIS_TECHNIQUE_LABELS[decision.avis][locale]
    : decision.mesure
      ? MESURE_RECTIFICATIVE_LABELS[decision.mesure][locale]
      : decision.objet
        ? OBJET_EVOLUTION_LABELS[decision.objet][locale]
        : null;
  return (
    <li className="decision-list__item">
      <p>
        <strong>{TYPE_DECISION_LABELS[decision.type][locale]}</strong>
        {detail && ` — ${detail}`}
      </p>
      <p className="muted">
        {t('decisions.seance', {
          instance: decision.seance.instance.nom,
          date: format.date(decision.seance.date),
        })}
        {decision.avenant && ` · ${t('decisions.avenant', { numero: decision.avenant.numero })}`}
      </p>
      {decision.texte && <p>{decision.texte}</p>}
    </li>
  );
}
