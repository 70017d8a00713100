import { ROLE_LABELS } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n/labels';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Button } from '../../ui/Button';
import { useMe } from '../auth/session';
import { ContratEditDialog } from './ContratEditDialog';
import type { ContratContextValue } from './context';
import { Periode } from './Periode';
import { PublieBadge, StatutBadge } from './StatutBadge';

export function ContratHeader({ context }: { context: ContratContextValue }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { data: me } = useMe();
  const { contrat, allowed } = context;
  const [editing, setEditing] = useState(false);

  return (
    <header className="contrat-header">
      {me && (
        <Breadcrumb parents={[{ to: '/', label: t('contrats.title') }]} current={contrat.nom} />
      )}
      <div className="contrat-header__top">
        <div className="contrat-header__main">
          <div className="badges">
            <StatutBadge statut={contrat.statut} />
            <PublieBadge publie={contrat.publie} />
          </div>
          <h1 className="contrat-header__title">{contrat.nom}</h1>
          <dl className="contrat-header__meta">
            <div>
              <dt>{t('contrat.epci')}</dt>
              <dd>
                {contrat.epci ? (
                  <>
                    {contrat.epci.nom}{' '}
                    <span className="muted">
                      ({t('contrat.siren', { code: contrat.epci.code })})
                    </span>
                  </>
                ) : (
                  t('contrat.sansEpci')
                )}
              </dd>
            </div>
            <div>
              <dt>{t('contrat.periodeLabel')}</dt>
              <dd>
                <Periode debut={contrat.dateDebut} fin={contrat.dateFin} />
              </dd>
            </div>
            {contrat.monRole && (
              <div>
                <dt>{t('contrat.monRole')}</dt>
                <dd>{label(ROLE_LABELS, contrat.monRole)}</dd>
              </div>
            )}
          </dl>
        </div>
        {allowed('contrat.modifier') && (
          <div className="contrat-header__actions">
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('contrat.edit')}
            </Button>
          </div>
        )}
      </div>
      <ContratEditDialog contrat={contrat} open={editing} onClose={() => setEditing(false)} />
    </header>
  );
}
