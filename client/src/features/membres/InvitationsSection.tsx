import { CATEGORIE_LABELS, type Invitation, ROLE_LABELS } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { membreApi } from '../../api/contrats';
import { useFormat } from '../../i18n/format';
import { useLabel } from '../../i18n/labels';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { focusHeading, Section } from '../../ui/Section';
import { ErrorState, Loading } from '../../ui/Status';
import { TableScroll } from '../../ui/TableScroll';
import { useContratContext } from '../contrats/context';
import { useInvitations, useMembreMutation } from './queries';

const HEADING_ID = 'invitations-title';

export function InvitationsSection({ onAnnounce }: { onAnnounce: (message: string) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const { contrat } = useContratContext();
  const invitations = useInvitations(contrat.id);
  const cancel = useMembreMutation(
    contrat.id,
    (contratId, invitation: Invitation) => membreApi.cancelInvitation(contratId, invitation.id),
    {
      onSuccess: (_result, invitation) => {
        onAnnounce(t('invitations.cancelled', { email: invitation.email }));
        focusHeading(HEADING_ID);
      },
    },
  );

  return (
    <Section
      headingId={HEADING_ID}
      title={t('invitations.title')}
      description={t('invitations.description')}
    >
      {isApiError(cancel.error) && <Alert tone="error" title={cancel.error.message} />}
      {invitations.isPending && <Loading />}
      {invitations.isError && (
        <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
      )}
      {invitations.data?.items.length === 0 && <p className="muted">{t('invitations.empty')}</p>}
      {invitations.data && invitations.data.items.length > 0 && (
        <TableScroll label={t('invitations.title')}>
          <table className="table">
            <caption className="sr-only">{t('invitations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('fields.role')}</th>
                <th scope="col">{t('fields.categorie')}</th>
                <th scope="col">{t('invitations.invitePar')}</th>
                <th scope="col">{t('invitations.expiresAt')}</th>
                <th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.items.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.email}</th>
                  <td>{label(ROLE_LABELS, invitation.role)}</td>
                  <td>{label(CATEGORIE_LABELS, invitation.categorie)}</td>
                  <td>{invitation.invitePar}</td>
                  <td>{format.day(invitation.expiresAt)}</td>
                  <td className="actions">
                    <Button
                      size="sm"
                      variant="tertiary"
                      onClick={() => cancel.mutate(invitation)}
                      busy={cancel.isPending && cancel.variables?.id === invitation.id}
                      aria-label={t('invitations.cancelNamed', { email: invitation.email })}
                    >
                      {t('invitations.cancel')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}
