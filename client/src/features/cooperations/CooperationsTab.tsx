import type { Cooperation } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { cooperationApi } from '../../api/contrats';
import { Alert, LiveStatus } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContratContext } from '../contrats/context';
import { useContratMutation } from '../contrats/queries';
import { CooperationCard } from './CooperationCard';
import { CooperationForm } from './CooperationForm';
import { participationOf, REMOVAL_WORDING } from './participation';

const HEADING_ID = 'cooperations-title';

export function CooperationsTab() {
  const { t } = useTranslation();
  const { contrat, allowed } = useContratContext();
  usePageTitle(`${t('sections.cooperations')} — ${contrat.nom}`);
  const canManage = allowed('cooperation.gerer');
  const [editing, setEditing] = useState<Cooperation | 'new' | null>(null);
  const [removing, setRemoving] = useState<Cooperation | null>(null);
  const participation = removing ? participationOf(removing, contrat.id) : 'aucune';
  const wording = participation === 'aucune' ? null : REMOVAL_WORDING[participation];
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const accept = useContratMutation(
    contrat,
    (contratId, cooperation: Cooperation) => cooperationApi.accept(contratId, cooperation.id),
    {
      onSuccess: (cooperation) =>
        setAnnouncement(t('cooperations.accepted', { nom: cooperation.nom })),
    },
  );
  const remove = useContratMutation(
    contrat,
    (contratId, cooperation: Cooperation) => cooperationApi.remove(contratId, cooperation.id),
    {
      onSuccess: () => setRemoving(null),
    },
  );

  return (
    <Section
      headingId={HEADING_ID}
      title={t('cooperations.title')}
      description={t('cooperations.description')}
      action={
        canManage && <Button onClick={() => setEditing('new')}>{t('cooperations.add')}</Button>
      }
    >
      <LiveStatus message={announcement} />
      {isApiError(accept.error) && <Alert tone="error" title={accept.error.message} />}
      {contrat.cooperations.length === 0 ? (
        <EmptyState title={t('cooperations.empty')}>
          <p>{t('cooperations.emptyText')}</p>
        </EmptyState>
      ) : (
        <ul className="stack">
          {contrat.cooperations.map((cooperation) => (
            <li key={cooperation.id}>
              <CooperationCard
                cooperation={cooperation}
                canManage={canManage}
                accepting={accept.isPending && accept.variables?.id === cooperation.id}
                onAccept={() => accept.mutate(cooperation)}
                onEdit={() => setEditing(cooperation)}
                onRemove={() => setRemoving(cooperation)}
              />
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? t('cooperations.add') : t('cooperations.edit')}
        onClose={() => setEditing(null)}
        size="lg"
      >
        {editing !== null && (
          <CooperationForm
            cooperation={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        fallbackFocusId={HEADING_ID}
        title={wording ? t(wording.title) : ''}
        confirmLabel={wording ? t(wording.action) : ''}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate(removing)}
        busy={remove.isPending}
        error={isApiError(remove.error) ? remove.error.message : null}
      >
        <p>{wording && t(wording.text, { nom: removing?.nom ?? '' })}</p>
      </ConfirmDialog>
    </Section>
  );
}
