import {
  type Locale,
  STATUT_CONTRAT_LABELS,
  type StatutContrat,
  TYPE_EVENEMENT_LABELS,
} from '@trame/shared';
import { documentHtml } from '../document-html.js';
import { html, type SafeHtml } from '../html.js';
import { formatDate, formatNumber, MESSAGES } from '../i18n.js';
import { appContratPath, listHref } from '../query.js';
import type { HomeView, UpcomingEvent } from '../service.js';
import { participerSection } from './parts.js';

/** The period of the contract in words, whichever ends are known. */
export function periodText(debut: string | null, fin: string | null, locale: Locale): string {
  const t = MESSAGES[locale];
  if (debut && fin) return t.periodeDu(formatDate(debut, locale), formatDate(fin, locale));
  if (debut) return t.periodeDepuis(formatDate(debut, locale));
  if (fin) return t.periodeJusque(formatDate(fin, locale));
  return t.nonRenseigne;
}

/** The « À venir » section: the contract's next events, soonest first. */
export function upcomingSection(events: UpcomingEvent[], locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  const body =
    events.length === 0
      ? html`<p>${t.aVenirVide}</p>`
      : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${t.aVenirCaption}"><table>
<caption>${t.aVenirCaption}</caption>
<thead><tr><th scope="col">${t.evenementDate}</th><th scope="col">${t.evenementTitre}</th><th scope="col">${t.evenementType}</th><th scope="col">${t.evenementLieu}</th></tr></thead>
<tbody>${events.map(
          (event) =>
            html`<tr><td>${formatDate(event.date, locale)}${event.heure && ` ${t.aHeure(event.heure)}`}</td><th scope="row">${event.titre}</th><td>${TYPE_EVENEMENT_LABELS[event.type]?.[locale] ?? event.type}</td><td>${event.lieu}</td></tr>`,
        )}</tbody>
</table></div>`;
  return html`<section aria-labelledby="a-venir"><h2 id="a-venir">${t.aVenir}</h2>${body}</section>`;
}

export function homeContent(view: HomeView, locale: Locale, linkLang: Locale | null): SafeHtml {
  const t = MESSAGES[locale];
  const { contrat, communes, orientations, publicFiches } = view;
  const population = communes.reduce((sum, c) => sum + (c.population ?? 0), 0);
  const totalPublic = [...publicFiches.values()].reduce((sum, n) => sum + n, 0);
  const territoire = html`${contrat.epciNom && html`${contrat.epciNom} · `}${t.communes(communes.length)}${
    population > 0 && html` · ${t.habitants(formatNumber(population, locale))}`
  }`;
  const projet = documentHtml(view.projet, 1);
  return html`<h1>${contrat.nom}</h1>
${contrat.description && html`<p class="lead">${contrat.description}</p>`}
<section aria-labelledby="en-bref">
<h2 id="en-bref" class="visually-hidden">${t.keyFacts}</h2>
<dl class="facts">
<div><dt>${t.territoire}</dt><dd>${territoire}</dd></div>
<div><dt>${t.periode}</dt><dd>${periodText(contrat.dateDebut, contrat.dateFin, locale)}</dd></div>
<div><dt>${t.statut}</dt><dd>${STATUT_CONTRAT_LABELS[contrat.statut as StatutContrat]?.[locale] ?? contrat.statut}</dd></div>
</dl>
<p><a href="${listHref(contrat.slug, {}, 1, linkLang)}">${t.toutesLesFiches(totalPublic)}</a></p>
</section>
${participerSection(appContratPath(contrat.slug), t.ouvrirContrat, locale)}
<section aria-labelledby="projet">
<h2 id="projet">${t.projet}</h2>
${projet ? html`<div class="document">${projet}</div>` : html`<p>${t.projetVide}</p>`}
</section>
<section aria-labelledby="orientations">
<h2 id="orientations">${t.orientations}</h2>
${
  orientations.length === 0
    ? html`<p>${t.orientationsVides}</p>`
    : orientations.map((orientation) => {
        const n = publicFiches.get(orientation.id) ?? 0;
        return html`<article class="orientation">
<h3>${t.orientationTitre(orientation.numero, orientation.titre)}</h3>
${orientation.description && html`<p>${orientation.description}</p>`}
${
  orientation.objectifs.length > 0 &&
  html`<ul aria-label="${t.objectifsDe(orientation.numero)}">${orientation.objectifs.map(
    (objectif) => html`<li>${orientation.numero}.${objectif.numero} — ${objectif.titre}</li>`,
  )}</ul>`
}
<p>${
          n > 0
            ? html`<a href="${listHref(contrat.slug, { orientation: orientation.id }, 1, linkLang)}">${t.fichesDeLOrientation(n)}</a>`
            : html`<span class="muted">${t.fichesDeLOrientation(0)}</span>`
        }</p>
</article>`;
      })
}
</section>
${upcomingSection(view.upcoming, locale)}`;
}
