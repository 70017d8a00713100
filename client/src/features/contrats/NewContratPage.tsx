import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createContratSchema, slugify } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { contratApi } from '../../api/contrats';
import { FormAlert } from '../../ui/Alert';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Button, ButtonLink } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { usePageTitle } from '../../ui/usePageTitle';
import { ME_KEY } from '../auth/session';
import { PerimeterPicker } from '../geo/PerimeterPicker';
import { EMPTY_PERIMETER, type Perimeter } from '../geo/perimeter';
import { contratKeys } from './queries';

export function NewContratPage() {
  const { t } = useTranslation();
  usePageTitle(t('newContrat.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [perimeter, setPerimeter] = useState<Perimeter>(EMPTY_PERIMETER);
  const form = useForm(
    { nom: '', slug: '', description: '', dateDebut: '', dateFin: '' },
    {
      fieldByCode: {
        slug_taken: 'slug',
        invalid_period: 'dateFin',
        unknown_commune: 'communes',
        unknown_epci: 'communes',
      },
    },
  );
  const create = useMutation({
    mutationFn: contratApi.create,
    onSuccess: async (contrat) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: contratKeys.list }),
        queryClient.invalidateQueries({ queryKey: ME_KEY }),
      ]);
      navigate(`/contrats/${contrat.slug}`);
    },
    onError: form.showError,
  });

  const submit = form.onSubmit(() => {
    const { nom, slug, description, dateDebut, dateFin } = form.values;
    const input = form.validate(
      createContratSchema,
      {
        nom,
        slug: slug.trim() || undefined,
        description,
        dateDebut: dateDebut || null,
        dateFin: dateFin || null,
        epciCode: perimeter.epci?.code ?? null,
        communes: perimeter.communes.map((commune) => commune.code),
      },
      { communes: t('newContrat.perimetreRequired') },
    );
    if (input) create.mutate(input);
  });

  const slugPreview = form.values.slug.trim() || slugify(form.values.nom);

  return (
    <>
      <Breadcrumb
        parents={[{ to: '/', label: t('contrats.title') }]}
        current={t('newContrat.title')}
      />
      <div className="page-header">
        <h1>{t('newContrat.title')}</h1>
        <p className="lead">{t('newContrat.intro')}</p>
      </div>
      <form className="form form--wide" onSubmit={submit} noValidate ref={form.formRef}>
        <p className="muted">{t('form.allRequired')}</p>
        <FormAlert message={form.alert} />
        <section className="card card--form" aria-labelledby="identite-title">
          <h2 id="identite-title">{t('newContrat.identity')}</h2>
          <TextField
            label={t('fields.nomContrat')}
            hint={t('newContrat.nomHint')}
            value={form.values.nom}
            onChange={(value) => form.set('nom', value)}
            error={form.errors.nom}
          />
          <TextField
            label={t('fields.slug')}
            hint={t('newContrat.slugHint', { slug: slugPreview || '…' })}
            value={form.values.slug}
            onChange={(value) => form.set('slug', value)}
            error={form.errors.slug}
            optional
            autoComplete="off"
          />
          <TextArea
            label={t('fields.description')}
            value={form.values.description}
            onChange={(value) => form.set('description', value)}
            error={form.errors.description}
            optional
            rows={5}
          />
          <div className="form__row">
            <TextField
              label={t('fields.dateDebut')}
              type="date"
              value={form.values.dateDebut}
              onChange={(value) => form.set('dateDebut', value)}
              error={form.errors.dateDebut}
              optional
            />
            <TextField
              label={t('fields.dateFin')}
              type="date"
              value={form.values.dateFin}
              onChange={(value) => form.set('dateFin', value)}
              error={form.errors.dateFin}
              optional
            />
          </div>
        </section>
        <section className="card card--form" aria-labelledby="perimetre-title">
          <h2 id="perimetre-title">{t('newContrat.perimetre')}</h2>
          <p className="muted">{t('newContrat.perimetreIntro')}</p>
          <PerimeterPicker
            value={perimeter}
            onChange={setPerimeter}
            error={form.errors.communes ?? form.errors.epciCode}
          />
        </section>
        <div className="form__actions">
          <Button type="submit" busy={create.isPending}>
            {t('newContrat.submit')}
          </Button>
          <ButtonLink to="/" variant="secondary">
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
