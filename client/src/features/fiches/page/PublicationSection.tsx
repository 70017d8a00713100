import { type Fiche, updateFicheSchema } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Checkbox } from '../../../ui/Field';
import { useForm } from '../../../ui/form';
import { useContratContext } from '../../contrats/context';
import { FicheSection, SectionActions, type SectionEditor, sliceKey } from './FicheSection';

const FIELDS = ['public'] as const;

export function PublicationSection({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  return (
    <FicheSection
      id="publication"
      fiche={fiche}
      title={t('fiche.sectionPublication')}
      view={<PublicBadge fiche={fiche} />}
    >
      {(editor) => <PublicationForm key={sliceKey(fiche, FIELDS)} fiche={fiche} editor={editor} />}
    </FicheSection>
  );
}

export function PublicBadge({ fiche }: { fiche: Pick<Fiche, 'public'> }) {
  const { t } = useTranslation();
  return fiche.public ? (
    <Badge tone="info">{t('fiche.isPublic')}</Badge>
  ) : (
    <Badge tone="neutral">{t('fiche.isPrivate')}</Badge>
  );
}

function PublicationForm({ fiche, editor }: { fiche: Fiche; editor: SectionEditor }) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const form = useForm({ public: fiche.public });
  const dirty = form.values.public !== fiche.public;
  const submit = form.onSubmit(() => {
    const input = form.validate(updateFicheSchema, form.values);
    if (input) editor.save(input, form.showError);
  });
  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <Checkbox
        label={t('fiche.publicLabel')}
        hint={contrat.publie ? t('fiche.publicHint') : t('fiche.publicHintUnpublished')}
        checked={form.values.public}
        onChange={(checked) => form.set('public', checked)}
      />
      <SectionActions editor={editor} dirty={dirty} />
    </form>
  );
}
