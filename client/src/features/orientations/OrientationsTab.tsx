import type { Objectif, Orientation } from '@trame/shared';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { objectifApi, orientationApi } from '../../api/contrats';
import { LiveStatus } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContratContext } from '../contrats/context';
import { useContratMutation } from '../contrats/queries';
import { refocusMove } from './MoveButtons';
import { OrientationItem } from './OrientationItem';
import { TitreForm } from './TitreForm';

const HEADING_ID = 'orientations-title';

/** What the open dialog edits: a new or existing orientation, or an objectif of one. */
export type Editing =
  | { kind: 'orientation'; orientation: Orientation | null }
  | { kind: 'objectif'; orientation: Orientation; objectif: Objectif | null };

export type Removing =
  | { kind: 'orientation'; orientation: Orientation }
  | { kind: 'objectif'; objectif: Objectif; label: string };

interface Move {
  kind: 'orientation' | 'objectif';
  id: string;
  numero: number;
  delta: -1 | 1;
}

export function OrientationsTab() {
  const { t } = useTranslation();
  const { contrat, allowed } = useContratContext();
  usePageTitle(`${t('sections.orientations')} — ${contrat.nom}`);
  const canManage = allowed('orientation.gerer');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<Removing | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [moved, setMoved] = useState<Move | null>(null);

  // Runs after the reordered list is rendered, when the arrows are in their new place.
  useEffect(() => {
    if (!moved) return;
    refocusMove(`${moved.kind}-${moved.id}`, moved.delta);
    setMoved(null);
  }, [moved]);

  const move = useContratMutation(
    contrat,
    (contratId, { kind, id, numero, delta }: Move): Promise<{ numero: number }> =>
      kind === 'orientation'
        ? orientationApi.update(contratId, id, { numero: numero + delta })
        : objectifApi.update(contratId, id, { numero: numero + delta }),
    {
      onSuccess: (moved) => {
        setAnnouncement(t('orientations.moved', { numero: moved.numero }));
      },
    },
  );
  const remove = useContratMutation(
    contrat,
    (contratId, target: Removing) =>
      target.kind === 'orientation'
        ? orientationApi.remove(contratId, target.orientation.id)
        : objectifApi.remove(contratId, target.objectif.id),
    {
      onSuccess: () => setRemoving(null),
    },
  );

  const onMove = (target: Move) => {
    if (move.isPending) return;
    move.mutate(target, { onSuccess: () => setMoved(target) });
  };

  const orientations = contrat.orientations;
  return (
    <Section
      headingId={HEADING_ID}
      title={t('orientations.title')}
      description={t('orientations.description', { count: orientations.length })}
      action={
        canManage && (
          <Button onClick={() => setEditing({ kind: 'orientation', orientation: null })}>
            {t('orientations.add')}
          </Button>
        )
      }
    >
      <LiveStatus message={announcement} />
      {isApiError(move.error) && <p className="field__error">{move.error.message}</p>}
      {orientations.length === 0 ? (
        <EmptyState title={t('orientations.empty')}>
          <p>{t('orientations.emptyText')}</p>
        </EmptyState>
      ) : (
        <ol className="orientations">
          {orientations.map((orientation, index) => (
            <OrientationItem
              key={orientation.id}
              orientation={orientation}
              isFirst={index === 0}
              isLast={index === orientations.length - 1}
              canManage={canManage}
              onMove={(kind, id, numero, delta) => onMove({ kind, id, numero, delta })}
              onEdit={setEditing}
              onRemove={setRemoving}
            />
          ))}
        </ol>
      )}
      <Dialog
        open={editing !== null}
        title={editing ? dialogTitle(editing, t) : ''}
        onClose={() => setEditing(null)}
      >
        {editing && <EditingForm editing={editing} onDone={() => setEditing(null)} />}
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        fallbackFocusId={HEADING_ID}
        title={
          removing?.kind === 'objectif'
            ? t('orientations.removeObjectifTitle')
            : t('orientations.removeTitle')
        }
        confirmLabel={t('common.delete')}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate(removing)}
        busy={remove.isPending}
        error={isApiError(remove.error) ? remove.error.message : null}
      >
        <p>
          {removing?.kind === 'orientation'
            ? t('orientations.removeText', {
                numero: removing.orientation.numero,
                titre: removing.orientation.titre,
              })
            : t('orientations.removeObjectifText', { label: removing?.label ?? '' })}
        </p>
      </ConfirmDialog>
    </Section>
  );
}

function dialogTitle(editing: Editing, t: TFunction): string {
  if (editing.kind === 'orientation') {
    return editing.orientation ? t('orientations.edit') : t('orientations.add');
  }
  return editing.objectif
    ? t('orientations.editObjectif')
    : t('orientations.addObjectifTo', { numero: editing.orientation.numero });
}

function EditingForm({ editing, onDone }: { editing: Editing; onDone: () => void }) {
  const { t } = useTranslation();
  if (editing.kind === 'orientation') {
    const { orientation } = editing;
    return (
      <TitreForm
        initial={{ titre: orientation?.titre ?? '', description: orientation?.description ?? '' }}
        titreLabel={t('orientations.titreOrientation')}
        submitLabel={orientation ? t('common.save') : t('common.add')}
        onDone={onDone}
        write={(contratId, input) =>
          orientation
            ? orientationApi.update(contratId, orientation.id, input)
            : orientationApi.create(contratId, input)
        }
      />
    );
  }
  const { orientation, objectif } = editing;
  return (
    <TitreForm
      initial={{ titre: objectif?.titre ?? '', description: objectif?.description ?? '' }}
      titreLabel={t('orientations.titreObjectif')}
      submitLabel={objectif ? t('common.save') : t('common.add')}
      onDone={onDone}
      write={(contratId, input) =>
        objectif
          ? objectifApi.update(contratId, objectif.id, input)
          : objectifApi.create(contratId, orientation.id, input)
      }
    />
  );
}
