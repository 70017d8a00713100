import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth';
import { LiveStatus } from '../../ui/Alert';
import { Button } from '../../ui/Button';

/** Offered when an unverified account tries to sign in: the first link may be lost or expired. */
export function ResendVerification({ email }: { email: string }) {
  const { t } = useTranslation();
  const resend = useMutation({ mutationFn: () => authApi.resendVerification(email) });
  return (
    <div className="inline-action">
      <Button
        variant="secondary"
        size="sm"
        onClick={() => resend.mutate()}
        busy={resend.isPending}
        disabled={resend.isSuccess}
      >
        {t('login.resend')}
      </Button>
      <LiveStatus message={resend.isSuccess ? t('login.resent') : null} />
    </div>
  );
}
