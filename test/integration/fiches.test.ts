import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

let app: TestApp;
let animateur: ApiClient;
let cotech: ApiClient;
let partenaire: ApiClient;
let habitant: ApiClient;
let anonyme: ApiClient;
let contrat: any;

beforeAll(async () => {
  app = await startApp();
  animateur = await signedIn(app.url, DEMO.animateur);
  cotech = await signedIn(app.url, DEMO.cotech);
  partenaire = await signedIn(app.url, DEMO.partenaire);
  habitant = await signedIn(app.url, DEMO.habitant);
  anonyme = new ApiClient(app.url);
  contrat = (await animateur.get(contratPath(THOUARSAIS))).body;
});
afterAll(async () => {
  await app?.close();
});

const fichesPath = (query = '') => contratPath(THOUARSAIS, `/fiches${query}`);
const fichePath = (id: string, rest = '') => `/api/v1/fiches/${id}${rest}`;

async function allFiches(client: ApiClient, query = ''): Promise<any[]> {
  const reply = await client.get(fichesPath(`?limit=200${query}`));
  expect(reply.status).toBe(200);
  return reply.body.items;
}

async function newFiche(client: ApiClient, body: Record<string, unknown> = {}) {
  const reply = await client.post(fichesPath(), { titre: 'Fiche de test', ...body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

describe('the fiche list', () => {
  it('shows members every fiche and the public only the public ones, with their plans', async () => {
    const all = await allFiches(animateur);
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(all.map((f) => f.numero)).toEqual([...all.map((f) => f.numero)].sort((a, b) => a - b));
    const publicOnes = all.filter((f) => f.public);
    expect(publicOnes.length).toBeLessThan(all.length);
    for (const reader of [anonyme, habitant]) {
      const seen = await allFiches(reader);
      expect(seen.map((f) => f.id)).toEqual(publicOnes.map((f) => f.id));
    }
    const chaleur = all.find((f) => f.titre.startsWith('Réseau de chaleur bois'));
    expect(chaleur.plan).toEqual({
      totalCents: 4_200_000_00,
      acquisCents: 3_400_000_00,
      sollicitesCents: 800_000_00,
      refusesCents: 0,
      ecartCents: 0,
      depasseCout: false,
    });
    expect(chaleur.communes).toEqual([{ code: '79329', nom: 'Thouars' }]);
  });

  it('filters by maturity, orientation, type, porteur, source, commune, ISO domain and text', async () => {
    const all = await allFiches(animateur);
    const orientation = contrat.orientations[0].id;
    const cases: [string, (f: any) => boolean][] = [
      ['&maturite=engagee,realisee', (f) => ['engagee', 'realisee'].includes(f.maturite)],
      [`&orientation=${orientation}`, (f) => f.orientationId === orientation],
      ['&type=action', (f) => f.type === 'action'],
      ['&porteur=ville%20de%20thouars', (f) => f.maitreOuvrage === 'Ville de Thouars'],
      ['&commune=79299', (f) => f.communes.some((c: any) => c.code === '79299')],
      ['&isoDomaine=sante', (f) => f.isoDomaines.includes('sante')],
      ['&q=chaleur', (f) => /chaleur/i.test(`${f.titre} ${f.resume}`)],
    ];
    for (const [query, predicate] of cases) {
      const filtered = await allFiches(animateur, query);
      expect(filtered.length, query).toBeGreaterThan(0);
      expect(
        filtered.map((f) => f.id),
        query,
      ).toEqual(all.filter(predicate).map((f) => f.id));
    }
    const cper = await allFiches(animateur, '&source=cper');
    expect(cper.map((f) => f.titre)).toEqual(['Pôle d’échanges multimodal de la gare de Thouars']);
  });

  it('paginates and sorts on the server', async () => {
    const first = await animateur.get(fichesPath('?limit=10&offset=0&sort=-cout'));
    const second = await animateur.get(fichesPath('?limit=10&offset=10&sort=-cout'));
    expect(first.body.items).toHaveLength(10);
    expect(first.body.total).toBe(second.body.total);
    const costs = [...first.body.items, ...second.body.items].map((f: any) => f.coutCents ?? -1);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    const ids = new Set([...first.body.items, ...second.body.items].map((f: any) => f.id));
    expect(ids.size).toBe(20);
    const beyond = await animateur.get(fichesPath('?limit=10&offset=1000'));
    expect(beyond.body).toEqual({ items: [], total: first.body.total });
    expectError(await animateur.get(fichesPath('?limit=1000')), 400, 'validation_failed');
    expectError(await animateur.get(fichesPath('?maturite=mure')), 400, 'validation_failed');
  });
});

describe('a fiche', () => {
  it('is created with a number, edited field by field, and every change is in its history', async () => {
    const before = await allFiches(animateur);
    const created = await newFiche(cotech, {
      titre: 'Aire de covoiturage de Louzy',
      communes: ['79157'],
      orientationId: contrat.orientations[3].id,
      objectifIds: [contrat.orientations[3].objectifs[1].id],
    });
    expect(created).toMatchObject({
      numero: Math.max(...before.map((f) => f.numero)) + 1,
      type: 'projet',
      maturite: 'idee',
      version: 1,
      communes: [{ code: '79157', nom: 'Louzy' }],
      droits: { modifier: true, supprimer: false, promouvoir: true },
    });

    const edited = await cotech.patch(fichePath(created.id), {
      version: 1,
      maturite: 'en_emergence',
      coutCents: 185_000_00,
      titre: 'Aire de covoiturage de Louzy',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      maturite: 'en_emergence',
      coutCents: 185_000_00,
      version: 2,
    });

    const history = (await cotech.get(fichePath(created.id, '/historique'))).body.items;
    const entries = history.map((h: any) => [h.evenement, h.champ, h.avant, h.apres]);
    expect(entries).toHaveLength(3);
    expect(entries.slice(0, 2)).toEqual(
      expect.arrayContaining([
        ['modification', 'maturite', 'idee', 'en_emergence'],
        ['modification', 'coutCents', null, 185_000_00],
      ]),
    );
    expect(entries[2]).toEqual([
      'creation',
      null,
      null,
      { titre: 'Aire de covoiturage de Louzy', numero: created.numero },
    ]);
    expect(history[0].auteur.nom).toBe('Sophie Lambert');

    // Saving from an outdated version is refused and changes nothing.
    const stale = await animateur.patch(fichePath(created.id), { version: 1, maturite: 'idee' });
    expectError(stale, 409, 'fiche_conflict');
    expect((await animateur.get(fichePath(created.id))).body.maturite).toBe('en_emergence');
  });

  it('becomes a fiche action only once it has a maître d’ouvrage, a cost, a calendar and financing', async () => {
    const fiche = await newFiche(animateur, { titre: 'Chaufferie bois de Saint-Varent' });
    const refused = await animateur.post(fichePath(fiche.id, '/promouvoir'));
    expectError(refused, 400, 'promotion_incomplete');
    expect(refused.body.error.details.map((d: any) => d.path)).toEqual([
      'maitreOuvrage',
      'coutCents',
      'calendrier',
      'financements',
    ]);
    expect((await animateur.get(fichePath(fiche.id))).body.type).toBe('projet');

    await animateur.patch(fichePath(fiche.id), {
      maitreOuvrage: 'Commune de Saint-Varent',
      coutCents: 600_000_00,
      dateDebut: '2025-01-01',
      dateFin: '2026-06-30',
    });
    const withLine = await animateur.post(fichePath(fiche.id, '/financements'), {
      source: 'fonds_vert',
      montantCents: 180_000_00,
      annee: 2025,
      statut: 'sollicite',
    });
    expect(withLine.status).toBe(201);
    expect(withLine.body.manquePourAction).toEqual([]);
    const promoted = await animateur.post(fichePath(fiche.id, '/promouvoir'));
    expect(promoted.status).toBe(200);
    expect(promoted.body.type).toBe('action');
    const history = (await animateur.get(fichePath(fiche.id, '/historique'))).body.items;
    expect(history[0]).toMatchObject({ evenement: 'promotion', avant: 'projet', apres: 'action' });
    expectError(await animateur.post(fichePath(fiche.id, '/promouvoir')), 409, 'already_action');
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const fiche = await newFiche(animateur, { titre: 'Fiche pour les erreurs' });
    const version = fiche.version;
    const attempts: [string, unknown, string][] = [
      ['/financements', { source: 'dsil', montantCents: -5, annee: 2024 }, 'montantCents'],
      ['/financements', { source: 'dsil', montantCents: 10.5, annee: 2024 }, 'montantCents'],
      ['/financements', { source: 'loterie', montantCents: 100, annee: 2024 }, 'source'],
      ['/financements', { source: 'dsil', montantCents: 100, annee: 2031 }, 'annee'],
      [
        '/financements',
        { source: 'dsil', montantCents: 100, annee: 2024, statut: 'peut-etre' },
        'statut',
      ],
    ];
    for (const [rest, body, path] of attempts) {
      const reply = await animateur.post(fichePath(fiche.id, rest), body);
      expectError(reply, 400, 'validation_failed');
      expect(
        reply.body.error.details.map((d: any) => d.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    const patches: [unknown, string][] = [
      [{ communes: ['79049'] }, 'communes'],
      [{ orientationId: '00000000-0000-4000-8000-000000000000' }, 'orientationId'],
      [{ coutCents: -1 }, 'coutCents'],
      [{ dateDebut: '2026-01-01', dateFin: '2025-01-01' }, 'dateFin'],
      [{ isoDomaines: ['astrologie'] }, 'isoDomaines.0'],
      [{ odd: [18] }, 'odd.0'],
    ];
    for (const [body, path] of patches) {
      const reply = await animateur.patch(fichePath(fiche.id), body);
      expectError(reply, 400, 'validation_failed');
      expect(
        reply.body.error.details.map((d: any) => d.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    const communeError = (await animateur.patch(fichePath(fiche.id), { communes: ['79049'] })).body;
    expect(communeError.error.details[0].message).toMatch(/périmètre.*79049/);
    const after = (await animateur.get(fichePath(fiche.id))).body;
    expect(after.version).toBe(version);
    expect(after.financements).toEqual([]);
    expect((await animateur.get(fichePath(fiche.id, '/historique'))).body.total).toBe(1);
  });

  it('flags a plan that asks for more than the cost', async () => {
    const fiche = await newFiche(animateur, { titre: 'Plan trop gourmand', coutCents: 100_000_00 });
    await animateur.post(fichePath(fiche.id, '/financements'), {
      source: 'dsil',
      montantCents: 80_000_00,
      annee: 2025,
      statut: 'acquis',
    });
    const over = await animateur.post(fichePath(fiche.id, '/financements'), {
      source: 'region',
      montantCents: 30_000_00,
      annee: 2025,
    });
    expect(over.status).toBe(201);
    expect(over.body.plan).toEqual({
      totalCents: 110_000_00,
      acquisCents: 80_000_00,
      sollicitesCents: 30_000_00,
      refusesCents: 0,
      ecartCents: -10_000_00,
      depasseCout: true,
    });
    const line = over.body.financements.find((l: any) => l.source === 'region');
    const refused = await animateur.patch(fichePath(fiche.id, `/financements/${line.id}`), {
      statut: 'refuse',
    });
    expect(refused.body.plan).toMatchObject({ totalCents: 80_000_00, depasseCout: false });
  });
});

describe('who may do what with fiches', () => {
  it('lets a partner edit the fiches it carries, and only those', async () => {
    const all = await allFiches(animateur);
    const carried = all.find((f) => f.porteur?.nom === 'Karim Benali');
    const other = all.find((f) => !f.porteur);
    const mine = await partenaire.get(fichePath(carried.id));
    expect(mine.body.droits).toEqual({ modifier: true, supprimer: false, promouvoir: false });
    const edited = await partenaire.patch(fichePath(carried.id), {
      resume: 'Résumé mis à jour par le porteur.',
    });
    expect(edited.status).toBe(200);
    expect(
      (
        await partenaire.post(fichePath(carried.id, '/financements'), {
          source: 'fse_plus',
          montantCents: 10_000_00,
          annee: 2026,
        })
      ).status,
    ).toBe(201);

    const before = (await animateur.get(fichePath(other.id))).body;
    expectError(
      await partenaire.patch(fichePath(other.id), { titre: 'Détournée' }),
      403,
      'forbidden',
    );
    expectError(
      await partenaire.post(fichePath(other.id, '/financements'), {
        source: 'dsil',
        montantCents: 1,
        annee: 2025,
      }),
      403,
      'forbidden',
    );
    expectError(await partenaire.post(fichesPath(), { titre: 'Nouvelle fiche' }), 403, 'forbidden');
    expect((await animateur.get(fichePath(other.id))).body).toEqual(before);
  });

  it('shows residents and the public only public fiches, and lets them change nothing', async () => {
    const all = await allFiches(animateur);
    const hidden = all.find((f) => !f.public);
    const visible = all.find((f) => f.public);
    expectError(await habitant.get(fichePath(hidden.id)), 404, 'fiche_not_found');
    expectError(await anonyme.get(fichePath(hidden.id)), 401, 'unauthenticated');
    expect((await anonyme.get(fichePath(visible.id))).status).toBe(200);
    expectError(await habitant.patch(fichePath(visible.id), { titre: 'Non' }), 403, 'forbidden');
    expectError(
      await anonyme.patch(fichePath(visible.id), { titre: 'Non' }),
      401,
      'unauthenticated',
    );
    expectError(await habitant.get(fichePath(visible.id, '/historique')), 403, 'forbidden');
    expectError(await cotech.delete(fichePath(visible.id)), 403, 'forbidden');
    expectError(await anonyme.get(fichePath('pas-un-id')), 401, 'unauthenticated');
    expectError(
      await habitant.get(fichePath('00000000-0000-4000-8000-000000000000')),
      404,
      'fiche_not_found',
    );
  });
});

describe('a fiche shared with a coopération partner', () => {
  it('is listed and readable in the partner contract, but only its own contract edits it', async () => {
    const bocage = await signedIn(app.url, BOCAGE_ANIMATEUR);
    const bocageId = (await bocage.get(contratPath(BOCAGE))).body.id;
    const shared = await newFiche(animateur, {
      titre: 'Filière bois-énergie commune aux deux territoires',
      partageAvec: [bocageId],
    });
    expect(shared.partageAvec).toEqual([
      { contratId: bocageId, nom: 'CRTE du Bocage Bressuirais' },
    ]);

    const listed = (await bocage.get(contratPath(BOCAGE, '/fiches?limit=200'))).body.items;
    expect(listed.map((f: any) => f.id)).toContain(shared.id);
    const read = await bocage.get(fichePath(shared.id));
    expect(read.status).toBe(200);
    expect(read.body.droits).toEqual({ modifier: false, supprimer: false, promouvoir: false });
    expectError(await bocage.patch(fichePath(shared.id), { titre: 'Reprise' }), 403, 'forbidden');

    const stranger = (
      await animateur.post('/api/v1/contrats', {
        nom: 'Contrat sans coopération',
        epciCode: '247900798',
      })
    ).body;
    const refused = await animateur.patch(fichePath(shared.id), { partageAvec: [stranger.id] });
    expectError(refused, 400, 'validation_failed');
    expect(refused.body.error.details.map((d: any) => d.path)).toEqual(['partageAvec']);
  });
});

describe('the maquette financière annuelle', () => {
  const maquettePath = (rest = '') => contratPath(THOUARSAIS, `/maquettes${rest}`);

  it('adds up every non-refused line of the year of fiches still alive, by orientation and source', async () => {
    const all = await allFiches(animateur);
    let expected = 0;
    for (const summary of all) {
      const fiche = (await animateur.get(fichePath(summary.id))).body;
      if (fiche.maturite === 'abandonnee') continue;
      for (const line of fiche.financements) {
        if (line.annee === 2024 && line.statut !== 'refuse') expected += line.montantCents;
      }
    }
    const maquette = (await animateur.get(maquettePath('/2024'))).body;
    expect(maquette.totalCents).toBe(expected);
    const rows = maquette.groups.flatMap((g: any) => g.rows);
    for (const group of maquette.groups) {
      expect(group.totalCents).toBe(group.rows.reduce((s: number, r: any) => s + r.totalCents, 0));
    }
    const bySource = Object.values(maquette.totauxParSource).reduce(
      (s: number, v: any) => s + v,
      0,
    );
    expect(bySource).toBe(expected);
    expect(rows.every((r: any) => r.totalCents > 0)).toBe(true);
    expect(maquette.version).toBeNull();
    expectError(await habitant.get(maquettePath('/2024')), 403, 'forbidden');
    expectError(await animateur.get(maquettePath('/deux-mille')), 404, 'not_found');
  });

  it('is frozen when validated; later edits show in the comparison, not in the version', async () => {
    const validated = await animateur.post(maquettePath('/2025/versions'), {
      libelle: 'Programmation validée en comité de pilotage',
      valideeLe: '2025-03-14',
    });
    expect(validated.status).toBe(201);
    const version = validated.body;
    expectError(
      await cotech.post(maquettePath('/2025/versions'), {
        libelle: 'Par le cotech',
        valideeLe: '2025-03-14',
      }),
      403,
      'forbidden',
    );

    const fiche = await newFiche(animateur, { titre: 'Nouvelle opération 2025' });
    await animateur.post(fichePath(fiche.id, '/financements'), {
      source: 'detr',
      montantCents: 123_456_78,
      annee: 2025,
      statut: 'acquis',
    });

    const frozen = (await animateur.get(maquettePath(`/2025/versions/${version.id}`))).body;
    expect(frozen.totalCents).toBe(version.totalCents);
    expect(frozen.version).toMatchObject({
      libelle: 'Programmation validée en comité de pilotage',
    });
    const live = (await animateur.get(maquettePath('/2025'))).body;
    expect(live.totalCents).toBe(version.totalCents + 123_456_78);

    const diff = (
      await animateur.get(maquettePath(`/2025/comparaison?de=${version.id}&a=courante`))
    ).body;
    expect(diff.deltaCents).toBe(123_456_78);
    expect(diff.fichesAjoutees.map((f: any) => f.ficheId)).toEqual([fiche.id]);
    expect(diff.changements).toEqual([
      expect.objectContaining({
        ficheId: fiche.id,
        source: 'detr',
        avantCents: 0,
        apresCents: 123_456_78,
      }),
    ]);
    const overview = (await animateur.get(maquettePath())).body;
    expect(overview.annees).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(overview.versions.map((v: any) => v.id)).toContain(version.id);
  });

  it('exports to XLSX with formulas whose totals match, and to CSV for French spreadsheets', async () => {
    const maquette = (await animateur.get(maquettePath('/2023'))).body;
    const xlsx = await animateur.download(maquettePath('/2023/export?format=xlsx'));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('maquette-crte-thouarsais-2023.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toContain('2023');
    let grandTotal: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'Total') {
        grandTotal = row.getCell(row.cellCount);
      }
    });
    expect(grandTotal, 'a grand total row').toBeDefined();
    const value = grandTotal!.value as ExcelJS.CellFormulaValue;
    expect(value.formula).toBeTruthy();
    expect(Math.round(Number(value.result) * 100)).toBe(maquette.totalCents);

    const csv = await animateur.download(maquettePath('/2023/export?format=csv'));
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toContain(';');
    const euros = `${Math.trunc(maquette.totalCents / 100)},${String(maquette.totalCents % 100).padStart(2, '0')}`;
    expect(text).toContain(euros);

    const all = await animateur.download(maquettePath('/export'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(all.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(
      [2021, 2022, 2023, 2024, 2025, 2026].map((y) => expect.stringContaining(String(y))),
    );
  });
});

describe('fiche import', () => {
  it('reproduces exported fiches in another contract, and imports nothing when a row is wrong', async () => {
    const csv = await animateur.download(fichesPath('/export?format=csv'));
    expect(csv.status).toBe(200);
    const exported = await allFiches(animateur);

    // A new contract with the same perimeter and orientations receives the file.
    const target = (
      await animateur.post('/api/v1/contrats', { nom: 'Contrat d’import', epciCode: '247900798' })
    ).body;
    for (const orientation of contrat.orientations) {
      await animateur.post(contratPath(target.id, '/orientations'), { titre: orientation.titre });
    }
    const contenu = csv.bytes.toString('base64');
    const analysis = await animateur.post(contratPath(target.id, '/fiches/import'), {
      format: 'csv',
      contenu,
    });
    expect(analysis.status).toBe(200);
    expect(analysis.body).toMatchObject({ simulation: true, importees: 0, erreurs: [] });
    expect(analysis.body.lignes).toBe(exported.length);
    expect((await animateur.get(contratPath(target.id, '/fiches'))).body.total).toBe(0);

    const imported = await animateur.post(contratPath(target.id, '/fiches/import'), {
      format: 'csv',
      contenu,
      correspondance: analysis.body.correspondance,
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.importees).toBe(exported.length);
    const copies = (await animateur.get(contratPath(target.id, '/fiches?limit=200'))).body.items;
    const shape = (f: any) => ({
      titre: f.titre,
      maturite: f.maturite,
      maitreOuvrage: f.maitreOuvrage,
      communes: f.communes,
      coutCents: f.coutCents,
      isoDomaines: f.isoDomaines,
      isoFinalites: f.isoFinalites,
      public: f.public,
    });
    expect(copies.map(shape)).toEqual(exported.map(shape));

    const broken = csv.bytes.toString('utf8').split('\r\n');
    // Line 3 of the file (the second fiche) gets a commune outside the perimeter.
    broken[2] = broken[2]!.replace(/79\d{3}/, '79049');
    const bad = await animateur.post(contratPath(target.id, '/fiches/import'), {
      format: 'csv',
      contenu: Buffer.from(broken.join('\r\n')).toString('base64'),
      correspondance: analysis.body.correspondance,
    });
    expectError(bad, 400, 'import_invalid');
    expect(bad.body.rapport.erreurs).toEqual([
      expect.objectContaining({ ligne: 3, message: expect.stringContaining('79049') }),
    ]);
    expect((await animateur.get(contratPath(target.id, '/fiches'))).body.total).toBe(
      exported.length,
    );
    expectError(
      await cotech.post(contratPath(THOUARSAIS, '/fiches/import'), { format: 'csv', contenu }),
      403,
      'forbidden',
    );
  });
});

describe('the ISO 37101 matrix', () => {
  it('counts each fiche in every purpose × domain it is tagged with', async () => {
    const matrix = (await animateur.get(contratPath(THOUARSAIS, '/iso37101'))).body;
    expect(matrix.cells).toHaveLength(6 * 12);
    const all = (await allFiches(animateur)).filter((f) => f.maturite !== 'abandonnee');
    const cell = matrix.cells.find((c: any) => c.finalite === 'bien_etre' && c.domaine === 'sante');
    const tagged = all.filter(
      (f) => f.isoFinalites.includes('bien_etre') && f.isoDomaines.includes('sante'),
    );
    expect(cell.fiches).toBe(tagged.length);
    expect(cell.coutCents).toBe(tagged.reduce((s, f) => s + (f.coutCents ?? 0), 0));
    const publicMatrix = (await anonyme.get(contratPath(THOUARSAIS, '/iso37101'))).body;
    expect(publicMatrix.totalFiches).toBe(all.filter((f) => f.public).length);
  });
});
