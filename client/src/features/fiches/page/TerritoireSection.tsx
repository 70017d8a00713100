import { type Fiche, normalizeSearch, updateFicheSchema } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/Alert';
import { SelectField, TextField } from '../../../ui/Field';
import { useForm } from '../../../ui/form';
import { useContratContext } from '../../contrats/context';
import { CheckboxList } from './CheckboxList';
import { FicheSection, SectionActions, type SectionEditor, sliceKey } from './FicheSection';
import { ReadOnlyFacts } from './ReadOnlyFacts';

const FIELDS = ['communes', 'orientationId', 'objectifIds'] as const;

export function TerritoireSection({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  return (
    <FicheSection
      id="territoire"
      fiche={fiche}
      title={t('fiche.sectionTerritoire')}
      view={<TerritoireView fiche={fiche} />}
    >
      {(editor) => <TerritoireForm key={sliceKey(fiche, FIELDS)} fiche={fiche} editor={editor} />}
    </FicheSection>
  );
}

function TerritoireView({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const orientation = contrat.orientations.find((o) => o.id === fiche.orientationId);
  const objectifs = (orientation?.objectifs ?? []).filter((o) => fiche.objectifIds.includes(o.id));
  return (
    <ReadOnlyFacts
      facts={[
        {
          label: t('ficheFields.communes'),
          value: fiche.communes.map((commune) => commune.nom).join(', '),
        },
        {
          label: t('ficheFields.orientationId'),
          value: orientation && `${orientation.numero}. ${orientation.titre}`,
        },
        {
          label: t('ficheFields.objectifIds'),
          value: objectifs.length > 0 && (
            <ul className="bullets">
              {objectifs.map((objectif) => (
                <li key={objectif.id}>
                  {orientation?.numero}.{objectif.numero} {objectif.titre}
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

function TerritoireForm({ fiche, editor }: { fiche: Fiche; editor: SectionEditor }) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const initial = {
    communes: fiche.communes.map((commune) => commune.code),
    orientationId: fiche.orientationId ?? '',
    objectifIds: fiche.objectifIds,
  };
  const form = useForm(initial);
  const [filter, setFilter] = useState('');
  const dirty = JSON.stringify(form.values) !== JSON.stringify(initial);
  const orientation = contrat.orientations.find((o) => o.id === form.values.orientationId);

  const communes = [...contrat.perimetre.communes].sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  const needle = normalizeSearch(filter);
  // Checked communes stay listed whatever the filter, so a selection is never hidden.
  const shown = communes.filter(
    (commune) =>
      !needle ||
      form.values.communes.includes(commune.code) ||
      normalizeSearch(commune.nom).includes(needle) ||
      commune.code.startsWith(needle),
  );

  const submit = form.onSubmit(() => {
    const input = form.validate(updateFicheSchema, {
      communes: form.values.communes,
      orientationId: form.values.orientationId || null,
      objectifIds: form.values.objectifIds,
    });
    if (input) editor.save(input, form.showError);
  });

  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <div className="communes-picker">
        <TextField
          label={t('fiche.communesFilter')}
          hint={t('fiche.communesFilterHint')}
          type="search"
          value={filter}
          onChange={setFilter}
          autoComplete="off"
        />
        <CheckboxList
          legend={t('ficheFields.communes')}
          hint={t('fiche.communesHint', {
            count: form.values.communes.length,
            total: communes.length,
          })}
          options={shown.map((commune) => ({ value: commune.code, label: commune.nom }))}
          selected={form.values.communes}
          onChange={(selected) =>
            // Keep the checked communes hidden by the filter.
            form.set('communes', [
              ...form.values.communes.filter((code) => !shown.some((c) => c.code === code)),
              ...selected,
            ])
          }
          error={form.errors.communes}
          columns
          className="communes-picker__list"
        />
        {form.values.communes.length > 0 && (
          <p className="communes-picker__selected">
            {t('fiche.communesChosen', {
              noms: communes
                .filter((commune) => form.values.communes.includes(commune.code))
                .map((commune) => commune.nom)
                .join(', '),
            })}
          </p>
        )}
      </div>
      <SelectField
        label={t('ficheFields.orientationId')}
        value={form.values.orientationId}
        onChange={(value) => {
          form.set('orientationId', value);
          form.set('objectifIds', []);
        }}
        placeholder={t('fiche.noOrientation')}
        options={contrat.orientations.map((o) => ({
          value: o.id,
          label: `${o.numero}. ${o.titre}`,
        }))}
        error={form.errors.orientationId}
        optional
      />
      {orientation && orientation.objectifs.length > 0 ? (
        <CheckboxList
          legend={t('ficheFields.objectifIds')}
          hint={t('fiche.objectifsHint', { numero: orientation.numero })}
          options={orientation.objectifs.map((objectif) => ({
            value: objectif.id,
            label: `${orientation.numero}.${objectif.numero} ${objectif.titre}`,
          }))}
          selected={form.values.objectifIds}
          onChange={(selected) => form.set('objectifIds', selected)}
          error={form.errors.objectifIds}
        />
      ) : (
        <p className="muted">
          {orientation ? t('fiche.noObjectif') : t('fiche.chooseOrientationFirst')}
        </p>
      )}
      <SectionActions editor={editor} dirty={dirty} />
    </form>
  );
}
