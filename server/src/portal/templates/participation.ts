import {
  CATEGORIE_LABELS,
  type Locale,
  type ParticipationCategorie,
  type ParticipationChiffres,
  type ParticipationPhase,
  parisDate,
  phaseName,
  TYPE_CONTRIBUTION_LABELS,
  TYPES_CONTRIBUTION,
} from '@trame/shared';
import { html, type SafeHtml } from '../html.js';
import { formatDate, formatNumber, MESSAGES } from '../i18n.js';
import { participationExportHref } from '../query.js';
import type { ParticipationView } from '../service.js';
import { barChart } from './chart.js';
import { periodText } from './home.js';

/**
 * The participation report as the public reads it: the same counts as the JSON API's report (it
 * holds no name), per phase and per stakeholder category, each chart followed by its table.
 */

function phaseLabel(phase: ParticipationPhase, locale: Locale): string {
  const { type, libelle } = phase;
  return type === null ? MESSAGES[locale].horsPhase : phaseName({ type, libelle }, locale);
}

const categorieLabel = (row: ParticipationCategorie, locale: Locale) =>
  CATEGORIE_LABELS[row.categorie]?.[locale] ?? row.categorie;

const hasSomething = (c: ParticipationChiffres) =>
  c.personnes > 0 || c.totalContributions > 0 || c.presentsNommes > 0 || c.presentsComptes > 0;

/** The four counts of a row, as table cells. */
function cells(c: ParticipationChiffres, locale: Locale): SafeHtml {
  const n = (value: number) => formatNumber(value, locale);
  return html`<td class="num">${n(c.personnes)}</td><td class="num">${n(c.totalContributions)}</td><td class="num">${n(c.presentsNommes)}</td><td class="num">${n(c.presentsComptes)}</td>`;
}

function countHeaders(locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  return html`<th scope="col" class="num">${t.personnes}</th><th scope="col" class="num">${t.contributions}</th><th scope="col" class="num">${t.presentsNommes}</th><th scope="col" class="num">${t.presentsComptes}</th>`;
}

function table(caption: string, head: SafeHtml, body: SafeHtml[], foot: SafeHtml): SafeHtml {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="${caption}"><table>
<caption>${caption}</caption>
<thead><tr>${head}</tr></thead>
<tbody>${body}</tbody>
<tfoot>${foot}</tfoot>
</table></div>`;
}

function categoryTable(
  caption: string,
  rows: ParticipationCategorie[],
  total: ParticipationChiffres,
  locale: Locale,
): SafeHtml {
  const t = MESSAGES[locale];
  return table(
    caption,
    html`<th scope="col">${t.categorie}</th>${countHeaders(locale)}`,
    rows.map(
      (row) =>
        html`<tr><th scope="row">${categorieLabel(row, locale)}</th>${cells(row, locale)}</tr>`,
    ),
    html`<tr><th scope="row">${t.total}</th>${cells(total, locale)}</tr>`,
  );
}

function overall(view: ParticipationView, locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  const { report } = view;
  const n = (value: number) => formatNumber(value, locale);
  const phases = report.phases;
  const byPhase =
    phases.length === 0
      ? html``
      : html`<h3>${t.parPhase}</h3>
${barChart(
  'graphique-phases',
  t.personnesParPhase,
  phases.map((phase) => ({ label: phaseLabel(phase, locale), value: phase.total.personnes })),
  locale,
)}
${table(
  t.participationParPhase,
  html`<th scope="col">${t.phase}</th><th scope="col" class="num">${t.evenements}</th>${countHeaders(locale)}`,
  phases.map(
    (phase) =>
      html`<tr><th scope="row">${phaseLabel(phase, locale)}</th><td class="num">${n(phase.evenements)}</td>${cells(phase.total, locale)}</tr>`,
  ),
  html`<tr><th scope="row">${t.total}</th><td class="num">${n(report.total.evenements)}</td>${cells(report.total, locale)}</tr>`,
)}`;
  return html`<section aria-labelledby="ensemble"><h2 id="ensemble">${t.ensemble}</h2>
<dl class="facts facts-4">
<div><dt>${t.personnes}</dt><dd>${n(report.total.personnes)}</dd></div>
<div><dt>${t.contributions}</dt><dd>${n(report.total.totalContributions)}</dd></div>
<div><dt>${t.evenements}</dt><dd>${n(report.total.evenements)}</dd></div>
<div><dt>${t.presences}</dt><dd>${n(report.total.presentsNommes + report.total.presentsComptes)}</dd></div>
</dl>
<p class="hint">${t.presencesAide}</p>
${byPhase}
<h3>${t.parCategorie}</h3>
${barChart(
  'graphique-categories',
  t.personnesParCategorie(t.ensemble),
  report.categories.map((row) => ({ label: categorieLabel(row, locale), value: row.personnes })),
  locale,
)}
${categoryTable(t.participationParCategorie(t.ensemble), report.categories, report.total, locale)}
<h3>${t.contributionsParType}</h3>
${table(
  t.contributionsParTypeCaption,
  html`<th scope="col">${t.type}</th><th scope="col" class="num">${t.nombre}</th>`,
  TYPES_CONTRIBUTION.map(
    (type) =>
      html`<tr><th scope="row">${TYPE_CONTRIBUTION_LABELS[type][locale]}</th><td class="num">${n(report.total.contributions[type])}</td></tr>`,
  ),
  html`<tr><th scope="row">${t.total}</th><td class="num">${n(report.total.totalContributions)}</td></tr>`,
)}
</section>`;
}

function phaseSection(phase: ParticipationPhase, index: number, locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  const label = phaseLabel(phase, locale);
  const id = `phase-${index + 1}`;
  // Only the categories that took part: a phase's table stays short; the whole contract's lists all.
  const rows = phase.categories.filter(hasSomething);
  const period = phase.type !== null && periodText(phase.dateDebut, phase.dateFin, locale);
  return html`<section class="phase" aria-labelledby="${id}"><h3 id="${id}">${label}</h3>
<p class="muted">${period && `${period} · `}${t.nEvenements(phase.evenements)}</p>
${
  rows.length === 0
    ? html`<p>${t.aucuneParticipation}</p>`
    : html`${barChart(
        `graphique-${id}`,
        t.personnesParCategorie(label),
        rows.map((row) => ({ label: categorieLabel(row, locale), value: row.personnes })),
        locale,
      )}
${categoryTable(t.participationParCategorie(label), rows, phase.total, locale)}`
}
</section>`;
}

export function participationContent(view: ParticipationView, locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  const { report, contrat } = view;
  const empty = report.phases.length === 0 && !hasSomething(report.total);
  return html`<h1>${t.participationTitle}</h1>
<p class="lead">${t.participationIntro}</p>
<p class="muted">${t.chiffresAu(formatDate(parisDate(new Date(report.genereLe)), locale))}</p>
<p id="telecharger">${t.telecharger}</p>
<ul class="downloads" aria-labelledby="telecharger">
<li><a href="${participationExportHref(contrat.slug, 'csv')}" download>${t.telechargerCsv}</a></li>
<li><a href="${participationExportHref(contrat.slug, 'pdf')}" download>${t.telechargerPdf}</a></li>
</ul>
${
  empty
    ? html`<p>${t.aucunePhase}</p>`
    : html`${overall(view, locale)}
<section aria-labelledby="phases"><h2 id="phases">${t.phasesDetail}</h2>
${report.phases.map((phase, index) => phaseSection(phase, index, locale))}
</section>`
}`;
}
