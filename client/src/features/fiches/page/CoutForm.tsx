import { type Fiche, parseEurosToCents, updateFicheSchema } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { FormAlert } from '../../../ui/Alert';
import { TextField } from '../../../ui/Field';
import { useForm } from '../../../ui/form';
import { SectionActions, type SectionEditor } from './FicheSection';

/** Cents → what a person would type back ("125 000,50"): the euros without the symbol. */
export function centsToInput(cents: number | null): string {
  if (cents === null) return '';
  const euros = String(Math.trunc(cents / 100));
  const rest = cents % 100;
  return rest === 0 ? euros : `${euros},${String(rest).padStart(2, '0')}`;
}

/** The operation's total cost before tax, typed in euros and sent in cents. */
export function CoutForm({ fiche, editor }: { fiche: Fiche; editor: SectionEditor }) {
  const { t } = useTranslation();
  const format = useFormat();
  const initial = { cout: centsToInput(fiche.coutCents) };
  const form = useForm(initial);
  const typed = form.values.cout.trim() === '' ? null : parseEurosToCents(form.values.cout);
  const dirty = typed !== fiche.coutCents;
  const submit = form.onSubmit(() => {
    if (typed === undefined) {
      form.fail({ cout: t('financement.montantInvalid') }, t('validation.summary', { count: 1 }));
      return;
    }
    const input = form.validate(updateFicheSchema, { coutCents: typed });
    if (input) editor.save(input, form.showError);
  });
  return (
    <form className="form cout-form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <TextField
        label={t('financement.cout')}
        hint={
          typed
            ? t('financement.coutHintValue', { montant: format.euros(typed) })
            : t('financement.coutHint')
        }
        value={form.values.cout}
        onChange={(value) => form.set('cout', value)}
        error={form.errors.cout ?? form.errors.coutCents}
        inputMode="text"
        autoComplete="off"
        optional
      />
      <SectionActions editor={editor} dirty={dirty} />
    </form>
  );
}
