import {
  createPhaseSchema,
  OUVERTURE_PHASE_LABELS,
  OUVERTURES_PHASE,
  type Phase,
  TYPE_PHASE_LABELS,
  TYPES_PHASE,
  type TypePhase,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { participationApi } from '../../api/participation';
import { useLabel } from '../../i18n/labels';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, SelectField, TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { useContratContext } from '../contrats/context';
import { useParticipationMutation } from './queries';

type PhaseInput = ReturnType<typeof createPhaseSchema.parse>;

/** Adds a phase, or edits one: its kind, name, dates and what it opens. */
export function PhaseForm({ phase, onDone }: { phase: Phase | null; onDone: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { contrat } = useContratContext();
  const form = useForm(
    {
      type: (phase?.type ?? '') as TypePhase | '',
      libelle: phase?.libelle ?? '',
      dateDebut: phase?.dateDebut ?? '',
      dateFin: phase?.dateFin ?? '',
      propositions: phase?.propositions ?? false,
      commentaires: phase?.commentaires ?? false,
      consultations: phase?.consultations ?? false,
    },
    { fieldByCode: { invalid_period: 'dateFin' } },
  );
  const save = useParticipationMutation(
    contrat.id,
    (contratId, input: PhaseInput) =>
      phase
        ? participationApi.updatePhase(contratId, phase.id, input)
        : participationApi.createPhase(contratId, input),
    { onSuccess: onDone, onError: form.showError },
  );
  const submit = form.onSubmit(() => {
    const { values } = form;
    const input = form.validate(createPhaseSchema, {
      ...values,
      type: values.type || undefined,
      dateDebut: values.dateDebut || null,
      dateFin: values.dateFin || null,
    });
    if (input) save.mutate(input);
  });
  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <SelectField
        label={t('phases.type')}
        value={form.values.type}
        onChange={(value) => form.set('type', value)}
        options={TYPES_PHASE.map((value) => ({ value, label: label(TYPE_PHASE_LABELS, value) }))}
        placeholder={t('phases.choose')}
        error={form.errors.type}
      />
      <TextField
        label={t('phases.libelle')}
        hint={t('phases.libelleHint')}
        value={form.values.libelle}
        onChange={(value) => form.set('libelle', value)}
        error={form.errors.libelle}
        optional
      />
      <TextField
        type="date"
        label={t('phases.dateDebut')}
        hint={t('phases.dateDebutHint')}
        value={form.values.dateDebut}
        onChange={(value) => form.set('dateDebut', value)}
        error={form.errors.dateDebut}
        optional
      />
      <TextField
        type="date"
        label={t('phases.dateFin')}
        hint={t('phases.dateFinHint')}
        value={form.values.dateFin}
        onChange={(value) => form.set('dateFin', value)}
        error={form.errors.dateFin}
        optional
      />
      <fieldset className="fieldset">
        <legend>{t('phases.opens')}</legend>
        {OUVERTURES_PHASE.map((key) => (
          <Checkbox
            key={key}
            label={label(OUVERTURE_PHASE_LABELS, key)}
            checked={form.values[key]}
            onChange={(checked) => form.set(key, checked)}
          />
        ))}
      </fieldset>
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={save.isPending}>
          {phase ? t('common.save') : t('common.add')}
        </Button>
      </div>
    </form>
  );
}
