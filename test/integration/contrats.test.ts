import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import {
  BOCAGE,
  BOCAGE_ANIMATEUR,
  contratPath,
  DEMO,
  expectError,
  THOUARSAIS,
  THOUARSAIS_SIREN,
} from '../support/fixtures/trame.js';
import { ApiClient, signedIn } from '../support/http.js';

let app: TestApp;
let animateur: ApiClient;
let bocage: ApiClient;
let habitant: ApiClient;
let copil: ApiClient;
let thouarsaisId: string;
let bocageId: string;

beforeAll(async () => {
  app = await startApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  [animateur, bocage, habitant, copil] = await Promise.all([
    signedIn(app.url, DEMO.animateur),
    signedIn(app.url, BOCAGE_ANIMATEUR),
    signedIn(app.url, DEMO.habitant),
    signedIn(app.url, DEMO.copil),
  ]);
  thouarsaisId = (await animateur.get(contratPath(THOUARSAIS))).body.id;
  bocageId = (await bocage.get(contratPath(BOCAGE))).body.id;
});
afterAll(() => app?.close());

const slugsOf = async (client: ApiClient) =>
  ((await client.get('/api/v1/contrats')).body.items as { slug: string }[]).map((c) => c.slug);

/** A new contract led by `client`, on two communes unless told otherwise. */
async function newContrat(client: ApiClient, body: Record<string, unknown>) {
  const reply = await client.post('/api/v1/contrats', { communes: ['79329', '79056'], ...body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

describe('creating a contract', () => {
  it('with an EPCI only, takes all its member communes from the official geography', async () => {
    const reply = await animateur.post('/api/v1/contrats', {
      nom: 'Pacte pour l’Économie du Thouarsais',
      epciCode: THOUARSAIS_SIREN,
    });
    expect(reply.status).toBe(201);
    const contrat = reply.body;
    expect(reply.headers.get('location')).toBe(`/api/v1/contrats/${contrat.id}`);
    expect(contrat).toMatchObject({
      slug: 'pacte-pour-l-economie-du-thouarsais',
      nom: 'Pacte pour l’Économie du Thouarsais',
      statut: 'en_elaboration',
      publie: false,
      epci: { code: THOUARSAIS_SIREN, nom: 'CC du Thouarsais' },
      monRole: 'animateur',
      nombreCommunes: 24,
      signataires: [],
      orientations: [],
      contratsLies: [],
      cooperations: [],
    });

    const geo = (await animateur.get(`/api/v1/geo/epci/${THOUARSAIS_SIREN}`)).body;
    const expected = geo.communes.map((c: any) => ({
      code: c.code,
      nom: c.nom,
      population: c.population,
      departement: '79',
    }));
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect([...contrat.perimetre.communes].sort(byCode)).toEqual(expected.sort(byCode));
    expect(contrat.perimetre.communes).toContainEqual({
      code: '79329',
      nom: 'Thouars',
      population: 13891,
      departement: '79',
    });
    const total = expected.reduce((sum: number, c: any) => sum + c.population, 0);
    expect(contrat.perimetre.population).toBe(total);
    expect(contrat.population).toBe(total);

    // The creator leads it, alone, and finds it among their contracts.
    const membres = (await animateur.get(contratPath(contrat.id, '/membres'))).body;
    expect(membres.items).toEqual([
      expect.objectContaining({ email: DEMO.animateur, role: 'animateur' }),
    ]);
    const mine = (await animateur.get('/api/v1/contrats')).body.items;
    expect(mine).toContainEqual(
      expect.objectContaining({ id: contrat.id, monRole: 'animateur', nombreCommunes: 24 }),
    );
    // Unpublished: invisible to others.
    expectError(await habitant.get(contratPath(contrat.slug)), 404, 'contrat_not_found');
    expectError(
      await new ApiClient(app.url).get(contratPath(contrat.slug)),
      401,
      'unauthenticated',
    );
  });

  it('with explicit communes (Corsica included), deduplicated, without an EPCI', async () => {
    const contrat = await newContrat(animateur, {
      nom: 'Coopération Thouars – Ajaccio',
      communes: ['79329', '2A004', '79329'],
      dateDebut: '2024-01-01',
      dateFin: '2026-12-31',
      statut: 'signe',
    });
    expect(contrat).toMatchObject({
      slug: 'cooperation-thouars-ajaccio',
      epci: null,
      nombreCommunes: 2,
      population: 13891 + 76320,
      dateDebut: '2024-01-01',
      dateFin: '2026-12-31',
      statut: 'signe',
    });
    expect(contrat.perimetre.communes.map((c: any) => [c.code, c.departement]).sort()).toEqual([
      ['2A004', '2A'],
      ['79329', '79'],
    ]);
  });

  it('derives a free slug from the name when the first choice is taken', async () => {
    const first = await newContrat(animateur, { nom: 'CRTE du Thouarsais' });
    expect(first.slug).toBe('crte-du-thouarsais');
    const second = await newContrat(animateur, { nom: 'CRTE du Thouarsais' });
    expect(second.slug).toBe('crte-du-thouarsais-2');
  });

  it('refuses an unknown commune or EPCI, creating nothing', async () => {
    const before = await slugsOf(animateur);
    const commune = await animateur.post('/api/v1/contrats', {
      nom: 'Contrat fantôme',
      communes: ['79329', '99999'],
    });
    expectError(commune, 400, 'unknown_commune');
    expect(commune.body.error.message).toContain('99999');
    expect(commune.body.error.message).not.toContain('79329');
    const epci = await animateur.post('/api/v1/contrats', {
      nom: 'Contrat fantôme',
      epciCode: '999999999',
    });
    expectError(epci, 400, 'unknown_epci');
    expect(await slugsOf(animateur)).toEqual(before);
  });

  it('refuses malformed bodies with 400 and field details, creating nothing', async () => {
    const before = await slugsOf(animateur);
    const cases: { body: unknown; paths: string[] }[] = [
      { body: { nom: 42, communes: '79329' }, paths: ['nom', 'communes'] },
      { body: { communes: ['79329'] }, paths: ['nom'] },
      { body: { nom: 'Contrat en trop', communes: ['79329'], admin: true }, paths: [''] },
      { body: { nom: 'Contrat énorme', communes: Array(2001).fill('79329') }, paths: ['communes'] },
      { body: { nom: 'Contrat vide', communes: [] }, paths: ['communes'] },
      { body: { nom: 'Sans périmètre' }, paths: ['communes'] },
      { body: { nom: 'Code mal formé', communes: ['7932'] }, paths: ['communes.0'] },
      { body: { nom: 'Mauvais slug', slug: 'Pas Un Slug', communes: ['79329'] }, paths: ['slug'] },
      {
        body: { nom: 'Mauvaise date', dateDebut: '2024-13-40', communes: ['79329'] },
        paths: ['dateDebut'],
      },
      {
        body: { nom: 'Statut inconnu', statut: 'abandonne', communes: ['79329'] },
        paths: ['statut'],
      },
      { body: [], paths: [''] },
    ];
    for (const { body, paths } of cases) {
      const reply = await animateur.post('/api/v1/contrats', body);
      expectError(reply, 400, 'validation_failed');
      const got = reply.body.error.details.map((d: { path: string }) => d.path);
      expect(got, JSON.stringify(body).slice(0, 100)).toEqual(expect.arrayContaining(paths));
      for (const detail of reply.body.error.details)
        expect(detail.message).toEqual(expect.any(String));
    }

    const period = await animateur.post('/api/v1/contrats', {
      nom: 'Contrat à rebours',
      communes: ['79329'],
      dateDebut: '2026-01-01',
      dateFin: '2025-12-31',
    });
    expectError(period, 400, 'invalid_period');

    const broken = await animateur.request('POST', '/api/v1/contrats', '{"nom": "Contrat', {
      'content-type': 'application/json',
    });
    expectError(broken, 400, 'malformed_json');
    expect(await slugsOf(animateur)).toEqual(before);
  });

  it('refuses an oversized body with 413', async () => {
    const before = await slugsOf(animateur);
    const reply = await animateur.post('/api/v1/contrats', {
      nom: 'Contrat bavard',
      communes: ['79329'],
      description: 'x'.repeat(110 * 1024),
    });
    expectError(reply, 413, 'payload_too_large');
    expect(await slugsOf(animateur)).toEqual(before);
  });

  it('refuses an explicit slug already in use with 409', async () => {
    const before = await slugsOf(animateur);
    const reply = await animateur.post('/api/v1/contrats', {
      nom: 'Un autre CRTE',
      slug: THOUARSAIS,
      communes: ['79329'],
    });
    expectError(reply, 409, 'slug_taken');
    expect(reply.body.error.message).toContain(THOUARSAIS);
    expect(await slugsOf(animateur)).toEqual(before);
    // Taken even by a contract the caller cannot see.
    expectError(
      await animateur.post('/api/v1/contrats', {
        nom: 'Un autre',
        slug: BOCAGE,
        communes: ['79329'],
      }),
      409,
      'slug_taken',
    );
  });

  it('refuses a slug shaped like a uuid, which the URL would read as an id', async () => {
    const before = await slugsOf(animateur);
    for (const slug of ['00000000-0000-4000-8000-000000000000', thouarsaisId]) {
      const reply = await animateur.post('/api/v1/contrats', {
        nom: 'Contrat introuvable',
        slug,
        communes: ['79329'],
      });
      expectError(reply, 400, 'validation_failed');
      expect(reply.body.error.details.map((d: any) => d.path)).toEqual(['slug']);
    }
    expect(await slugsOf(animateur)).toEqual(before);
    // A name that is a uuid still gets an address that leads to the contract.
    const named = await newContrat(animateur, { nom: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' });
    expect((await animateur.get(contratPath(named.slug))).body.id).toBe(named.id);
    expectError(
      await animateur.patch(contratPath(named.id), {
        slug: 'aaaaaaaa-bbbb-cccc-dddd-ffffffffffff',
      }),
      400,
      'validation_failed',
    );
    expect((await animateur.get(contratPath(named.id))).body.slug).toBe(named.slug);
  });

  it('gives distinct slugs to contracts created at the same time with the same name', async () => {
    const replies = await Promise.all(
      [1, 2, 3, 4].map(() =>
        animateur.post('/api/v1/contrats', { nom: 'Contrat simultané', communes: ['79329'] }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(replies.map((r) => r.body.slug).sort()).toEqual([
      'contrat-simultane',
      'contrat-simultane-2',
      'contrat-simultane-3',
      'contrat-simultane-4',
    ]);
  });

  it('is for animateurs (of any contract) only', async () => {
    for (const client of [habitant, copil]) {
      const before = await slugsOf(client);
      const reply = await client.post('/api/v1/contrats', {
        nom: 'Mon contrat à moi',
        communes: ['79329'],
      });
      expectError(reply, 403, 'forbidden');
      expect(await slugsOf(client)).toEqual(before);
      expect((await client.get('/api/v1/me')).body.peutCreerContrat).toBe(false);
    }
    expect(await slugsOf(animateur)).not.toContain('mon-contrat-a-moi');
    expectError(
      await new ApiClient(app.url).post('/api/v1/contrats', {
        nom: 'Anonyme',
        communes: ['79329'],
      }),
      401,
      'unauthenticated',
    );
    // The Bocage animateur leads a contract, so may open another.
    const opened = await newContrat(bocage, { nom: 'Contrat du Bocage bis' });
    expect(opened.monRole).toBe('animateur');
  });
});

describe('reading and changing a contract', () => {
  it('answers the same contract by slug and by uuid', async () => {
    const bySlug = await habitant.get(contratPath(THOUARSAIS));
    const byId = await habitant.get(contratPath(thouarsaisId));
    expect(bySlug.status).toBe(200);
    expect(byId.body).toEqual(bySlug.body);
    expect(bySlug.body).toMatchObject({
      id: thouarsaisId,
      slug: THOUARSAIS,
      monRole: 'habitant',
      nombreCommunes: 24,
    });
    expect(bySlug.body.signataires).toHaveLength(4);
    expect(bySlug.body.contratsLies).toHaveLength(3);
    expectError(
      await habitant.get(contratPath('00000000-0000-4000-8000-000000000000')),
      404,
      'contrat_not_found',
    );
  });

  it('lists only the contracts the caller is a member of', async () => {
    const list = (await habitant.get('/api/v1/contrats')).body;
    expect(list.total).toBe(1);
    expect(list.items).toEqual([
      expect.objectContaining({ slug: THOUARSAIS, monRole: 'habitant', nombreCommunes: 24 }),
    ]);
    expectError(await new ApiClient(app.url).get('/api/v1/contrats'), 401, 'unauthenticated');
  });

  it('replaces the perimeter: explicit communes, another EPCI, or none of it when invalid', async () => {
    const contrat = await newContrat(animateur, {
      nom: 'Périmètre mouvant',
      epciCode: THOUARSAIS_SIREN,
    });
    const path = contratPath(contrat.id);

    const narrowed = await animateur.patch(path, { communes: ['79329', '79056'] });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.perimetre.communes.map((c: any) => c.code).sort()).toEqual([
      '79056',
      '79329',
    ]);
    expect(narrowed.body).toMatchObject({ nombreCommunes: 2, population: 13891 + 759 });
    expect((await animateur.get(path)).body.nombreCommunes).toBe(2);

    const bressuirais = await animateur.patch(path, { epciCode: '200040244' });
    expect(bressuirais.status).toBe(200);
    expect(bressuirais.body.epci.code).toBe('200040244');
    const geo = (await animateur.get('/api/v1/geo/epci/200040244')).body;
    expect(bressuirais.body.nombreCommunes).toBe(geo.communes.length);
    expect(bressuirais.body.perimetre.communes.map((c: any) => c.code)).not.toContain('79329');

    const free = await animateur.patch(path, { epciCode: null, communes: ['2A004'] });
    expect(free.body).toMatchObject({ epci: null, nombreCommunes: 1 });

    const before = (await animateur.get(path)).body;
    expectError(await animateur.patch(path, { communes: ['99999'] }), 400, 'unknown_commune');
    expectError(await animateur.patch(path, { epciCode: null }), 400, 'validation_failed');
    expectError(await animateur.patch(path, { communes: [] }), 400, 'validation_failed');
    expectError(
      await animateur.patch(path, { dateDebut: '2030-01-01', dateFin: '2029-01-01' }),
      400,
      'invalid_period',
    );
    expectError(await animateur.patch(path, { nom: 'x' }), 400, 'validation_failed');
    expectError(await animateur.patch(path, { slug: THOUARSAIS }), 409, 'slug_taken');
    expectError(await animateur.patch(path, { monRole: 'admin' }), 400, 'validation_failed');
    expect((await animateur.get(path)).body).toEqual(before);
  });

  it('checks a new end date against the start date already saved', async () => {
    const contrat = await newContrat(animateur, {
      nom: 'Période à respecter',
      dateDebut: '2025-01-01',
      dateFin: '2027-12-31',
    });
    const path = contratPath(contrat.id);
    expectError(await animateur.patch(path, { dateFin: '2024-12-31' }), 400, 'invalid_period');
    const moved = await animateur.patch(path, { dateFin: '2028-06-30', statut: 'signe' });
    expect(moved.body).toMatchObject({
      dateDebut: '2025-01-01',
      dateFin: '2028-06-30',
      statut: 'signe',
    });
    const renamed = await animateur.patch(path, {
      slug: 'periode-renommee',
      nom: 'Période renommée',
    });
    expect(renamed.body).toMatchObject({ slug: 'periode-renommee', nom: 'Période renommée' });
    expect((await animateur.get(contratPath('periode-renommee'))).body.id).toBe(contrat.id);
    expectError(await animateur.get(contratPath(contrat.slug)), 404, 'contrat_not_found');
  });

  it('changes only the signatory fields that are sent', async () => {
    const contrat = await newContrat(animateur, { nom: 'Signatures partielles' });
    const created = await animateur.post(contratPath(contrat.id, '/signataires'), {
      organisation: 'Préfecture des Deux-Sèvres',
      representant: 'La préfète',
      qualite: 'Préfète',
      type: 'etat',
      dateSignature: '2024-03-15',
    });
    expect(created.status).toBe(201);
    const patched = await animateur.patch(
      contratPath(contrat.id, `/signataires/${created.body.id}`),
      {
        organisation: 'État',
      },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...created.body, organisation: 'État' });
    const read = (await animateur.get(contratPath(contrat.id))).body.signataires;
    expect(read).toEqual([{ ...created.body, organisation: 'État' }]);
    const cleared = await animateur.patch(
      contratPath(contrat.id, `/signataires/${created.body.id}`),
      {
        dateSignature: null,
      },
    );
    expect(cleared.body).toEqual({ ...created.body, organisation: 'État', dateSignature: null });
  });
});

describe('orientations and objectifs', () => {
  let base: string;
  const titres = async () =>
    ((await animateur.get(`${base}/orientations`)).body.items as any[]).map(
      (o) => `${o.numero}:${o.titre}`,
    );

  beforeAll(async () => {
    base = contratPath((await newContrat(animateur, { nom: 'Orientations à ordonner' })).id);
  });

  it('numbers orientations 1..n in creation order', async () => {
    for (const titre of ['Énergie', 'Industrie', 'Santé', 'Mobilités']) {
      const reply = await animateur.post(`${base}/orientations`, { titre });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ titre, description: '', objectifs: [] });
    }
    expect(await titres()).toEqual(['1:Énergie', '2:Industrie', '3:Santé', '4:Mobilités']);
  });

  it('gives distinct numbers to orientations added at the same time', async () => {
    const other = contratPath((await newContrat(animateur, { nom: 'Ajouts simultanés' })).id);
    const replies = await Promise.all(
      ['A', 'B', 'C', 'D', 'E'].map((titre) =>
        animateur.post(`${other}/orientations`, { titre: `Orientation ${titre}` }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(replies.map((r) => r.body.numero).sort()).toEqual([1, 2, 3, 4, 5]);
    const listed = (await animateur.get(`${other}/orientations`)).body.items;
    expect(listed.map((o: any) => o.numero)).toEqual([1, 2, 3, 4, 5]);
  });

  it('moves an orientation with `numero`, renumbering the others, and clamps past the end', async () => {
    const items = (await animateur.get(`${base}/orientations`)).body.items;
    const id = (titre: string) => items.find((o: any) => o.titre === titre).id;

    const up = await animateur.patch(`${base}/orientations/${id('Mobilités')}`, { numero: 1 });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ numero: 1, titre: 'Mobilités' });
    expect(await titres()).toEqual(['1:Mobilités', '2:Énergie', '3:Industrie', '4:Santé']);

    const down = await animateur.patch(`${base}/orientations/${id('Énergie')}`, {
      numero: 3,
      titre: 'Énergie et climat',
    });
    expect(down.body).toMatchObject({ numero: 3, titre: 'Énergie et climat' });
    expect(await titres()).toEqual([
      '1:Mobilités',
      '2:Industrie',
      '3:Énergie et climat',
      '4:Santé',
    ]);

    const last = await animateur.patch(`${base}/orientations/${id('Mobilités')}`, { numero: 99 });
    expect(last.body.numero).toBe(4);
    expect(await titres()).toEqual([
      '1:Industrie',
      '2:Énergie et climat',
      '3:Santé',
      '4:Mobilités',
    ]);

    expectError(
      await animateur.patch(`${base}/orientations/${id('Santé')}`, { numero: 0 }),
      400,
      'validation_failed',
    );
    expectError(
      await animateur.patch(`${base}/orientations/${id('Santé')}`, { numero: 1.5 }),
      400,
      'validation_failed',
    );
    expect(await titres()).toEqual([
      '1:Industrie',
      '2:Énergie et climat',
      '3:Santé',
      '4:Mobilités',
    ]);
  });

  it('numbers objectifs within their orientation (2.1, 2.2…), reorders and renumbers them', async () => {
    const items = (await animateur.get(`${base}/orientations`)).body.items;
    const energie = items.find((o: any) => o.numero === 2);
    const ids: string[] = [];
    for (const titre of ['Solaire', 'Éolien', 'Méthanisation']) {
      const reply = await animateur.post(`${base}/orientations/${energie.id}/objectifs`, { titre });
      expect(reply.status).toBe(201);
      expect(reply.body.orientationId).toBe(energie.id);
      ids.push(reply.body.id);
    }
    const labels = async () => {
      const orientations = (await animateur.get(`${base}/orientations`)).body.items as any[];
      return orientations.flatMap((o) =>
        o.objectifs.map((x: any) => `${o.numero}.${x.numero} ${x.titre}`),
      );
    };
    expect(await labels()).toEqual(['2.1 Solaire', '2.2 Éolien', '2.3 Méthanisation']);

    // Another orientation starts again at 1.
    const sante = items.find((o: any) => o.numero === 3);
    const soins = await animateur.post(`${base}/orientations/${sante.id}/objectifs`, {
      titre: 'Soins',
    });
    expect(soins.body.numero).toBe(1);

    const moved = await animateur.patch(`${base}/objectifs/${ids[2]}`, { numero: 1 });
    expect(moved.body).toMatchObject({ numero: 1, titre: 'Méthanisation' });
    expect(await labels()).toEqual(['2.1 Méthanisation', '2.2 Solaire', '2.3 Éolien', '3.1 Soins']);

    expect((await animateur.delete(`${base}/objectifs/${ids[0]}`)).status).toBe(204);
    expect(await labels()).toEqual(['2.1 Méthanisation', '2.2 Éolien', '3.1 Soins']);
    expectError(await animateur.delete(`${base}/objectifs/${ids[0]}`), 404, 'not_found');

    // Moving the orientation carries its objectifs along.
    await animateur.patch(`${base}/orientations/${energie.id}`, { numero: 1 });
    expect(await labels()).toEqual(['1.1 Méthanisation', '1.2 Éolien', '3.1 Soins']);
  });

  it('renumbers orientations when one is deleted, with its objectifs', async () => {
    const items = (await animateur.get(`${base}/orientations`)).body.items as any[];
    expect(items.map((o) => o.numero)).toEqual([1, 2, 3, 4]);
    const withObjectifs = items[0];
    expect(withObjectifs.objectifs).toHaveLength(2);
    expect((await animateur.delete(`${base}/orientations/${withObjectifs.id}`)).status).toBe(204);
    const after = (await animateur.get(`${base}/orientations`)).body;
    expect(after.total).toBe(3);
    expect(after.items.map((o: any) => o.numero)).toEqual([1, 2, 3]);
    expect(after.items.map((o: any) => o.id)).toEqual(items.slice(1).map((o) => o.id));
    expectError(
      await animateur.patch(`${base}/objectifs/${withObjectifs.objectifs[0].id}`, {
        titre: 'Orphelin',
      }),
      404,
      'not_found',
    );
    const next = await animateur.post(`${base}/orientations`, { titre: 'Nouvelle orientation' });
    expect(next.body.numero).toBe(4);
  });

  it('refuses bad input and unknown ids', async () => {
    const before = await titres();
    expectError(
      await animateur.post(`${base}/orientations`, { titre: 'ab' }),
      400,
      'validation_failed',
    );
    expectError(
      await animateur.post(`${base}/orientations`, { titre: 'Valide', numero: 1 }),
      400,
      'validation_failed',
    );
    expectError(
      await animateur.patch(`${base}/orientations/pas-un-uuid`, { titre: 'Valide' }),
      404,
      'not_found',
    );
    expectError(
      await animateur.post(`${base}/orientations/00000000-0000-4000-8000-000000000000/objectifs`, {
        titre: 'Valide',
      }),
      404,
      'not_found',
    );
    expect(await titres()).toEqual(before);
  });
});

describe('contrats liés', () => {
  it('are created, listed, changed and removed, with articulation and perimeter relation', async () => {
    const base = contratPath((await newContrat(animateur, { nom: 'Contrats liés du test' })).id);
    const created = await animateur.post(`${base}/contrats-lies`, {
      type: 'action_coeur_de_ville',
      nom: 'Action cœur de ville de Thouars',
      articulation: 'integre',
      relationPerimetre: 'plus_restreint',
      dateSignature: '2018-10-01',
      url: 'https://www.example.org/acv',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      type: 'action_coeur_de_ville',
      nom: 'Action cœur de ville de Thouars',
      articulation: 'integre',
      relationPerimetre: 'plus_restreint',
      description: '',
      dateSignature: '2018-10-01',
      url: 'https://www.example.org/acv',
    });
    const valorise = await animateur.post(`${base}/contrats-lies`, {
      type: 'territoires_industrie',
      nom: 'Territoire d’industrie',
      articulation: 'valorise',
      relationPerimetre: 'plus_large',
    });
    expect(valorise.body).toMatchObject({
      articulation: 'valorise',
      url: null,
      dateSignature: null,
    });

    const list = (await animateur.get(`${base}/contrats-lies`)).body;
    expect(list.total).toBe(2);
    expect(list.items.map((l: any) => l.id).sort()).toEqual(
      [created.body.id, valorise.body.id].sort(),
    );

    const changed = await animateur.patch(`${base}/contrats-lies/${created.body.id}`, {
      articulation: 'valorise',
      relationPerimetre: 'chevauchant',
      url: null,
    });
    expect(changed.body).toEqual({
      ...created.body,
      articulation: 'valorise',
      relationPerimetre: 'chevauchant',
      url: null,
    });

    const before = (await animateur.get(`${base}/contrats-lies`)).body;
    for (const bad of [
      { articulation: 'fusionne' },
      { relationPerimetre: 'voisin' },
      { url: 'javascript:alert(1)' },
      { url: 'ftp://example.org/x' },
      { type: 'inconnu' },
      { nom: 'ab' },
      { contratId: thouarsaisId },
    ]) {
      const reply = await animateur.patch(`${base}/contrats-lies/${created.body.id}`, bad);
      expectError(reply, 400, 'validation_failed');
    }
    expectError(
      await animateur.post(`${base}/contrats-lies`, {
        type: 'autre',
        nom: 'Sans articulation',
        relationPerimetre: 'identique',
      }),
      400,
      'validation_failed',
    );
    expect((await animateur.get(`${base}/contrats-lies`)).body).toEqual(before);

    expect((await animateur.delete(`${base}/contrats-lies/${created.body.id}`)).status).toBe(204);
    expect((await animateur.get(contratPath(base.split('/').at(-1)!))).body.contratsLies).toEqual([
      valorise.body,
    ]);
    expectError(
      await animateur.delete(`${base}/contrats-lies/${created.body.id}`),
      404,
      'not_found',
    );
  });
});

describe('coopérations', () => {
  let mine: any;
  let base: string;
  beforeAll(async () => {
    mine = await newContrat(animateur, { nom: 'Territoire coopérant' });
    base = contratPath(mine.id);
  });

  it('with a Trame contract, stays pending until that contract’s animateur accepts', async () => {
    const reply = await animateur.post(`${base}/cooperations`, {
      nom: 'Réciprocité ville-campagne',
      type: 'contrat_reciprocite',
      description: 'Alimentation et énergie',
      partenaires: [{ contratId: bocageId }, { nomExterne: 'Pays de Gâtine' }],
    });
    expect(reply.status).toBe(201);
    const cooperation = reply.body;
    expect(cooperation).toMatchObject({
      nom: 'Réciprocité ville-campagne',
      type: 'contrat_reciprocite',
      initiateurId: mine.id,
      parties: [
        { contratId: mine.id, nom: 'Territoire coopérant', slug: mine.slug, statut: 'acceptee' },
        {
          contratId: bocageId,
          nom: 'CRTE du Bocage Bressuirais',
          slug: BOCAGE,
          statut: 'en_attente',
        },
        { contratId: null, nom: 'Pays de Gâtine', slug: null, statut: 'acceptee' },
      ],
    });

    // The partner sees the proposal among its own coopérations.
    const seen = (await bocage.get(contratPath(BOCAGE, '/cooperations'))).body.items;
    expect(seen.find((c: any) => c.id === cooperation.id)).toEqual(cooperation);

    // The initiator cannot accept on the partner's behalf.
    const self = await animateur.post(`${base}/cooperations/${cooperation.id}/accepter`);
    expect(self.status).toBe(200);
    expect(self.body.parties[1].statut).toBe('en_attente');
    expectError(
      await animateur.post(contratPath(BOCAGE, `/cooperations/${cooperation.id}/accepter`)),
      404,
      'contrat_not_found',
    );

    const accepted = await bocage.post(
      contratPath(BOCAGE, `/cooperations/${cooperation.id}/accepter`),
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.parties.map((x: any) => x.statut)).toEqual([
      'acceptee',
      'acceptee',
      'acceptee',
    ]);
    const fromInitiator = (await animateur.get(`${base}/cooperations`)).body.items;
    expect(fromInitiator[0].parties[1].statut).toBe('acceptee');
  });

  it('can be changed by the initiator only; the partner gets 403 and nothing changes', async () => {
    const cooperation = (
      await animateur.post(`${base}/cooperations`, {
        nom: 'Mutualisation des services',
        type: 'mutualisation',
        partenaires: [{ contratId: bocageId }],
      })
    ).body;
    const partnerPath = contratPath(BOCAGE, `/cooperations/${cooperation.id}`);
    const before = (await animateur.get(`${base}/cooperations`)).body;

    expectError(
      await bocage.patch(partnerPath, { nom: 'Détournée par le Bocage' }),
      403,
      'forbidden',
    );
    expect((await animateur.get(`${base}/cooperations`)).body).toEqual(before);
    const partnerView = (await bocage.get(contratPath(BOCAGE, '/cooperations'))).body.items;
    expect(partnerView.map((c: any) => c.id)).toContain(cooperation.id);

    const renamed = await animateur.patch(`${base}/cooperations/${cooperation.id}`, {
      nom: 'Mutualisation des services techniques',
      type: 'gouvernance_partagee',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      nom: 'Mutualisation des services techniques',
      type: 'gouvernance_partagee',
      initiateurId: mine.id,
    });
    expectError(
      await animateur.patch(`${base}/cooperations/${cooperation.id}`, { partenaires: [] }),
      400,
      'validation_failed',
    );

    expect((await animateur.delete(`${base}/cooperations/${cooperation.id}`)).status).toBe(204);
    const gone = (await bocage.get(contratPath(BOCAGE, '/cooperations'))).body.items;
    expect(gone.map((c: any) => c.id)).not.toContain(cooperation.id);
    expectError(await animateur.delete(`${base}/cooperations/${cooperation.id}`), 404, 'not_found');
  });

  it('lets a partner decline: only its own participation goes, the initiator keeps the rest', async () => {
    const cooperation = (
      await animateur.post(`${base}/cooperations`, {
        nom: 'Plateforme de covoiturage',
        type: 'projet_commun',
        partenaires: [{ contratId: bocageId }, { nomExterne: 'Agglomération du Choletais' }],
      })
    ).body;
    expect(
      (await bocage.delete(contratPath(BOCAGE, `/cooperations/${cooperation.id}`))).status,
    ).toBe(204);
    const partnerView = (await bocage.get(contratPath(BOCAGE, '/cooperations'))).body.items;
    expect(partnerView.map((c: any) => c.id)).not.toContain(cooperation.id);
    const initiatorView = (await animateur.get(`${base}/cooperations`)).body.items.find(
      (c: any) => c.id === cooperation.id,
    );
    expect(initiatorView.parties.map((p: any) => p.nom)).toEqual([
      mine.nom,
      'Agglomération du Choletais',
    ]);
    await animateur.delete(`${base}/cooperations/${cooperation.id}`);
  });

  it('names a published partner contract by the slug of its address, an unpublished one only by id', async () => {
    const bySlug = await bocage.post(contratPath(BOCAGE, '/cooperations'), {
      nom: 'Réseau de chaleur partagé',
      type: 'projet_commun',
      partenaires: [{ slug: THOUARSAIS }],
    });
    expect(bySlug.status).toBe(201);
    expect(bySlug.body.parties[1]).toMatchObject({
      nom: 'CRTE du Thouarsais',
      slug: THOUARSAIS,
      statut: 'en_attente',
    });
    await bocage.delete(contratPath(BOCAGE, `/cooperations/${bySlug.body.id}`));

    // The Bocage contract is not published and the proposer is not one of its members: its slug
    // must not reveal that it exists, nor its name; the id its animateur hands over works.
    for (const slug of [BOCAGE, 'crte-qui-n-existe-pas']) {
      const hidden = await animateur.post(`${base}/cooperations`, {
        nom: 'Avec un contrat non publié',
        type: 'autre',
        partenaires: [{ slug }],
      });
      expectError(hidden, 400, 'validation_failed');
      expect(hidden.body.error.details).toEqual([
        { path: 'partenaires.0.slug', message: `contrat inconnu : ${slug}` },
      ]);
    }
    const byId = await animateur.post(`${base}/cooperations`, {
      nom: 'Avec son identifiant',
      type: 'autre',
      partenaires: [{ contratId: bocageId }],
    });
    expect(byId.status).toBe(201);
    expect(byId.body.parties[1]).toMatchObject({ slug: BOCAGE, statut: 'en_attente' });
    await animateur.delete(`${base}/cooperations/${byId.body.id}`);

    const self = await animateur.post(`${base}/cooperations`, {
      nom: 'Avec moi-même',
      type: 'autre',
      partenaires: [{ slug: mine.slug }],
    });
    expectError(self, 409, 'cooperation_self');
  });

  it('shows the public only the parties that agreed, without a way into an unpublished partner', async () => {
    const proposed = await animateur.post(contratPath(THOUARSAIS, '/cooperations'), {
      nom: 'Proposition encore sans réponse',
      type: 'projet_commun',
      partenaires: [{ contratId: bocageId }],
    });
    expect(proposed.status).toBe(201);
    const publicView = (await new ApiClient(app.url).get(contratPath(THOUARSAIS))).body
      .cooperations;
    const seen = publicView.find((c: any) => c.id === proposed.body.id);
    expect(seen.parties.map((p: any) => p.slug)).toEqual([THOUARSAIS]);
    const memberView = (await animateur.get(contratPath(THOUARSAIS, '/cooperations'))).body.items;
    expect(memberView.find((c: any) => c.id === proposed.body.id).parties).toHaveLength(2);
    await animateur.delete(contratPath(THOUARSAIS, `/cooperations/${proposed.body.id}`));

    // The seeded coopération was accepted by the Bocage, which is not published: the public
    // reads its name, but gets neither its id nor its address.
    const agreed = publicView.find((c: any) =>
      c.parties.some((p: any) => p.nom === 'CRTE du Bocage Bressuirais'),
    );
    expect(agreed.parties.find((p: any) => p.nom === 'CRTE du Bocage Bressuirais')).toEqual({
      contratId: null,
      nom: 'CRTE du Bocage Bressuirais',
      slug: null,
      statut: 'acceptee',
    });
    const asMember = (await animateur.get(contratPath(THOUARSAIS, '/cooperations'))).body.items;
    expect(
      asMember.find((c: any) => c.id === agreed.id).parties.find((p: any) => p.slug === BOCAGE),
    ).toMatchObject({ contratId: bocageId, statut: 'acceptee' });
  });

  it('refuses to cooperate with oneself (409) or with an unknown contract (400)', async () => {
    const before = (await animateur.get(`${base}/cooperations`)).body;
    const self = await animateur.post(`${base}/cooperations`, {
      nom: 'Avec moi-même',
      type: 'autre',
      partenaires: [{ contratId: mine.id }],
    });
    expectError(self, 409, 'cooperation_self');
    const twice = await animateur.post(`${base}/cooperations`, {
      nom: 'Deux fois le même',
      type: 'autre',
      partenaires: [{ contratId: bocageId }, { contratId: bocageId }],
    });
    expect(twice.status).toBe(409);
    const unknown = await animateur.post(`${base}/cooperations`, {
      nom: 'Avec personne',
      type: 'autre',
      partenaires: [
        { nomExterne: 'Ailleurs' },
        { contratId: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    expectError(unknown, 400, 'validation_failed');
    expect(unknown.body.error.details.map((d: any) => d.path)).toEqual(['partenaires.1.contratId']);
    for (const partenaires of [[], [{ contratId: 'pas-un-uuid' }], [{ nom: 'x' }]]) {
      const reply = await animateur.post(`${base}/cooperations`, {
        nom: 'Mal formée',
        type: 'autre',
        partenaires,
      });
      expectError(reply, 400, 'validation_failed');
    }
    expect((await animateur.get(`${base}/cooperations`)).body).toEqual(before);
    expect((await bocage.get(contratPath(BOCAGE, '/cooperations'))).body.total).toBe(2);
  });
});

describe('ids from another contract', () => {
  it('are not found under this contract’s URL, and the other contract is unchanged', async () => {
    const thouarsais = (await animateur.get(contratPath(THOUARSAIS))).body;
    const other = contratPath((await newContrat(animateur, { nom: 'Contrat voisin' })).id);
    const orientation = thouarsais.orientations[0];
    const objectif = orientation.objectifs[0];
    const signataire = thouarsais.signataires[0];
    const lie = thouarsais.contratsLies[0];
    const cooperation = thouarsais.cooperations[0];
    const membre = (await animateur.get(contratPath(THOUARSAIS, '/membres'))).body.items.find(
      (m: any) => m.email === DEMO.habitant,
    );
    const attempts: [string, string, unknown?][] = [
      ['PATCH', `/orientations/${orientation.id}`, { titre: 'Détournée', numero: 1 }],
      ['DELETE', `/orientations/${orientation.id}`],
      ['POST', `/orientations/${orientation.id}/objectifs`, { titre: 'Intrus' }],
      ['PATCH', `/objectifs/${objectif.id}`, { titre: 'Détourné' }],
      ['DELETE', `/objectifs/${objectif.id}`],
      ['PATCH', `/signataires/${signataire.id}`, { organisation: 'Détourné' }],
      ['DELETE', `/signataires/${signataire.id}`],
      ['PATCH', `/contrats-lies/${lie.id}`, { nom: 'Détourné' }],
      ['DELETE', `/contrats-lies/${lie.id}`],
      ['PATCH', `/cooperations/${cooperation.id}`, { nom: 'Détournée' }],
      ['DELETE', `/cooperations/${cooperation.id}`],
      ['POST', `/cooperations/${cooperation.id}/accepter`, {}],
      ['PATCH', `/membres/${membre.userId}`, { role: 'animateur' }],
      ['DELETE', `/membres/${membre.userId}`],
    ];
    const invitation = (
      await animateur.post(contratPath(THOUARSAIS, '/membres'), {
        email: 'attendue@exemple.fr',
        role: 'habitant',
      })
    ).body.invitation;
    attempts.push(['DELETE', `/invitations/${invitation.id}`]);
    const membresBefore = (await animateur.get(contratPath(THOUARSAIS, '/membres'))).body;
    const invitationsBefore = (await animateur.get(contratPath(THOUARSAIS, '/invitations'))).body;
    expect(invitationsBefore.items).toEqual([invitation]);
    for (const [method, rest, body] of attempts) {
      const reply = await animateur.request(method, `${other}${rest}`, body);
      expect(reply.status, `${method} ${rest}`).toBe(404);
      expect(reply.body.error.code).toBe('not_found');
    }
    expect((await animateur.get(contratPath(THOUARSAIS))).body).toEqual(thouarsais);
    expect((await animateur.get(contratPath(THOUARSAIS, '/membres'))).body).toEqual(membresBefore);
    expect((await animateur.get(contratPath(THOUARSAIS, '/invitations'))).body).toEqual(
      invitationsBefore,
    );
    expect((await animateur.get(`${other}/orientations`)).body.total).toBe(0);
  });
});
