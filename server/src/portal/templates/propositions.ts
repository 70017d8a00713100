import {
  CATEGORIE_LABELS,
  ficheReference,
  formatEuros,
  ISO_DOMAINE_LABELS,
  type Locale,
  type PropositionPublique,
  parisDate,
  propositionReference,
  STATUT_PROPOSITION_LABELS,
  STATUTS_PROPOSITION,
  sourceLabel,
} from '@trame/shared';
import { html, type SafeHtml } from '../html.js';
import { formatDate, MESSAGES } from '../i18n.js';
import {
  appContratPath,
  fichePath,
  hasPropositionFilters,
  localized,
  type PropositionListRequest,
  pageCount,
  propositionPath,
  propositionsHref,
  propositionsPath,
} from '../query.js';
import type { PropositionListView, PropositionView } from '../service.js';
import { option, pagination, participerSection } from './parts.js';

/** A day in France, in words, from an instant the proposals module gives as ISO. */
const day = (iso: string, locale: Locale) => formatDate(parisDate(new Date(iso)), locale);

function statutBadge(proposition: PropositionPublique, locale: Locale): SafeHtml {
  const { statut } = proposition;
  return html`<span class="badge badge-statut-${statut}">${STATUT_PROPOSITION_LABELS[statut][locale]}</span>`;
}

/** What every view of a proposal says about it: who carries it, for where, for how much. */
function facts(proposition: PropositionPublique, locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  return html`<div><dt>${t.porteur}</dt><dd>${proposition.porteur}</dd></div>
<div><dt>${t.deposeePar}</dt><dd>${CATEGORIE_LABELS[proposition.categorie]?.[locale] ?? proposition.categorie}</dd></div>
${
  proposition.communes.length > 0 &&
  html`<div><dt>${t.communesConcernees}</dt><dd>${proposition.communes.map((c) => c.nom).join(', ')}</dd></div>`
}
${
  proposition.coutEstimeCents !== null &&
  html`<div><dt>${t.coutEstime}</dt><dd>${formatEuros(proposition.coutEstimeCents, locale)}</dd></div>`
}
<div><dt>${t.deposeeLe}</dt><dd>${day(proposition.createdAt, locale)}</dd></div>`;
}

function card(
  view: PropositionListView,
  proposition: PropositionPublique,
  locale: Locale,
  linkLang: Locale | null,
) {
  const t = MESSAGES[locale];
  const href = localized(propositionPath(view.contrat.slug, proposition.numero), linkLang);
  return html`<li class="card"><article>
<h2><a href="${href}"><span class="ref">${propositionReference(proposition.numero)}</span> ${proposition.titre}</a></h2>
<p>${statutBadge(proposition, locale)}</p>
<dl class="meta">
${facts(proposition, locale)}
${proposition.motifDecision && html`<div><dt>${t.motifPublic}</dt><dd>${proposition.motifDecision}</dd></div>`}
</dl>
</article></li>`;
}

function searchForm(
  view: PropositionListView,
  request: PropositionListRequest,
  locale: Locale,
  linkLang: Locale | null,
) {
  const t = MESSAGES[locale];
  const { filters } = request;
  const slug = view.contrat.slug;
  const filtered = hasPropositionFilters(filters);
  return html`<form class="search search-propositions" method="get" action="${propositionsPath(slug)}" role="search" aria-label="${t.filtresPropositions}">
<fieldset>
<legend>${t.filtresPropositions}</legend>
<div class="field"><label for="q">${t.recherche}</label>
<input id="q" name="q" type="search" value="${filters.q ?? ''}" maxlength="200" aria-describedby="q-aide">
<span id="q-aide" class="hint">${t.recherchePropositionAide}</span></div>
<div class="field"><label for="statut">${t.statut}</label>
<select id="statut" name="statut">${option('', t.tous, !filters.statut)}${STATUTS_PROPOSITION.map(
    (s) => option(s, STATUT_PROPOSITION_LABELS[s][locale], filters.statut === s),
  )}</select></div>
</fieldset>
${linkLang && html`<input type="hidden" name="lang" value="${linkLang}">`}
<div class="actions"><button type="submit">${t.filtrer}</button>
${filtered && html`<a href="${propositionsHref(slug, {}, 1, linkLang)}">${t.reinitialiser}</a>`}</div>
</form>`;
}

