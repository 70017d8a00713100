import { useMutation } from '@tanstack/react-query';
import { loginSchema } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { authApi, OIDC_LOGIN_URL } from '../../api/auth';
import { isApiError } from '../../api/client';
import { Alert, FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { usePageTitle } from '../../ui/usePageTitle';
import { AuthCard } from './AuthCard';
import { ResendVerification } from './ResendVerification';
import { safeReturnPath } from './returnTo';
import { useAuthConfig, useMe, useSignedIn } from './session';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('retour'));
  const navigate = useNavigate();
  const me = useMe();
  const config = useAuthConfig();
  const signedIn = useSignedIn();
  const form = useForm({ email: '', password: '' });
  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: (user) => {
      signedIn(user);
      navigate(returnTo, { replace: true });
    },
    onError: form.showError,
  });

  if (me.data && !login.isSuccess) return <Navigate to={returnTo} replace />;

  const submit = form.onSubmit(() => {
    const input = form.validate(loginSchema, form.values);
    if (input) login.mutate(input);
  });

  const oidc = config.data?.oidc;
  return (
    <AuthCard
      title={t('login.title')}
      intro={<p>{t('login.intro')}</p>}
      footer={
        <p>
          {t('login.noAccount')} <Link to="/inscription">{t('login.register')}</Link>
        </p>
      }
    >
      {params.get('erreur') === 'oidc' && <Alert tone="error" title={t('login.oidcFailed')} />}
      {oidc?.enabled && (
        <div className="auth__sso">
          <a className="btn btn--proconnect" href={OIDC_LOGIN_URL}>
            <span className="btn--proconnect__logo" aria-hidden="true" />
            {t('login.withProvider', { provider: oidc.label || 'ProConnect' })}
          </a>
          <p className="separator">
            <span>{t('login.or')}</span>
          </p>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
        <FormAlert message={form.alert} />
        {isApiError(login.error, 'email_not_verified') && (
          <ResendVerification email={form.values.email} />
        )}
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
          type="password"
          autoComplete="current-password"
          value={form.values.password}
          onChange={(value) => form.set('password', value)}
          error={form.errors.password}
        />
        <p className="form__aside">
          <Link to="/mot-de-passe-oublie">{t('login.forgot')}</Link>
        </p>
        <Button type="submit" busy={login.isPending} className="btn--block">
          {t('login.submit')}
        </Button>
      </form>
    </AuthCard>
  );
}
