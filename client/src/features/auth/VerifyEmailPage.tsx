import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '@trame/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../../api/auth';
import { currentLocale } from '../../i18n/locale';
import { ErrorState, Loading } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { AuthCard } from './AuthCard';
import { useSignedIn } from './session';

export function VerifyEmailPage() {
  const { t } = useTranslation();
  usePageTitle(t('verify.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const verify = useMutation({
    mutationFn: authApi.verifyEmail,
    onSuccess: (me) => {
      signedIn(me);
      navigate('/', { replace: true });
    },
  });
  const { mutate } = verify;
  // A token works once: the ref keeps React's development double-run from spending it twice.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    mutate(token);
  }, [token, mutate]);

  return (
    <AuthCard
      title={t('verify.title')}
      footer={<Link to="/connexion">{t('register.backToLogin')}</Link>}
    >
      {!token && <ErrorState error={new Error(errorMessage('invalid_token', currentLocale()))} />}
      {token && verify.isError && <ErrorState error={verify.error} />}
      {token && !verify.isError && <Loading label={t('verify.pending')} />}
    </AuthCard>
  );
}
