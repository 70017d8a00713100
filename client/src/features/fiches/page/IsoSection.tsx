import {
  type Fiche,
  ISO_DOMAINE_LABELS,
  ISO_DOMAINES,
  ISO_FINALITE_LABELS,
  ISO_FINALITES,
  updateFicheSchema,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n/labels';
import { FormAlert } from '../../../ui/Alert';
import { useForm } from '../../../ui/form';
import { CheckboxList } from './CheckboxList';
import { FicheSection, SectionActions, type SectionEditor, sliceKey } from './FicheSection';
import { ReadOnlyFacts } from './ReadOnlyFacts';

const FIELDS = ['isoFinalites', 'isoDomaines'] as const;

export function IsoSection({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  return (
    <FicheSection
      id="iso37101"
      fiche={fiche}
      title={t('fiche.sectionIso')}
      description={t('fiche.isoDescription')}
      view={<IsoView fiche={fiche} />}
    >
      {(editor) => <IsoForm key={sliceKey(fiche, FIELDS)} fiche={fiche} editor={editor} />}
    </FicheSection>
  );
}

function IsoView({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <ReadOnlyFacts
      facts={[
        {
          label: t('ficheFields.isoFinalites'),
          value: fiche.isoFinalites.map((f) => label(ISO_FINALITE_LABELS, f)).join(' · '),
        },
        {
          label: t('ficheFields.isoDomaines'),
          value: fiche.isoDomaines.map((d) => label(ISO_DOMAINE_LABELS, d)).join(' · '),
        },
      ]}
    />
  );
}

function IsoForm({ fiche, editor }: { fiche: Fiche; editor: SectionEditor }) {
  const { t } = useTranslation();
  const label = useLabel();
  const initial = { isoFinalites: fiche.isoFinalites, isoDomaines: fiche.isoDomaines };
  const form = useForm(initial);
  const dirty = JSON.stringify(form.values) !== JSON.stringify(initial);
  const submit = form.onSubmit(() => {
    const input = form.validate(updateFicheSchema, form.values);
    if (input) editor.save(input, form.showError);
  });
  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <CheckboxList
        legend={t('ficheFields.isoFinalites')}
        options={ISO_FINALITES.map((value) => ({
          value,
          label: label(ISO_FINALITE_LABELS, value),
        }))}
        selected={form.values.isoFinalites}
        onChange={(selected) => form.set('isoFinalites', selected)}
        error={form.errors.isoFinalites}
        columns
      />
      <CheckboxList
        legend={t('ficheFields.isoDomaines')}
        options={ISO_DOMAINES.map((value) => ({ value, label: label(ISO_DOMAINE_LABELS, value) }))}
        selected={form.values.isoDomaines}
        onChange={(selected) => form.set('isoDomaines', selected)}
        error={form.errors.isoDomaines}
        columns
      />
      <SectionActions editor={editor} dirty={dirty} />
    </form>
  );
}
