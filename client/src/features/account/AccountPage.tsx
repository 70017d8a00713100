import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CATEGORIE_LABELS,
  CATEGORIES,
  type Categorie,
  type Locale,
  type Me,
  type MembershipSummary,
  ROLE_LABELS,
  updateMeSchema,
} from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { authApi } from '../../api/auth';
import { isApiError } from '../../api/client';
import { membreApi } from '../../api/contrats';
import { useLabel } from '../../i18n/labels';
import { storeLocale } from '../../i18n/locale';
import { FormAlert, LiveStatus } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField, TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { usePageTitle } from '../../ui/usePageTitle';
import { ME_KEY, useMe } from '../auth/session';
import { contratKeys } from '../contrats/queries';

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const { data: me } = useMe();
  // RequireAuth renders this page only once the person is known.
  if (!me) return null;
  return (
    <>
      <div className="page-header">
        <h1>{t('account.title')}</h1>
        <p className="lead">{t('account.intro')}</p>
      </div>
      <div className="grid grid--sidebar">
        <section className="card card--form" aria-labelledby="profil-title">
          <h2 id="profil-title">{t('account.profile')}</h2>
          <ProfileForm me={me} />
        </section>
        <section className="card" aria-labelledby="memberships-title">
          <h2 id="memberships-title" tabIndex={-1}>
            {t('account.memberships')}
          </h2>
          <Memberships me={me} />
        </section>
      </div>
    </>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const form = useForm({
    nom: me.nom,
    categorie: me.categorie as Categorie,
    locale: me.locale as Locale,
  });
  const save = useMutation({
    mutationFn: authApi.updateMe,
    onSuccess: (updated) => {
      queryClient.setQueryData(ME_KEY, updated);
      storeLocale(updated.locale);
      void i18n.changeLanguage(updated.locale);
    },
    onError: form.showError,
  });
  const submit = form.onSubmit(() => {
    const input = form.validate(updateMeSchema, form.values);
    if (input) save.mutate(input);
  });
  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <div className="readonly-field">
        <p className="field__label">{t('fields.email')}</p>
        <p className="readonly-field__value">{me.email}</p>
      </div>
      <TextField
        label={t('fields.nom')}
        autoComplete="name"
        value={form.values.nom}
        onChange={(value) => form.set('nom', value)}
        error={form.errors.nom}
      />
      <SelectField
        label={t('fields.categorie')}
        hint={t('register.categorieHint')}
        value={form.values.categorie}
        onChange={(value) => form.set('categorie', value)}
        options={CATEGORIES.map((value) => ({ value, label: label(CATEGORIE_LABELS, value) }))}
        error={form.errors.categorie}
      />
      <SelectField
        label={t('fields.langue')}
        hint={t('account.langueHint')}
        value={form.values.locale}
        onChange={(value) => form.set('locale', value)}
        options={[
          { value: 'fr', label: 'Français' },
          { value: 'en', label: 'English' },
        ]}
        error={form.errors.locale}
      />
      <div className="form__actions">
        <Button type="submit" busy={save.isPending}>
          {t('common.save')}
        </Button>
        <LiveStatus message={save.isSuccess && !save.isPending ? t('account.saved') : null} />
      </div>
    </form>
  );
}

/** The person's contracts, each of which they may leave (the server keeps one animateur). */
function Memberships({ me }: { me: Me }) {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [leaving, setLeaving] = useState<MembershipSummary | null>(null);
  const leave = useMutation({
    mutationFn: (membership: MembershipSummary) => membreApi.remove(membership.contratId, me.id),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ME_KEY }),
        queryClient.invalidateQueries({ queryKey: contratKeys.list }),
        queryClient.invalidateQueries({ queryKey: contratKeys.details }),
      ]);
      setLeaving(null);
    },
  });

  if (me.memberships.length === 0) return <p className="muted">{t('account.noMembership')}</p>;
  return (
    <>
      <ul className="plain-list">
        {me.memberships.map((membership) => (
          <li key={membership.contratId} className="plain-list__item">
            <span>
              <Link to={`/contrats/${membership.slug}`}>{membership.nom}</Link>
              <span className="cell-sub">{label(ROLE_LABELS, membership.role)}</span>
            </span>
            <Button
              size="sm"
              variant="tertiary"
              onClick={() => setLeaving(membership)}
              aria-label={t('account.leaveNamed', { nom: membership.nom })}
            >
              {t('account.leave')}
            </Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={leaving !== null}
        fallbackFocusId="memberships-title"
        title={t('account.leaveTitle')}
        confirmLabel={t('account.leave')}
        onClose={() => {
          setLeaving(null);
          leave.reset();
        }}
        onConfirm={() => leaving && leave.mutate(leaving)}
        busy={leave.isPending}
        error={isApiError(leave.error) ? leave.error.message : null}
      >
        <p>{t('account.leaveText', { nom: leaving?.nom ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
