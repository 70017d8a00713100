import { type Fiche, updateFicheSchema } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { FormAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { useForm } from '../../../ui/form';
import { FicheSection, SectionActions, type SectionEditor, sliceKey } from './FicheSection';
import { ReadOnlyFacts } from './ReadOnlyFacts';
import { rowKey, withKeys, withoutKeys } from './rows';

const FIELDS = ['dateDebut', 'dateFin', 'jalons'] as const;

export function CalendrierSection({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  return (
    <FicheSection
      id="calendrier"
      fiche={fiche}
      title={t('fiche.sectionCalendrier')}
      view={<CalendrierView fiche={fiche} />}
    >
      {(editor) => <CalendrierForm key={sliceKey(fiche, FIELDS)} fiche={fiche} editor={editor} />}
    </FicheSection>
  );
}

function CalendrierView({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ReadOnlyFacts
      facts={[
        {
          label: t('ficheFields.dateDebut'),
          value: fiche.dateDebut && format.date(fiche.dateDebut),
        },
        { label: t('ficheFields.dateFin'), value: fiche.dateFin && format.date(fiche.dateFin) },
        {
          label: t('ficheFields.jalons'),
          value: fiche.jalons.length > 0 && (
            <ul className="jalons">
              {fiche.jalons.map((jalon, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list, never reordered.
                <li key={`${jalon.date}-${index}`} className="jalons__item">
                  <span className={`badge badge--${jalon.fait ? 'success' : 'neutral'}`}>
                    {jalon.fait ? t('fiche.jalonDone') : t('fiche.jalonTodo')}
                  </span>{' '}
                  <span className="jalons__date">{format.date(jalon.date)}</span> — {jalon.libelle}
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

function CalendrierForm({ fiche, editor }: { fiche: Fiche; editor: SectionEditor }) {
  const { t } = useTranslation();
  const initial = {
    dateDebut: fiche.dateDebut ?? '',
    dateFin: fiche.dateFin ?? '',
    jalons: withKeys(fiche.jalons),
  };
  const form = useForm(initial);
  const dirty =
    JSON.stringify({ ...form.values, jalons: withoutKeys(form.values.jalons) }) !==
    JSON.stringify({ ...initial, jalons: fiche.jalons });
  const jalons = form.values.jalons;
  const setJalon = (key: number, change: Partial<(typeof jalons)[number]>) =>
    form.set(
      'jalons',
      jalons.map((jalon) => (jalon.key === key ? { ...jalon, ...change } : jalon)),
    );

  const submit = form.onSubmit(() => {
    const input = form.validate(updateFicheSchema, {
      dateDebut: form.values.dateDebut || null,
      dateFin: form.values.dateFin || null,
      jalons: withoutKeys(jalons),
    });
    if (input) editor.save(input, form.showError);
  });

  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <div className="form__row">
        <TextField
          label={t('ficheFields.dateDebut')}
          type="date"
          value={form.values.dateDebut}
          onChange={(value) => form.set('dateDebut', value)}
          error={form.errors.dateDebut}
          optional
        />
        <TextField
          label={t('ficheFields.dateFin')}
          type="date"
          value={form.values.dateFin}
          onChange={(value) => form.set('dateFin', value)}
          error={form.errors.dateFin}
          optional
        />
      </div>
      <fieldset className="fieldset">
        <legend className="field__label">{t('ficheFields.jalons')}</legend>
        {form.errors.jalons && <p className="field__error">{form.errors.jalons}</p>}
        {jalons.length === 0 ? (
          <p className="muted">{t('fiche.noJalon')}</p>
        ) : (
          <ol className="edit-rows">
            {jalons.map((jalon, index) => {
              const n = index + 1;
              return (
                <li key={jalon.key} className="edit-rows__item edit-rows__item--jalon">
                  <TextField
                    label={t('fiche.jalonLibelle', { n })}
                    value={jalon.libelle}
                    onChange={(libelle) => setJalon(jalon.key, { libelle })}
                    error={form.errors[`jalons.${index}.libelle`]}
                    autoComplete="off"
                  />
                  <TextField
                    label={t('fiche.jalonDate', { n })}
                    type="date"
                    value={jalon.date}
                    onChange={(date) => setJalon(jalon.key, { date })}
                    error={form.errors[`jalons.${index}.date`]}
                  />
                  <div className="checkbox edit-rows__check">
                    <input
                      type="checkbox"
                      id={`jalon-${jalon.key}-fait`}
                      checked={jalon.fait}
                      onChange={(event) => setJalon(jalon.key, { fait: event.target.checked })}
                    />
                    <label htmlFor={`jalon-${jalon.key}-fait`}>
                      {t('fiche.jalonFait')}
                      <span className="sr-only"> ({t('fiche.jalonN', { n })})</span>
                    </label>
                  </div>
                  <Button
                    size="sm"
                    variant="tertiary"
                    onClick={() =>
                      form.set(
                        'jalons',
                        jalons.filter((item) => item.key !== jalon.key),
                      )
                    }
                    aria-label={t('fiche.removeJalon', { n })}
                  >
                    {t('common.remove')}
                  </Button>
                </li>
              );
            })}
          </ol>
        )}
        <Button
          size="sm"
          variant="secondary"
          className="edit-rows__add"
          onClick={() =>
            form.set('jalons', [...jalons, { key: rowKey(), libelle: '', date: '', fait: false }])
          }
        >
          {t('fiche.addJalon')}
        </Button>
      </fieldset>
      <SectionActions editor={editor} dirty={dirty} />
    </form>
  );
}
