import { parisDate } from '@trame/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EVENEMENTS } from '../../server/src/demo/data.js';
import { documentText } from '../../server/src/realtime/document-text.js';
import { loadDocument } from '../../server/src/realtime/persistence.js';
import { startApp, type TestApp } from '../support/app.js';
import {
  BOCAGE,
  BOCAGE_ANIMATEUR,
  contratPath,
  DEMO,
  THOUARSAIS,
} from '../support/fixtures/trame.js';
import { ApiClient, signedIn } from '../support/http.js';
import { connectY, synced, until } from '../support/yjs.js';

let app: TestApp;
let animateur: ApiClient;
let bocageAnimateur: ApiClient;
let anonyme: ApiClient;
let contrat: any;
let fiches: any[];
let piegee: any;
let bocageFiche: any;

const PIEGE = '<script>alert("titre")</script> Fiche « piégée » & co';
const RESUME_PIEGE = '"><img src=x onerror=alert(1)> un résumé';
const REFUSED_CENTS = 123_456_78;

interface Page {
  status: number;
  text: string;
  headers: Headers;
}

async function page(path: string, headers: Record<string, string> = {}): Promise<Page> {
  const response = await fetch(new URL(path, app.url), { headers, redirect: 'manual' });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
/** The text a reader sees in an HTML fragment. */
function textOf(fragment: string): string {
  return (
    fragment
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
      // Only ASCII blanks: amounts keep their non-breaking spaces.
      .replace(/[ \t\r\n]+/g, ' ')
      .trim()
  );
}

/** The titles of the fiches listed on a list page (without their F-000 reference). */
function listedTitles(html: string): string[] {
  return [...html.matchAll(/<li class="fiche-card"><article>\s*<h2>([\s\S]*?)<\/h2>/g)].map((m) =>
    textOf(m[1]!).replace(/^F-\d{3} /, ''),
  );
}

function attribute(html: string, pattern: RegExp): string | undefined {
  const raw = pattern.exec(html)?.[1];
  return raw === undefined ? undefined : textOf(raw);
}

/** Every public title over all the pages of a list, following its « next » links. */
async function allListed(path: string, headers: Record<string, string> = {}): Promise<string[]> {
  const titles: string[] = [];
  let next: string | undefined = path;
  while (next) {
    const reply = await page(next, headers);
    expect(reply.status).toBe(200);
    titles.push(...listedTitles(reply.text));
    next = attribute(reply.text, /<a href="([^"]+)" rel="next">/);
  }
  return titles;
}

async function storedDocText(name: string): Promise<string> {
  const doc = new Y.Doc();
  const { snapshot, log } = await loadDocument(app.ctx.db, name);
  for (const update of [...(snapshot ? [snapshot] : []), ...log]) Y.applyUpdate(doc, update);
  return documentText(doc);
}

/** Writes paragraphs (the first one as a heading) into a document as the editor would. */
async function writeDocument(name: string, cookie: string, blocks: string[]): Promise<void> {
  const client = connectY(app.url, name, { cookie });
  try {
    await synced(client);
    client.doc.transact(() => {
      const root = client.doc.getXmlFragment('default');
      for (const [index, text] of blocks.entries()) {
        const block = new Y.XmlElement(index === 0 ? 'heading' : 'paragraph');
        if (index === 0) block.setAttribute('level', 2 as unknown as string);
        block.insert(0, [new Y.XmlText(text)]);
        root.insert(root.length, [block]);
      }
    });
    await until(async () => (await storedDocText(name)) === blocks.join('\n'), 'document stored');
  } finally {
    client.destroy();
  }
}

