import type { Locale } from '@trame/shared';
import { html, type SafeHtml } from '../html.js';
import { MESSAGES } from '../i18n.js';
import { homePath, listPath, localized, participationPath, propositionsPath } from '../query.js';
import { STYLESHEET_FILE } from '../styles.js';

/** Everything around a page's content: head for search engines, header, navigation, footer. */
export interface Frame {
  locale: Locale;
  /** The `lang` the page's links carry (see `chooseLocale`). */
  linkLang: Locale | null;
  title: string;
  description: string;
  /** Absolute addresses of this page in each language; none for an error page (not indexed). */
  alternates: Record<Locale, string> | null;
  /** This page in the other language. */
  switchHref: string;
  contrat: { slug: string; nom: string } | null;
  current?: 'home' | 'fiches' | 'propositions' | 'participation';
  breadcrumb?: { label: string; href: string }[];
}

function header(frame: Frame): SafeHtml {
  const t = MESSAGES[frame.locale];
  const { contrat, linkLang } = frame;
  const switchLang = t.switchLanguageLang;
  const name = contrat
    ? html`<p class="site-name"><a href="${localized(homePath(contrat.slug), linkLang)}">${contrat.nom}</a><small>${t.siteName}</small></p>`
    : html`<p class="site-name"><a href="/">Trame</a><small>${t.siteName}</small></p>`;
  const current = (page: Frame['current']) => frame.current === page && html` aria-current="page"`;
  const nav = html`<nav class="site-nav" aria-label="${t.navLabel}"><ul>
${
  contrat &&
  html`<li><a href="${localized(homePath(contrat.slug), linkLang)}"${current('home')}>${t.navHome}</a></li>
<li><a href="${localized(listPath(contrat.slug), linkLang)}"${current('fiches')}>${t.navFiches}</a></li>
<li><a href="${localized(propositionsPath(contrat.slug), linkLang)}"${current('propositions')}>${t.navPropositions}</a></li>
<li><a href="${localized(participationPath(contrat.slug), linkLang)}"${current('participation')}>${t.navParticipation}</a></li>`
}
<li><a href="${frame.switchHref}" lang="${switchLang}" hreflang="${switchLang}">${t.switchLanguage}</a></li>
</ul></nav>`;
  return html`<header class="site-header"><div class="container">${name}${nav}</div></header>`;
}

function breadcrumb(frame: Frame): SafeHtml {
  if (!frame.breadcrumb?.length) return html``;
  const items = frame.breadcrumb;
  return html`<nav class="breadcrumb" aria-label="${MESSAGES[frame.locale].breadcrumb}"><ol>${items.map(
    (item, index) =>
      index === items.length - 1
        ? html`<li><a href="${item.href}" aria-current="page">${item.label}</a></li>`
        : html`<li><a href="${item.href}">${item.label}</a></li>`,
  )}</ol></nav>`;
}

export function layout(frame: Frame, content: SafeHtml): string {
  const t = MESSAGES[frame.locale];
  const alternates = frame.alternates;
  const head = alternates
    ? html`<link rel="canonical" href="${alternates[frame.locale]}">
<link rel="alternate" hreflang="fr" href="${alternates.fr}">
<link rel="alternate" hreflang="en" href="${alternates.en}">
<link rel="alternate" hreflang="x-default" href="${alternates.fr}">`
    : html`<meta name="robots" content="noindex">`;
  return html`<!doctype html>
<html lang="${frame.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title}</title>
<meta name="description" content="${frame.description}">
${head}
<link rel="stylesheet" href="/p/_/${STYLESHEET_FILE}">
</head>
<body>
<a class="skip-link" href="#contenu">${t.skipLink}</a>
${header(frame)}
<div class="container">
${breadcrumb(frame)}
<main id="contenu" tabindex="-1">
${content}
</main>
</div>
<footer class="site-footer"><div class="container"><p>${t.poweredBy}</p></div></footer>
</body>
</html>
`.toString();
}
