import { ficheReference, type Locale, propositionReference } from '@trame/shared';
import { type ErrorRequestHandler, type Request, type Response, Router } from 'express';
import type { AppContext } from '../context.js';
import type { ContratRow } from '../contrats/repository.js';
import type { SyncServer } from '../realtime/sync-server.js';
import { PageCache, type RenderedPage, renderedPage } from './cache.js';
import type { SafeHtml } from './html.js';
import { MESSAGES } from './i18n.js';
import {
  chooseLocale,
  fichePath,
  homePath,
  type LocaleChoice,
  listHref,
  localized,
  parseFicheRef,
  parseListQuery,
  parsePropositionListQuery,
  parsePropositionRef,
  participationPath,
  propositionPath,
  propositionsHref,
} from './query.js';
import * as service from './service.js';
import { STYLESHEET, STYLESHEET_FILE } from './styles.js';
import { errorContent, errorTitle, type PortalError } from './templates/errors.js';
import { ficheContent } from './templates/fiche.js';
import { ficheListContent } from './templates/fiche-list.js';
import { homeContent } from './templates/home.js';
import { type Frame, layout } from './templates/layout.js';
import { participationContent } from './templates/participation.js';
import { propositionContent, propositionListContent } from './templates/propositions.js';

/**
 * The public portal, `/p/<slug>`: server-rendered pages anyone may read for a published contract,
 * without a session (no cookie is read or set here) and without JavaScript.
 *
 * Performance (target: 1,500 req/s, p99 < 100 ms for a fiche page and the list on 2 cores):
 * - each page is rendered at most once per 5 seconds and instance (`PageCache`), keyed by the
 *   page's normalised address and its language; concurrent misses share one rendering, and an
 *   expired page is still served while its next rendering runs, so after the first reader nobody
 *   waits for the database; a rendering is a fixed, small number of queries whatever the number
 *   of fiches (no N+1);
 * - responses carry an `ETag` (a revalidation is a 304 without body) and
 *   `Cache-Control: public, max-age=60`, so browsers and shared caches absorb repeat visits;
 * - the stylesheet's address carries its hash: cached for a year.
 * An edit therefore shows on the server after 5 seconds (one reader may still get the previous
 * page), and in a browser or shared cache after `max-age` — a proposal's outcome and the
 * participation counts too.
 */
const PAGE_CACHE = { ttlMs: 5_000, staleMs: 30_000, maxEntries: 1_000 };
const BROWSER_MAX_AGE_S = 60;
const STYLESHEET_BODY = Buffer.from(STYLESHEET, 'utf8');

const other = (locale: Locale): Locale => (locale === 'fr' ? 'en' : 'fr');

function send(res: Response, page: RenderedPage, locale: Locale): void {
  res
    .status(page.status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': locale,
      'Cache-Control': `public, max-age=${BROWSER_MAX_AGE_S}`,
      Vary: 'Accept-Language',
      ETag: page.etag,
    })
    // Express answers 304 when the request's If-None-Match is this ETag.
    .send(page.body);
}

function contratOf(contrat: ContratRow): Frame['contrat'] {
  return { slug: contrat.slug, nom: contrat.nom };
}

