import {
  ARTICULATION_LABELS,
  ARTICULATIONS,
  type Articulation,
  type ContratLie,
  contratLieSchema,
  RELATION_PERIMETRE_LABELS,
  RELATIONS_PERIMETRE,
  type RelationPerimetre,
  TYPE_CONTRAT_LIE_LABELS,
  TYPES_CONTRAT_LIE,
  type TypeContratLie,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { contratLieApi } from '../../api/contrats';
import { useLabel } from '../../i18n/labels';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { RadioGroup } from '../../ui/RadioGroup';
import { useContratContext } from '../contrats/context';
import { useContratMutation } from '../contrats/queries';

export function ContratLieForm({ lie, onDone }: { lie: ContratLie | null; onDone: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { contrat } = useContratContext();
  const form = useForm({
    type: (lie?.type ?? '') as TypeContratLie | '',
    nom: lie?.nom ?? '',
    articulation: (lie?.articulation ?? '') as Articulation | '',
    relationPerimetre: (lie?.relationPerimetre ?? '') as RelationPerimetre | '',
    description: lie?.description ?? '',
    dateSignature: lie?.dateSignature ?? '',
    url: lie?.url ?? '',
  });
  const save = useContratMutation(
    contrat,
    (contratId, input: Parameters<typeof contratLieApi.create>[1]) =>
      lie ? contratLieApi.update(contratId, lie.id, input) : contratLieApi.create(contratId, input),
    { onSuccess: onDone, onError: form.showError },
  );

  const submit = form.onSubmit(() => {
    const input = form.validate(contratLieSchema, {
      ...form.values,
      dateSignature: form.values.dateSignature || null,
      url: form.values.url.trim() || null,
    });
    if (input) save.mutate(input);
  });

  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <div className="form__row">
        <SelectField
          label={t('fields.typeContratLie')}
          value={form.values.type}
          onChange={(value) => form.set('type', value)}
          placeholder={t('form.choose')}
          options={TYPES_CONTRAT_LIE.map((value) => ({
            value,
            label: label(TYPE_CONTRAT_LIE_LABELS, value),
          }))}
          error={form.errors.type}
        />
        <TextField
          label={t('fields.nomContratLie')}
          value={form.values.nom}
          onChange={(value) => form.set('nom', value)}
          error={form.errors.nom}
        />
      </div>
      <RadioGroup
        legend={t('fields.articulation')}
        hint={t('contratsLies.articulationHint')}
        value={form.values.articulation}
        onChange={(value) => form.set('articulation', value)}
        options={ARTICULATIONS.map((value) => ({
          value,
          label: label(ARTICULATION_LABELS, value),
        }))}
        error={form.errors.articulation}
      />
      <SelectField
        label={t('fields.relationPerimetre')}
        value={form.values.relationPerimetre}
        onChange={(value) => form.set('relationPerimetre', value)}
        placeholder={t('form.choose')}
        options={RELATIONS_PERIMETRE.map((value) => ({
          value,
          label: label(RELATION_PERIMETRE_LABELS, value),
        }))}
        error={form.errors.relationPerimetre}
      />
      <TextArea
        label={t('fields.description')}
        value={form.values.description}
        onChange={(value) => form.set('description', value)}
        error={form.errors.description}
        optional
        rows={3}
      />
      <div className="form__row">
        <TextField
          label={t('fields.dateSignature')}
          type="date"
          value={form.values.dateSignature}
          onChange={(value) => form.set('dateSignature', value)}
          error={form.errors.dateSignature}
          optional
        />
        <TextField
          label={t('fields.url')}
          hint={t('contratsLies.urlHint')}
          type="url"
          value={form.values.url}
          onChange={(value) => form.set('url', value)}
          error={form.errors.url}
          optional
        />
      </div>
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={save.isPending}>
          {lie ? t('common.save') : t('common.add')}
        </Button>
      </div>
    </form>
  );
}
