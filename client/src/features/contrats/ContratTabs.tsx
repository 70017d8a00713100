import type { Action } from '@trame/shared';
import type { ParseKeys } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useFormat } from '../../i18n/format';
import type { ContratContextValue } from './context';

interface Section {
  path: string;
  label: ParseKeys;
  count?: number;
  requires?: Action;
}

/**
 * Each section has its own address, so the links are a navigation (with `aria-current`), not an
 * ARIA tab list: they can be bookmarked, opened in a new tab and shared.
 */
export function ContratTabs({ context }: { context: ContratContextValue }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { contrat, allowed } = context;
  const sections: Section[] = [
    { path: '', label: 'sections.apercu' },
    { path: 'projet', label: 'sections.projet' },
    { path: 'perimetre', label: 'sections.perimetre', count: contrat.nombreCommunes },
    { path: 'orientations', label: 'sections.orientations', count: contrat.orientations.length },
    { path: 'fiches', label: 'sections.fiches' },
    { path: 'maquette', label: 'sections.maquette', requires: 'maquette.lire' },
    { path: 'participation', label: 'sections.participation', requires: 'participation.lire' },
    { path: 'propositions', label: 'sections.propositions' },
    { path: 'moderation', label: 'sections.moderation', requires: 'commentaire.moderer' },
    { path: 'membres', label: 'sections.membres', requires: 'membre.lister' },
    { path: 'contrats-lies', label: 'sections.contratsLies', count: contrat.contratsLies.length },
    { path: 'cooperations', label: 'sections.cooperations', count: contrat.cooperations.length },
  ];
  const base = `/contrats/${contrat.slug}`;
  const listRef = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();

  // On a phone the links scroll sideways: keep the current one in view.
  useEffect(() => {
    const list = listRef.current;
    const current = list?.querySelector<HTMLElement>(`a[href="${CSS.escape(pathname)}"]`);
    if (list && current) list.scrollLeft = current.offsetLeft - list.offsetLeft - 16;
  }, [pathname]);

  return (
    <nav className="tabs" aria-label={t('sections.label')}>
      <ul className="tabs__list" ref={listRef}>
        {sections
          .filter((section) => !section.requires || allowed(section.requires))
          .map((section) => (
            <li key={section.path}>
              <NavLink
                className="tabs__link"
                to={section.path ? `${base}/${section.path}` : base}
                end={section.path === ''}
              >
                {t(section.label)}
                {section.count !== undefined && (
                  <span className="tabs__count">{format.number(section.count)}</span>
                )}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
