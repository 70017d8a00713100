import type { Locale } from '@trame/shared';
import { html, type SafeHtml } from '../html.js';
import { MESSAGES } from '../i18n.js';

export type PortalError =
  | 'introuvable'
  | 'fiche_introuvable'
  | 'proposition_introuvable'
  | 'recherche_invalide'
  | 'indisponible';

const TEXTS = {
  introuvable: ['introuvable', 'introuvableTexte'],
  fiche_introuvable: ['ficheIntrouvable', 'ficheIntrouvableTexte'],
  proposition_introuvable: ['propositionIntrouvable', 'propositionIntrouvableTexte'],
  recherche_invalide: ['rechercheInvalide', 'rechercheInvalideTexte'],
  indisponible: ['indisponible', 'indisponibleTexte'],
} as const;

export function errorTitle(error: PortalError, locale: Locale): string {
  return MESSAGES[locale][TEXTS[error][0]];
}

/** An error page's content: what happened, and a way on (`back`: the most useful link). */
export function errorContent(
  error: PortalError,
  locale: Locale,
  back: { href: string; label: string },
): SafeHtml {
  const t = MESSAGES[locale];
  return html`<h1>${errorTitle(error, locale)}</h1>
<p>${t[TEXTS[error][1]]}</p>
<p><a href="${back.href}">${back.label}</a></p>`;
}
