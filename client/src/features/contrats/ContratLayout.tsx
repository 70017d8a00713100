import { useTranslation } from 'react-i18next';
import { Outlet, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { ButtonLink } from '../../ui/Button';
import { ErrorState, Loading } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { loginPath } from '../auth/returnTo';
import { useMe } from '../auth/session';
import { ContratHeader } from './ContratHeader';
import { ContratTabs } from './ContratTabs';
import { contratContext } from './context';
import { useContrat } from './queries';

export function ContratLayout() {
  const { slug = '' } = useParams();
  const query = useContrat(slug);

  if (query.isPending) return <Loading />;
  if (query.isError)
    return <ContratUnavailable error={query.error} onRetry={() => void query.refetch()} />;

  const context = contratContext(query.data);
  return (
    <>
      <ContratHeader context={context} />
      <ContratTabs context={context} />
      <div className="section-panel">
        <Outlet context={context} />
      </div>
    </>
  );
}

function ContratUnavailable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { slug = '' } = useParams();
  usePageTitle(t('contrat.unavailable'));
  const missing = isApiError(error) && [401, 403, 404].includes(error.status);
  return (
    <section className="notice-page">
      <h1>{t('contrat.unavailable')}</h1>
      <ErrorState error={error} onRetry={missing ? undefined : onRetry} />
      {missing && !me && (
        <ButtonLink to={loginPath(`/contrats/${slug}`)}>{t('contrat.signInToSee')}</ButtonLink>
      )}
      {missing && me && <ButtonLink to="/">{t('contrats.backToList')}</ButtonLink>}
    </section>
  );
}
