import {
  type Fiche,
  MATURITE_LABELS,
  MATURITES,
  type Maturite,
  updateFicheSchema,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n/labels';
import { FormAlert } from '../../../ui/Alert';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { useForm } from '../../../ui/form';
import { useContratContext } from '../../contrats/context';
import { useMembres } from '../../membres/queries';
import { MaturiteBadge } from '../FicheBadges';
import { FicheSection, SectionActions, type SectionEditor, sliceKey } from './FicheSection';
import { ReadOnlyFacts } from './ReadOnlyFacts';

const FIELDS = ['titre', 'maturite', 'resume', 'maitreOuvrage', 'partenaires', 'porteur'] as const;

export function DescriptionSection({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  return (
    <FicheSection
      id="description"
      fiche={fiche}
      title={t('fiche.sectionDescription')}
      view={<DescriptionView fiche={fiche} />}
    >
      {(editor) => <DescriptionForm key={sliceKey(fiche, FIELDS)} fiche={fiche} editor={editor} />}
    </FicheSection>
  );
}

function DescriptionView({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  return (
    <ReadOnlyFacts
      facts={[
        { label: t('ficheFields.maturite'), value: <MaturiteBadge maturite={fiche.maturite} /> },
        {
          label: t('ficheFields.resume'),
          value: fiche.resume && <span className="prose">{fiche.resume}</span>,
        },
        { label: t('ficheFields.maitreOuvrage'), value: fiche.maitreOuvrage },
        { label: t('ficheFields.partenaires'), value: fiche.partenaires.join(', ') },
        { label: t('ficheFields.porteurId'), value: fiche.porteur?.nom },
      ]}
    />
  );
}

function DescriptionForm({ fiche, editor }: { fiche: Fiche; editor: SectionEditor }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { contrat, allowed } = useContratContext();
  const membres = useMembres(contrat.id, allowed('membre.lister'));
  const initial = {
    titre: fiche.titre,
    maturite: fiche.maturite as Maturite,
    resume: fiche.resume,
    maitreOuvrage: fiche.maitreOuvrage,
    partenaires: fiche.partenaires.join('\n'),
    porteurId: fiche.porteur?.id ?? '',
  };
  const form = useForm(initial);
  const dirty = JSON.stringify(form.values) !== JSON.stringify(initial);

  const submit = form.onSubmit(() => {
    const { partenaires, porteurId, ...rest } = form.values;
    const input = form.validate(updateFicheSchema, {
      ...rest,
      partenaires: partenaires
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      porteurId: porteurId || null,
    });
    if (input) editor.save(input, form.showError);
  });

  // The porteur is one of the contract's members; keep the current one even if it left.
  const porteurs = (membres.data?.items ?? []).map((membre) => ({
    value: membre.userId,
    label: membre.nom,
  }));
  if (fiche.porteur && !porteurs.some((option) => option.value === fiche.porteur?.id)) {
    porteurs.push({ value: fiche.porteur.id, label: fiche.porteur.nom });
  }

  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <TextField
        label={t('ficheFields.titre')}
        value={form.values.titre}
        onChange={(value) => form.set('titre', value)}
        error={form.errors.titre}
        autoComplete="off"
      />
      <div className="form__row">
        <SelectField
          label={t('ficheFields.maturite')}
          value={form.values.maturite}
          onChange={(value) => form.set('maturite', value)}
          options={MATURITES.map((value) => ({ value, label: label(MATURITE_LABELS, value) }))}
          error={form.errors.maturite}
        />
        <TextField
          label={t('ficheFields.maitreOuvrage')}
          hint={t('fiche.maitreOuvrageHint')}
          value={form.values.maitreOuvrage}
          onChange={(value) => form.set('maitreOuvrage', value)}
          error={form.errors.maitreOuvrage}
          optional
        />
      </div>
      <TextArea
        label={t('ficheFields.resume')}
        value={form.values.resume}
        onChange={(value) => form.set('resume', value)}
        error={form.errors.resume}
        optional
        rows={5}
      />
      <div className="form__row">
        <TextArea
          label={t('ficheFields.partenaires')}
          hint={t('fiche.partenairesHint')}
          value={form.values.partenaires}
          onChange={(value) => form.set('partenaires', value)}
          error={form.errors.partenaires}
          optional
          rows={3}
        />
        {allowed('membre.lister') ? (
          <SelectField
            label={t('ficheFields.porteurId')}
            hint={t('fiche.porteurHint')}
            value={form.values.porteurId}
            onChange={(value) => form.set('porteurId', value)}
            placeholder={t('fiche.noPorteur')}
            options={porteurs}
            error={form.errors.porteurId}
            optional
          />
        ) : (
          <div className="field">
            <p className="field__label">{t('ficheFields.porteurId')}</p>
            <p className="readonly-field__value">{fiche.porteur?.nom ?? t('fiche.noPorteur')}</p>
          </div>
        )}
      </div>
      <SectionActions editor={editor} dirty={dirty} />
    </form>
  );
}
