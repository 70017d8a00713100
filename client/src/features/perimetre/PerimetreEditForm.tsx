import { type Contrat, updateContratSchema } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contratApi } from '../../api/contrats';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useForm } from '../../ui/form';
import { useContratMutation } from '../contrats/queries';
import { PerimeterPicker } from '../geo/PerimeterPicker';
import type { Perimeter } from '../geo/perimeter';

export function PerimetreEditForm({ contrat, onDone }: { contrat: Contrat; onDone: () => void }) {
  const { t } = useTranslation();
  const [perimeter, setPerimeter] = useState<Perimeter>({
    epci: contrat.epci,
    communes: contrat.perimetre.communes,
  });
  const form = useForm(
    {},
    { fieldByCode: { unknown_commune: 'communes', unknown_epci: 'communes' } },
  );
  const save = useContratMutation(contrat, contratApi.update, {
    onSuccess: onDone,
    onError: form.showError,
  });
  const submit = form.onSubmit(() => {
    const input = form.validate(
      updateContratSchema,
      {
        epciCode: perimeter.epci?.code ?? null,
        communes: perimeter.communes.map((commune) => commune.code),
      },
      { communes: t('newContrat.perimetreRequired') },
    );
    if (input) save.mutate(input);
  });
  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <PerimeterPicker value={perimeter} onChange={setPerimeter} error={form.errors.communes} />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
