import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findContrat } from '../../server/src/contrats/repository.js';
import { contrats } from '../../server/src/db/schema.js';
import {
  listPropositionsAModerer,
  masquerProposition,
} from '../../server/src/propositions/moderation.js';
import {
  listPropositionsPubliques,
  propositionPublique,
} from '../../server/src/propositions/service.js';
import { startApp, type TestApp } from '../support/app.js';
import {
  BOCAGE,
  BOCAGE_ANIMATEUR,
  contratPath,
  DEMO,
  expectError,
  THOUARSAIS,
} from '../support/fixtures/trame.js';
import { ApiClient, signedIn } from '../support/http.js';

/**
 * Proposals of action on the demo contract (the Thouarsais, published): deposited by members when
 * the current phase takes them, instructed by the comité technique up to a fiche projet, moderated
 * before or after publication, and read by the public without their authors.
 */

let app: TestApp;
let animateur: ApiClient;
let copil: ApiClient;
let cotech: ApiClient;
let partenaire: ApiClient;
let habitant: ApiClient;
let bocage: ApiClient;
let anonyme: ApiClient;
/** Communes of the Thouarsais perimeter, by INSEE code. */
let communes: string[];
/** The demo phases by type. */
const phases = {} as Record<string, { id: string; propositions: boolean }>;

const p = (rest = '') => contratPath(THOUARSAIS, rest);
const prop = (id: string, rest = '') => p(`/propositions/${id}${rest}`);

