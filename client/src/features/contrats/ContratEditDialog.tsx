import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type Contrat,
  STATUT_CONTRAT_LABELS,
  STATUTS_CONTRAT,
  type StatutContrat,
  type UpdateContratInput,
  updateContratSchema,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { contratApi } from '../../api/contrats';
import { useLabel } from '../../i18n/labels';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Checkbox, SelectField, TextArea, TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { ME_KEY } from '../auth/session';
import { contratKeys } from './queries';

interface ContratEditDialogProps {
  contrat: Contrat;
  open: boolean;
  onClose: () => void;
}

export function ContratEditDialog({ contrat, open, onClose }: ContratEditDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('contrat.editTitle')} onClose={onClose} size="lg">
      <ContratEditForm contrat={contrat} onDone={onClose} />
    </Dialog>
  );
}

function ContratEditForm({ contrat, onDone }: { contrat: Contrat; onDone: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const form = useForm(
    {
      nom: contrat.nom,
      slug: contrat.slug,
      description: contrat.description,
      statut: contrat.statut as StatutContrat,
      dateDebut: contrat.dateDebut ?? '',
      dateFin: contrat.dateFin ?? '',
      publie: contrat.publie,
    },
    { fieldByCode: { slug_taken: 'slug', invalid_period: 'dateFin' } },
  );
  const save = useMutation({
    mutationFn: (input: UpdateContratInput) => contratApi.update(contrat.id, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(contratKeys.detail(updated.slug), updated);
      void queryClient.invalidateQueries({ queryKey: contratKeys.list });
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
      onDone();
      // The address follows a new slug, keeping the section the person was on.
      if (updated.slug !== contrat.slug) {
        navigate(pathname.replace(`/contrats/${contrat.slug}`, `/contrats/${updated.slug}`), {
          replace: true,
        });
      }
    },
    onError: form.showError,
  });

  const submit = form.onSubmit(() => {
    const { dateDebut, dateFin, ...rest } = form.values;
    const input = form.validate(updateContratSchema, {
      ...rest,
      dateDebut: dateDebut || null,
      dateFin: dateFin || null,
    });
    if (input) save.mutate(input);
  });

  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <TextField
        label={t('fields.nomContrat')}
        value={form.values.nom}
        onChange={(value) => form.set('nom', value)}
        error={form.errors.nom}
      />
      <TextField
        label={t('fields.slug')}
        hint={t('contrat.slugHint')}
        value={form.values.slug}
        onChange={(value) => form.set('slug', value)}
        error={form.errors.slug}
        autoComplete="off"
      />
      <TextArea
        label={t('fields.description')}
        value={form.values.description}
        onChange={(value) => form.set('description', value)}
        error={form.errors.description}
        optional
        rows={6}
      />
      <SelectField
        label={t('fields.statut')}
        value={form.values.statut}
        onChange={(value) => form.set('statut', value)}
        options={STATUTS_CONTRAT.map((value) => ({
          value,
          label: label(STATUT_CONTRAT_LABELS, value),
        }))}
        error={form.errors.statut}
      />
      <div className="form__row">
        <TextField
          label={t('fields.dateDebut')}
          type="date"
          value={form.values.dateDebut}
          onChange={(value) => form.set('dateDebut', value)}
          error={form.errors.dateDebut}
          optional
        />
        <TextField
          label={t('fields.dateFin')}
          type="date"
          value={form.values.dateFin}
          onChange={(value) => form.set('dateFin', value)}
          error={form.errors.dateFin}
          optional
        />
      </div>
      <Checkbox
        label={t('fields.publie')}
        hint={t('contrat.publieHint')}
        checked={form.values.publie}
        onChange={(value) => form.set('publie', value)}
      />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
