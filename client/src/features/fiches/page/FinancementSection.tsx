import { type Fiche, type FinancementLine, planSummary } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { type FinancementInput, ficheApi } from '../../../api/fiches';
import { useFormat } from '../../../i18n/format';
import { LiveStatus } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Dialog } from '../../../ui/Dialog';
import { useContratContext } from '../../contrats/context';
import { useFicheMutation, useSourceLabel } from '../queries';
import { CoutForm } from './CoutForm';
import { FicheSectionShell, useSectionEditor } from './FicheSection';
import { FinancementLineForm } from './FinancementLineForm';
import { FinancementTable } from './FinancementTable';
import { PlanSummaryBox } from './PlanSummaryBox';
import { ReadOnlyFacts } from './ReadOnlyFacts';
import { SourceDialog } from './SourceDialog';

const HEADING_ID = 'financement-lignes';

export function FinancementSection({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { contrat, allowed } = useContratContext();
  const sourceLabel = useSourceLabel(contrat.id);
  const title = t('fiche.sectionFinancement');
  const editor = useSectionEditor(fiche, title);
  const canEdit = fiche.droits.modifier;
  const [editing, setEditing] = useState<FinancementLine | null>(null);
  const [removing, setRemoving] = useState<FinancementLine | null>(null);
  const [addingSource, setAddingSource] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [addCount, setAddCount] = useState(0);
  const describe = (line: Pick<FinancementLine, 'source' | 'annee' | 'montantCents'>) =>
    t('financement.lineName', {
      source: sourceLabel(line.source),
      annee: line.annee,
      montant: format.euros(line.montantCents),
    });

  const add = useFicheMutation(fiche.id, (input: FinancementInput) =>
    ficheApi.addFinancement(fiche.id, input),
  );
  const update = useFicheMutation(
    fiche.id,
    ({ id, input }: { id: string; input: FinancementInput }) =>
      ficheApi.updateFinancement(fiche.id, id, input),
  );
  const remove = useFicheMutation(fiche.id, (line: FinancementLine) =>
    ficheApi.removeFinancement(fiche.id, line.id),
  );
  const plan = planSummary(fiche.financements, fiche.coutCents);
  const defaultAnnee = new Date().getFullYear();

  return (
    <FicheSectionShell id="financement" title={title}>
      <div className="financement-top">
        {canEdit ? (
          <CoutForm key={String(fiche.coutCents)} fiche={fiche} editor={editor} />
        ) : (
          <ReadOnlyFacts
            facts={[
              {
                label: t('financement.cout'),
                value: fiche.coutCents === null ? null : format.euros(fiche.coutCents),
              },
            ]}
          />
        )}
        <PlanSummaryBox plan={plan} coutCents={fiche.coutCents} />
      </div>
      <h4 className="fiche-subtitle" id={HEADING_ID} tabIndex={-1}>
        {t('financement.lines')}
      </h4>
      <LiveStatus message={status} />
      <FinancementTable
        fiche={fiche}
        canEdit={canEdit}
        onEdit={(line) => {
          update.reset();
          setEditing(line);
        }}
        onRemove={(line) => {
          remove.reset();
          setRemoving(line);
        }}
      />
      {canEdit && (
        <div className="financement-add">
          <h5 className="financement-add__title">{t('financement.addTitle')}</h5>
          <FinancementLineForm
            key={addCount}
            line={null}
            defaultAnnee={defaultAnnee}
            submitLabel={t('financement.add')}
            busy={add.isPending}
            onSubmit={(input, onError) => {
              setStatus(null);
              add.mutate(input, {
                onSuccess: () => {
                  setStatus(t('financement.added', { ligne: describe(input) }));
                  setAddCount((count) => count + 1);
                },
                onError,
              });
            }}
          />
          {allowed('source.gerer') && (
            <p className="financement-add__source">
              <Button size="sm" variant="tertiary" onClick={() => setAddingSource(true)}>
                {t('sources.add')}
              </Button>
            </p>
          )}
        </div>
      )}
      <Dialog
        open={editing !== null}
        title={t('financement.editTitle')}
        onClose={() => setEditing(null)}
        fallbackFocusId={HEADING_ID}
      >
        {editing && (
          <FinancementLineForm
            line={editing}
            defaultAnnee={editing.annee}
            submitLabel={t('common.save')}
            busy={update.isPending}
            onCancel={() => setEditing(null)}
            onSubmit={(input, onError) =>
              update.mutate(
                { id: editing.id, input },
                {
                  onSuccess: () => {
                    setEditing(null);
                    setStatus(t('financement.updated', { ligne: describe(input) }));
                  },
                  onError,
                },
              )
            }
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        fallbackFocusId={HEADING_ID}
        title={t('financement.removeTitle')}
        confirmLabel={t('common.delete')}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing, {
            onSuccess: (_fiche, line) => {
              setRemoving(null);
              setStatus(t('financement.removed', { ligne: describe(line) }));
            },
          })
        }
        busy={remove.isPending}
        error={isApiError(remove.error) ? remove.error.message : null}
      >
        <p>{removing && t('financement.removeText', { ligne: describe(removing) })}</p>
      </ConfirmDialog>
      <SourceDialog open={addingSource} onClose={() => setAddingSource(false)} />
    </FicheSectionShell>
  );
}
