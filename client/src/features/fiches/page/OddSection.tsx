import { type Fiche, ODD, ODD_LABELS, updateFicheSchema } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/Alert';
import { useForm } from '../../../ui/form';
import { useLocale } from '../queries';
import { CheckboxList } from './CheckboxList';
import { FicheSection, SectionActions, type SectionEditor, sliceKey } from './FicheSection';

const FIELDS = ['odd'] as const;

/** "ODD 7 — Énergie propre et d’un coût abordable". */
export function useOddLabel() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (numero: number) => t('odd.label', { numero, nom: ODD_LABELS[locale][numero - 1] ?? '' });
}

export function OddSection({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  return (
    <FicheSection
      id="odd"
      fiche={fiche}
      title={t('fiche.sectionOdd')}
      view={<OddView fiche={fiche} />}
    >
      {(editor) => <OddForm key={sliceKey(fiche, FIELDS)} fiche={fiche} editor={editor} />}
    </FicheSection>
  );
}

function OddView({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  const oddLabel = useOddLabel();
  if (fiche.odd.length === 0) return <p className="muted">{t('fiche.noOdd')}</p>;
  return (
    <ul className="odd-list">
      {[...fiche.odd]
        .sort((a, b) => a - b)
        .map((numero) => (
          <li key={numero} className="odd-list__item">
            {oddLabel(numero)}
          </li>
        ))}
    </ul>
  );
}

function OddForm({ fiche, editor }: { fiche: Fiche; editor: SectionEditor }) {
  const { t } = useTranslation();
  const oddLabel = useOddLabel();
  const initial = { odd: [...fiche.odd].sort((a, b) => a - b) };
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
        legend={t('fiche.oddLegend')}
        options={ODD.map((numero) => ({ value: numero, label: oddLabel(numero) }))}
        selected={form.values.odd}
        onChange={(selected) => form.set('odd', selected)}
        error={form.errors.odd}
        columns
      />
      <SectionActions editor={editor} dirty={dirty} />
    </form>
  );
}
