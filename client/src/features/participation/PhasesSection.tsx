import { OUVERTURE_PHASE_LABELS, OUVERTURES_PHASE, type Phase } from '@trame/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { participationApi } from '../../api/participation';
import { useLabel } from '../../i18n/labels';
import { LiveStatus } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { Section } from '../../ui/Section';
import { EmptyState, ErrorState, Loading } from '../../ui/Status';
import { useContratContext } from '../contrats/context';
import { Periode } from '../contrats/Periode';
import { MoveButtons, refocusMove } from '../orientations/MoveButtons';
import { PhaseForm } from './PhaseForm';
import { usePhaseName } from './PhaseName';
import { useParticipationMutation, usePhases } from './queries';

const HEADING_ID = 'phases-title';

interface Move {
  phase: Phase;
  delta: -1 | 1;
}

export function PhasesSection() {
  const { t } = useTranslation();
  const label = useLabel();
  const phaseName = usePhaseName();
  const { contrat, allowed } = useContratContext();
  const canManage = allowed('participation.gerer');
  const phases = usePhases(contrat.id);
  const [editing, setEditing] = useState<Phase | 'new' | null>(null);
  const [removing, setRemoving] = useState<Phase | null>(null);
  const [moved, setMoved] = useState<Move | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);

  useEffect(() => {
    if (!moved) return;
    refocusMove(`phase-${moved.phase.id}`, moved.delta);
    setMoved(null);
  }, [moved]);

  const move = useParticipationMutation(contrat.id, (contratId, { phase, delta }: Move) =>
    participationApi.updatePhase(contratId, phase.id, { ordre: phase.ordre + delta }),
  );
  const setCurrent = useParticipationMutation(
    contrat.id,
    (contratId, phaseId: string | null) => participationApi.setCurrent(contratId, phaseId),
    {
      onSuccess: (view) => {
        const current = view.items.find((p) => p.courante);
        setAnnouncement(
          current ? t('phases.currentIs', { nom: phaseName(current) }) : t('phases.noCurrent'),
        );
      },
    },
  );
  const remove = useParticipationMutation(
    contrat.id,
    (contratId, phase: Phase) => participationApi.removePhase(contratId, phase.id),
    { onSuccess: () => setRemoving(null) },
  );

  const onMove = (target: Move) => {
    if (move.isPending) return;
    move.mutate(target, { onSuccess: () => setMoved(target) });
  };

  const action = canManage && <Button onClick={() => setEditing('new')}>{t('phases.add')}</Button>;
  if (phases.isPending) return <Loading />;
  if (phases.isError) {
    return <ErrorState error={phases.error} onRetry={() => void phases.refetch()} />;
  }
  const { items, courante } = phases.data;
  const current = items.find((p) => p.id === courante.phaseId);
  const error = move.error ?? setCurrent.error;

  return (
    <Section
      headingId={HEADING_ID}
      title={t('phases.title')}
      description={t('phases.description')}
      action={action}
    >
      <LiveStatus message={announcement} />
      {isApiError(error) && <p className="field__error">{error.message}</p>}
      <p className="phase-current">
        {current
          ? t(courante.mode === 'manuelle' ? 'phases.currentManual' : 'phases.currentAuto', {
              nom: phaseName(current),
            })
          : t('phases.noCurrent')}
        {canManage && courante.mode === 'manuelle' && (
          <Button
            size="sm"
            variant="tertiary"
            busy={setCurrent.isPending}
            onClick={() => setCurrent.mutate(null)}
          >
            {t('phases.backToDates')}
          </Button>
        )}
      </p>
      {items.length === 0 ? (
        <EmptyState title={t('phases.empty')} />
      ) : (
        <ol className="phases">
          {items.map((phase, index) => {
            const name = phaseName(phase);
            const open = OUVERTURES_PHASE.filter((key) => phase[key]);
            return (
              <li key={phase.id} className={phase.courante ? 'phase phase--current' : 'phase'}>
                <div className="phase__header">
                  <h3 className="phase__title">
                    {name}
                    {phase.courante && (
                      <>
                        {' '}
                        <Badge tone="success">{t('phases.current')}</Badge>
                      </>
                    )}
                  </h3>
                  {canManage && (
                    <div className="phase__actions">
                      <MoveButtons
                        idPrefix={`phase-${phase.id}`}
                        name={name}
                        isFirst={index === 0}
                        isLast={index === items.length - 1}
                        onMove={(delta) => onMove({ phase, delta })}
                      />
                      {!(phase.courante && courante.mode === 'manuelle') && (
                        <Button
                          size="sm"
                          variant="tertiary"
                          onClick={() => setCurrent.mutate(phase.id)}
                          aria-label={t('phases.makeCurrentNamed', { nom: name })}
                        >
                          {t('phases.makeCurrent')}
                        </Button>
                      )}
                      <Button
                        size="sm"
                        variant="tertiary"
                        onClick={() => setEditing(phase)}
                        aria-label={t('common.editNamed', { nom: name })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="sm"
                        variant="tertiary"
                        onClick={() => setRemoving(phase)}
                        aria-label={t('common.deleteNamed', { nom: name })}
                      >
                        {t('common.delete')}
                      </Button>
                    </div>
                  )}
                </div>
                <p className="phase__meta">
                  <Periode debut={phase.dateDebut} fin={phase.dateFin} />
                  {' · '}
                  {t('phases.evenements', { count: phase.evenements })}
                </p>
                <p className="phase__meta">
                  {open.length > 0
                    ? t('phases.open', {
                        liste: open.map((key) => label(OUVERTURE_PHASE_LABELS, key)).join(', '),
                      })
                    : t('phases.closed')}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? t('phases.add') : t('phases.edit')}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <PhaseForm phase={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        fallbackFocusId={HEADING_ID}
        title={t('phases.removeTitle')}
        confirmLabel={t('common.delete')}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate(removing)}
        busy={remove.isPending}
        error={isApiError(remove.error) ? remove.error.message : null}
      >
        <p>{t('phases.removeText', { nom: removing ? phaseName(removing) : '' })}</p>
      </ConfirmDialog>
    </Section>
  );
}
