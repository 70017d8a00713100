import { useMutation } from '@tanstack/react-query';
import { errorMessage, resetPasswordSchema, tokenSchema } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { authApi } from '../../api/auth';
import { currentLocale } from '../../i18n/locale';
import { Alert, FormAlert } from '../../ui/Alert';
import { Button, ButtonLink } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { ErrorState } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { AuthCard } from './AuthCard';
import { usePasswordMinLength } from './usePasswordMinLength';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const tokenValid = tokenSchema.safeParse({ token }).success;
  const minLength = usePasswordMinLength();
  const form = useForm({ password: '', confirmation: '' });
  const reset = useMutation({
    mutationFn: (password: string) => authApi.resetPassword(token, password),
    onError: form.showError,
  });

  const submit = form.onSubmit(() => {
    const input = form.validate(resetPasswordSchema, { token, password: form.values.password });
    if (!input) return;
    if (form.values.confirmation !== form.values.password) {
      form.fail({ confirmation: t('reset.mismatch') }, t('validation.summary', { count: 1 }));
      return;
    }
    reset.mutate(input.password);
  });

  return (
    <AuthCard
      title={t('reset.title')}
      footer={<Link to="/mot-de-passe-oublie">{t('reset.newLink')}</Link>}
    >
      {!tokenValid && (
        <ErrorState error={new Error(errorMessage('invalid_token', currentLocale()))} />
      )}
      {tokenValid && reset.isSuccess && (
        <>
          <Alert tone="success" title={t('reset.doneTitle')}>
            <p>{t('reset.doneText')}</p>
          </Alert>
          <ButtonLink to="/connexion" className="btn--block">
            {t('login.submit')}
          </ButtonLink>
        </>
      )}
      {tokenValid && !reset.isSuccess && (
        <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
          <FormAlert message={form.alert} />
          <TextField
            label={t('reset.password')}
            hint={t('register.passwordHint', { count: minLength })}
            type="password"
            autoComplete="new-password"
            value={form.values.password}
            onChange={(value) => form.set('password', value)}
            error={form.errors.password}
          />
          <TextField
            label={t('reset.confirmation')}
            type="password"
            autoComplete="new-password"
            value={form.values.confirmation}
            onChange={(value) => form.set('confirmation', value)}
            error={form.errors.confirmation}
          />
          <Button type="submit" busy={reset.isPending} className="btn--block">
            {t('reset.submit')}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
