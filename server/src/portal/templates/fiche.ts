import {
  CATEGORIE_LABELS,
  type CommentairePublic,
  corpsSegments,
  type Fiche,
  type Fil,
  ficheReference,
  formatEuros,
  ISO_DOMAINE_LABELS,
  ISO_FINALITE_LABELS,
  type Locale,
  MATURITE_LABELS,
  ODD_LABELS,
  parisDate,
  sourceLabel,
  TYPE_FICHE_LABELS,
} from '@trame/shared';
import { documentHtml } from '../document-html.js';
import { financingBySource } from '../financing.js';
import { html, type SafeHtml } from '../html.js';
import { formatDate, formatNumber, MESSAGES } from '../i18n.js';
import { appContratPath, listHref } from '../query.js';
import type { FicheView } from '../service.js';
import { participerSection } from './parts.js';

function facts(view: FicheView, locale: Locale, linkLang: Locale | null): SafeHtml {
  const t = MESSAGES[locale];
  const { fiche, orientation } = view;
  const objectifs = orientation?.objectifs.filter((o) => fiche.objectifIds.includes(o.id)) ?? [];
  return html`<section aria-labelledby="en-bref"><h2 id="en-bref">${t.enBref}</h2>
<dl class="meta">
<div><dt>${t.type}</dt><dd>${TYPE_FICHE_LABELS[fiche.type][locale]}</dd></div>
<div><dt>${t.maturite}</dt><dd>${MATURITE_LABELS[fiche.maturite][locale]}</dd></div>
<div><dt>${t.maitreOuvrage}</dt><dd>${fiche.maitreOuvrage || t.nonRenseigne}</dd></div>
${fiche.porteur && html`<div><dt>${t.porteur}</dt><dd>${fiche.porteur.nom}</dd></div>`}
${fiche.partenaires.length > 0 && html`<div><dt>${t.partenaires}</dt><dd>${fiche.partenaires.join(', ')}</dd></div>`}
<div><dt>${t.communesConcernees}</dt><dd>${fiche.communes.length > 0 ? fiche.communes.map((c) => c.nom).join(', ') : t.nonRenseigne}</dd></div>
${
  orientation &&
  html`<div><dt>${t.orientation}</dt><dd><a href="${listHref(view.contrat.slug, { orientation: orientation.id }, 1, linkLang)}">${orientation.numero}. ${orientation.titre}</a></dd></div>`
}
${
  objectifs.length > 0 &&
  html`<div><dt>${t.objectifs}</dt><dd>${objectifs.map((o) => `${orientation!.numero}.${o.numero} ${o.titre}`).join(' ; ')}</dd></div>`
}
<div><dt>${t.cout}</dt><dd>${fiche.coutCents === null ? t.nonRenseigne : formatEuros(fiche.coutCents, locale)}</dd></div>
</dl></section>`;
}

function calendar(fiche: Fiche, locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  const date = (value: string | null) => (value ? formatDate(value, locale) : t.nonRenseigne);
  const jalons = [...fiche.jalons].sort((a, b) => a.date.localeCompare(b.date));
  return html`<section aria-labelledby="calendrier"><h2 id="calendrier">${t.calendrier}</h2>
<dl class="meta">
<div><dt>${t.debut}</dt><dd>${date(fiche.dateDebut)}</dd></div>
<div><dt>${t.fin}</dt><dd>${date(fiche.dateFin)}</dd></div>
</dl>
${
  jalons.length === 0
    ? html`<p>${t.aucunJalon}</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${t.jalons}"><table>
<caption>${t.jalons}</caption>
<thead><tr><th scope="col">${t.date}</th><th scope="col">${t.jalon}</th><th scope="col">${t.etat}</th></tr></thead>
<tbody>${jalons.map(
        (jalon) =>
          html`<tr><td>${formatDate(jalon.date, locale)}</td><th scope="row">${jalon.libelle}</th><td>${jalon.fait ? t.fait : t.aFaire}</td></tr>`,
      )}</tbody>
</table></div>`
}
</section>`;
}

