import type { Fiche } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format';
import { Button } from '../../../ui/Button';
import { useContratContext } from '../../contrats/context';
import { ficheNumero, MaturiteBadge, TypeBadge } from '../FicheBadges';
import { DeleteFicheDialog } from './DeleteFicheDialog';
import { PromoteDialog } from './PromoteDialog';
import { PublicBadge } from './PublicationSection';

export function FicheHeader({
  fiche,
  onAnnounce,
}: {
  fiche: Fiche;
  onAnnounce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { contrat } = useContratContext();
  const [promoting, setPromoting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const canPromote = fiche.droits.promouvoir && fiche.type === 'projet';

  return (
    <header className="fiche-header">
      <p className="fiche-header__back">
        <Link to={`/contrats/${contrat.slug}/fiches`}>
          <span aria-hidden="true">← </span>
          {t('fiche.back')}
        </Link>
      </p>
      <div className="fiche-header__top">
        <div className="fiche-header__main">
          <div className="badges">
            <TypeBadge type={fiche.type} />
            <MaturiteBadge maturite={fiche.maturite} />
            <PublicBadge fiche={fiche} />
          </div>
          <h2 className="fiche-header__title" id="fiche-titre" tabIndex={-1}>
            <span className="fiche-header__numero">{ficheNumero(fiche.numero)}</span>
            <span className="sr-only"> : </span>
            {fiche.titre}
          </h2>
          <p className="fiche-header__meta">
            {t('fiche.updatedAt', { date: format.dateTime(fiche.updatedAt) })}
          </p>
        </div>
        {(canPromote || fiche.droits.supprimer) && (
          <div className="fiche-header__actions">
            {canPromote && (
              <Button onClick={() => setPromoting(true)}>{t('promotion.button')}</Button>
            )}
            {fiche.droits.supprimer && (
              <Button variant="tertiary" onClick={() => setDeleting(true)}>
                {t('fiche.delete')}
              </Button>
            )}
          </div>
        )}
      </div>
      {canPromote && (
        <PromoteDialog
          fiche={fiche}
          open={promoting}
          onClose={() => setPromoting(false)}
          onPromoted={() => {
            setPromoting(false);
            onAnnounce(t('promotion.done'));
          }}
        />
      )}
      {fiche.droits.supprimer && (
        <DeleteFicheDialog fiche={fiche} open={deleting} onClose={() => setDeleting(false)} />
      )}
    </header>
  );
}
