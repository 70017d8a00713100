import { type ReactNode, useId } from 'react';

interface SectionProps {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  /** Lets a caller move focus to the heading, e.g. after the item that had focus was deleted. */
  headingId?: string;
}

/** A titled block of a page: the heading labels the region for landmark navigation. */
export function Section({ title, description, action, children, headingId }: SectionProps) {
  const generated = useId();
  const id = headingId ?? generated;
  return (
    <section className="section" aria-labelledby={id}>
      <div className="section__header">
        <div>
          <h2 id={id} className="section__title" tabIndex={-1}>
            {title}
          </h2>
          {description && <p className="section__description">{description}</p>}
        </div>
        {action && <div className="section__action">{action}</div>}
      </div>
      {children}
    </section>
  );
}

/** Puts focus on a section heading, so keyboard users are not left on a removed element. */
export function focusHeading(id: string) {
  document.getElementById(id)?.focus();
}
