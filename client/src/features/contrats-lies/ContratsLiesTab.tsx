import {
  ARTICULATION_LABELS,
  type ContratLie,
  RELATION_PERIMETRE_LABELS,
  TYPE_CONTRAT_LIE_LABELS,
} from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { contratLieApi } from '../../api/contrats';
import { useFormat } from '../../i18n/format';
import { useLabel } from '../../i18n/labels';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/Status';
import { TableScroll } from '../../ui/TableScroll';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContratContext } from '../contrats/context';
import { useContratMutation } from '../contrats/queries';
import { ContratLieForm } from './ContratLieForm';

const HEADING_ID = 'contrats-lies-title';

export function ContratsLiesTab() {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const { contrat, allowed } = useContratContext();
  usePageTitle(`${t('sections.contratsLies')} — ${contrat.nom}`);
  const canManage = allowed('contratLie.gerer');
  const [editing, setEditing] = useState<ContratLie | 'new' | null>(null);
  const [removing, setRemoving] = useState<ContratLie | null>(null);
  const remove = useContratMutation(
    contrat,
    (contratId, lie: ContratLie) => contratLieApi.remove(contratId, lie.id),
    {
      onSuccess: () => setRemoving(null),
    },
  );

  return (
    <Section
      headingId={HEADING_ID}
      title={t('contratsLies.title')}
      description={t('contratsLies.description')}
      action={
        canManage && <Button onClick={() => setEditing('new')}>{t('contratsLies.add')}</Button>
      }
    >
      {contrat.contratsLies.length === 0 ? (
        <EmptyState title={t('contratsLies.empty')}>
          <p>{t('contratsLies.emptyText')}</p>
        </EmptyState>
      ) : (
        <TableScroll label={t('contratsLies.title')}>
          <table className="table">
            <caption className="sr-only">{t('contratsLies.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.nomContratLie')}</th>
                <th scope="col">{t('fields.typeContratLie')}</th>
                <th scope="col">{t('fields.articulation')}</th>
                <th scope="col">{t('fields.relationPerimetre')}</th>
                <th scope="col">{t('fields.dateSignature')}</th>
                {canManage && (
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {contrat.contratsLies.map((lie) => (
                <tr key={lie.id}>
                  <th scope="row">
                    {lie.url ? (
                      <a href={lie.url} rel="noopener noreferrer" target="_blank">
                        {lie.nom}
                        <span className="sr-only"> {t('common.newWindow')}</span>
                      </a>
                    ) : (
                      lie.nom
                    )}
                    {lie.description && <span className="cell-sub">{lie.description}</span>}
                  </th>
                  <td>{label(TYPE_CONTRAT_LIE_LABELS, lie.type)}</td>
                  <td>
                    <Badge tone={lie.articulation === 'integre' ? 'info' : 'purple'}>
                      {label(ARTICULATION_LABELS, lie.articulation)}
                    </Badge>
                  </td>
                  <td>{label(RELATION_PERIMETRE_LABELS, lie.relationPerimetre)}</td>
                  <td>{lie.dateSignature ? format.date(lie.dateSignature) : '—'}</td>
                  {canManage && (
                    <td className="actions">
                      <Button
                        size="sm"
                        variant="tertiary"
                        onClick={() => setEditing(lie)}
                        aria-label={t('common.editNamed', { nom: lie.nom })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="sm"
                        variant="tertiary"
                        onClick={() => setRemoving(lie)}
                        aria-label={t('common.deleteNamed', { nom: lie.nom })}
                      >
                        {t('common.delete')}
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
        title={editing === 'new' ? t('contratsLies.add') : t('contratsLies.edit')}
        onClose={() => setEditing(null)}
        size="lg"
      >
        {editing !== null && (
          <ContratLieForm
            lie={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        fallbackFocusId={HEADING_ID}
        title={t('contratsLies.removeTitle')}
        confirmLabel={t('common.delete')}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate(removing)}
        busy={remove.isPending}
        error={isApiError(remove.error) ? remove.error.message : null}
      >
        <p>{t('contratsLies.removeText', { nom: removing?.nom ?? '' })}</p>
      </ConfirmDialog>
    </Section>
  );
}
