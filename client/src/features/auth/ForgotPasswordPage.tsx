import { useMutation } from '@tanstack/react-query';
import { emailOnlySchema } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { authApi } from '../../api/auth';
import { Alert, FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { usePageTitle } from '../../ui/usePageTitle';
import { AuthCard } from './AuthCard';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('forgot.title'));
  const form = useForm({ email: '' });
  const send = useMutation({
    mutationFn: (email: string) => authApi.forgotPassword(email),
    onError: form.showError,
  });
  const submit = form.onSubmit(() => {
    const input = form.validate(emailOnlySchema, form.values);
    if (input) send.mutate(input.email);
  });
  return (
    <AuthCard
      title={t('forgot.title')}
      intro={<p>{t('forgot.intro')}</p>}
      footer={<Link to="/connexion">{t('register.backToLogin')}</Link>}
    >
      {send.isSuccess ? (
        <Alert tone="success" title={t('forgot.sentTitle')}>
          <p>{t('forgot.sentText', { email: send.variables })}</p>
        </Alert>
      ) : (
        <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
          <FormAlert message={form.alert} />
          <TextField
            label={t('fields.email')}
            type="email"
            autoComplete="email"
            value={form.values.email}
            onChange={(value) => form.set('email', value)}
            error={form.errors.email}
          />
          <Button type="submit" busy={send.isPending} className="btn--block">
            {t('forgot.submit')}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
