import {
  createPropositionSchema,
  ISO_DOMAINE_LABELS,
  ISO_DOMAINES,
  type IsoDomaine,
  type PropositionDetail,
  parseEurosToCents,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { propositionApi } from '../../api/propositions';
import { useFormat } from '../../i18n/format';
import { useLabel } from '../../i18n/labels';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { useContratContext } from '../contrats/context';
import { CheckboxList } from '../fiches/page/CheckboxList';
import { useSourceLabel, useSources } from '../fiches/queries';
import { usePropositionMutation } from './queries';

/**
 * The proposal form, validated by the schema the server applies. The cost is typed in euros and
 * read into cents without floats (`parseEurosToCents`).
 */
export function PropositionForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (proposition: PropositionDetail) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const { contrat } = useContratContext();
  const sources = useSources(contrat.id);
  const sourceLabel = useSourceLabel(contrat.id);
  const form = useForm({
    titre: '',
    description: '',
    porteur: '',
    cout: '',
    isoDomaine: '' as IsoDomaine | '',
    financementsRecherches: [] as string[],
    communes: [] as string[],
  });
  const create = usePropositionMutation(
    contrat.id,
    (contratId, input: ReturnType<typeof createPropositionSchema.parse>) =>
      propositionApi.create(contratId, input),
    { onSuccess: onCreated, onError: form.showError },
  );

  const typedCout = form.values.cout.trim() === '' ? null : parseEurosToCents(form.values.cout);
  const submit = form.onSubmit(() => {
    const { cout, isoDomaine, ...rest } = form.values;
    const input = form.validate(
      createPropositionSchema,
      { ...rest, coutEstimeCents: typedCout ?? null, isoDomaine: isoDomaine || null },
      {},
      typedCout === undefined ? { cout: t('propositions.coutInvalid') } : {},
    );
    if (input) create.mutate(input);
  });

  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <p className="muted">{t('propositions.newIntro')}</p>
      <FormAlert message={form.alert} />
      <TextField
        label={t('propositions.titre')}
        value={form.values.titre}
        onChange={(value) => form.set('titre', value)}
        error={form.errors.titre}
        autoComplete="off"
      />
      <TextArea
        label={t('propositions.descriptionField')}
        hint={t('propositions.descriptionHint')}
        value={form.values.description}
        onChange={(value) => form.set('description', value)}
        error={form.errors.description}
        rows={6}
      />
      <TextField
        label={t('propositions.porteur')}
        hint={t('propositions.porteurHint')}
        value={form.values.porteur}
        onChange={(value) => form.set('porteur', value)}
        error={form.errors.porteur}
        autoComplete="organization"
      />
      <div className="form__row">
        <TextField
          label={t('propositions.cout')}
          hint={
            typedCout != null
              ? t('propositions.coutHintValue', { montant: format.euros(typedCout) })
              : t('propositions.coutHint')
          }
          value={form.values.cout}
          onChange={(value) => form.set('cout', value)}
          error={form.errors.cout ?? form.errors.coutEstimeCents}
          inputMode="text"
          optional
        />
        <SelectField
          label={t('propositions.isoDomaine')}
          value={form.values.isoDomaine}
          onChange={(value) => form.set('isoDomaine', value)}
          placeholder={t('propositions.isoDomaineNone')}
          options={ISO_DOMAINES.map((value) => ({
            value,
            label: label(ISO_DOMAINE_LABELS, value),
          }))}
          error={form.errors.isoDomaine}
          optional
        />
      </div>
      <CheckboxList
        legend={t('propositions.financements')}
        hint={t('propositions.financementsHint')}
        options={(sources.data?.items ?? []).map((source) => ({
          value: source.code,
          label: sourceLabel(source.code),
        }))}
        selected={form.values.financementsRecherches}
        onChange={(value) => form.set('financementsRecherches', value)}
        error={form.errors.financementsRecherches}
        columns
      />
      <CheckboxList
        legend={t('propositions.communes')}
        hint={t('propositions.communesHint')}
        options={contrat.perimetre.communes.map((commune) => ({
          value: commune.code,
          label: commune.nom,
        }))}
        selected={form.values.communes}
        onChange={(value) => form.set('communes', value)}
        error={form.errors.communes}
        columns
      />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={create.isPending}>
          {t('propositions.submit')}
        </Button>
      </div>
    </form>
  );
}
