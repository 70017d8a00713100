import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface TableScrollProps {
  label: string;
  children: ReactNode;
  className?: string;
}

/**
 * Lets a wide table scroll sideways on a phone. The region is focusable and named so keyboard
 * users can scroll it too (WCAG 2.1.1), as axe's `scrollable-region-focusable` rule requires. Its
 * name says it is the table, so it is not confused with the section of the same title.
 */
export function TableScroll({ label, children, className }: TableScrollProps) {
  const { t } = useTranslation();
  return (
    <section
      className={`table-wrap ${className ?? ''}`.trim()}
      aria-label={t('table.region', { nom: label })}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
    >
      {children}
    </section>
  );
}
