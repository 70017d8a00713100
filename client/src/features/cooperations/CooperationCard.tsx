import {
  type Cooperation,
  STATUT_PARTIE_COOPERATION_LABELS,
  TYPE_COOPERATION_LABELS,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLabel } from '../../i18n/labels';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { useContratContext } from '../contrats/context';
import { participationOf, REMOVAL_WORDING } from './participation';

interface CooperationCardProps {
  cooperation: Cooperation;
  canManage: boolean;
  accepting: boolean;
  onAccept: () => void;
  onEdit: () => void;
  onRemove: () => void;
}

export function CooperationCard({
  cooperation,
  canManage,
  accepting,
  onAccept,
  onEdit,
  onRemove,
}: CooperationCardProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const { contrat } = useContratContext();
  const participation = participationOf(cooperation, contrat.id);
  const named = { nom: cooperation.nom };

  return (
    <article className="card cooperation">
      <div className="cooperation__header">
        <div>
          <div className="badges">
            <Badge tone="info">{label(TYPE_COOPERATION_LABELS, cooperation.type)}</Badge>
            {participation === 'initiateur' && (
              <Badge tone="neutral">{t('cooperations.initiator')}</Badge>
            )}
          </div>
          <h3 className="cooperation__title">{cooperation.nom}</h3>
        </div>
        {canManage && participation !== 'aucune' && (
          <div className="cooperation__actions">
            {participation === 'invite' && (
              <Button size="sm" onClick={onAccept} busy={accepting}>
                {t('cooperations.accept')}
              </Button>
            )}
            {participation === 'initiateur' && (
              <Button
                size="sm"
                variant="tertiary"
                onClick={onEdit}
                aria-label={t('common.editNamed', named)}
              >
                {t('common.edit')}
              </Button>
            )}
            <Button
              size="sm"
              variant="tertiary"
              onClick={onRemove}
              aria-label={t(REMOVAL_WORDING[participation].named, named)}
            >
              {t(REMOVAL_WORDING[participation].action)}
            </Button>
          </div>
        )}
      </div>
      {cooperation.description && <p className="prose">{cooperation.description}</p>}
      {participation === 'invite' && <p className="notice">{t('cooperations.awaitingUs')}</p>}
      <h4 className="cooperation__parties-title">{t('cooperations.parties')}</h4>
      <ul className="parties">
        {cooperation.parties.map((partie) => (
          <li key={partie.contratId ?? `externe-${partie.nom}`} className="parties__item">
            <span className="parties__name">
              {partie.slug && partie.contratId !== contrat.id ? (
                <Link to={`/contrats/${partie.slug}`}>{partie.nom}</Link>
              ) : (
                partie.nom
              )}
              {partie.contratId === null && (
                <span className="cell-sub">{t('cooperations.externe')}</span>
              )}
            </span>
            <Badge tone={partie.statut === 'acceptee' ? 'success' : 'warning'}>
              {label(STATUT_PARTIE_COOPERATION_LABELS, partie.statut)}
            </Badge>
          </li>
        ))}
      </ul>
    </article>
  );
}
