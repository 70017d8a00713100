import { useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contratApi } from '../../api/contrats';
import { useLabel } from '../../i18n/labels';
import { FormAlert } from '../../ui/Alert';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Button } from '../../ui/Button';
import { ME_KEY, useMe } from '../auth/session';
import { ContratEditDialog } from './ContratEditDialog';
import type { ContratContextValue } from './context';
import { Periode } from './Periode';
import { useContratMutation } from './queries';
import { PublieBadge, StatutBadge } from './StatutBadge';

export function ContratHeader({ context }: { context: ContratContextValue }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { data: me } = useMe();
  const { contrat, allowed } = context;
  const [editing, setEditing] = useState(false);
  const queryClient = useQueryClient();
  const join = useContratMutation(contrat, (id: string, _: void) => contratApi.join(id), {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });

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
        {me && allowed('contrat.rejoindre') && (
          <div className="contrat-header__actions">
            <Button
              onClick={() => join.mutate()}
              disabled={join.isPending}
              aria-describedby="rejoindre-aide"
            >
              {t('contrat.rejoindre')}
            </Button>
            <p id="rejoindre-aide" className="muted">
              {t('contrat.rejoindreAide')}
            </p>
            <FormAlert message={join.error instanceof Error ? join.error.message : null} />
          </div>
        )}
      </div>
      <ContratEditDialog contrat={contrat} open={editing} onClose={() => setEditing(false)} />
    </header>
  );
}
