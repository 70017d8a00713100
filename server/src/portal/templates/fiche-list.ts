import {
  type FicheSummary,
  ficheReference,
  formatEuros,
  type Locale,
  MATURITE_LABELS,
  MATURITES,
  TYPE_FICHE_LABELS,
} from '@trame/shared';
import { html, type SafeHtml } from '../html.js';
import { MESSAGES } from '../i18n.js';
import {
  fichePath,
  hasFilters,
  type ListRequest,
  listHref,
  listPath,
  localized,
  pageCount,
} from '../query.js';
import type { ListView } from '../service.js';
import { option, pagination } from './parts.js';

/** Cost and financing of a fiche in one line each, from the plan the fiche module computed. */
export function financingText(fiche: FicheSummary, locale: Locale): string {
  const t = MESSAGES[locale];
  const { acquisCents, sollicitesCents } = fiche.plan;
  if (acquisCents === 0 && sollicitesCents === 0) return t.aucunFinancement;
  return t.financementResume(
    formatEuros(acquisCents, locale),
    formatEuros(sollicitesCents, locale),
  );
}

function maturiteBadge(fiche: FicheSummary, locale: Locale): SafeHtml {
  return html`<span class="badge badge-${fiche.maturite}">${MATURITE_LABELS[fiche.maturite][locale]}</span>`;
}

function ficheLink(view: ListView, fiche: FicheSummary, linkLang: Locale | null): string | null {
  if (fiche.contratId === view.contrat.id) {
    return localized(fichePath(view.contrat.slug, fiche.numero), linkLang);
  }
  const partner = view.sharedFrom.get(fiche.contratId);
  return partner?.publie ? localized(fichePath(partner.slug, fiche.numero), linkLang) : null;
}

function card(view: ListView, fiche: FicheSummary, locale: Locale, linkLang: Locale | null) {
  const t = MESSAGES[locale];
  const orientation = view.orientations.find((o) => o.id === fiche.orientationId);
  const href = ficheLink(view, fiche, linkLang);
  const title = html`<span class="ref">${ficheReference(fiche.numero)}</span> ${fiche.titre}`;
  const partner = fiche.contratId !== view.contrat.id && view.sharedFrom.get(fiche.contratId);
  return html`<li class="fiche-card"><article>
<h2>${href ? html`<a href="${href}">${title}</a>` : title}</h2>
<p>${maturiteBadge(fiche, locale)} <span class="muted">${TYPE_FICHE_LABELS[fiche.type][locale]}</span></p>
${fiche.resume && html`<p>${fiche.resume}</p>`}
${partner && html`<p class="muted">${t.partageePar(partner.nom)}</p>`}
<dl class="meta">
${orientation && html`<div><dt>${t.orientation}</dt><dd>${orientation.numero}. ${orientation.titre}</dd></div>`}
${fiche.communes.length > 0 && html`<div><dt>${t.communesConcernees}</dt><dd>${fiche.communes.map((c) => c.nom).join(', ')}</dd></div>`}
<div><dt>${t.cout}</dt><dd>${fiche.coutCents === null ? t.nonRenseigne : formatEuros(fiche.coutCents, locale)}</dd></div>
<div><dt>${t.financement}</dt><dd>${financingText(fiche, locale)}</dd></div>
</dl>
</article></li>`;
}

function searchForm(view: ListView, request: ListRequest, locale: Locale, linkLang: Locale | null) {
  const t = MESSAGES[locale];
  const { filters } = request;
  const slug = view.contrat.slug;
  return html`<form class="search" method="get" action="${listPath(slug)}" role="search" aria-label="${t.filtres}">
<fieldset>
<legend>${t.filtres}</legend>
<div class="field"><label for="q">${t.recherche}</label>
<input id="q" name="q" type="search" value="${filters.q ?? ''}" maxlength="200" aria-describedby="q-aide">
<span id="q-aide" class="hint">${t.rechercheAide}</span></div>
<div class="field"><label for="orientation">${t.orientation}</label>
<select id="orientation" name="orientation">${option('', t.toutes, !filters.orientation)}${view.orientations.map(
    (o) => option(o.id, `${o.numero}. ${o.titre}`, filters.orientation === o.id),
  )}</select></div>
<div class="field"><label for="maturite">${t.maturite}</label>
<select id="maturite" name="maturite">${option('', t.toutes, !filters.maturite)}${MATURITES.map(
    (m) => option(m, MATURITE_LABELS[m][locale], filters.maturite === m),
  )}</select></div>
<div class="field"><label for="commune">${t.commune}</label>
<select id="commune" name="commune">${option('', t.toutes, !filters.commune)}${view.communes.map(
    (c) => option(c.code, c.nom, filters.commune === c.code),
  )}</select></div>
</fieldset>
${linkLang && html`<input type="hidden" name="lang" value="${linkLang}">`}
<div class="actions"><button type="submit">${t.filtrer}</button>
${hasFilters(filters) && html`<a href="${listHref(slug, {}, 1, linkLang)}">${t.reinitialiser}</a>`}</div>
</form>`;
}

export function ficheListContent(
  view: ListView,
  request: ListRequest,
  locale: Locale,
  linkLang: Locale | null,
): SafeHtml {
  const t = MESSAGES[locale];
  const { items, total } = view.page;
  const pages = pageCount(total);
  const status =
    total > 0
      ? `${t.resultats(total)}${pages > 1 ? `, ${t.pageDe(request.page, pages)}` : ''}`
      : t.resultats(0);
  return html`<h1>${t.listTitle}</h1>
${searchForm(view, request, locale, linkLang)}
<p id="resultats">${status}</p>
${
  items.length === 0
    ? html`<p>${t.aucunResultat}</p>`
    : html`<ol class="fiches">${items.map((fiche) => card(view, fiche, locale, linkLang))}</ol>`
}
${pagination(total, request.page, (n) => listHref(view.contrat.slug, request.filters, n, linkLang), locale)}`;
}
