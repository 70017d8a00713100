import { useMutation, useQueryClient } from '@tanstack/react-query';
import { slugify, sourceContratSchema } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { ficheApi } from '../../../api/fiches';
import { FormAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/Field';
import { useForm } from '../../../ui/form';
import { useContratContext } from '../../contrats/context';
import { ficheKeys } from '../queries';

/** "Région — appel à projets mobilité" → "region_appel_a_projets_mobilite". */
const codeOf = (libelle: string) =>
  slugify(libelle).replace(/-/g, '_').slice(0, 40).replace(/_+$/, '');

/** A funding source of the contract's own, beside the national reference list. */
export function SourceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('sources.addTitle')} onClose={onClose}>
      <SourceForm onDone={onClose} />
    </Dialog>
  );
}

function SourceForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const queryClient = useQueryClient();
  const form = useForm({ libelle: '', code: '' }, { fieldByCode: { source_exists: 'code' } });
  const create = useMutation({
    mutationFn: (input: { code: string; libelle: string }) => ficheApi.addSource(contrat.id, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ficheKeys.sources(contrat.id) });
      onDone();
    },
    onError: form.showError,
  });
  const code = form.values.code || codeOf(form.values.libelle);
  const submit = form.onSubmit(() => {
    const input = form.validate(sourceContratSchema, { libelle: form.values.libelle, code });
    if (input) create.mutate(input);
  });
  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <p className="muted">{t('sources.intro')}</p>
      <FormAlert message={form.alert} />
      <TextField
        label={t('sources.libelle')}
        value={form.values.libelle}
        onChange={(value) => form.set('libelle', value)}
        error={form.errors.libelle}
        autoComplete="off"
      />
      <TextField
        label={t('sources.code')}
        hint={t('sources.codeHint', { code: code || 'region_mobilite' })}
        value={form.values.code}
        onChange={(value) => form.set('code', value)}
        error={form.errors.code}
        autoComplete="off"
        optional
      />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={create.isPending}>
          {t('common.add')}
        </Button>
      </div>
    </form>
  );
}
