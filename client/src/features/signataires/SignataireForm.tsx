import {
  type Signataire,
  signataireSchema,
  TYPE_SIGNATAIRE_LABELS,
  TYPES_SIGNATAIRE,
  type TypeSignataire,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { signataireApi } from '../../api/contrats';
import { useLabel } from '../../i18n/labels';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { useContratContext } from '../contrats/context';
import { useContratMutation } from '../contrats/queries';

interface SignataireFormProps {
  /** The signatory to edit, or null to add one. */
  signataire: Signataire | null;
  onDone: () => void;
}

export function SignataireForm({ signataire, onDone }: SignataireFormProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const { contrat } = useContratContext();
  const form = useForm({
    organisation: signataire?.organisation ?? '',
    representant: signataire?.representant ?? '',
    qualite: signataire?.qualite ?? '',
    type: (signataire?.type ?? '') as TypeSignataire | '',
    dateSignature: signataire?.dateSignature ?? '',
  });
  const save = useContratMutation(
    contrat,
    (contratId, input: Parameters<typeof signataireApi.create>[1]) =>
      signataire
        ? signataireApi.update(contratId, signataire.id, input)
        : signataireApi.create(contratId, input),
    { onSuccess: onDone, onError: form.showError },
  );

  const submit = form.onSubmit(() => {
    const input = form.validate(signataireSchema, {
      ...form.values,
      dateSignature: form.values.dateSignature || null,
    });
    if (input) save.mutate(input);
  });

  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <TextField
        label={t('fields.organisation')}
        hint={t('signataires.organisationHint')}
        value={form.values.organisation}
        onChange={(value) => form.set('organisation', value)}
        error={form.errors.organisation}
      />
      <SelectField
        label={t('fields.typeSignataire')}
        value={form.values.type}
        onChange={(value) => form.set('type', value)}
        placeholder={t('form.choose')}
        options={TYPES_SIGNATAIRE.map((value) => ({
          value,
          label: label(TYPE_SIGNATAIRE_LABELS, value),
        }))}
        error={form.errors.type}
      />
      <div className="form__row">
        <TextField
          label={t('fields.representant')}
          autoComplete="off"
          value={form.values.representant}
          onChange={(value) => form.set('representant', value)}
          error={form.errors.representant}
          optional
        />
        <TextField
          label={t('fields.qualite')}
          hint={t('signataires.qualiteHint')}
          value={form.values.qualite}
          onChange={(value) => form.set('qualite', value)}
          error={form.errors.qualite}
          optional
        />
      </div>
      <TextField
        label={t('fields.dateSignature')}
        type="date"
        value={form.values.dateSignature}
        onChange={(value) => form.set('dateSignature', value)}
        error={form.errors.dateSignature}
        optional
      />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={save.isPending}>
          {signataire ? t('common.save') : t('common.add')}
        </Button>
      </div>
    </form>
  );
}
