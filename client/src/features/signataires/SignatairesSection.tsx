import { type Signataire, TYPE_SIGNATAIRE_LABELS } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { signataireApi } from '../../api/contrats';
import { useFormat } from '../../i18n/format';
import { useLabel } from '../../i18n/labels';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/Status';
import { TableScroll } from '../../ui/TableScroll';
import { useContratContext } from '../contrats/context';
import { useContratMutation } from '../contrats/queries';
import { SignataireForm } from './SignataireForm';

const HEADING_ID = 'signataires-title';

export function SignatairesSection() {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const { contrat, allowed } = useContratContext();
  const canEdit = allowed('contrat.modifier');
  const [editing, setEditing] = useState<Signataire | 'new' | null>(null);
  const [removing, setRemoving] = useState<Signataire | null>(null);
  const remove = useContratMutation(contrat, signataireApi.remove, {
    onSuccess: () => setRemoving(null),
  });

  return (
    <Section
      headingId={HEADING_ID}
      title={t('signataires.title')}
      description={t('signataires.description')}
      action={
        canEdit && (
          <Button variant="secondary" onClick={() => setEditing('new')}>
            {t('signataires.add')}
          </Button>
        )
      }
    >
      {contrat.signataires.length === 0 ? (
        <EmptyState title={t('signataires.empty')} />
      ) : (
        <TableScroll label={t('signataires.title')}>
          <table className="table">
            <caption className="sr-only">{t('signataires.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.organisation')}</th>
                <th scope="col">{t('fields.representant')}</th>
                <th scope="col">{t('fields.typeSignataire')}</th>
                <th scope="col">{t('fields.dateSignature')}</th>
                {canEdit && (
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {contrat.signataires.map((signataire) => (
                <tr key={signataire.id}>
                  <th scope="row">{signataire.organisation}</th>
                  <td>
                    {signataire.representant || '—'}
                    {signataire.qualite && <span className="cell-sub">{signataire.qualite}</span>}
                  </td>
                  <td>{label(TYPE_SIGNATAIRE_LABELS, signataire.type)}</td>
                  <td>{signataire.dateSignature ? format.date(signataire.dateSignature) : '—'}</td>
                  {canEdit && (
                    <td className="actions">
                      <Button
                        size="sm"
                        variant="tertiary"
                        onClick={() => setEditing(signataire)}
                        aria-label={t('common.editNamed', { nom: signataire.organisation })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="sm"
                        variant="tertiary"
                        onClick={() => setRemoving(signataire)}
                        aria-label={t('common.removeNamed', { nom: signataire.organisation })}
                      >
                        {t('common.remove')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? t('signataires.add') : t('signataires.edit')}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <SignataireForm
            signataire={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        fallbackFocusId={HEADING_ID}
        title={t('signataires.removeTitle')}
        confirmLabel={t('common.remove')}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate(removing.id)}
        busy={remove.isPending}
        error={isApiError(remove.error) ? remove.error.message : null}
      >
        <p>{t('signataires.removeText', { nom: removing?.organisation ?? '' })}</p>
      </ConfirmDialog>
    </Section>
  );
}
