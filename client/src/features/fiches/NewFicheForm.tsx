import { useMutation } from '@tanstack/react-query';
import {
  createFicheSchema,
  MATURITE_LABELS,
  MATURITES,
  type Maturite,
  TYPE_FICHE_LABELS,
  TYPES_FICHE,
  type TypeFiche,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ficheApi } from '../../api/fiches';
import { useLabel } from '../../i18n/labels';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { RadioGroup } from '../../ui/RadioGroup';
import { useContratContext } from '../contrats/context';
import { useInvalidateFiches } from './queries';

/** The first facts of a fiche; the rest is written on the fiche's own page, where this leads. */
export function NewFicheForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { contrat } = useContratContext();
  const invalidate = useInvalidateFiches();
  const form = useForm({
    titre: '',
    type: 'projet' as TypeFiche,
    maturite: 'idee' as Maturite,
    maitreOuvrage: '',
    orientationId: '',
  });
  const create = useMutation({
    mutationFn: (input: ReturnType<typeof createFicheSchema.parse>) =>
      ficheApi.create(contrat.id, input),
    onSuccess: async (fiche) => {
      await invalidate();
      navigate(`/contrats/${contrat.slug}/fiches/${fiche.id}`);
    },
    onError: form.showError,
  });

  const submit = form.onSubmit(() => {
    const { orientationId, ...rest } = form.values;
    const input = form.validate(createFicheSchema, {
      ...rest,
      orientationId: orientationId || null,
    });
    if (input) create.mutate(input);
  });

  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <p className="muted">{t('fiches.newIntro')}</p>
      <FormAlert message={form.alert} />
      <TextField
        label={t('ficheFields.titre')}
        value={form.values.titre}
        onChange={(value) => form.set('titre', value)}
        error={form.errors.titre}
        autoComplete="off"
      />
      <RadioGroup
        legend={t('ficheFields.type')}
        hint={t('fiches.typeHint')}
        value={form.values.type}
        onChange={(value) => form.set('type', value)}
        options={TYPES_FICHE.map((value) => ({ value, label: label(TYPE_FICHE_LABELS, value) }))}
        error={form.errors.type}
      />
      <div className="form__row">
        <SelectField
          label={t('ficheFields.maturite')}
          value={form.values.maturite}
          onChange={(value) => form.set('maturite', value)}
          options={MATURITES.map((value) => ({ value, label: label(MATURITE_LABELS, value) }))}
          error={form.errors.maturite}
        />
        <SelectField
          label={t('ficheFields.orientationId')}
          value={form.values.orientationId}
          onChange={(value) => form.set('orientationId', value)}
          placeholder={t('fiche.noOrientation')}
          options={contrat.orientations.map((orientation) => ({
            value: orientation.id,
            label: `${orientation.numero}. ${orientation.titre}`,
          }))}
          error={form.errors.orientationId}
          optional
        />
      </div>
      <TextField
        label={t('ficheFields.maitreOuvrage')}
        hint={t('fiche.maitreOuvrageHint')}
        value={form.values.maitreOuvrage}
        onChange={(value) => form.set('maitreOuvrage', value)}
        error={form.errors.maitreOuvrage}
        optional
      />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={create.isPending}>
          {t('fiches.create')}
        </Button>
      </div>
    </form>
  );
}
