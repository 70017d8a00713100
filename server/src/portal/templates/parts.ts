import type { Locale } from '@trame/shared';
import { html, type SafeHtml } from '../html.js';
import { MESSAGES } from '../i18n.js';
import { loginHref, pageCount, pageLinks, REGISTER_PATH } from '../query.js';

/** Pieces several pages share: a form's option, a list's page links, the call to take part. */

export function option(value: string, label: string, selected: boolean): SafeHtml {
  return selected
    ? html`<option value="${value}" selected>${label}</option>`
    : html`<option value="${value}">${label}</option>`;
}

/** Links to the pages of a list of `total` items (none when one page holds them all). */
export function pagination(
  total: number,
  current: number,
  href: (page: number) => string,
  locale: Locale,
): SafeHtml {
  const t = MESSAGES[locale];
  const pages = pageCount(total);
  if (pages <= 1) return html``;
  return html`<nav class="pagination" aria-label="${t.pagination}"><ul>
${current > 1 && current <= pages && html`<li><a href="${href(current - 1)}" rel="prev">${t.precedente}</a></li>`}
${pageLinks(Math.min(current, pages), pages).map((n) =>
  n === 'ellipsis'
    ? html`<li><span aria-hidden="true">…</span></li>`
    : n === current
      ? html`<li><a href="${href(n)}" aria-current="page" aria-label="${t.pageN(n)}">${n}</a></li>`
      : html`<li><a href="${href(n)}" aria-label="${t.pageN(n)}">${n}</a></li>`,
)}
${current < pages && html`<li><a href="${href(current + 1)}" rel="next">${t.suivante}</a></li>`}
</ul></nav>`;
}

/**
 * « Participer »: reading needs no account, commenting and proposing do. Links to the app (same
 * site): create an account, sign in and come back to `appPath`, or open `appPath` directly.
 */
export function participerSection(appPath: string, openLabel: string, locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  return html`<section class="participer" aria-labelledby="participer">
<h2 id="participer">${t.participer}</h2>
<p>${t.participerTexte}</p>
<ul class="cta">
<li><a class="cta-primary" href="${REGISTER_PATH}">${t.creerCompte}</a></li>
<li><a href="${loginHref(appPath)}">${t.seConnecter}</a></li>
<li><a href="${appPath}">${openLabel}</a></li>
</ul>
</section>`;
}
