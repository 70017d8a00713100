import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acceptInvitationSchema,
  type InvitationPreview,
  type Me,
  ROLE_LABELS,
} from '@trame/shared';
import { Trans, useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { invitationApi } from '../../api/auth';
import { useLabel } from '../../i18n/labels';
import { Alert, FormAlert } from '../../ui/Alert';
import { Button, ButtonLink } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { ErrorState, Loading } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { AuthCard } from './AuthCard';
import { loginPath } from './returnTo';
import { ME_KEY, useMe } from './session';
import { usePasswordMinLength } from './usePasswordMinLength';

export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => invitationApi.preview(token),
  });
  const me = useMe();

  return (
    <AuthCard title={t('invitation.title')}>
      {(preview.isPending || me.isPending) && <Loading />}
      {preview.isError && <ErrorState error={preview.error} />}
      {preview.data && !me.isPending && (
        <InvitationAnswer token={token} invitation={preview.data} me={me.data ?? null} />
      )}
    </AuthCard>
  );
}

interface AnswerProps {
  token: string;
  invitation: InvitationPreview;
  me: Me | null;
}

function InvitationAnswer({ token, invitation, me }: AnswerProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const minLength = usePasswordMinLength();
  const form = useForm({ nom: '', password: '' });
  const accept = useMutation({
    mutationFn: (input: { nom?: string; password?: string }) => invitationApi.accept(token, input),
    onSuccess: ({ contrat }) => {
      // The answer opens a session (or extends one with a new membership): reload who we are.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth-config' });
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
      navigate(`/contrats/${contrat.slug}`);
    },
    onError: form.showError,
  });

  const intro = (
    <p className="lead">
      <Trans
        t={t}
        i18nKey="invitation.intro"
        values={{ contrat: invitation.contrat.nom, role: label(ROLE_LABELS, invitation.role) }}
        components={{ strong: <strong /> }}
      />
    </p>
  );
  const addressedTo = (
    <p className="muted">{t('invitation.addressedTo', { email: invitation.email })}</p>
  );

  if (invitation.compteExistant && !me) {
    return (
      <>
        {intro}
        {addressedTo}
        <p>{t('invitation.signInFirst')}</p>
        <ButtonLink to={loginPath(`/invitation/${token}`)} className="btn--block">
          {t('invitation.signIn')}
        </ButtonLink>
      </>
    );
  }

  const otherAccount = me && me.email !== invitation.email ? me : null;
  if (invitation.compteExistant) {
    return (
      <>
        {intro}
        {addressedTo}
        {otherAccount && (
          <Alert tone="info" title={t('invitation.otherAccount', { email: otherAccount.email })} />
        )}
        <FormAlert message={form.alert} />
        <Button onClick={() => accept.mutate({})} busy={accept.isPending} className="btn--block">
          {t('invitation.accept')}
        </Button>
      </>
    );
  }

  const submit = form.onSubmit(() => {
    const input = form.validate(acceptInvitationSchema, form.values);
    if (input) accept.mutate(input);
  });

  return (
    <>
      {intro}
      {addressedTo}
      {otherAccount && (
        <Alert tone="info" title={t('invitation.otherAccount', { email: otherAccount.email })} />
      )}
      <p>{t('invitation.createAccount')}</p>
      <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
        <FormAlert message={form.alert} />
        <TextField
          label={t('fields.nom')}
          autoComplete="name"
          value={form.values.nom}
          onChange={(value) => form.set('nom', value)}
          error={form.errors.nom}
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
        <Button type="submit" busy={accept.isPending} className="btn--block">
          {t('invitation.acceptAndCreate')}
        </Button>
      </form>
    </>
  );
}
