import { useTranslation } from 'react-i18next';
import { Button } from './Button';

interface PaginationProps {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  /** What is paged, to tell two paginations of a page apart. */
  label?: string;
}

/**
 * Previous and next pages of a server-paged list. The buttons stay in place and are disabled at
 * the ends, so the position of the other one never jumps under the pointer.
 */
export function Pagination({ page, pages, onPage, label }: PaginationProps) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label ?? t('pagination.label')}>
      <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <span aria-hidden="true">←</span> {t('pagination.previous')}
      </Button>
      <p className="pagination__status" aria-live="polite">
        {t('pagination.page', { page, pages })}
      </p>
      <Button
        variant="secondary"
        size="sm"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('pagination.next')} <span aria-hidden="true">→</span>
      </Button>
    </nav>
  );
}
