import {
  type FinancementLine,
  financementSchema,
  parseEurosToCents,
  STATUT_FINANCEMENT_LABELS,
  STATUTS_FINANCEMENT,
  type StatutFinancement,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import type { FinancementInput } from '../../../api/fiches';
import { useLabel } from '../../../i18n/labels';
import { FormAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { SelectField, TextField } from '../../../ui/Field';
import { useForm } from '../../../ui/form';
import { useContratContext } from '../../contrats/context';
import { useSourceLabel, useSources } from '../queries';
import { centsToInput } from './CoutForm';

interface FinancementLineFormProps {
  line: FinancementLine | null;
  defaultAnnee: number;
  submitLabel: string;
  busy: boolean;
  /** Sends the line; calls back with the error to show it on the fields. */
  onSubmit: (input: FinancementInput, onError: (error: unknown) => void) => void;
  onCancel?: () => void;
}

/** One line of a plan de financement: who pays, which year, how sure it is, how much. */
export function FinancementLineForm({
  line,
  defaultAnnee,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: FinancementLineFormProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const { contrat } = useContratContext();
  const sources = useSources(contrat.id);
  const sourceLabel = useSourceLabel(contrat.id);
  const form = useForm({
    source: line?.source ?? '',
    annee: String(line?.annee ?? defaultAnnee),
    statut: (line?.statut ?? 'sollicite') as StatutFinancement,
    montant: centsToInput(line?.montantCents ?? null),
    commentaire: line?.commentaire ?? '',
  });

  const submit = form.onSubmit(() => {
    const montantCents = parseEurosToCents(form.values.montant);
    const annee = /^\d{4}$/.test(form.values.annee.trim()) ? Number(form.values.annee) : Number.NaN;
    const input = form.validate(
      financementSchema,
      {
        source: form.values.source,
        annee,
        statut: form.values.statut,
        montantCents: montantCents ?? -1,
        commentaire: form.values.commentaire,
      },
      {
        montantCents: t('financement.montantInvalid'),
        annee: t('financement.anneeInvalid'),
      },
    );
    if (input) onSubmit(input, form.showError);
  });

  const options = (sources.data?.items ?? []).map((source) => ({
    value: source.code,
    label: sourceLabel(source.code),
  }));
  if (line && !options.some((option) => option.value === line.source)) {
    options.push({ value: line.source, label: sourceLabel(line.source) });
  }

  return (
    <form className="form financement-form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <div className="financement-form__grid">
        <SelectField
          label={t('financement.source')}
          value={form.values.source}
          onChange={(value) => form.set('source', value)}
          placeholder={t('form.choose')}
          options={options}
          error={form.errors.source}
          className="financement-form__source"
        />
        <TextField
          label={t('financement.annee')}
          value={form.values.annee}
          onChange={(value) => form.set('annee', value)}
          error={form.errors.annee}
          inputMode="numeric"
          autoComplete="off"
        />
        <SelectField
          label={t('financement.statut')}
          value={form.values.statut}
          onChange={(value) => form.set('statut', value)}
          options={STATUTS_FINANCEMENT.map((value) => ({
            value,
            label: label(STATUT_FINANCEMENT_LABELS, value),
          }))}
          error={form.errors.statut}
        />
        <TextField
          label={t('financement.montantEuros')}
          value={form.values.montant}
          onChange={(value) => form.set('montant', value)}
          error={form.errors.montantCents}
          inputMode="text"
          autoComplete="off"
        />
      </div>
      <TextField
        label={t('financement.commentaire')}
        value={form.values.commentaire}
        onChange={(value) => form.set('commentaire', value)}
        error={form.errors.commentaire}
        autoComplete="off"
        optional
      />
      <div className="form__actions">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