function financing(view: FicheView, locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  const { fiche } = view;
  const rows = financingBySource(fiche.financements);
  const euros = (cents: number) => formatEuros(cents, locale);
  const { plan } = fiche;
  const table =
    rows.length === 0
      ? html`<p>${t.aucunFinancement}</p>`
      : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${t.planCaption}"><table>
<caption>${t.planCaption}</caption>
<thead><tr><th scope="col">${t.source}</th><th scope="col" class="num">${t.acquis}</th><th scope="col" class="num">${t.sollicite}</th><th scope="col" class="num">${t.total}</th></tr></thead>
<tbody>${rows.map(
          (row) =>
            html`<tr><th scope="row">${sourceLabel(row.source, locale, view.sources)}</th><td class="num">${euros(row.acquisCents)}</td><td class="num">${euros(row.sollicitesCents)}</td><td class="num">${euros(row.totalCents)}</td></tr>`,
        )}</tbody>
<tfoot><tr><th scope="row">${t.total}</th><td class="num">${euros(plan.acquisCents)}</td><td class="num">${euros(plan.sollicitesCents)}</td><td class="num">${euros(plan.totalCents)}</td></tr></tfoot>
</table></div>`;
  const ecart = plan.ecartCents;
  return html`<section aria-labelledby="financement"><h2 id="financement">${t.planFinancement}</h2>
${table}
${
  fiche.coutCents !== null &&
  html`<dl class="meta"><div><dt>${t.cout}</dt><dd>${euros(fiche.coutCents)}</dd></div>${
    ecart !== null &&
    ecart > 0 &&
    html`<div><dt>${t.resteAFinancer}</dt><dd>${euros(ecart)}</dd></div>`
  }</dl>`
}
${plan.depasseCout && ecart !== null && html`<p class="warning">${t.depasseCout(euros(-ecart))}</p>`}
</section>`;
}

function indicators(fiche: Fiche, locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  if (fiche.indicateurs.length === 0) return html``;
  return html`<section aria-labelledby="indicateurs"><h2 id="indicateurs">${t.indicateurs}</h2>
<div class="table-scroll" tabindex="0" role="region" aria-label="${t.indicateursCaption}"><table>
<caption>${t.indicateursCaption}</caption>
<thead><tr><th scope="col">${t.indicateur}</th><th scope="col">${t.unite}</th><th scope="col" class="num">${t.cible}</th></tr></thead>
<tbody>${fiche.indicateurs.map(
    (indicateur) =>
      html`<tr><th scope="row">${indicateur.libelle}</th><td>${indicateur.unite}</td><td class="num">${indicateur.cible === null ? '—' : formatNumber(indicateur.cible, locale)}</td></tr>`,
  )}</tbody>
</table></div></section>`;
}

function iso(fiche: Fiche, locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  if (fiche.isoFinalites.length === 0 && fiche.isoDomaines.length === 0) return html``;
  return html`<section aria-labelledby="iso"><h2 id="iso">${t.iso}</h2>
${
  fiche.isoFinalites.length > 0 &&
  html`<h3>${t.isoFinalites}</h3><ul>${fiche.isoFinalites.map((f) => html`<li>${ISO_FINALITE_LABELS[f][locale]}</li>`)}</ul>`
}
${
  fiche.isoDomaines.length > 0 &&
  html`<h3>${t.isoDomaines}</h3><ul>${fiche.isoDomaines.map((d) => html`<li>${ISO_DOMAINE_LABELS[d][locale]}</li>`)}</ul>`
}
</section>`;
}

function odd(fiche: Fiche, locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  if (fiche.odd.length === 0) return html``;
  const goals = [...fiche.odd].sort((a, b) => a - b);
  return html`<section aria-labelledby="odd"><h2 id="odd">${t.odd}</h2>
<ul>${goals.map((n) => html`<li>${t.oddLabel(n, ODD_LABELS[locale][n - 1] ?? '')}</li>`)}</ul>
</section>`;
}

export function ficheContent(view: FicheView, locale: Locale, linkLang: Locale | null): SafeHtml {
  const t = MESSAGES[locale];
  const { fiche } = view;
  const recit = documentHtml(view.recit, 1);
  return html`<h1><span class="ref">${ficheReference(fiche.numero)}</span> ${fiche.titre}</h1>
<p><span class="badge badge-${fiche.maturite}">${MATURITE_LABELS[fiche.maturite][locale]}</span> <span class="muted">${TYPE_FICHE_LABELS[fiche.type][locale]}</span></p>
${fiche.resume && html`<p class="lead">${fiche.resume}</p>`}
${facts(view, locale, linkLang)}
${calendar(fiche, locale)}
${financing(view, locale)}
${indicators(fiche, locale)}
${iso(fiche, locale)}
${odd(fiche, locale)}
${recit && html`<section aria-labelledby="recit"><h2 id="recit">${t.recit}</h2><div class="document">${recit}</div></section>`}
<p class="muted">${t.misAJour(formatDate(parisDate(new Date(fiche.updatedAt)), locale))}</p>
${comments(view.commentaires, locale)}
${participerSection(appContratPath(view.contrat.slug, `/fiches/${fiche.id}`), t.ouvrirFiche, locale)}
<p><a href="${listHref(view.contrat.slug, {}, 1, linkLang)}">${t.retourListe}</a></p>`;
}

/** A comment as the public reads it: its author's category and date, its text (never markup). */
function comment(item: CommentairePublic, locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  const categorie = CATEGORIE_LABELS[item.categorie]?.[locale] ?? item.categorie;
  const texte = corpsSegments(item.corps).map((segment) =>
    'texte' in segment ? segment.texte : `@${segment.mention.nom}`,
  );
  return html`<p class="comment-meta">${t.commentaireDe(categorie, formatDate(parisDate(new Date(item.createdAt)), locale))}</p>
<p class="comment-body">${texte.join('')}</p>`;
}

function comments(threads: Fil<CommentairePublic>[], locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  const body =
    threads.length === 0
      ? html`<p>${t.aucunCommentaire}</p>`
      : html`<p class="muted">${t.commentairesCompte(threads.length)}</p>
<ol class="threads">${threads.map(
          (thread) => html`<li class="thread"><article>
${thread.etat === 'resolu' ? html`<p><span class="badge">${t.filResolu}</span></p>` : html``}
${comment(thread, locale)}
${
  thread.reponses.length === 0
    ? html``
    : html`<ol class="replies" aria-label="${t.reponses}">${thread.reponses.map(
        (reply) => html`<li><article>${comment(reply, locale)}</article></li>`,
      )}</ol>`
}
</article></li>`,
        )}</ol>`;
  return html`<section aria-labelledby="commentaires"><h2 id="commentaires">${t.commentaires}</h2>${body}</section>`;
}
