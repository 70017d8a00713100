import {
  type Contrat,
  type Fiche,
  type FicheSummary,
  ficheReference,
  formatEuros,
  sourceLabel,
} from '@trame/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentText } from '../../server/src/realtime/document-text.js';
import { loadDocument } from '../../server/src/realtime/persistence.js';
import { startApp, type TestApp } from '../support/app.js';
import { expectAccessible, openBrowser, type TestBrowser } from '../support/browser.js';
import { contratPath, DEMO, THOUARSAIS } from '../support/fixtures/trame.js';
import { ApiClient, signedIn } from '../support/http.js';
import { connectY, synced, until } from '../support/yjs.js';

const FICHE = 'Réseau de chaleur bois du quartier des Capucins à Thouars';
/** What the animateur writes in the projet de territoire before anyone reads the portal. */
const PROJET_TITRE = 'Un territoire à énergie positive';
const PROJET_TEXTE = 'Le projet se construit avec les habitants des 24 communes.';
const PHONE = { width: 375, height: 740 };
/** A reader whose browser asks for French, as most of the portal's readers. */
const FRENCH = 'fr-FR';

/** The text of a stored collaborative document, as the server would load it. */
async function storedText(app: TestApp, name: string): Promise<string> {
  const doc = new Y.Doc();
  const { snapshot, log } = await loadDocument(app.ctx.db, name);
  for (const update of [...(snapshot ? [snapshot] : []), ...log]) Y.applyUpdate(doc, update);
  return documentText(doc);
}

/** Writes a heading and a paragraph into a document as the editor would, and waits until stored. */
async function writeDocument(app: TestApp, name: string, cookie: string): Promise<void> {
  const client = connectY(app.url, name, { cookie });
  try {
    await synced(client);
    client.doc.transact(() => {
      const root = client.doc.getXmlFragment('default');
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 2 as unknown as string);
      heading.insert(0, [new Y.XmlText(PROJET_TITRE)]);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(PROJET_TEXTE)]);
      root.insert(root.length, [heading, paragraph]);
    });
    await until(async () => (await storedText(app, name)).includes(PROJET_TEXTE), 'projet stored');
  } finally {
    client.destroy();
  }
}

/** The fiche cards of a list page. */
const cards = (page: Page) => page.getByRole('main').getByRole('article');