beforeAll(async () => {
  app = await startApp();
  animateur = await signedIn(app.url, DEMO.animateur);
  bocageAnimateur = await signedIn(app.url, BOCAGE_ANIMATEUR);
  anonyme = new ApiClient(app.url);
  contrat = (await animateur.get(contratPath(THOUARSAIS))).body;
  const bocage = (await bocageAnimateur.get(contratPath(BOCAGE))).body;
  // Everything the pages show is written before any page is read: pages are cached for seconds.
  const created = await animateur.post(contratPath(THOUARSAIS, '/fiches'), {
    titre: PIEGE,
    resume: RESUME_PIEGE,
    public: true,
    coutCents: 500_000_00,
    communes: ['79329'],
    maitreOuvrage: 'Ville de Thouars <b>',
    jalons: [{ libelle: 'Études <i>', date: '2027-01-15', fait: false }],
    // Shared with the Bocage through their coopération: listed on its portal too.
    partageAvec: [bocage.id],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  piegee = created.body;
  for (const [statut, montantCents] of [
    ['acquis', 200_000_00],
    ['refuse', REFUSED_CENTS],
  ] as const) {
    const line = await animateur.post(`/api/v1/fiches/${piegee.id}/financements`, {
      source: 'fonds_vert',
      montantCents,
      annee: 2025,
      statut,
    });
    expect(line.status, JSON.stringify(line.body)).toBe(201);
  }
  const other = await bocageAnimateur.post(contratPath(BOCAGE, '/fiches'), {
    titre: 'Voie verte du Bocage',
    public: true,
  });
  expect(other.status).toBe(201);
  bocageFiche = other.body;
  await writeDocument(`contrat:${contrat.id}:projet`, animateur.sessionCookie!, [
    'Un territoire à énergie positive',
    'Le projet <script>alert(2)</script> se construit avec les habitants.',
  ]);
  await writeDocument(`fiche:${piegee.id}`, animateur.sessionCookie!, [
    'Contexte',
    'Le récit de la fiche piégée.',
  ]);
  const listed = await animateur.get(contratPath(THOUARSAIS, '/fiches?limit=200'));
  fiches = listed.body.items;
});
afterAll(async () => {
  await app?.close();
});

const home = `/p/${THOUARSAIS}`;
const list = `/p/${THOUARSAIS}/fiches`;

function expectWellFormedPage(reply: Page, lang: 'fr' | 'en' = 'fr') {
  expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(reply.text).toMatch(new RegExp(`^<!doctype html>\\s*<html lang="${lang}">`));
  expect(reply.text.match(/<h1[ >]/g)).toHaveLength(1);
  expect(reply.text.match(/<main id="contenu"/g)).toHaveLength(1);
  expect(reply.text).toContain('<a class="skip-link" href="#contenu">');
  // The CSP allows no inline script or style: the pages need none.
  expect(reply.text).not.toMatch(/<script|<style|\sstyle=/i);
  expect(reply.headers.get('content-security-policy')).toContain("script-src 'self'");
}

describe('the home page of a published contract', () => {
  it('shows the contract, its territory, period and status, for search engines too', async () => {
    const reply = await page(home);
    expect(reply.status).toBe(200);
    expectWellFormedPage(reply);
    expect(textOf(/<h1>([\s\S]*?)<\/h1>/.exec(reply.text)![1]!)).toBe('CRTE du Thouarsais');
    expect(reply.text).toContain('<title>CRTE du Thouarsais — Portail public</title>');
    expect(reply.text).toContain(`<link rel="canonical" href="${app.url}/p/${THOUARSAIS}">`);
    expect(reply.text).toContain(`hreflang="en" href="${app.url}/p/${THOUARSAIS}?lang=en"`);
    expect(attribute(reply.text, /<meta name="description" content="([^"]*)">/)).toBe(
      contrat.description,
    );
    const text = textOf(reply.text);
    expect(text).toContain(`${contrat.epci.nom} · 24 communes`);
    expect(text).toContain('du 1er juillet 2021 au 31 décembre 2026');
    expect(text).toContain('En mise en œuvre');
    expect(reply.headers.get('set-cookie')).toBeNull();
  });

  it('shows the projet de territoire as written, escaped, under the page’s headings', async () => {
    const { text } = await page(home);
    expect(text).toContain('<h3>Un territoire à énergie positive</h3>');
    expect(text).toContain('<p>Le projet &lt;script&gt;alert(2)&lt;/script&gt; se construit');
  });

  it('lists the orientations with their objectives and links to their public fiches', async () => {
    const { text } = await page(home);
    for (const orientation of contrat.orientations) {
      expect(text).toContain(`Orientation ${orientation.numero} — ${orientation.titre}`);
      for (const objectif of orientation.objectifs) expect(textOf(text)).toContain(objectif.titre);
      const count = fiches.filter((f) => f.public && f.orientationId === orientation.id).length;
      if (count > 0) {
        expect(text).toContain(`href="${list}?orientation=${orientation.id}"`);
        expect(text).toContain(`Voir les ${count} fiches publiques de cette orientation`);
      }
    }
    const publicCount = fiches.filter((f) => f.public).length;
    expect(text).toContain(`<a href="${list}">Voir les ${publicCount} fiches publiques</a>`);
  });

  it('announces the events to come, soonest first, and none of the past', async () => {
    const { text } = await page(home);
    const today = parisDate(new Date());
    const section = /<section aria-labelledby="a-venir">([\s\S]*?)<\/section>/.exec(text)![1]!;
    const upcoming = EVENEMENTS.filter((e) => e.date >= today).sort((a, b) =>
      a.date.localeCompare(b.date),
    );
    const shown = [...section.matchAll(/<th scope="row">([\s\S]*?)<\/th>/g)].map((m) =>
      textOf(m[1]!),
    );
    expect(shown).toEqual(upcoming.slice(0, 5).map((e) => e.titre));
    if (upcoming.length === 0) expect(section).toContain('Aucun événement n’est annoncé');
  });
});

describe('the list of public fiches', () => {
  it('lists every public fiche over its pages, and no other', async () => {
    const titles = await allListed(list);
    const publicOnes = fiches.filter((f) => f.public).map((f) => f.titre);
    expect(titles).toEqual(publicOnes);
    for (const hidden of fiches.filter((f) => !f.public))
      expect(titles).not.toContain(hidden.titre);
  });

  it('pages by twenty with numbered links, the current one marked', async () => {
    const publicCount = fiches.filter((f) => f.public).length;
    expect(publicCount).toBeGreaterThan(20);
    const first = await page(list);
    expectWellFormedPage(first);
    expect(listedTitles(first.text)).toHaveLength(20);
    expect(first.text).toContain(`<a href="${list}" aria-current="page" aria-label="Page 1">1</a>`);
    expect(first.text).toContain(`<a href="${list}?page=2" rel="next">Page suivante</a>`);
    const second = await page(`${list}?page=2`);
    expect(listedTitles(second.text)).toHaveLength(publicCount - 20);
    expect(second.text).toContain(`<a href="${list}" rel="prev">Page précédente</a>`);
    expect(second.text).toContain(`<link rel="canonical" href="${app.url}${list}?page=2">`);
    const beyond = await page(`${list}?page=9`);
    expect(beyond.status).toBe(200);
    expect(listedTitles(beyond.text)).toEqual([]);
  });

  it('shows status, orientation, communes, cost and financing of each fiche', async () => {
    const chaleur = fiches.find((f) => f.titre.startsWith('Réseau de chaleur bois'));
    const { text } = await page(`${list}?q=${encodeURIComponent('chaleur bois')}`);
    const card = textOf(
      new RegExp(
        `<li class="fiche-card">((?:(?!</li>)[\\s\\S])*?${chaleur.titre}[\\s\\S]*?)</li>`,
      ).exec(text)![1]!,
    );
    const orientation = contrat.orientations.find((o: any) => o.id === chaleur.orientationId);
    expect(card).toContain('Engagée');
    expect(card).toContain(`Orientation ${orientation.numero}. ${orientation.titre}`);
    expect(card).toContain('Communes concernées Thouars');
    expect(card).toContain('Coût HT 4\u202f200\u202f000,00\u00a0€');
    expect(card).toContain(
      'Financement 3\u202f400\u202f000,00\u00a0€ acquis, 800\u202f000,00\u00a0€ sollicités',
    );
    expect(text).toContain(`<a href="/p/${THOUARSAIS}/fiches/${chaleur.numero}">`);
  });

  it('filters by orientation, maturity, commune and text like the public API, from a plain form', async () => {
    const orientation = contrat.orientations[1].id;
    const cases = [
      `orientation=${orientation}`,
      'maturite=engagee',
      'commune=79299',
      `q=${encodeURIComponent('énergie')}`,
      `maturite=engagee&commune=79329&q=&orientation=`,
    ];
    for (const query of cases) {
      const api = await anonyme.get(
        contratPath(THOUARSAIS, `/fiches?limit=200&${query.replace(/&?\w+=(?=&|$)/g, '')}`),
      );
      expect(api.status).toBe(200);
      const titles = await allListed(`${list}?${query}`);
      expect(titles, query).toEqual(api.body.items.map((f: any) => f.titre));
      expect(titles.length, query).toBeLessThan(fiches.filter((f) => f.public).length);
    }
    const filtered = await page(`${list}?maturite=engagee`);
    expect(filtered.text).toContain(
      '<form class="search" method="get" action="/p/crte-thouarsais/fiches"',
    );
    expect(filtered.text).toContain('<option value="engagee" selected>Engagée</option>');
    expect(filtered.text).toMatch(/<label for="q">Rechercher<\/label>\s*<input id="q" name="q"/);
    expect(filtered.text).toContain(`<a href="${list}">Effacer les filtres</a>`);
  });

  it('refuses an invalid filter with a page that says so', async () => {
    const reply = await page(`${list}?orientation=pas-un-id`);
    expect(reply.status).toBe(400);
    expectWellFormedPage(reply);
    expect(reply.text).toContain('<h1>Recherche invalide</h1>');
    expect(reply.text).toContain(`<a href="${list}">Effacer les filtres</a>`);
  });
});

describe('a fiche page', () => {
  it('shows the fiche: porteur, communes, calendar, financing, indicators, ISO 37101 and ODD', async () => {
    const chaleur = fiches.find((f) => f.titre.startsWith('Réseau de chaleur bois'));
    const full = (await animateur.get(`/api/v1/fiches/${chaleur.id}`)).body;
    const reply = await page(`${list}/${chaleur.numero}`);
    expect(reply.status).toBe(200);
    expectWellFormedPage(reply);
    const text = textOf(reply.text);
    expect(textOf(/<h1>([\s\S]*?)<\/h1>/.exec(reply.text)![1]!)).toBe(
      `F-${String(chaleur.numero).padStart(3, '0')} ${chaleur.titre}`,
    );
    expect(reply.text).toContain(
      `<link rel="canonical" href="${app.url}/p/${THOUARSAIS}/fiches/${chaleur.numero}">`,
    );
    expect(text).toContain('Maître d’ouvrage Ville de Thouars');
    expect(text).toContain('Communes concernées Thouars');
    expect(text).toContain('Début 1er septembre 2022');
    expect(reply.text).toContain(
      '<caption>Financements acquis et sollicités, par source</caption>',
    );
    expect(reply.text).toMatch(
      /<th scope="row">Fonds vert<\/th><td class="num">900\u202f000,00\u00a0€/,
    );
    expect(reply.text).toContain(
      '<tfoot><tr><th scope="row">Total</th><td class="num">3\u202f400\u202f000,00\u00a0€</td>',
    );
    for (const indicateur of full.indicateurs) expect(text).toContain(indicateur.libelle);
    expect(text).toContain('Préservation et amélioration de l’environnement');
    expect(text).toContain('Infrastructures communautaires');
    expect(text).toContain('ODD 7 — Énergie propre et d’un coût abordable');
    expect(reply.text).toContain('<nav class="breadcrumb" aria-label="Fil d’Ariane">');
  });

  it('is found by number, by reference and by id', async () => {
    const numero = piegee.numero;
    for (const ref of [String(numero), `F-${String(numero).padStart(3, '0')}`, piegee.id]) {
      const reply = await page(`${list}/${ref}`);
      expect(reply.status, ref).toBe(200);
      expect(reply.text).toContain(`<link rel="canonical" href="${app.url}${list}/${numero}">`);
    }
  });

  it('escapes what people typed: title, summary, porteur, milestones', async () => {
    const reply = await page(`${list}/${piegee.numero}`);
    expect(reply.status).toBe(200);
    expectWellFormedPage(reply);
    expect(reply.text).toContain('&lt;script&gt;alert(&quot;titre&quot;)&lt;/script&gt;');
    expect(reply.text).toMatch(/<title>F-\d{3} &lt;script&gt;alert\(&quot;titre&quot;\)/);
    expect(reply.text).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt; un résumé');
    expect(reply.text).not.toContain('<img');
    expect(reply.text).toContain('Ville de Thouars &lt;b&gt;');
    expect(reply.text).toContain('<th scope="row">Études &lt;i&gt;</th>');
    const listed = await page(`${list}?q=${encodeURIComponent('piégée')}`);
    expect(listedTitles(listed.text)).toEqual([PIEGE]);
    expect(listed.text).not.toContain('<script');
  });

  it('shows acquired and requested financing but not the refused amounts', async () => {
    const { text } = await page(`${list}/${piegee.numero}`);
    expect(text).toMatch(/<th scope="row">Fonds vert<\/th><td class="num">200\u202f000,00\u00a0€/);
    expect(text).not.toContain('123\u202f456,78');
    expect(textOf(text)).toContain('Reste à financer 300\u202f000,00\u00a0€');
  });

  it('shows the fiche’s narrative when it has one', async () => {
    const { text } = await page(`${list}/${piegee.numero}`);
    expect(text).toContain('<h2 id="recit">Récit</h2>');
    expect(text).toContain('<h3>Contexte</h3><p>Le récit de la fiche piégée.</p>');
    const chaleur = fiches.find((f) => f.titre.startsWith('Réseau de chaleur bois'));
    expect((await page(`${list}/${chaleur.id}`)).text).not.toContain('id="recit"');
  });
});

describe('what is not published is not found', () => {
  async function expectNotFound(path: string, heading = 'Page introuvable') {
    const reply = await page(path);
    expect(reply.status, path).toBe(404);
    expectWellFormedPage(reply);
    expect(reply.text).toContain(`<h1>${heading}</h1>`);
    expect(reply.text).toContain('<meta name="robots" content="noindex">');
  }

  it('answers 404 for an unpublished contract, an unknown one, or an id instead of a slug', async () => {
    for (const path of [
      `/p/${BOCAGE}`,
      `/p/${BOCAGE}/fiches`,
      `/p/${BOCAGE}/fiches/1`,
      `/p/${BOCAGE}/fiches/${bocageFiche.id}`,
      '/p/crte-inconnu',
      '/p/crte-inconnu/fiches',
      `/p/${contrat.id}`,
      '/p',
      `/p/${THOUARSAIS}/autre-chose`,
    ]) {
      await expectNotFound(path);
    }
  });

  it('answers 404 for a non-public fiche, a fiche of another contract, or no fiche', async () => {
    const hidden = fiches.find((f) => !f.public);
    for (const ref of [
      String(hidden.numero),
      hidden.id,
      bocageFiche.id,
      '999',
      'abc',
      '00000000-0000-4000-8000-000000000000',
    ]) {
      await expectNotFound(`${list}/${ref}`, 'Fiche introuvable');
    }
  });

  it('shows a contract once it is published, within the pages’ cache lifetime', async () => {
    const published = await bocageAnimateur.patch(contratPath(BOCAGE), { publie: true });
    expect(published.status).toBe(200);
    // Pages read before (404) are served until they expire, then once more while re-rendered.
    const once200 = async (path: string) => {
      await until(async () => (await page(path)).status === 200, `${path} published`, 15_000);
      return page(path);
    };
    await once200(`/p/${BOCAGE}`);
    const fiche = await once200(`/p/${BOCAGE}/fiches/${bocageFiche.numero}`);
    expect(fiche.text).toContain('Voie verte du Bocage');
    // A fiche the Thouarsais shares is listed on the Bocage's portal, and read on its own.
    const listed = await once200(`/p/${BOCAGE}/fiches`);
    expect(listedTitles(listed.text)).toEqual(['Voie verte du Bocage', PIEGE]);
    expect(listed.text).toContain(`<a href="${list}/${piegee.numero}">`);
    expect(textOf(listed.text)).toContain(
      'Fiche partagée par un contrat partenaire : CRTE du Thouarsais',
    );
    expect((await page(`/p/${BOCAGE}/fiches/${piegee.id}`)).status).toBe(404);
    const chaleur = fiches.find((f) => f.titre.startsWith('Réseau de chaleur bois'));
    expect((await page(`/p/${BOCAGE}/fiches/${chaleur.id}`)).status).toBe(404);
  });
});

describe('languages', () => {
  it('answers in English with ?lang=en, and keeps the language in its links', async () => {
    const reply = await page(`${list}?lang=en&maturite=engagee`);
    expect(reply.status).toBe(200);
    expectWellFormedPage(reply, 'en');
    expect(reply.headers.get('content-language')).toBe('en');
    expect(reply.text).toContain('<h1>Public project sheets</h1>');
    expect(reply.text).toContain('<option value="engagee" selected>Under way</option>');
    expect(reply.text).toContain('<input type="hidden" name="lang" value="en">');
    expect(reply.text).toContain(`<a href="${home}?lang=en">Contract home</a>`);
    expect(reply.text).toContain(
      `<a href="${list}?maturite=engagee&amp;lang=fr" lang="fr" hreflang="fr">Français</a>`,
    );
    expect(reply.text).toContain(
      `<link rel="canonical" href="${app.url}${list}?maturite=engagee&amp;lang=en">`,
    );
  });

  it('follows Accept-Language, unless ?lang says otherwise', async () => {
    const english = await page(home, { 'accept-language': 'en-GB,en;q=0.9' });
    expectWellFormedPage(english, 'en');
    expect(english.text).toContain('<h2 id="orientations">Strategic priorities</h2>');
    expect(english.text).toContain('from 1 July 2021 to 31 December 2026');
    expect(english.headers.get('vary')).toContain('Accept-Language');
    const french = await page(`${home}?lang=fr`, { 'accept-language': 'en' });
    expectWellFormedPage(french, 'fr');
    expect(french.text).toContain('<h2 id="orientations">Orientations stratégiques</h2>');
    expect(french.text).toContain(`<a href="${list}?lang=fr">`);
    const chaleur = fiches.find((f) => f.titre.startsWith('Réseau de chaleur bois'));
    const fiche = await page(`${list}/${chaleur.numero}`, { 'accept-language': 'en' });
    expect(fiche.text).toContain('<caption>Secured and requested funding, by source</caption>');
    expect(fiche.text).toContain('SDG 7 — Affordable and clean energy');
    const missing = await page('/p/crte-inconnu?lang=en');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('<h1>Page not found</h1>');
  });
});

describe('caching and assets', () => {
  it('sends an ETag and public caching, and answers a revalidation with 304', async () => {
    const first = await page(home);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    // As a browser revalidates (fetch would otherwise add `Cache-Control: no-cache`).
    const again = await page(home, { 'if-none-match': etag, 'cache-control': 'max-age=0' });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('serves its stylesheet under a hashed name, cached for a year', async () => {
    const { text } = await page(home);
    const href = attribute(text, /<link rel="stylesheet" href="([^"]+)">/)!;
    expect(href).toMatch(/^\/p\/_\/portail\.[0-9a-f]{12}\.css$/);
    const css = await page(href);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(css.text).toContain(':focus-visible');
    expect((await page('/p/_/portail.0000.css')).status).toBe(404);
  });
});