export function portalRoutes(ctx: AppContext, sync: SyncServer): Router {
  const router = Router();
  const cache = new PageCache(PAGE_CACHE);
  const absolute = (path: string) => new URL(path, ctx.config.publicUrl).href;
  /** A page's addresses in both languages, from how it is addressed in one. */
  const alternates = (address: (lang: Locale | null) => string): Frame['alternates'] => ({
    fr: absolute(address(null)),
    en: absolute(address('en')),
  });

  function errorPage(
    status: number,
    error: PortalError,
    choice: LocaleChoice,
    req: Request,
    contrat: ContratRow | null,
    way?: { href: string; label: string },
  ): RenderedPage {
    const t = MESSAGES[choice.locale];
    const back =
      way ??
      (contrat
        ? { href: localized(homePath(contrat.slug), choice.linkLang), label: t.navHome }
        : { href: '/', label: t.retourAccueil });
    const frame: Frame = {
      locale: choice.locale,
      linkLang: choice.linkLang,
      title: `${errorTitle(error, choice.locale)} — Trame`,
      description: errorTitle(error, choice.locale),
      alternates: null,
      switchHref: localized(`${req.baseUrl}${req.path}`, other(choice.locale)),
      contrat: contrat && contratOf(contrat),
    };
    return renderedPage(status, layout(frame, errorContent(error, choice.locale, back)));
  }

  /** Renders (or reuses) the page of a published contract; 404 when there is none. */
  async function contratPage(
    req: Request,
    res: Response,
    key: string,
    choice: LocaleChoice,
    render: (contrat: ContratRow) => Promise<RenderedPage>,
  ): Promise<void> {
    const slug = String(req.params.slug);
    const page = await cache.get(`${choice.locale}|${choice.linkLang}|${key}`, async () => {
      const contrat = await service.publishedContrat(ctx.db, slug);
      return contrat ? render(contrat) : errorPage(404, 'introuvable', choice, req, null);
    });
    send(res, page, choice.locale);
  }

  function page(frame: Frame, content: SafeHtml): RenderedPage {
    return renderedPage(200, layout(frame, content));
  }

  router.get('/_/:file', (req, res) => {
    if (req.params.file !== STYLESHEET_FILE) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res
      .set({
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': 'public, max-age=31536000, immutable',
      })
      .send(STYLESHEET_BODY);
  });

  router.get('/:slug', async (req, res) => {
    const choice = chooseLocale(req.query, req.locale);
    const slug = String(req.params.slug);
    await contratPage(req, res, homePath(slug), choice, async (contrat) => {
      const view = await service.homeView(ctx.db, contrat, new Date());
      const t = MESSAGES[choice.locale];
      return page(
        {
          ...choice,
          title: `${contrat.nom} — ${t.siteName}`,
          description: contrat.description || t.homeDescription(contrat.nom),
          alternates: alternates((lang) => localized(homePath(slug), lang)),
          switchHref: localized(homePath(slug), other(choice.locale)),
          contrat: contratOf(contrat),
          current: 'home',
        },
        homeContent(view, choice.locale, choice.linkLang),
      );
    });
  });

  router.get('/:slug/fiches', async (req, res) => {
    const choice = chooseLocale(req.query, req.locale);
    const slug = String(req.params.slug);
    const request = parseListQuery(req.query);
    if (!request) {
      // Answered without reading anything: a malformed address costs no query.
      const clear = {
        href: listHref(slug, {}, 1, choice.linkLang),
        label: MESSAGES[choice.locale].reinitialiser,
      };
      send(res, errorPage(400, 'recherche_invalide', choice, req, null, clear), choice.locale);
      return;
    }
    const href = (lang: Locale | null) => listHref(slug, request.filters, request.page, lang);
    await contratPage(req, res, href(null), choice, async (contrat) => {
      const view = await service.listView(ctx.db, contrat, request);
      const t = MESSAGES[choice.locale];
      return page(
        {
          ...choice,
          title: `${t.listTitle}${request.page > 1 ? ` (${t.pageN(request.page)})` : ''} — ${contrat.nom}`,
          description: t.listDescription(contrat.nom),
          alternates: alternates(href),
          switchHref: href(other(choice.locale)),
          contrat: contratOf(contrat),
          current: 'fiches',
        },
        ficheListContent(view, request, choice.locale, choice.linkLang),
      );
    });
  });

  router.get('/:slug/fiches/:ref', async (req, res) => {
    const choice = chooseLocale(req.query, req.locale);
    const slug = String(req.params.slug);
    const ref = String(req.params.ref);
    await contratPage(req, res, `${homePath(slug)}/fiches/${ref}`, choice, async (contrat) => {
      const parsed = parseFicheRef(ref);
      const view = parsed && (await service.ficheView(ctx.db, sync, contrat, parsed));
      if (!view) return errorPage(404, 'fiche_introuvable', choice, req, contrat);
      const t = MESSAGES[choice.locale];
      const reference = ficheReference(view.fiche.numero);
      const address = (lang: Locale | null) => localized(fichePath(slug, view.fiche.numero), lang);
      return page(
        {
          ...choice,
          title: `${reference} ${view.fiche.titre} — ${contrat.nom}`,
          description: view.fiche.resume || t.ficheDescription(reference, contrat.nom),
          alternates: alternates(address),
          switchHref: address(other(choice.locale)),
          contrat: contratOf(contrat),
          breadcrumb: [
            { label: contrat.nom, href: localized(homePath(slug), choice.linkLang) },
            { label: t.navFiches, href: listHref(slug, {}, 1, choice.linkLang) },
            { label: `${reference} ${view.fiche.titre}`, href: address(choice.linkLang) },
          ],
        },
        ficheContent(view, choice.locale, choice.linkLang),
      );
    });
  });

  router.get('/:slug/propositions', async (req, res) => {
    const choice = chooseLocale(req.query, req.locale);
    const slug = String(req.params.slug);
    const request = parsePropositionListQuery(req.query);
    if (!request) {
      const clear = {
        href: propositionsHref(slug, {}, 1, choice.linkLang),
        label: MESSAGES[choice.locale].reinitialiser,
      };
      send(res, errorPage(400, 'recherche_invalide', choice, req, null, clear), choice.locale);
      return;
    }
    const href = (lang: Locale | null) =>
      propositionsHref(slug, request.filters, request.page, lang);
    await contratPage(req, res, href(null), choice, async (contrat) => {
      const view = await service.propositionListView(ctx.db, contrat, request);
      const t = MESSAGES[choice.locale];
      return page(
        {
          ...choice,
          title: `${t.propositionsTitle}${request.page > 1 ? ` (${t.pageN(request.page)})` : ''} — ${contrat.nom}`,
          description: t.propositionsDescription(contrat.nom),
          alternates: alternates(href),
          switchHref: href(other(choice.locale)),
          contrat: contratOf(contrat),
          current: 'propositions',
        },
        propositionListContent(view, request, choice.locale, choice.linkLang),
      );
    });
  });

  router.get('/:slug/propositions/:ref', async (req, res) => {
    const choice = chooseLocale(req.query, req.locale);
    const slug = String(req.params.slug);
    const ref = String(req.params.ref);
    await contratPage(
      req,
      res,
      `${homePath(slug)}/propositions/${ref}`,
      choice,
      async (contrat) => {
        const numero = parsePropositionRef(ref);
        const view = numero && (await service.propositionView(ctx.db, contrat, numero));
        const t = MESSAGES[choice.locale];
        const back = {
          href: propositionsHref(slug, {}, 1, choice.linkLang),
          label: t.retourPropositions,
        };
        if (!view) return errorPage(404, 'proposition_introuvable', choice, req, contrat, back);
        const { proposition } = view;
        const reference = propositionReference(proposition.numero);
        const address = (lang: Locale | null) =>
          localized(propositionPath(slug, proposition.numero), lang);
        return page(
          {
            ...choice,
            title: `${reference} ${proposition.titre} — ${contrat.nom}`,
            description: t.propositionDescription(reference, contrat.nom),
            alternates: alternates(address),
            switchHref: address(other(choice.locale)),
            contrat: contratOf(contrat),
            breadcrumb: [
              { label: contrat.nom, href: localized(homePath(slug), choice.linkLang) },
              { label: t.navPropositions, href: back.href },
              { label: `${reference} ${proposition.titre}`, href: address(choice.linkLang) },
            ],
          },
          propositionContent(view, choice.locale, choice.linkLang),
        );
      },
    );
  });

  router.get('/:slug/participation', async (req, res) => {
    const choice = chooseLocale(req.query, req.locale);
    const slug = String(req.params.slug);
    const address = (lang: Locale | null) => localized(participationPath(slug), lang);
    await contratPage(req, res, participationPath(slug), choice, async (contrat) => {
      const view = await service.participationView(ctx.db, contrat, new Date());
      const t = MESSAGES[choice.locale];
      return page(
        {
          ...choice,
          title: `${t.participationTitle} — ${contrat.nom}`,
          description: t.participationDescription(contrat.nom),
          alternates: alternates(address),
          switchHref: address(other(choice.locale)),
          contrat: contratOf(contrat),
          current: 'participation',
        },
        participationContent(view, choice.locale),
      );
    });
  });

  router.use((req, res) => {
    const choice = chooseLocale(req.query, req.locale);
    send(res, errorPage(404, 'introuvable', choice, req, null), choice.locale);
  });

  const failed: ErrorRequestHandler = (err, req, res, next) => {
    if (res.headersSent) return next(err);
    req.log.error({ err }, 'portal page failed');
    const choice = chooseLocale(req.query, req.locale);
    const page = errorPage(500, 'indisponible', choice, req, null);
    res
      .status(500)
      .set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.send(page.body);
  };
  router.use(failed);
  return router;
}