describe('the public portal in a real browser', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let contrat: Contrat;
  /** The contract's fiches as an anonymous reader of the API sees them: the public ones. */
  let publicFiches: FicheSummary[];
  let fiche: Fiche;

  beforeAll(async () => {
    app = await startApp();
    const animateur = await signedIn(app.url, DEMO.animateur);
    contrat = (await animateur.get(contratPath(THOUARSAIS))).body;
    // Written before any portal page is read: the portal keeps its pages for a few seconds.
    await writeDocument(app, `contrat:${contrat.id}:projet`, animateur.sessionCookie!);
    const anonymous = new ApiClient(app.url);
    const listed = await anonymous.get(contratPath(contrat.id, '/fiches?limit=200'));
    expect(listed.status).toBe(200);
    publicFiches = listed.body.items;
    const summary = publicFiches.find((item) => item.titre === FICHE)!;
    expect(summary).toBeDefined();
    fiche = (await anonymous.get(`/api/v1/fiches/${summary.id}`)).body;
    expect(fiche.financements.length).toBeGreaterThan(0);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('reads the home page, filters the fiches and opens one, with JavaScript turned off', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false, locale: FRENCH });

    // Home: the contract, its projet de territoire as written, its orientations.
    await page.goto(`${app.url}/p/${THOUARSAIS}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([contrat.nom]);
    const projet = page.getByRole('region', { name: 'Projet de territoire' });
    expect(await projet.getByRole('heading', { level: 3, name: PROJET_TITRE }).isVisible()).toBe(
      true,
    );
    expect(await projet.getByText(PROJET_TEXTE).isVisible()).toBe(true);
    const orientations = page.getByRole('region', { name: 'Orientations stratégiques' });
    expect(await orientations.getByRole('heading', { level: 3 }).allTextContents()).toEqual(
      contrat.orientations.map((o) => `Orientation ${o.numero} — ${o.titre}`),
    );

    // The list, reached from the navigation: the public fiches, twenty a page.
    const nav = page.getByRole('navigation', { name: 'Navigation du portail' });
    await nav.getByRole('link', { name: 'Fiches' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fiches publiques' }).waitFor();
    expect(page.url()).toBe(`${app.url}/p/${THOUARSAIS}/fiches`);
    expect(publicFiches.length).toBeGreaterThan(20);
    expect(await page.getByText(`${publicFiches.length} fiches, page 1 sur 2`).isVisible()).toBe(
      true,
    );
    expect(await cards(page).count()).toBe(20);
    expect(await page.getByRole('link', { name: FICHE }).isVisible()).toBe(true);
    const paginationNav = page.getByRole('navigation', { name: 'Pages de résultats' });
    expect(await paginationNav.getByRole('link', { name: 'Page suivante' }).isVisible()).toBe(true);

    // The filter form is a plain GET form: submitted, the list narrows and the address says why.
    const engagees = publicFiches.filter((item) => item.maturite === 'engagee');
    expect(engagees.length).toBeGreaterThan(1);
    expect(engagees.length).toBeLessThanOrEqual(20);
    const filters = page.getByRole('search', { name: 'Filtrer les fiches' });
    await filters.getByRole('combobox', { name: 'Avancement' }).selectOption({ label: 'Engagée' });
    await filters.getByRole('button', { name: 'Filtrer' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('maturite')).toBe('engagee');
    await page.getByText(`${engagees.length} fiches`, { exact: true }).waitFor();
    expect(await cards(page).count()).toBe(engagees.length);
    for (const card of await cards(page).all()) {
      expect(await card.getByText('Engagée', { exact: true }).isVisible()).toBe(true);
    }
    expect(
      (await cards(page).getByRole('heading', { level: 2 }).allTextContents()).map((title) =>
        title.replace(/^F-\d{3} /, ''),
      ),
    ).toEqual(engagees.map((item) => item.titre));

    // A word on top of it; the form kept the maturity it was sent with.
    expect(await filters.getByRole('combobox', { name: 'Avancement' }).inputValue()).toBe(
      'engagee',
    );
    await filters.getByRole('searchbox', { name: 'Rechercher' }).fill('chaleur');
    await filters.getByRole('button', { name: 'Filtrer' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('chaleur');
    expect(new URL(page.url()).searchParams.get('maturite')).toBe('engagee');
    await page.getByText('1 fiche', { exact: true }).waitFor();
    expect(await cards(page).count()).toBe(1);
    await filters.getByRole('link', { name: 'Effacer les filtres' }).waitFor();

    // The fiche: its facts and its plan de financement, one row per source.
    await cards(page).getByRole('link', { name: FICHE }).click();
    await page
      .getByRole('heading', { level: 1, name: `${ficheReference(fiche.numero)} ${FICHE}` })
      .waitFor();
    expect(page.url()).toMatch(new RegExp(`/p/${THOUARSAIS}/fiches/[^/]+$`));
    expect(await page.getByText(fiche.resume!).isVisible()).toBe(true);
    const financement = page.getByRole('region', { name: 'Plan de financement' });
    const table = financement.getByRole('table', {
      name: 'Financements acquis et sollicités, par source',
    });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Source',
      'Acquis',
      'Sollicité',
      'Total',
    ]);
    const sources = [
      ...new Set(
        fiche.financements.filter((line) => line.statut !== 'refuse').map((line) => line.source),
      ),
    ];
    expect(await table.locator('tbody').getByRole('rowheader').allTextContents()).toEqual(
      sources.map((source) => sourceLabel(source, 'fr')),
    );
    const total = table.locator('tfoot').getByRole('row');
    expect(await total.getByRole('rowheader').textContent()).toBe('Total');
    expect(await total.getByRole('cell').allTextContents()).toEqual(
      [fiche.plan.acquisCents, fiche.plan.sollicitesCents, fiche.plan.totalCents].map((cents) =>
        formatEuros(cents),
      ),
    );

    expect(browser.cspViolations).toEqual([]);
  });

  it('speaks English when asked in the address, to a French browser too', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false, locale: FRENCH });
    await page.goto(`${app.url}/p/${THOUARSAIS}?lang=en`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(
      expect.arrayContaining(['Territorial project', 'Strategic priorities', 'Coming up']),
    );
    expect(await page.getByRole('heading', { name: 'Projet de territoire' }).count()).toBe(0);

    // The links keep the language: the list, then the filter form.
    const nav = page.getByRole('navigation', { name: 'Portal navigation' });
    await nav.getByRole('link', { name: 'Project sheets' }).click();
    await page.getByRole('heading', { level: 1, name: 'Public project sheets' }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    const filters = page.getByRole('search', { name: 'Filter the sheets' });
    await filters.getByRole('searchbox', { name: 'Search' }).fill('Capucins');
    await filters.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('1 sheet', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');

    await cards(page).getByRole('link', { name: FICHE }).click();
    await page.getByRole('heading', { level: 2, name: 'Funding plan' }).waitFor();
    expect(
      await page
        .getByRole('table', { name: 'Secured and requested funding, by source' })
        .getByRole('columnheader')
        .allTextContents(),
    ).toEqual(['Source', 'Secured', 'Requested', 'Total']);

    // And back to French from the language link.
    await nav.getByRole('link', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 2, name: 'Plan de financement' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    expect(browser.cspViolations).toEqual([]);
  });

  it('has no serious accessibility fault on its pages, on a desktop and on a phone', async () => {
    const home = `${app.url}/p/${THOUARSAIS}`;
    const list = `${home}/fiches`;
    const fichePage = `${list}/${fiche.numero}`;
    // axe runs in the page: JavaScript on, the same server-rendered pages.
    const desktop = await browser.newPage({ locale: FRENCH });
    for (const [address, label] of [
      [home, 'accueil du portail'],
      [list, 'liste des fiches'],
      [`${list}?maturite=engagee&q=chaleur`, 'liste filtrée'],
      [fichePage, 'page d’une fiche'],
      [`${home}?lang=en`, 'portal home (English)'],
      [`${fichePage}?lang=en`, 'project sheet (English)'],
    ] as const) {
      await desktop.goto(address);
      await desktop.getByRole('heading', { level: 1 }).waitFor();
      await expectAccessible(desktop, label);
    }

    const phone = await browser.newPage({ viewport: PHONE, locale: FRENCH });
    await phone.goto(list);
    await phone.getByRole('heading', { level: 1, name: 'Fiches publiques' }).waitFor();
    expect(await cards(phone).count()).toBe(20);
    // One column: nothing wider than the screen, so nothing to scroll sideways.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await expectAccessible(phone, 'liste des fiches sur un téléphone');
    // Tables wider than the screen scroll inside a region a keyboard can reach.
    for (const [address, label] of [
      [home, 'accueil du portail sur un téléphone'],
      [fichePage, 'page d’une fiche sur un téléphone'],
    ] as const) {
      await phone.goto(address);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      await expectAccessible(phone, label);
    }

    expect(browser.cspViolations).toEqual([]);
  });
});
