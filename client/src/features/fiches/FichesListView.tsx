import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Pagination } from '../../ui/Pagination';
import { EmptyState, ErrorState, Loading } from '../../ui/Status';
import { useContratContext } from '../contrats/context';
import { FichesTable } from './FichesTable';
import { useFicheList } from './queries';
import { hasFilters, PAGE_SIZE, type useFicheSearch } from './useFicheSearch';

type Search = ReturnType<typeof useFicheSearch>;

/** The table view: one server page of fiches, sorted and filtered by the server. */
export function FichesListView({ search }: { search: Search }) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const list = useFicheList(contrat.id, search.apiParams(PAGE_SIZE, (search.page - 1) * PAGE_SIZE));
  const data = list.data;
  // A page past the end (an old bookmark, fiches deleted since): go to the last one.
  const lastPage = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const { page, setPage } = search;
  useEffect(() => {
    if (data && !list.isPlaceholderData && page > lastPage) setPage(lastPage);
  }, [data, list.isPlaceholderData, page, lastPage, setPage]);

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  const { items, total } = list.data;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="fiches-list" aria-busy={list.isPlaceholderData || undefined}>
      <p className="toolbar__count" aria-live="polite">
        {t('fiches.count', { count: total })}
      </p>
      {items.length === 0 ? (
        <EmptyState title={hasFilters(search.filters) ? t('fiches.noMatch') : t('fiches.empty')}>
          {!hasFilters(search.filters) && <p>{t('fiches.emptyText')}</p>}
        </EmptyState>
      ) : (
        <FichesTable fiches={items} sort={search.sort} onSort={search.setSort} />
      )}
      <Pagination page={Math.min(search.page, pages)} pages={pages} onPage={search.setPage} />
    </div>
  );
}
