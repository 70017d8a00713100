import {
  type Evenement,
  evenementSchema,
  type Phase,
  TYPE_EVENEMENT_LABELS,
  TYPES_EVENEMENT,
  type TypeEvenement,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { participationApi } from '../../api/participation';
import { useLabel } from '../../i18n/labels';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { useContratContext } from '../contrats/context';
import { usePhaseName } from './PhaseName';
import { useParticipationMutation } from './queries';

type EvenementInput = ReturnType<typeof evenementSchema.parse>;

interface EvenementFormProps {
  evenement: Evenement | null;
  phases: Phase[];
  /** A new event goes into the current phase unless another is chosen. */
  defaultPhaseId: string | null;
  onDone: () => void;
}

export function EvenementForm({ evenement, phases, defaultPhaseId, onDone }: EvenementFormProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const phaseName = usePhaseName();
  const { contrat } = useContratContext();
  const form = useForm({
    phaseId: evenement?.phaseId ?? defaultPhaseId ?? '',
    type: (evenement?.type ?? '') as TypeEvenement | '',
    titre: evenement?.titre ?? '',
    date: evenement?.date ?? '',
    heure: evenement?.heure ?? '',
    lieu: evenement?.lieu ?? '',
    organisateur: evenement?.organisateur ?? '',
    description: evenement?.description ?? '',
  });
  const save = useParticipationMutation(
    contrat.id,
    (contratId, input: EvenementInput) =>
      evenement
        ? participationApi.updateEvenement(contratId, evenement.id, input)
        : participationApi.createEvenement(contratId, input),
    { onSuccess: onDone, onError: form.showError },
  );
  const submit = form.onSubmit(() => {
    const { values } = form;
    const input = form.validate(evenementSchema, {
      ...values,
      type: values.type || undefined,
      heure: values.heure || null,
    });
    if (input) save.mutate(input);
  });
  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <SelectField
        label={t('evenements.phase')}
        value={form.values.phaseId}
        onChange={(value) => form.set('phaseId', value)}
        options={phases.map((phase) => ({ value: phase.id, label: phaseName(phase) }))}
        placeholder={t('phases.choose')}
        error={form.errors.phaseId}
      />
      <SelectField
        label={t('evenements.type')}
        value={form.values.type}
        onChange={(value) => form.set('type', value)}
        options={TYPES_EVENEMENT.map((value) => ({
          value,
          label: label(TYPE_EVENEMENT_LABELS, value),
        }))}
        placeholder={t('phases.choose')}
        error={form.errors.type}
      />
      <TextField
        label={t('evenements.titre')}
        value={form.values.titre}
        onChange={(value) => form.set('titre', value)}
        error={form.errors.titre}
      />
      <TextField
        type="date"
        label={t('evenements.date')}
        value={form.values.date}
        onChange={(value) => form.set('date', value)}
        error={form.errors.date}
      />
      <TextField
        label={t('evenements.heure')}
        hint={t('evenements.heureHint')}
        value={form.values.heure}
        onChange={(value) => form.set('heure', value)}
        error={form.errors.heure}
        inputMode="numeric"
        optional
      />
      <TextField
        label={t('evenements.lieu')}
        value={form.values.lieu}
        onChange={(value) => form.set('lieu', value)}
        error={form.errors.lieu}
        optional
      />
      <TextField
        label={t('evenements.organisateur')}
        value={form.values.organisateur}
        onChange={(value) => form.set('organisateur', value)}
        error={form.errors.organisateur}
        optional
      />
      <TextArea
        label={t('fields.description')}
        value={form.values.description}
        onChange={(value) => form.set('description', value)}
        error={form.errors.description}
        optional
      />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={save.isPending}>
          {evenement ? t('common.save') : t('common.add')}
        </Button>
      </div>
    </form>
  );
}
