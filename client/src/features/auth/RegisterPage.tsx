import { useMutation } from '@tanstack/react-query';
import { CATEGORIE_LABELS, CATEGORIES, type Categorie, registerSchema } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { authApi } from '../../api/auth';
import { useLabel } from '../../i18n/labels';
import { currentLocale } from '../../i18n/locale';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { usePageTitle } from '../../ui/usePageTitle';
import { AuthCard } from './AuthCard';
import { ResendVerification } from './ResendVerification';
import { useMe } from './session';
import { usePasswordMinLength } from './usePasswordMinLength';

export function RegisterPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const me = useMe();
  const minLength = usePasswordMinLength();
  const [sentTo, setSentTo] = useState<string | null>(null);
  usePageTitle(sentTo ? t('register.sentTitle') : t('register.title'));
  const form = useForm({ nom: '', email: '', password: '', categorie: 'habitant' as Categorie });
  const register = useMutation({
    mutationFn: authApi.register,
    onSuccess: (_answer, input) => setSentTo(input.email),
    onError: form.showError,
  });

  if (me.data) return <Navigate to="/" replace />;

  if (sentTo) {
    return (
      <AuthCard
        title={t('register.sentTitle')}
        intro={<p>{t('register.sentText', { email: sentTo })}</p>}
        footer={<Link to="/connexion">{t('register.backToLogin')}</Link>}
      >
        <p className="muted">{t('register.sentHint')}</p>
        <ResendVerification email={sentTo} />
      </AuthCard>
    );
  }

  const submit = form.onSubmit(() => {
    const input = form.validate(registerSchema, { ...form.values, locale: currentLocale() });
    if (input) register.mutate(input);
  });

  return (
    <AuthCard
      title={t('register.title')}
      intro={<p>{t('register.intro')}</p>}
      footer={
        <p>
          {t('register.haveAccount')} <Link to="/connexion">{t('register.login')}</Link>
        </p>
      }
    >
      <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
        <FormAlert message={form.alert} />
        <TextField
          label={t('fields.nom')}
          hint={t('register.nomHint')}
          autoComplete="name"
          value={form.values.nom}
          onChange={(value) => form.set('nom', value)}
          error={form.errors.nom}
        />
        <TextField
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          value={form.values.email}
          onChange={(value) => form.set('email', value)}
          error={form.errors.email}
        />
        <TextField
          label={t('fields.password')}
          hint={t('register.passwordHint', { count: minLength })}
          type="password"
          autoComplete="new-password"
          value={form.values.password}
          onChange={(value) => form.set('password', value)}
          error={form.errors.password}
        />
        <SelectField
          label={t('fields.categorie')}
          hint={t('register.categorieHint')}
          value={form.values.categorie}
          onChange={(value) => form.set('categorie', value)}
          options={CATEGORIES.map((value) => ({ value, label: label(CATEGORIE_LABELS, value) }))}
          error={form.errors.categorie}
        />
        <Button type="submit" busy={register.isPending} className="btn--block">
          {t('register.submit')}
        </Button>
      </form>
    </AuthCard>
  );
}