export function propositionListContent(
  view: PropositionListView,
  request: PropositionListRequest,
  locale: Locale,
  linkLang: Locale | null,
): SafeHtml {
  const t = MESSAGES[locale];
  const { items, total } = view.page;
  const pages = pageCount(total);
  const slug = view.contrat.slug;
  const filtered = hasPropositionFilters(request.filters);
  const status =
    total > 0
      ? `${t.resultatsPropositions(total)}${pages > 1 ? `, ${t.pageDe(request.page, pages)}` : ''}`
      : t.resultatsPropositions(0);
  return html`<h1>${t.propositionsTitle}</h1>
<p class="lead">${t.propositionsIntro}</p>
${searchForm(view, request, locale, linkLang)}
${(filtered || total > 0) && html`<p id="resultats">${status}</p>`}
${
  items.length === 0
    ? html`<p>${filtered ? t.aucunePropositionResultat : t.aucunePropositionPubliee}</p>`
    : html`<ol class="cards">${items.map((proposition) => card(view, proposition, locale, linkLang))}</ol>`
}
${pagination(total, request.page, (n) => propositionsHref(slug, request.filters, n, linkLang), locale)}
${participerSection(appContratPath(slug, '/propositions'), t.ouvrirPropositions, locale)}`;
}

/** What became of the proposal: waiting, under review, a fiche (linked once public), or why not. */
function outcome(view: PropositionView, locale: Locale, linkLang: Locale | null): SafeHtml {
  const t = MESSAGES[locale];
  const { proposition } = view;
  const decided = proposition.decideeLe && day(proposition.decideeLe, locale);
  let body: SafeHtml;
  switch (proposition.statut) {
    case 'deposee':
      body = html`<p>${t.suiteDeposee}</p>`;
      break;
    case 'en_instruction':
      body = html`<p>${t.suiteInstruction}</p>`;
      break;
    case 'retenue': {
      const fiche = proposition.fiche;
      body = html`<p>${t.suiteRetenue(decided)}</p>
<p>${
        fiche
          ? html`<a href="${localized(fichePath(view.contrat.slug, fiche.numero), linkLang)}">${t.voirFiche(ficheReference(fiche.numero))}</a>`
          : t.ficheNonPublique
      }</p>`;
      break;
    }
    case 'non_retenue':
      body = html`<p>${t.suiteNonRetenue(decided)}</p>
${proposition.motifDecision && html`<h3>${t.motifPublic}</h3><blockquote class="texte">${paragraphs(proposition.motifDecision)}</blockquote>`}`;
      break;
  }
  return html`<section aria-labelledby="suite"><h2 id="suite">${t.suiteDonnee}</h2>
${body}
</section>`;
}

/** Text as typed: a paragraph per blank line, its line breaks kept by the stylesheet. */
function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => html`<p>${part}</p>`);
}

export function propositionContent(
  view: PropositionView,
  locale: Locale,
  linkLang: Locale | null,
): SafeHtml {
  const t = MESSAGES[locale];
  const { proposition } = view;
  const slug = view.contrat.slug;
  const sought = proposition.financementsRecherches.map((code) =>
    sourceLabel(code, locale, view.sources),
  );
  return html`<h1><span class="ref">${propositionReference(proposition.numero)}</span> ${proposition.titre}</h1>
<p>${statutBadge(proposition, locale)}</p>
${outcome(view, locale, linkLang)}
<section aria-labelledby="la-proposition"><h2 id="la-proposition">${t.laProposition}</h2>
<div class="texte">${paragraphs(proposition.description)}</div>
<dl class="meta">
${facts(proposition, locale)}
${proposition.isoDomaine && html`<div><dt>${t.domaineIso}</dt><dd>${ISO_DOMAINE_LABELS[proposition.isoDomaine][locale]}</dd></div>`}
${sought.length > 0 && html`<div><dt>${t.financementsRecherches}</dt><dd>${sought.join(', ')}</dd></div>`}
</dl>
</section>
${participerSection(appContratPath(slug, `/propositions/${proposition.id}`), t.ouvrirProposition, locale)}
<p><a href="${propositionsHref(slug, {}, 1, linkLang)}">${t.retourPropositions}</a></p>`;
}
