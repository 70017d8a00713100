import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/Button';
import { EmptyState, ErrorState, Loading } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { useMe } from '../auth/session';
import { ContratCard } from './ContratCard';
import { useContrats } from './queries';

export function ContratsPage() {
  const { t } = useTranslation();
  usePageTitle(t('contrats.title'));
  const { data: me } = useMe();
  const contrats = useContrats();
  const newButton = me?.peutCreerContrat ? (
    <ButtonLink
      to="/contrats/nouveau"
      icon={<span className="icon icon--plus" aria-hidden="true" />}
    >
      {t('contrats.new')}
    </ButtonLink>
  ) : null;

  return (
    <>
      <div className="page-header page-header--with-action">
        <div>
          <h1>{t('contrats.title')}</h1>
          <p className="lead">{t('contrats.intro')}</p>
        </div>
        {newButton}
      </div>
      {contrats.isPending && <Loading />}
      {contrats.isError && (
        <ErrorState error={contrats.error} onRetry={() => void contrats.refetch()} />
      )}
      {contrats.data?.items.length === 0 && (
        <EmptyState title={t('contrats.emptyTitle')} action={newButton}>
          <p>{me?.peutCreerContrat ? t('contrats.emptyCreator') : t('contrats.emptyMember')}</p>
        </EmptyState>
      )}
      {contrats.data && contrats.data.items.length > 0 && (
        <ul className="card-grid">
          {contrats.data.items.map((contrat) => (
            <li key={contrat.id}>
              <ContratCard contrat={contrat} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
