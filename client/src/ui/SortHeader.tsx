import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type SortDirection = 'ascending' | 'descending';

interface SortHeaderProps {
  label: ReactNode;
  active: boolean;
  direction: SortDirection;
  onSort: () => void;
  className?: string;
}

/** A column header whose button sorts the table; `aria-sort` tells which column leads. */
export function SortHeader({ label, active, direction, onSort, className }: SortHeaderProps) {
  const { t } = useTranslation();
  return (
    <th scope="col" aria-sort={active ? direction : undefined} className={className}>
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <span
          className={`sort-button__icon${active ? ` sort-button__icon--${direction}` : ''}`}
          aria-hidden="true"
        />
        <span className="sr-only">
          {active && direction === 'ascending'
            ? t('table.sortDescending')
            : t('table.sortAscending')}
        </span>
      </button>
    </th>
  );
}
