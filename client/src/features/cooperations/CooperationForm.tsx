import {
  type Cooperation,
  cooperationSchema,
  TYPE_COOPERATION_LABELS,
  TYPES_COOPERATION,
  type TypeCooperation,
  updateCooperationSchema,
} from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cooperationApi } from '../../api/contrats';
import { useLabel } from '../../i18n/labels';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { type FieldErrors, useForm } from '../../ui/form';
import { useContratContext } from '../contrats/context';
import { useContratMutation } from '../contrats/queries';
import { PartnerFields } from './PartnerFields';
import { isUuid, newPartner, type PartnerDraft, slugFromInput } from './partners';

type CreateInput = ReturnType<typeof cooperationSchema.parse>;
type UpdateInput = ReturnType<typeof updateCooperationSchema.parse>;

/** Creates a cooperation with its partners, or edits an existing one's name, type and text. */
export function CooperationForm({
  cooperation,
  onDone,
}: {
  cooperation: Cooperation | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { contrat } = useContratContext();
  const [partners, setPartners] = useState<PartnerDraft[]>(() => [newPartner()]);
  const form = useForm(
    {
      nom: cooperation?.nom ?? '',
      type: (cooperation?.type ?? '') as TypeCooperation | '',
      description: cooperation?.description ?? '',
    },
    { fieldByCode: { cooperation_self: 'partenaires' } },
  );
  const save = useContratMutation(
    contrat,
    (contratId, input: CreateInput | UpdateInput) =>
      cooperation
        ? cooperationApi.update(contratId, cooperation.id, input)
        : cooperationApi.create(contratId, input as CreateInput),
    { onSuccess: onDone, onError: form.showError },
  );

  /** A Trame partner is sent by id when pasted as one, otherwise by the slug of its address. */
  function partnersInput(): { partenaires: unknown[]; errors: FieldErrors } {
    const errors: FieldErrors = {};
    const partenaires = partners.map((partner, index) => {
      const value = partner.value.trim();
      if (partner.kind === 'externe') return { nomExterne: value };
      if (!value) errors[`partenaires.${index}`] = t('validation.required');
      return isUuid(value) ? { contratId: value } : { slug: slugFromInput(value) };
    });
    return { partenaires, errors };
  }

  const submit = form.onSubmit(() => {
    if (cooperation) {
      const input = form.validate(updateCooperationSchema, form.values);
      if (input) save.mutate(input);
      return;
    }
    const { partenaires, errors } = partnersInput();
    const input = form.validate(cooperationSchema, { ...form.values, partenaires }, {}, errors);
    if (input) save.mutate(input);
  });

  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <div className="form__row">
        <TextField
          label={t('fields.nomCooperation')}
          value={form.values.nom}
          onChange={(value) => form.set('nom', value)}
          error={form.errors.nom}
        />
        <SelectField
          label={t('fields.typeCooperation')}
          value={form.values.type}
          onChange={(value) => form.set('type', value)}
          placeholder={t('form.choose')}
          options={TYPES_COOPERATION.map((value) => ({
            value,
            label: label(TYPE_COOPERATION_LABELS, value),
          }))}
          error={form.errors.type}
        />
      </div>
      <TextArea
        label={t('fields.description')}
        value={form.values.description}
        onChange={(value) => form.set('description', value)}
        error={form.errors.description}
        optional
        rows={3}
      />
      {!cooperation && (
        <PartnerFields partners={partners} onChange={setPartners} errors={form.errors} />
      )}
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={save.isPending}>
          {cooperation ? t('common.save') : t('cooperations.create')}
        </Button>
      </div>
    </form>
  );
}
