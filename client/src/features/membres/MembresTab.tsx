import type { Membre } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { membreApi } from '../../api/contrats';
import { Alert, LiveStatus } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { Section } from '../../ui/Section';
import { ErrorState, Loading } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContratContext } from '../contrats/context';
import { InvitationsSection } from './InvitationsSection';
import { InviteForm } from './InviteForm';
import { MembresTable } from './MembresTable';
import { useMembreMutation, useMembres } from './queries';

const HEADING_ID = 'membres-title';

export function MembresTab() {
  const { t } = useTranslation();
  const { contrat, allowed } = useContratContext();
  usePageTitle(`${t('sections.membres')} — ${contrat.nom}`);
  const canManage = allowed('membre.gerer');
  const membres = useMembres(contrat.id, allowed('membre.lister'));
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<Membre | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const remove = useMembreMutation(contrat.id, (contratId, membre: Membre) =>
    membreApi.remove(contratId, membre.userId),
  );

  if (!allowed('membre.lister')) {
    return <Alert tone="info" title={t('membres.notAllowed')} />;
  }

  return (
    <>
      <Section
        headingId={HEADING_ID}
        title={t('membres.title')}
        description={
          membres.data
            ? t('membres.count', { count: membres.data.total })
            : t('membres.description')
        }
        action={
          canManage && <Button onClick={() => setInviting(true)}>{t('membres.invite')}</Button>
        }
      >
        <LiveStatus message={announcement} />
        {membres.isPending && <Loading />}
        {membres.isError && (
          <ErrorState error={membres.error} onRetry={() => void membres.refetch()} />
        )}
        {membres.data && (
          <MembresTable
            membres={membres.data.items}
            canManage={canManage}
            onRemove={setRemoving}
            onAnnounce={setAnnouncement}
          />
        )}
      </Section>
      {canManage && <InvitationsSection onAnnounce={setAnnouncement} />}
      <Dialog open={inviting} title={t('membres.inviteTitle')} onClose={() => setInviting(false)}>
        <InviteForm
          onDone={(message) => {
            setInviting(false);
            if (message) setAnnouncement(message);
          }}
        />
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        fallbackFocusId={HEADING_ID}
        title={t('membres.removeTitle')}
        confirmLabel={t('common.remove')}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() =>
          removing &&
          remove.mutate(removing, {
            onSuccess: (_result, membre) => {
              setRemoving(null);
              setAnnouncement(t('membres.removed', { nom: membre.nom }));
            },
          })
        }
        busy={remove.isPending}
        error={isApiError(remove.error) ? remove.error.message : null}
      >
        <p>{t('membres.removeText', { nom: removing?.nom ?? '', contrat: contrat.nom })}</p>
      </ConfirmDialog>
    </>
  );
}
