import {
  type Contrat,
  type Fiche,
  type FicheSummary,
  ficheReference,
  formatEuros,
  type ParticipationReport,
  propositionReference,
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

const RETENUE = 'Recyclerie solidaire du Thouarsais';
const REFUSEE = 'Piscine olympique à Thouars';
const MOTIF = 'Hors du champ du contrat : à revoir en 2027.';

/**
 * Two proposals through the API as demo people: one retained (its fiche made public), one refused
 * with a reason. The current phase is set to one that takes proposals, then back to the dates.
 */
async function depositPropositions(app: TestApp, animateur: ApiClient) {
  const p = (rest = '') => contratPath(THOUARSAIS, rest);
  const phases = (await animateur.get(p('/phases'))).body.items;
  const ouverte = phases.find((phase: { type: string }) => phase.type === 'mise_en_oeuvre');
  expect(
    (await animateur.request('PUT', p('/phase-courante'), { phaseId: ouverte.id })).status,
  ).toBe(200);
  const partenaire = await signedIn(app.url, DEMO.partenaire);
  const habitant = await signedIn(app.url, DEMO.habitant);
  const cotech = await signedIn(app.url, DEMO.cotech);
  const deposit = async (client: ApiClient, titre: string) => {
    const reply = await client.post(p('/propositions'), {
      titre,
      description: 'Une action proposée pour le territoire.',
      porteur: 'Association Le Relais du Thouarsais',
      communes: ['79329'],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  };
  const decide = async (id: string, statut: string, motif?: string) => {
    const reply = await cotech.post(p(`/propositions/${id}/statut`), { statut, motif });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  };
  const retenue = await deposit(partenaire, RETENUE);
  const refusee = await deposit(habitant, REFUSEE);
  expect((await animateur.request('PUT', p('/phase-courante'), { phaseId: null })).status).toBe(
    200,
  );
  await decide(retenue.id, 'en_instruction');
  await decide(refusee.id, 'en_instruction');
  const decided = await decide(retenue.id, 'retenue');
  await decide(refusee.id, 'non_retenue', MOTIF);
  const fiche = await animateur.patch(`/api/v1/fiches/${decided.fiche.id}`, { public: true });
  expect(fiche.status).toBe(200);
  return { retenue: decided, refusee, fiche: fiche.body as Fiche };
}

describe('the public portal in a real browser', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let contrat: Contrat;
  /** The contract's fiches as an anonymous reader of the API sees them: the public ones. */
  let publicFiches: FicheSummary[];
  let fiche: Fiche;
  let proposals: Awaited<ReturnType<typeof depositPropositions>>;
  let report: ParticipationReport;

  beforeAll(async () => {
    app = await startApp();
    const animateur = await signedIn(app.url, DEMO.animateur);
    contrat = (await animateur.get(contratPath(THOUARSAIS))).body;
    // Written before any portal page is read: the portal keeps its pages for a few seconds.
    await writeDocument(app, `contrat:${contrat.id}:projet`, animateur.sessionCookie!);
    proposals = await depositPropositions(app, animateur);
    const anonymous = new ApiClient(app.url);
    report = (await anonymous.get(contratPath(THOUARSAIS, '/participation'))).body;
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

  it('reads the proposals, their outcome and the participation report, with JavaScript turned off', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false, locale: FRENCH });
    await page.goto(`${app.url}/p/${THOUARSAIS}`);
    const nav = page.getByRole('navigation', { name: 'Navigation du portail' });
    // Taking part: an account to comment and propose, in the app.
    const participer = page.getByRole('region', { name: 'Participer' });
    expect(
      await participer.getByRole('link', { name: 'Créer un compte' }).getAttribute('href'),
    ).toBe('/inscription');
    expect(await participer.getByRole('link', { name: 'Se connecter' }).isVisible()).toBe(true);

    await nav.getByRole('link', { name: 'Propositions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Propositions' }).waitFor();
    expect(await cards(page).getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      `${propositionReference(proposals.refusee.numero)} ${REFUSEE}`,
      `${propositionReference(proposals.retenue.numero)} ${RETENUE}`,
    ]);

    // A plain GET form narrows the list by status.
    const filters = page.getByRole('search', { name: 'Filtrer les propositions' });
    await filters.getByRole('combobox', { name: 'Statut' }).selectOption({ label: 'Non retenue' });
    await filters.getByRole('button', { name: 'Filtrer' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('statut')).toBe('non_retenue');
    await page.getByText('1 proposition', { exact: true }).waitFor();
    await cards(page).getByRole('link', { name: REFUSEE }).click();
    await page.getByRole('heading', { level: 1, name: REFUSEE }).waitFor();
    const suite = page.getByRole('region', { name: 'Suite donnée' });
    expect(await suite.getByText(MOTIF).isVisible()).toBe(true);

    // A retained proposal leads to the fiche it became.
    await page.goto(`${app.url}/p/${THOUARSAIS}/propositions/${proposals.retenue.numero}`);
    await page
      .getByRole('region', { name: 'Suite donnée' })
      .getByRole('link', { name: `Voir la fiche ${ficheReference(proposals.fiche.numero)}` })
      .click();
    await page
      .getByRole('heading', {
        level: 1,
        name: `${ficheReference(proposals.fiche.numero)} ${RETENUE}`,
      })
      .waitFor();

    // The participation report: a chart and its table per view, the same numbers as the API's.
    await nav.getByRole('link', { name: 'Participation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rapport de participation' }).waitFor();
    expect(
      await page.getByRole('img', { name: /Personnes ayant participé, par phase/ }).count(),
    ).toBe(1);
    const table = page.getByRole('table', { name: 'Participation par phase' });
    expect(await table.locator('tfoot').getByRole('cell').allTextContents()).toEqual(
      [
        report.total.evenements,
        report.total.personnes,
        report.total.totalContributions,
        report.total.presentsNommes,
        report.total.presentsComptes,
      ].map((n) => n.toLocaleString('fr-FR')),
    );
    expect(await page.getByRole('link', { name: 'Tableau (CSV)' }).isVisible()).toBe(true);

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
    const propositionList = `${home}/propositions`;
    const participation = `${home}/participation`;
    // axe runs in the page: JavaScript on, the same server-rendered pages.
    const desktop = await browser.newPage({ locale: FRENCH });
    for (const [address, label] of [
      [home, 'accueil du portail'],
      [list, 'liste des fiches'],
      [`${list}?maturite=engagee&q=chaleur`, 'liste filtrée'],
      [fichePage, 'page d’une fiche'],
      [`${home}?lang=en`, 'portal home (English)'],
      [`${fichePage}?lang=en`, 'project sheet (English)'],
      [propositionList, 'liste des propositions'],
      [`${propositionList}?statut=retenue`, 'liste des propositions filtrée'],
      [`${propositionList}/${proposals.retenue.numero}`, 'proposition retenue'],
      [`${propositionList}/${proposals.refusee.numero}?lang=en`, 'proposal not accepted (English)'],
      [participation, 'rapport de participation'],
      [`${participation}?lang=en`, 'participation report (English)'],
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
      [propositionList, 'liste des propositions sur un téléphone'],
      [`${propositionList}/${proposals.refusee.numero}`, 'proposition sur un téléphone'],
      [participation, 'rapport de participation sur un téléphone'],
    ] as const) {
      await phone.goto(address);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      await expectAccessible(phone, label);
      // Charts and cards fit the screen; only tables scroll, inside their own region.
      expect(
        await phone.evaluate(() => document.documentElement.scrollWidth),
        label,
      ).toBeLessThanOrEqual(PHONE.width);
    }

    expect(browser.cspViolations).toEqual([]);
  });
});
