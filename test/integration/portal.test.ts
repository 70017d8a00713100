import { ISO_DOMAINE_LABELS, parisDate } from '@trame/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_USERS, EVENEMENTS } from '../../server/src/demo/data.js';
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
/** Proposals deposited through the API as demo users, by what became of them. */
const propositions = {} as Record<
  'retenue' | 'retenueCachee' | 'refusee' | 'deposee' | 'enAttente' | 'masquee',
  any
>;
/** Their fiches: the public one the retained proposal became, and the one left non-public. */
let ficheRetenue: any;

const PIEGE = '<script>alert("titre")</script> Fiche « piégée » & co';
const MOTIF_REFUS = 'Hors du champ du contrat <b>pour l’instant</b> : à revoir en 2027.';
/** Published proposals deposited on top of the four named ones, to fill more than one page. */
const EXTRA_PROPOSITIONS = 18;
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

/**
 * Proposals through the API, as the demo people would: the current phase is set to one that takes
 * proposals (as test/integration/propositions.test.ts does), then put back to the dates.
 */
async function depositPropositions(
  partenaire: ApiClient,
  habitant: ApiClient,
  cotech: ApiClient,
): Promise<void> {
  const p = (rest = '') => contratPath(THOUARSAIS, rest);
  const phases = (await animateur.get(p('/phases'))).body.items;
  const ouverte = phases.find((phase: any) => phase.type === 'mise_en_oeuvre');
  expect(ouverte.propositions).toBe(true);
  const setCurrent = async (phaseId: string | null) => {
    const reply = await animateur.request('PUT', p('/phase-courante'), { phaseId });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  };
  const setModeration = async (mode: string) => {
    const reply = await animateur.request('PUT', p('/moderation/mode'), { mode });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  };
  const deposit = async (client: ApiClient, body: Record<string, unknown>) => {
    const reply = await client.post(p('/propositions'), {
      description: 'Une action proposée pour le territoire.',
      porteur: 'Association Le Relais du Thouarsais',
      ...body,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  };
  const decide = async (id: string, statut: string, motif?: string) => {
    const reply = await cotech.post(p(`/propositions/${id}/statut`), { statut, motif });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  };
  await setCurrent(ouverte.id);
  try {
    propositions.retenue = await deposit(partenaire, {
      titre: 'Recyclerie solidaire du Thouarsais',
      description:
        'Une recyclerie portée par une entreprise d’insertion.\n\nAvec un atelier de réparation.',
      coutEstimeCents: 45_000_00,
      isoDomaine: 'economie',
      financementsRecherches: ['fonds_vert'],
      communes: ['79329'],
    });
    propositions.retenueCachee = await deposit(partenaire, { titre: 'Ressourcerie mobile' });
    propositions.refusee = await deposit(habitant, {
      titre: 'Piscine <i>olympique</i> à Thouars',
      porteur: 'Collectif <b>des nageurs</b>',
    });
    propositions.deposee = await deposit(habitant, { titre: 'Jardins partagés au Château' });
    for (let n = 1; n <= EXTRA_PROPOSITIONS; n++) {
      await deposit(partenaire, { titre: `Idée d’action numéro ${n}` });
    }
    propositions.masquee = await deposit(partenaire, { titre: 'Proposition masquée hors sujet' });
    const hidden = await animateur.post(p(`/propositions/${propositions.masquee.id}/masquer`), {
      motif: 'Hors sujet',
    });
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
    await setModeration('a_priori');
    propositions.enAttente = await deposit(habitant, {
      titre: 'Proposition en attente de modération',
    });
    expect(propositions.enAttente.publication).toBe('en_attente');
  } finally {
    await setModeration('a_posteriori');
    await setCurrent(null);
  }
  for (const key of ['retenue', 'retenueCachee', 'refusee'] as const) {
    await decide(propositions[key].id, 'en_instruction');
  }
  propositions.retenue = await decide(propositions.retenue.id, 'retenue', 'Priorité du COPIL');
  propositions.retenueCachee = await decide(propositions.retenueCachee.id, 'retenue');
  propositions.refusee = await decide(propositions.refusee.id, 'non_retenue', MOTIF_REFUS);
  // The fiche of the first is made public; the second's stays as it was created (not public).
  const fiche = await animateur.patch(`/api/v1/fiches/${propositions.retenue.fiche.id}`, {
    public: true,
  });
  expect(fiche.status, JSON.stringify(fiche.body)).toBe(200);
  ficheRetenue = fiche.body;
  expect(propositions.retenueCachee.fiche).not.toBeNull();
}

const COMMENTAIRE_PIEGE = 'Un avis <script>alert(3)</script> sur la fiche & son calendrier';
const commentaires = {} as Record<'publie' | 'reponse' | 'enAttente' | 'masque', any>;

/** Comments on the trapped fiche through the API: published, a reply, one waiting, one hidden. */
async function postComments(): Promise<void> {
  const p = (rest = '') => contratPath(THOUARSAIS, rest);
  const copil = await signedIn(app.url, DEMO.copil);
  const cotech = await signedIn(app.url, DEMO.cotech);
  const habitant = await signedIn(app.url, DEMO.habitant);
  const partenaire = await signedIn(app.url, DEMO.partenaire);
  const post = async (client: ApiClient, corps: string, parentId?: string) => {
    const reply = await client.post(p('/commentaires'), {
      sujetType: 'fiche',
      sujetId: piegee.id,
      corps,
      ...(parentId ? { parentId } : {}),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  };
  commentaires.publie = await post(copil, COMMENTAIRE_PIEGE);
  commentaires.reponse = await post(
    cotech,
    'Le calendrier sera revu en COTECH.',
    commentaires.publie.id,
  );
  commentaires.masque = await post(partenaire, 'Commentaire masqué, hors sujet.');
  const hidden = await animateur.post(p(`/commentaires/${commentaires.masque.id}/masquer`), {
    motif: 'Hors sujet',
  });
  expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
  const mode = (value: string) => animateur.request('PUT', p('/moderation/mode'), { mode: value });
  expect((await mode('a_priori')).status).toBe(200);
  try {
    commentaires.enAttente = await post(habitant, 'Commentaire en attente de modération.');
    expect(commentaires.enAttente.publication).toBe('en_attente');
  } finally {
    expect((await mode('a_posteriori')).status).toBe(200);
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
  await depositPropositions(
    await signedIn(app.url, DEMO.partenaire),
    await signedIn(app.url, DEMO.habitant),
    await signedIn(app.url, DEMO.cotech),
  );
  await postComments();
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
const propositionList = `/p/${THOUARSAIS}/propositions`;
const participation = `/p/${THOUARSAIS}/participation`;

/** The titles of the proposals listed on a page (without their P-000 reference). */
function listedPropositions(html: string): string[] {
  return [...html.matchAll(/<li class="card"><article>\s*<h2>([\s\S]*?)<\/h2>/g)].map((m) =>
    textOf(m[1]!).replace(/^P-\d{3} /, ''),
  );
}

/** Every proposal title over all the pages of a proposal list. */
async function allPropositions(path: string): Promise<string[]> {
  const titles: string[] = [];
  let next: string | undefined = path;
  while (next) {
    const reply = await page(next);
    expect(reply.status).toBe(200);
    titles.push(...listedPropositions(reply.text));
    next = attribute(reply.text, /<a href="([^"]+)" rel="next">/);
  }
  return titles;
}

/** A table's body rows as text: its row header, then its cells. */
function tableRows(html: string, caption: string): string[][] {
  const table = new RegExp(
    `<caption>${caption.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</caption>[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`,
  ).exec(html);
  expect(table, caption).not.toBeNull();
  return [...table![1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1]!)),
  );
}

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

  it('shows the published comments, escaped, with their replies, and never who wrote them', async () => {
    const { text } = await page(`${list}/${piegee.numero}`);
    expect(text).toContain('<h2 id="commentaires">Commentaires</h2>');
    const shown = textOf(text);
    expect(shown).toContain(COMMENTAIRE_PIEGE);
    expect(text).toContain('Un avis &lt;script&gt;alert(3)&lt;/script&gt; sur la fiche &amp; son');
    expect(text).not.toContain('<script>alert(3)');
    expect(shown).toContain('Le calendrier sera revu en COTECH.');
    expect(shown).toContain('1 fil de discussion');
    expect(shown).toMatch(/Élu·e, le \d{1,2}/);
    expect(shown).toMatch(/État, le \d{1,2}/);
    expect(shown).not.toContain('Commentaire masqué');
    expect(shown).not.toContain('Commentaire en attente');
    for (const nom of ['Bernard Giraud', 'Sophie Lambert', 'Karim Benali', 'Julie Rousseau']) {
      expect(shown).not.toContain(nom);
    }
    const other = fiches.find((f) => f.public && f.id !== piegee.id);
    expect(textOf((await page(`${list}/${other.numero}`)).text)).toContain(
      'Aucun commentaire publié pour l’instant.',
    );
  });

  it('shows the fiche’s narrative when it has one', async () => {
    const { text } = await page(`${list}/${piegee.numero}`);
    expect(text).toContain('<h2 id="recit">Récit</h2>');
    expect(text).toContain('<h3>Contexte</h3><p>Le récit de la fiche piégée.</p>');
    const chaleur = fiches.find((f) => f.titre.startsWith('Réseau de chaleur bois'));
    expect((await page(`${list}/${chaleur.id}`)).text).not.toContain('id="recit"');
  });
});

describe('proposals and their outcome', () => {
  it('lists every published proposal over its pages, newest first, like the public API', async () => {
    const api = await anonyme.get(contratPath(THOUARSAIS, '/propositions?limit=200'));
    expect(api.status).toBe(200);
    const published = api.body.items.map((x: any) => x.titre);
    expect(published.length).toBeGreaterThan(20);
    const first = await page(propositionList);
    expectWellFormedPage(first);
    expect(textOf(first.text)).toContain(`${published.length} propositions, page 1 sur 2`);
    expect(first.text).toContain(
      `<a href="${propositionList}?page=2" rel="next">Page suivante</a>`,
    );
    expect(first.text).toContain(
      `<a href="${propositionList}" aria-current="page">Propositions</a>`,
    );
    expect(await allPropositions(propositionList)).toEqual(published);
    for (const key of ['retenue', 'refusee', 'deposee'] as const) {
      expect(published).toContain(propositions[key].titre);
    }
  });

  it('never shows a proposal waiting for moderation or hidden, nor its page', async () => {
    const listed = await allPropositions(propositionList);
    for (const key of ['enAttente', 'masquee'] as const) {
      const hidden = propositions[key];
      expect(listed).not.toContain(hidden.titre);
      const reply = await page(`${propositionList}/${hidden.numero}`);
      expect(reply.status).toBe(404);
      expect(reply.text).toContain('<h1>Proposition introuvable</h1>');
      expect(reply.text).not.toContain(hidden.titre);
    }
  });

  it('filters by status from a plain form, like the public API', async () => {
    for (const statut of ['retenue', 'non_retenue', 'deposee', 'en_instruction']) {
      const api = await anonyme.get(
        contratPath(THOUARSAIS, `/propositions?limit=200&statut=${statut}`),
      );
      const titles = await allPropositions(`${propositionList}?statut=${statut}`);
      expect(titles, statut).toEqual(api.body.items.map((x: any) => x.titre));
    }
    expect(await allPropositions(`${propositionList}?statut=non_retenue`)).toEqual([
      propositions.refusee.titre,
    ]);
    const filtered = await page(`${propositionList}?statut=retenue&q=`);
    expect(filtered.text).toContain(
      `<form class="search search-propositions" method="get" action="${propositionList}"`,
    );
    expect(filtered.text).toContain('<option value="retenue" selected>Retenue</option>');
    expect(filtered.text).toContain(`<a href="${propositionList}">Effacer les filtres</a>`);
    expect(listedPropositions(filtered.text)).toEqual([
      propositions.retenueCachee.titre,
      propositions.retenue.titre,
    ]);
    const invalid = await page(`${propositionList}?statut=acceptee`);
    expect(invalid.status).toBe(400);
    expectWellFormedPage(invalid);
    expect(invalid.text).toContain(`<a href="${propositionList}">Effacer les filtres</a>`);
  });

  it('shows a refused proposal with its public reason, escaped, and never its author', async () => {
    const refusee = propositions.refusee;
    for (const ref of [String(refusee.numero), `P-${String(refusee.numero).padStart(3, '0')}`]) {
      const reply = await page(`${propositionList}/${ref}`);
      expect(reply.status, ref).toBe(200);
      expectWellFormedPage(reply);
      expect(reply.text).toContain(
        `<link rel="canonical" href="${app.url}${propositionList}/${refusee.numero}">`,
      );
      const text = textOf(reply.text);
      expect(textOf(/<h1>([\s\S]*?)<\/h1>/.exec(reply.text)![1]!)).toBe(
        `P-${String(refusee.numero).padStart(3, '0')} ${refusee.titre}`,
      );
      expect(reply.text).toContain('Piscine &lt;i&gt;olympique&lt;/i&gt; à Thouars');
      expect(reply.text).toContain('Collectif &lt;b&gt;des nageurs&lt;/b&gt;');
      expect(reply.text).not.toMatch(/<i>olympique|<b>/);
      expect(reply.text).toContain(
        '<span class="badge badge-statut-non_retenue">Non retenue</span>',
      );
      expect(text).toContain('Motif communiqué');
      expect(text).toContain(MOTIF_REFUS);
      expect(text).toContain('Déposée par Habitant·e');
      const habitant = DEMO_USERS.find((u) => u.email === DEMO.habitant)!;
      expect(reply.text).not.toContain(habitant.nom);
      expect(reply.text).not.toContain(habitant.email);
    }
    // The list says why too.
    const listed = await page(`${propositionList}?statut=non_retenue`);
    expect(textOf(listed.text)).toContain(`Motif communiqué ${MOTIF_REFUS}`);
  });

  it('shows a retained proposal with a link to its fiche once that fiche is public', async () => {
    const retenue = propositions.retenue;
    const reply = await page(`${propositionList}/${retenue.numero}`);
    expect(reply.status).toBe(200);
    const text = textOf(reply.text);
    expect(reply.text).toContain('<span class="badge badge-statut-retenue">Retenue</span>');
    expect(text).toMatch(/Retenue le \d{1,2}(er)? \S+ \d{4} : elle devient une fiche projet/);
    const reference = `F-${String(ficheRetenue.numero).padStart(3, '0')}`;
    expect(reply.text).toContain(
      `<a href="${list}/${ficheRetenue.numero}">Voir la fiche ${reference}</a>`,
    );
    // A decision's note to retain is not public: only a refusal's reason is.
    expect(text).not.toContain('Priorité du COPIL');
    expect(text).toContain('Porteur Association Le Relais du Thouarsais');
    expect(text).toContain('Déposée par Entreprise de l’ESS');
    expect(text).toContain('Communes concernées Thouars');
    expect(text).toContain('Coût estimé 45\u202f000,00\u00a0€');
    expect(text).toContain(`Domaine ISO 37101 ${ISO_DOMAINE_LABELS.economie.fr}`);
    expect(text).toContain('Financements recherchés Fonds vert');
    expect(reply.text).toContain(
      '<p>Une recyclerie portée par une entreprise d’insertion.</p><p>Avec un atelier',
    );
    const partenaire = DEMO_USERS.find((u) => u.email === DEMO.partenaire)!;
    expect(reply.text).not.toContain(partenaire.nom);
    // The fiche it became is public, and its page answers.
    expect((await page(`${list}/${ficheRetenue.numero}`)).status).toBe(200);

    const cachee = await page(`${propositionList}/${propositions.retenueCachee.numero}`);
    expect(textOf(cachee.text)).toContain(
      'La fiche projet qui en est issue n’est pas encore publique.',
    );
    expect(cachee.text).not.toContain('Voir la fiche');
    const waiting = await page(`${propositionList}/${propositions.deposee.numero}`);
    expect(textOf(waiting.text)).toContain('Elle attend d’être instruite par le comité technique.');
  });

  it('answers 404 for an unknown proposal number, and reads in English', async () => {
    for (const ref of ['999', 'abc', '0']) {
      const reply = await page(`${propositionList}/${ref}`);
      expect(reply.status, ref).toBe(404);
      expectWellFormedPage(reply);
      expect(reply.text).toContain(`<a href="${propositionList}">Toutes les propositions</a>`);
    }
    const english = await page(`${propositionList}/${propositions.refusee.numero}?lang=en`);
    expectWellFormedPage(english, 'en');
    expect(english.text).toContain('Not accepted');
    expect(textOf(english.text)).toContain('Submitted by Resident');
    const listed = await page(`${propositionList}?lang=en&statut=retenue`);
    expect(listed.text).toContain('<h1>Proposals</h1>');
    expect(listed.text).toContain('<option value="retenue" selected>Accepted</option>');
    expect(listed.text).toContain('<input type="hidden" name="lang" value="en">');
  });
});

describe('the participation report', () => {
  it('shows the same counts as the public JSON report, per phase and per category', async () => {
    const api = await anonyme.get(contratPath(THOUARSAIS, '/participation'));
    expect(api.status).toBe(200);
    const report = api.body;
    const reply = await page(participation);
    expect(reply.status).toBe(200);
    expectWellFormedPage(reply);
    expect(reply.text).toContain('<h1>Rapport de participation</h1>');
    expect(reply.text).toContain(
      `<a href="${participation}" aria-current="page">Participation</a>`,
    );
    const n = (value: number) => value.toLocaleString('fr-FR');
    const counts = (c: any) => [
      n(c.personnes),
      n(c.totalContributions),
      n(c.presentsNommes),
      n(c.presentsComptes),
    ];
    expect(report.phases.length).toBeGreaterThan(0);
    expect(report.total.personnes).toBeGreaterThan(0);
    const phaseRows = tableRows(reply.text, 'Participation par phase');
    expect(phaseRows.map((row) => row.slice(1))).toEqual(
      report.phases.map((phase: any) => [n(phase.evenements), ...counts(phase.total)]),
    );
    const categoryRows = tableRows(
      reply.text,
      'Participation par catégorie d’acteurs — Sur toute la durée du contrat',
    );
    expect(categoryRows.map((row) => row.slice(1))).toEqual(
      report.categories.map((row: any) => counts(row)),
    );
    // Each phase's own table lists the categories that took part in it.
    for (const phase of report.phases) {
      const rows = phase.categories.filter(
        (c: any) => c.personnes + c.totalContributions + c.presentsNommes + c.presentsComptes > 0,
      );
      if (rows.length === 0) continue;
      const label = phase.libelle || phaseRows[report.phases.indexOf(phase)]![0]!;
      expect(
        tableRows(reply.text, `Participation par catégorie d’acteurs — ${label}`).map((row) =>
          row.slice(1),
        ),
      ).toEqual(rows.map((row: any) => counts(row)));
    }
    // Every chart is an image named by its values, drawn without inline style.
    const charts = [...reply.text.matchAll(/<svg role="img" aria-labelledby="([^"]+)"/g)];
    expect(charts.length).toBeGreaterThanOrEqual(2);
    expect(textOf(reply.text)).toContain(`Personnes ayant participé, par phase (graphique) : `);
  });

  it('names nobody: neither the people named at events nor the members', async () => {
    const { text } = await page(participation);
    const names = [
      ...DEMO_USERS.map((u) => u.nom),
      ...DEMO_USERS.map((u) => u.email),
      'Jeanne Martin',
      'Paul Renaud',
      'Lucie Fournier',
    ];
    for (const name of names) expect(text, name).not.toContain(name);
  });

  it('links to the public CSV and PDF exports of the report', async () => {
    const { text } = await page(participation);
    const csv = `/api/v1/contrats/${THOUARSAIS}/participation/export?format=csv`;
    expect(text).toContain(`<a href="${csv}" download>Tableau (CSV)</a>`);
    expect(text).toContain(
      `<a href="/api/v1/contrats/${THOUARSAIS}/participation/export?format=pdf" download>`,
    );
    const response = await fetch(new URL(csv, app.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
  });
});

describe('taking part and finding one’s way', () => {
  it('invites residents to create an account or sign in, from the home, fiche and proposal pages', async () => {
    const retenue = propositions.retenue;
    for (const [path, appPath] of [
      [home, `/contrats/${THOUARSAIS}`],
      [`${list}/${piegee.numero}`, `/contrats/${THOUARSAIS}/fiches/${piegee.id}`],
      [propositionList, `/contrats/${THOUARSAIS}/propositions`],
      [
        `${propositionList}/${retenue.numero}`,
        `/contrats/${THOUARSAIS}/propositions/${retenue.id}`,
      ],
    ] as const) {
      const { text } = await page(path);
      const section = /<section class="participer"[\s\S]*?<\/section>/.exec(text)?.[0];
      expect(section, path).toBeDefined();
      expect(textOf(section!)).toContain(
        'créez un compte ou connectez-vous pour commenter et proposer',
      );
      expect(section).toContain('<a class="cta-primary" href="/inscription">Créer un compte</a>');
      expect(section).toContain(
        `<a href="/connexion?retour=${encodeURIComponent(appPath)}">Se connecter</a>`,
      );
      expect(section).toContain(`<a href="${appPath}">`);
    }
  });

  it('links Accueil, Fiches, Propositions and Participation in the header of every page', async () => {
    for (const path of [home, list, propositionList, participation]) {
      const { text } = await page(path);
      const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(text)![0];
      for (const href of [home, list, propositionList, participation]) {
        expect(nav, `${path} → ${href}`).toContain(`<a href="${href}"`);
      }
      expect(nav.match(/aria-current="page"/g)).toHaveLength(1);
    }
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
      `/p/${BOCAGE}/propositions`,
      `/p/${BOCAGE}/propositions/1`,
      `/p/${BOCAGE}/participation`,
      '/p/crte-inconnu',
      '/p/crte-inconnu/fiches',
      '/p/crte-inconnu/propositions',
      '/p/crte-inconnu/participation',
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
