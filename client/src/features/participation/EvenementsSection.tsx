import { type Evenement, TYPE_EVENEMENT_LABELS } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { type PeriodeEvenements, participationApi } from '../../api/participation';
import { useFormat } from '../../i18n/format';
import { useLabel } from '../../i18n/labels';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { Section } from '../../ui/Section';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { EmptyState, ErrorState, Loading } from '../../ui/Status';
import { useContratContext } from '../contrats/context';
import { EvenementForm } from './EvenementForm';
import { usePhaseName } from './PhaseName';
import { PresencesForm } from './PresencesForm';
import { PresencesList } from './PresencesList';
import { useEvenements, useParticipationMutation, usePhases } from './queries';

const HEADING_ID = 'evenements-title';
const PERIODES: readonly PeriodeEvenements[] = ['a_venir', 'passes', 'tous'];

export function EvenementsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useLabel();
  const phaseName = usePhaseName();
  const { contrat, allowed } = useContratContext();
  const canManage = allowed('participation.gerer');
  const canSeeNames = allowed('presence.lire');
  const [periode, setPeriode] = useState<PeriodeEvenements>('tous');
  const evenements = useEvenements(contrat.id, periode);
  const phases = usePhases(contrat.id);
  const [editing, setEditing] = useState<Evenement | 'new' | null>(null);
  const [attendance, setAttendance] = useState<Evenement | null>(null);
  const [removing, setRemoving] = useState<Evenement | null>(null);
  const remove = useParticipationMutation(
    contrat.id,
    (contratId, evenement: Evenement) => participationApi.removeEvenement(contratId, evenement.id),
    { onSuccess: () => setRemoving(null) },
  );

  const phaseList = phases.data?.items ?? [];
  const phaseOf = (id: string) => phaseList.find((p) => p.id === id);

  return (
    <Section
      headingId={HEADING_ID}
      title={t('evenements.title')}
      description={t('evenements.description')}
      action={
        canManage &&
        phaseList.length > 0 && (
          <Button onClick={() => setEditing('new')}>{t('evenements.add')}</Button>
        )
      }
    >
      <SegmentedControl
        label={t('evenements.periode')}
        value={periode}
        onChange={setPeriode}
        options={PERIODES.map((value) => ({
          value,
          label: t(`evenements.periode_${value}`),
        }))}
      />
      {evenements.isPending ? (
        <Loading />
      ) : evenements.isError ? (
        <ErrorState error={evenements.error} onRetry={() => void evenements.refetch()} />
      ) : evenements.data.items.length === 0 ? (
        <EmptyState title={t('evenements.empty')} />
      ) : (
        <ul className="evenements">
          {evenements.data.items.map((evenement) => {
            const phase = phaseOf(evenement.phaseId);
            return (
              <li key={evenement.id} className="evenement">
                <div className="evenement__header">
                  <h3 className="evenement__title">
                    {evenement.titre}{' '}
                    <Badge tone="info">{label(TYPE_EVENEMENT_LABELS, evenement.type)}</Badge>
                  </h3>
                  <div className="evenement__actions">
                    {(canManage || canSeeNames) && (
                      <Button
                        size="sm"
                        variant="tertiary"
                        onClick={() => setAttendance(evenement)}
                        aria-label={t('presences.openNamed', {
                          nom: evenement.titre,
                        })}
                      >
                        {t('presences.open')}
                      </Button>
                    )}
                    {canManage && (
                      <>
                        <Button
                          size="sm"
                          variant="tertiary"
                          onClick={() => setEditing(evenement)}
                          aria-label={t('common.editNamed', { nom: evenement.titre })}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="sm"
                          variant="tertiary"
                          onClick={() => setRemoving(evenement)}
                          aria-label={t('common.deleteNamed', { nom: evenement.titre })}
                        >
                          {t('common.delete')}
                        </Button>
                      </>
                    )}
                  </div>
                </div>
                <p className="evenement__meta">
                  {format.date(evenement.date)}
                  {evenement.heure && ` · ${evenement.heure}`}
                  {evenement.lieu && ` · ${evenement.lieu}`}
                  {phase && ` · ${t('evenements.inPhase', { nom: phaseName(phase) })}`}
                </p>
                {evenement.organisateur && (
                  <p className="evenement__meta">
                    {t('evenements.organisePar', { nom: evenement.organisateur })}
                  </p>
                )}
                {evenement.description && (
                  <p className="evenement__description">{evenement.description}</p>
                )}
                <p className="evenement__meta">
                  {t('evenements.presents', {
                    nommes: format.number(evenement.presents.nommes),
                    comptes: format.number(evenement.presents.comptes),
                  })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? t('evenements.add') : t('evenements.edit')}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <EvenementForm
            evenement={editing === 'new' ? null : editing}
            phases={phaseList}
            defaultPhaseId={phases.data?.courante.phaseId ?? null}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
      <Dialog
        open={attendance !== null}
        size="lg"
        title={t('presences.title', { nom: attendance?.titre ?? '' })}
        onClose={() => setAttendance(null)}
      >
        {attendance &&
          (canManage ? (
            <PresencesForm evenement={attendance} onDone={() => setAttendance(null)} />
          ) : (
            <PresencesList evenement={attendance} />
          ))}
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        fallbackFocusId={HEADING_ID}
        title={t('evenements.removeTitle')}
        confirmLabel={t('common.delete')}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate(removing)}
        busy={remove.isPending}
        error={isApiError(remove.error) ? remove.error.message : null}
      >
        <p>{t('evenements.removeText', { nom: removing?.titre ?? '' })}</p>
      </ConfirmDialog>
    </Section>
  );
}
