import { validerMaquetteSchema } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { useContratContext } from '../contrats/context';
import { useValidateMaquette } from './queries';

/** Today as a calendar date in the reader's time zone (`YYYY-MM-DD`). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

interface ValidateDialogProps {
  annee: number;
  open: boolean;
  onClose: () => void;
  onValidated: (libelle: string) => void;
}

export function ValidateDialog({ annee, open, onClose, onValidated }: ValidateDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('maquette.validateTitle', { annee })} onClose={onClose}>
      <ValidateForm annee={annee} onCancel={onClose} onValidated={onValidated} />
    </Dialog>
  );
}

function ValidateForm({
  annee,
  onCancel,
  onValidated,
}: {
  annee: number;
  onCancel: () => void;
  onValidated: (libelle: string) => void;
}) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const form = useForm({ libelle: '', valideeLe: today() });
  const validate = useValidateMaquette(contrat.id, annee);
  const submit = form.onSubmit(() => {
    const input = form.validate(validerMaquetteSchema, form.values);
    if (input)
      validate.mutate(input, {
        onSuccess: (version) => onValidated(version.libelle),
        onError: form.showError,
      });
  });
  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <p className="muted">{t('maquette.validateIntro', { annee })}</p>
      <FormAlert message={form.alert} />
      <TextField
        label={t('maquette.libelle')}
        hint={t('maquette.libelleHint')}
        value={form.values.libelle}
        onChange={(value) => form.set('libelle', value)}
        error={form.errors.libelle}
        autoComplete="off"
      />
      <TextField
        label={t('maquette.valideeLe')}
        type="date"
        value={form.values.valideeLe}
        onChange={(value) => form.set('valideeLe', value)}
        error={form.errors.valideeLe}
      />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={validate.isPending}>
          {t('maquette.validate')}
        </Button>
      </div>
    </form>
  );
}