async function setCurrent(phaseId: string | null) {
  const reply = await animateur.request('PUT', p('/phase-courante'), { phaseId });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

async function setModeration(mode: 'a_priori' | 'a_posteriori') {
  // No route sets the contract's moderation mode yet: the setting is written as it is stored.
  await app.ctx.db.update(contrats).set({ moderation: mode }).where(eq(contrats.slug, THOUARSAIS));
}

const valid = (n: number | string, extra: Record<string, unknown> = {}) => ({
  titre: `Recyclerie solidaire ${n}`,
  description:
    'Une recyclerie portée par une entreprise d’insertion, avec un atelier de réparation.',
  porteur: 'Association Le Relais du Thouarsais',
  ...extra,
});

async function deposit(client: ApiClient, body: Record<string, unknown>) {
  const reply = await client.post(p('/propositions'), body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

async function decide(client: ApiClient, id: string, body: Record<string, unknown>) {
  const reply = await client.post(prop(id, '/statut'), body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

async function listAs(client: ApiClient, query = '') {
  const reply = await client.get(p(`/propositions?limit=200${query}`));
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as { items: any[]; total: number };
}

const ids = (page: { items: any[] }) => page.items.map((x) => x.id);

async function propositionContributions(phaseId: string): Promise<number> {
  const reply = await animateur.get(p('/participation'));
  expect(reply.status).toBe(200);
  return reply.body.phases.find((x: any) => x.phaseId === phaseId).total.contributions.proposition;
}

/** What bad input must leave untouched: the proposals, the fiches and the contributions. */
async function state() {
  const [list, fiches, report] = await Promise.all([
    listAs(animateur),
    animateur.get(p('/fiches?limit=200')),
    animateur.get(p('/participation')),
  ]);
  return { list, fiches: fiches.body, report: { ...report.body, genereLe: null } };
}

beforeAll(async () => {
  app = await startApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  animateur = await signedIn(app.url, DEMO.animateur);
  copil = await signedIn(app.url, DEMO.copil);
  cotech = await signedIn(app.url, DEMO.cotech);
  partenaire = await signedIn(app.url, DEMO.partenaire);
  habitant = await signedIn(app.url, DEMO.habitant);
  bocage = await signedIn(app.url, BOCAGE_ANIMATEUR);
  anonyme = new ApiClient(app.url);
  communes = (await animateur.get(p())).body.perimetre.communes.map((c: any) => c.code);
  for (const phase of (await animateur.get(p('/phases'))).body.items) phases[phase.type] = phase;
  // Today the demo contract is in its évaluation, which takes no proposals; its mise en œuvre does.
  expect(phases.mise_en_oeuvre!.propositions).toBe(true);
  await setCurrent(phases.mise_en_oeuvre!.id);
});
afterAll(async () => {
  await app?.close();
});
beforeEach(async () => {
  await setModeration('a_posteriori');
});

describe('depositing', () => {
  it('numbers the proposal, records its first status and counts one contribution', async () => {
    const source = await animateur.post(p('/sources'), {
      code: 'fondation_mobilite',
      libelle: 'Fondation pour la mobilité rurale',
    });
    expect(source.status).toBe(201);
    const phase = phases.mise_en_oeuvre!.id;
    const before = await propositionContributions(phase);

    const made = await deposit(
      partenaire,
      valid(1, {
        coutEstimeCents: 45_000_00,
        isoDomaine: 'economie',
        financementsRecherches: ['fonds_vert', 'fondation_mobilite'],
        communes: communes.slice(0, 2),
      }),
    );
    expect(made).toMatchObject({
      titre: 'Recyclerie solidaire 1',
      porteur: 'Association Le Relais du Thouarsais',
      coutEstimeCents: 45_000_00,
      isoDomaine: 'economie',
      financementsRecherches: ['fonds_vert', 'fondation_mobilite'],
      statut: 'deposee',
      publication: 'publiee',
      categorie: 'entreprise_ess',
      auteur: { nom: 'Karim Benali' },
      fiche: null,
      motifDecision: null,
      droits: { transitions: [], publier: false, masquer: false },
    });
    expect(made.communes.map((c: any) => c.code)).toEqual(communes.slice(0, 2));
    expect(made.communes[0].nom).toEqual(expect.any(String));
    expect(made.historique).toMatchObject([
      { de: null, vers: 'deposee', motif: null, auteur: { nom: 'Karim Benali' } },
    ]);
    expect(await propositionContributions(phase)).toBe(before + 1);

    const next = await deposit(habitant, valid(2));
    expect(next.numero).toBe(made.numero + 1);
    expect(next).toMatchObject({ categorie: 'habitant', publication: 'publiee' });
  });

  it('gives distinct consecutive numbers to proposals deposited at the same time', async () => {
    const { items } = await listAs(animateur);
    const last = Math.max(0, ...items.map((x) => x.numero));
    const replies = await Promise.all(
      [partenaire, habitant, cotech, copil, animateur].map((client, i) =>
        client.post(p('/propositions'), valid(`simultanée ${i}`)),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const numeros = replies.map((r) => r.body.numero).sort((a, b) => a - b);
    expect(numeros).toEqual([last + 1, last + 2, last + 3, last + 4, last + 5]);
  });

  it('is refused when the current phase takes no proposals, and writes nothing', async () => {
    const before = await state();
    // Set by hand to a phase closed to proposals.
    await setCurrent(phases.elaboration!.id);
    expectError(await partenaire.post(p('/propositions'), valid(3)), 409, 'propositions_fermees');
    // By the dates: today is in the évaluation, which takes none either.
    await setCurrent(null);
    const closed = await habitant.post(p('/propositions'), valid(3), { 'accept-language': 'en' });
    expectError(closed, 409, 'propositions_fermees');
    expect(closed.body.error.message).toBe(
      'This contract does not take proposals in its current phase.',
    );
    await setCurrent(phases.mise_en_oeuvre!.id);
    expect(await state()).toEqual(before);
  });

  it('is refused in a contract with no phase at all', async () => {
    const phasesBocage = await bocage.get(contratPath(BOCAGE, '/phases'));
    expect(phasesBocage.body.items).toEqual([]);
    expectError(
      await bocage.post(contratPath(BOCAGE, '/propositions'), valid(4)),
      409,
      'propositions_fermees',
    );
    expect((await bocage.get(contratPath(BOCAGE, '/propositions'))).body).toEqual({
      items: [],
      total: 0,
    });
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await state();
    const cases: [Record<string, unknown>, string][] = [
      [valid(5, { titre: '' }), 'titre'],
      [valid(5, { titre: '   ' }), 'titre'],
      [valid(5, { description: 'x'.repeat(100_000) }), 'description'],
      [valid(5, { description: '' }), 'description'],
      [valid(5, { porteur: '' }), 'porteur'],
      [valid(5, { communes: ['75056'] }), 'communes'],
      [valid(5, { communes: ['pas-une-commune'] }), 'communes.0'],
      [valid(5, { communes: [communes[0], communes[0]] }), 'communes'],
      [valid(5, { coutEstimeCents: -100 }), 'coutEstimeCents'],
      [valid(5, { coutEstimeCents: 12.5 }), 'coutEstimeCents'],
      [valid(5, { coutEstimeCents: '1000' }), 'coutEstimeCents'],
      [valid(5, { isoDomaine: 'astrologie' }), 'isoDomaine'],
      [valid(5, { financementsRecherches: ['fonds_inconnu'] }), 'financementsRecherches'],
      [valid(5, { statut: 'retenue' }), ''],
    ];
    for (const [body, path] of cases) {
      const reply = await partenaire.post(p('/propositions'), body);
      expectError(reply, 400, 'validation_failed');
      expect(
        reply.body.error.details.map((d: any) => d.path),
        JSON.stringify(body).slice(0, 200),
      ).toContain(path);
    }
    expect(await state()).toEqual(before);
  });
});

describe('instruction', () => {
  it('takes a proposal from déposée to retenue, which creates the linked fiche projet', async () => {
    const communesProposees = communes.slice(2, 4);
    const made = await deposit(
      partenaire,
      valid('à retenir', {
        coutEstimeCents: 120_000_00,
        isoDomaine: 'mobilite',
        communes: communesProposees,
      }),
    );
    const fichesBefore = (await animateur.get(p('/fiches?limit=200'))).body;
    const lastFiche = Math.max(...fichesBefore.items.map((f: any) => f.numero));

    const instructing = await decide(cotech, made.id, {
      statut: 'en_instruction',
      motif: 'Étude avec le service économie',
    });
    expect(instructing).toMatchObject({
      statut: 'en_instruction',
      motifDecision: null,
      decideePar: null,
      droits: { transitions: ['retenue', 'non_retenue'] },
    });

    const retained = await decide(cotech, made.id, {
      statut: 'retenue',
      motif: 'Cohérent avec l’orientation 2',
    });
    expect(retained).toMatchObject({
      statut: 'retenue',
      motifDecision: 'Cohérent avec l’orientation 2',
      decideePar: { nom: 'Sophie Lambert' },
      fiche: { id: expect.any(String), numero: lastFiche + 1 },
      droits: { transitions: [] },
    });
    expect(retained.decideeLe).toEqual(expect.any(String));
    expect(retained.historique.map((h: any) => [h.de, h.vers, h.motif])).toEqual([
      [null, 'deposee', null],
      ['deposee', 'en_instruction', 'Étude avec le service économie'],
      ['en_instruction', 'retenue', 'Cohérent avec l’orientation 2'],
    ]);
    expect(retained.historique[2].auteur.nom).toBe('Sophie Lambert');

    const fiche = await animateur.get(`/api/v1/fiches/${retained.fiche.id}`);
    expect(fiche.status).toBe(200);
    expect(fiche.body).toMatchObject({
      contratId: made.contratId,
      numero: lastFiche + 1,
      type: 'projet',
      titre: made.titre,
      resume: made.description,
      maitreOuvrage: made.porteur,
      coutCents: 120_000_00,
      isoDomaines: ['mobilite'],
      public: false,
    });
    expect(fiche.body.communes.map((c: any) => c.code)).toEqual(communesProposees);
    const history = await animateur.get(`/api/v1/fiches/${retained.fiche.id}/historique`);
    expect(history.body.items).toMatchObject([
      { evenement: 'creation', auteur: { nom: 'Sophie Lambert' } },
    ]);
    const fichesAfter = (await animateur.get(p('/fiches?limit=200'))).body;
    expect(fichesAfter.total).toBe(fichesBefore.total + 1);
  });

  it('refuses transitions the workflow does not have, with 409, and changes nothing', async () => {
    const made = await deposit(partenaire, valid('transitions'));
    const fichesBefore = (await animateur.get(p('/fiches'))).body.total;
    for (const statut of ['retenue', 'non_retenue'] as const) {
      const reply = await cotech.post(prop(made.id, '/statut'), { statut, motif: 'Trop tôt' });
      expectError(reply, 409, 'proposition_transition_invalide');
      expect(reply.body.error.message).toContain('Déposée');
    }
    await decide(cotech, made.id, { statut: 'en_instruction' });
    expectError(
      await cotech.post(prop(made.id, '/statut'), { statut: 'en_instruction' }),
      409,
      'proposition_transition_invalide',
    );
    await decide(cotech, made.id, { statut: 'non_retenue', motif: 'Hors du champ du contrat' });
    for (const statut of ['en_instruction', 'retenue', 'non_retenue'] as const) {
      expectError(
        await animateur.post(prop(made.id, '/statut'), { statut, motif: 'Revenir dessus' }),
        409,
        'proposition_transition_invalide',
      );
    }
    const after = (await animateur.get(prop(made.id))).body;
    expect(after).toMatchObject({ statut: 'non_retenue', fiche: null });
    expect(after.historique.map((h: any) => h.vers)).toEqual([
      'deposee',
      'en_instruction',
      'non_retenue',
    ]);
    expect((await animateur.get(p('/fiches'))).body.total).toBe(fichesBefore);
  });

  it('requires a reason to refuse, and shows it publicly', async () => {
    const made = await deposit(partenaire, valid('refusée'));
    await decide(animateur, made.id, { statut: 'en_instruction' });
    for (const body of [
      { statut: 'non_retenue' },
      { statut: 'non_retenue', motif: '' },
      { statut: 'non_retenue', motif: '   ' },
    ]) {
      const reply = await cotech.post(prop(made.id, '/statut'), body);
      expectError(reply, 400, 'validation_failed');
      expect(reply.body.error.details.map((d: any) => d.path)).toEqual(['motif']);
    }
    expectError(
      await cotech.post(prop(made.id, '/statut'), { statut: 'deposee' }),
      400,
      'validation_failed',
    );
    const unchanged = (await animateur.get(prop(made.id))).body;
    expect(unchanged.statut).toBe('en_instruction');
    expect(unchanged.historique).toHaveLength(2);

    const motif = 'Le projet relève du contrat de ville, pas du CRTE.';
    const refused = await decide(cotech, made.id, { statut: 'non_retenue', motif });
    expect(refused).toMatchObject({ statut: 'non_retenue', motifDecision: motif, fiche: null });
    const seen = await anonyme.get(prop(made.id));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ statut: 'non_retenue', motifDecision: motif });
  });
});

describe('moderation', () => {
  it('a priori: a resident’s proposal waits, seen only by its author and the moderators, until published', async () => {
    await setModeration('a_priori');
    const held = await deposit(habitant, valid('a priori'));
    expect(held).toMatchObject({ publication: 'en_attente', auteur: { nom: 'Julie Rousseau' } });
    // Other members publish at once.
    expect((await deposit(partenaire, valid('a priori, partenaire'))).publication).toBe('publiee');

    expect(ids(await listAs(habitant))).toContain(held.id);
    expect(ids(await listAs(animateur, '&publication=en_attente'))).toContain(held.id);
    for (const other of [partenaire, cotech, copil, anonyme]) {
      expect(ids(await listAs(other))).not.toContain(held.id);
    }
    expectError(await partenaire.get(prop(held.id)), 404, 'proposition_not_found');
    expectError(await anonyme.get(prop(held.id)), 401, 'unauthenticated');
    // The comité technique does not instruct what it cannot see.
    expectError(
      await cotech.post(prop(held.id, '/statut'), { statut: 'en_instruction' }),
      404,
      'proposition_not_found',
    );
    expect((await habitant.get(prop(held.id))).body).toMatchObject({
      publication: 'en_attente',
      droits: { publier: false, masquer: false },
    });
    expect((await animateur.get(prop(held.id))).body.droits).toMatchObject({
      publier: true,
      masquer: true,
    });
    const queue = await listPropositionsAModerer(app.ctx.db, held.contratId);
    expect(queue.items.map((x) => x.id)).toContain(held.id);

    const published = await animateur.post(prop(held.id, '/publier'));
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({
      publication: 'publiee',
      moderation: { par: { nom: 'Claire Moreau' }, motif: null },
    });
    expectError(await animateur.post(prop(held.id, '/publier')), 409, 'proposition_deja_publiee');
    expect(ids(await listAs(partenaire))).toContain(held.id);
    expect(ids(await listAs(anonyme))).toContain(held.id);
    const after = await listPropositionsAModerer(app.ctx.db, held.contratId);
    expect(after.items.map((x) => x.id)).not.toContain(held.id);
  });

  it('a posteriori: published at once; a moderator hides it with a reason, kept with who and when', async () => {
    const made = await deposit(habitant, valid('a posteriori'));
    expect(made.publication).toBe('publiee');
    expect(ids(await listAs(anonyme))).toContain(made.id);

    const noReason = await animateur.post(prop(made.id, '/masquer'), { motif: ' ' });
    expectError(noReason, 400, 'validation_failed');
    const motif = 'Propos injurieux envers un élu.';
    const hidden = await animateur.post(prop(made.id, '/masquer'), { motif });
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
    expect(hidden.body).toMatchObject({
      publication: 'masquee',
      moderation: { par: { nom: 'Claire Moreau' }, motif },
    });
    expect(hidden.body.moderation.le).toEqual(expect.any(String));
    expectError(
      await animateur.post(prop(made.id, '/masquer'), { motif }),
      409,
      'proposition_deja_masquee',
    );

    for (const other of [partenaire, cotech, anonyme]) {
      expect(ids(await listAs(other))).not.toContain(made.id);
    }
    expectError(await cotech.get(prop(made.id)), 404, 'proposition_not_found');
    // Its author still reads it, with the reason but not the moderator's name.
    const own = (await habitant.get(prop(made.id))).body;
    expect(own).toMatchObject({ publication: 'masquee', moderation: { par: null, motif } });
    const queue = await listPropositionsAModerer(app.ctx.db, made.contratId, {
      publication: ['masquee'],
    });
    expect(queue.items.find((x) => x.id === made.id)).toMatchObject({
      publication: 'masquee',
      auteur: { nom: 'Julie Rousseau' },
      moderation: { par: { nom: 'Claire Moreau' }, motif },
    });
  });

  it('moderation functions refuse what does not belong to the contract', async () => {
    const made = await deposit(partenaire, valid('autre contrat'));
    const bocageRow = (await findContrat(app.ctx.db, BOCAGE))!;
    await expect(
      masquerProposition(app.ctx.db, bocageRow.id, made.auteur.id, made.id, 'Hors sujet'),
    ).rejects.toMatchObject({ code: 'proposition_not_found' });
    expect((await animateur.get(prop(made.id))).body.publication).toBe('publiee');
  });
});

describe('public reading', () => {
  it('shows published proposals with their status and public reason, never their authors', async () => {
    await setModeration('a_priori');
    const waiting = await deposit(habitant, valid('publique en attente'));
    await setModeration('a_posteriori');
    const hidden = await deposit(habitant, valid('publique masquée'));
    await animateur.post(prop(hidden.id, '/masquer'), { motif: 'Doublon' });
    const retained = await deposit(partenaire, valid('publique retenue'));
    await decide(cotech, retained.id, { statut: 'en_instruction' });
    await decide(cotech, retained.id, { statut: 'retenue', motif: 'Note interne du comité' });
    const refused = await deposit(partenaire, valid('publique refusée'));
    await decide(cotech, refused.id, { statut: 'en_instruction' });
    await decide(cotech, refused.id, { statut: 'non_retenue', motif: 'Déjà financé par ailleurs' });

    const publicPage = await listAs(anonyme);
    const listed = ids(publicPage);
    expect(listed).not.toContain(waiting.id);
    expect(listed).not.toContain(hidden.id);
    expect(publicPage.total).toBe(publicPage.items.length);
    const byId = new Map(publicPage.items.map((x) => [x.id, x]));
    expect(byId.get(refused.id)).toMatchObject({
      statut: 'non_retenue',
      motifDecision: 'Déjà financé par ailleurs',
    });
    // The note of a decision to retain stays with the members; the fiche is not public yet.
    expect(byId.get(retained.id)).toMatchObject({
      statut: 'retenue',
      motifDecision: null,
      fiche: null,
    });
    const text = JSON.stringify(publicPage);
    expect(text).not.toContain('@trame.test');
    expect(text).not.toContain('Karim Benali');
    expect(text).not.toContain('Julie Rousseau');
    for (const item of publicPage.items) {
      expect(item).not.toHaveProperty('auteur');
      expect(item).not.toHaveProperty('publication');
      expect(item).not.toHaveProperty('droits');
    }
    // A signed-in person from another contract reads it as the public does.
    expect(ids(await listAs(bocage))).toEqual(listed);

    // The portal's read functions give the same.
    const contrat = (await findContrat(app.ctx.db, THOUARSAIS))!;
    const portal = await listPropositionsPubliques(app.ctx.db, contrat, { limit: 200, offset: 0 });
    expect(portal.items.map((x) => x.id)).toEqual(listed);
    expect(await propositionPublique(app.ctx.db, contrat, waiting.numero)).toBeUndefined();
    expect(await propositionPublique(app.ctx.db, contrat, hidden.numero)).toBeUndefined();
    expect(await propositionPublique(app.ctx.db, contrat, refused.numero)).toMatchObject({
      statut: 'non_retenue',
      motifDecision: 'Déjà financé par ailleurs',
    });

    // Filters: by status, and the moderators' queue by publication.
    const refusedOnly = await listAs(anonyme, '&statut=non_retenue');
    expect(refusedOnly.items.every((x) => x.statut === 'non_retenue')).toBe(true);
    expect(ids(refusedOnly)).toContain(refused.id);
    const masked = await listAs(animateur, '&publication=masquee');
    expect(ids(masked)).toContain(hidden.id);
    expect(masked.items.every((x) => x.publication === 'masquee')).toBe(true);
  });

  it('pages the list like the fiches', async () => {
    const all = await listAs(animateur);
    const first = await animateur.get(p('/propositions?limit=2&offset=0'));
    const second = await animateur.get(p('/propositions?limit=2&offset=2'));
    expect(first.body.total).toBe(all.total);
    expect([...ids(first.body), ...ids(second.body)]).toEqual(ids(all).slice(0, 4));
    const past = await animateur.get(p(`/propositions?offset=${all.total + 10}`));
    expect(past.body).toEqual({ items: [], total: all.total });
    expectError(await animateur.get(p('/propositions?statut=inconnu')), 400, 'validation_failed');
  });

  it('hides everything from the public once the contract is unpublished', async () => {
    expect((await animateur.patch(p(), { publie: false })).status).toBe(200);
    try {
      expectError(await anonyme.get(p('/propositions')), 401, 'unauthenticated');
      expectError(await bocage.get(p('/propositions')), 404, 'contrat_not_found');
      const contrat = (await findContrat(app.ctx.db, THOUARSAIS))!;
      expect(
        await listPropositionsPubliques(app.ctx.db, contrat, { limit: 50, offset: 0 }),
      ).toEqual({ items: [], total: 0 });
    } finally {
      expect((await animateur.patch(p(), { publie: true })).status).toBe(200);
    }
  });
});

describe('permissions', () => {
  let target: any;
  beforeAll(async () => {
    target = await deposit(partenaire, valid('droits'));
  });

  it('the habitant, the copil and the partner cannot instruct', async () => {
    for (const client of [habitant, copil, partenaire]) {
      expectError(
        await client.post(prop(target.id, '/statut'), { statut: 'en_instruction' }),
        403,
        'forbidden',
      );
    }
    expect((await animateur.get(prop(target.id))).body.statut).toBe('deposee');
    expect((await partenaire.get(prop(target.id))).body.droits.transitions).toEqual([]);
    expect((await cotech.get(prop(target.id))).body.droits.transitions).toEqual(['en_instruction']);
  });

  it('only the animateur moderates', async () => {
    for (const client of [partenaire, cotech, copil, habitant]) {
      expectError(
        await client.post(prop(target.id, '/masquer'), { motif: 'Non' }),
        403,
        'forbidden',
      );
      expectError(await client.post(prop(target.id, '/publier')), 403, 'forbidden');
    }
    expect((await animateur.get(prop(target.id))).body.publication).toBe('publiee');
  });

  it('anonymous visitors and non-members cannot propose', async () => {
    const before = await listAs(animateur);
    expectError(await anonyme.post(p('/propositions'), valid('anonyme')), 401, 'unauthenticated');
    expectError(await bocage.post(p('/propositions'), valid('voisin')), 403, 'forbidden');
    expectError(
      await anonyme.post(prop(target.id, '/statut'), { statut: 'en_instruction' }),
      401,
      'unauthenticated',
    );
    expect(await listAs(animateur)).toEqual(before);
  });

  it('a proposal of another contract is not found through this one', async () => {
    const other = await bocage.get(contratPath(BOCAGE, `/propositions/${target.id}`));
    expectError(other, 404, 'proposition_not_found');
    expectError(await animateur.get(p('/propositions/pas-un-id')), 404, 'not_found');
  });
});
