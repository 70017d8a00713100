import { orientationSchema } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { useContratContext } from '../contrats/context';
import { useContratMutation } from '../contrats/queries';

type TitreInput = ReturnType<typeof orientationSchema.parse>;

interface TitreFormProps {
  initial: { titre: string; description: string };
  titreLabel: string;
  /** Sends the validated input: creates or updates an orientation or an objectif. */
  write: (contratId: string, input: TitreInput) => Promise<unknown>;
  onDone: () => void;
  submitLabel: string;
}

/** Orientations and objectifs share their shape (a title and a description) and their schema. */
export function TitreForm({ initial, titreLabel, write, onDone, submitLabel }: TitreFormProps) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const form = useForm(initial);
  const save = useContratMutation(contrat, write, { onSuccess: onDone, onError: form.showError });
  const submit = form.onSubmit(() => {
    const input = form.validate(orientationSchema, form.values);
    if (input) save.mutate(input);
  });
  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <TextField
        label={titreLabel}
        value={form.values.titre}
        onChange={(value) => form.set('titre', value)}
        error={form.errors.titre}
      />
      <TextArea
        label={t('fields.description')}
        value={form.values.description}
        onChange={(value) => form.set('description', value)}
        error={form.errors.description}
        optional
        rows={5}
      />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={save.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
