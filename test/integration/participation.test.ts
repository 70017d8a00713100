import { type ErrorCode, parisDate } from '@trame/shared';
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
import { pdfText } from '../support/pdf.js';

/**
 * Participation on the demo contract (the Thouarsais, published): phases and the current one,
 * contributions counted where they happen, events and attendance, and the report that adds them
 * up — what the animateur sees, what the public reads, and what bad input leaves untouched.
 */

let app: TestApp;
let animateur: ApiClient;
let copil: ApiClient;
let cotech: ApiClient;
let partenaire: ApiClient;
let habitant: ApiClient;
let anonyme: ApiClient;
const ids = {} as Record<keyof typeof DEMO, string>;

beforeAll(async () => {
  app = await startApp();
  animateur = await signedIn(app.url, DEMO.animateur);
  copil = await signedIn(app.url, DEMO.copil);
  cotech = await signedIn(app.url, DEMO.cotech);
  partenaire = await signedIn(app.url, DEMO.partenaire);
  habitant = await signedIn(app.url, DEMO.habitant);
  anonyme = new ApiClient(app.url);
  const membres = (await animateur.get(contratPath(THOUARSAIS, '/membres'))).body.items;
  for (const [role, email] of Object.entries(DEMO)) {
    ids[role as keyof typeof DEMO] = membres.find((m: any) => m.email === email).userId;
  }
});
afterAll(async () => {
  await app?.close();
});

const p = (rest: string) => contratPath(THOUARSAIS, rest);
const today = () => parisDate(new Date());
function shift(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function phases(client: ApiClient = animateur) {
  const reply = await client.get(p('/phases'));
  expect(reply.status).toBe(200);
  return reply.body;
}

async function newPhase(body: Record<string, unknown>) {
  const reply = await animateur.post(p('/phases'), body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

async function report(client: ApiClient = animateur) {
  const reply = await client.get(p('/participation'));
  expect(reply.status).toBe(200);
  return reply.body;
}

const rowOf = (rapport: any, phaseId: string | null) =>
  rapport.phases.find((x: any) => x.phaseId === phaseId);
const cellOf = (rapport: any, phaseId: string | null, categorie: string) =>
  rowOf(rapport, phaseId)?.categories.find((c: any) => c.categorie === categorie);

async function setCurrent(phaseId: string | null) {
  const reply = await animateur.request('PUT', p('/phase-courante'), { phaseId });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

async function newFiche(client: ApiClient, titre: string) {
  const reply = await client.post(p('/fiches'), { titre });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

async function patchFiche(client: ApiClient, id: string, body: Record<string, unknown>) {
  const reply = await client.patch(`/api/v1/fiches/${id}`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

describe('phases', () => {
  it('loads the demo contract with its dated phases, readable by the public', async () => {
    const view = await phases(anonyme);
    expect(view.items.map((x: any) => [x.ordre, x.type, x.dateDebut, x.dateFin])).toEqual([
      [1, 'elaboration', '2020-11-20', '2021-07-08'],
      [2, 'concertation', '2021-03-01', '2021-06-15'],
      [3, 'mise_en_oeuvre', '2021-07-09', '2026-12-31'],
      [4, 'montage_operationnel', '2021-09-01', '2022-12-31'],
      [5, 'evaluation', '2026-01-01', '2026-12-31'],
    ]);
    expect(view.items[1]).toMatchObject({ propositions: true, commentaires: true, evenements: 2 });
    expect(view.courante.mode).toBe('automatique');
    expect(view.items.filter((x: any) => x.courante).map((x: any) => x.id)).toEqual(
      view.courante.phaseId ? [view.courante.phaseId] : [],
    );
  });

  it('makes current the phase whose dates hold today, end day included', async () => {
    const phase = await newPhase({ type: 'pilotage', dateDebut: today() });
    // It started last of all the phases running today.
    expect(phase).toMatchObject({ courante: true, ordre: 6, libelle: '', evenements: 0 });
    expect((await phases()).courante).toEqual({ phaseId: phase.id, mode: 'automatique' });

    const later = await animateur.patch(p(`/phases/${phase.id}`), { dateDebut: shift(today(), 1) });
    expect(later.body.courante).toBe(false);
    expect((await phases()).courante.phaseId).not.toBe(phase.id);

    const ended = await animateur.patch(p(`/phases/${phase.id}`), {
      dateDebut: shift(today(), -10),
      dateFin: shift(today(), -1),
    });
    expect(ended.body.courante).toBe(false);

    const lastDay = await animateur.patch(p(`/phases/${phase.id}`), { dateFin: today() });
    expect(lastDay.body).toMatchObject({ courante: true, dateFin: today() });

    expect((await animateur.delete(p(`/phases/${phase.id}`))).status).toBe(204);
    expect((await phases()).items.map((x: any) => x.ordre)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reorders phases, keeping positions 1..n', async () => {
    const before = (await phases()).items;
    const moved = await animateur.patch(p(`/phases/${before[4].id}`), { ordre: 2 });
    expect(moved.status).toBe(200);
    const after = (await phases()).items;
    expect(after.map((x: any) => x.id)).toEqual([
      before[0].id,
      before[4].id,
      before[1].id,
      before[2].id,
      before[3].id,
    ]);
    expect(after.map((x: any) => x.ordre)).toEqual([1, 2, 3, 4, 5]);
    // Past the end means last.
    await animateur.patch(p(`/phases/${before[4].id}`), { ordre: 99 });
    expect((await phases()).items.map((x: any) => x.id)).toEqual(before.map((x: any) => x.id));
  });

  it('lets the animateur set the current phase by hand, then go back to the dates', async () => {
    const auto = (await phases()).courante;
    const concertation = (await phases()).items[1];
    const manual = await setCurrent(concertation.id);
    expect(manual.courante).toEqual({ phaseId: concertation.id, mode: 'manuelle' });
    expect(manual.items.find((x: any) => x.courante).id).toBe(concertation.id);
    // The public sees the same current phase.
    expect((await phases(anonyme)).courante).toEqual(manual.courante);
    expect((await setCurrent(null)).courante).toEqual(auto);
  });

  it('toggles what a phase opens', async () => {
    const evaluation = (await phases()).items[4];
    const reply = await animateur.patch(p(`/phases/${evaluation.id}`), {
      propositions: true,
      consultations: false,
    });
    expect(reply.body).toMatchObject({
      propositions: true,
      commentaires: true,
      consultations: false,
    });
    await animateur.patch(p(`/phases/${evaluation.id}`), {
      propositions: false,
      consultations: true,
    });
  });
});

describe('contributions', () => {
  let phase: any;
  let concertation: any;
  let fiche: any;

  beforeAll(async () => {
    // A phase starting today is the current one, and starts with no contribution at all.
    phase = await newPhase({ type: 'animation', libelle: 'Animation de test', dateDebut: today() });
    concertation = (await phases()).items[1];
  });

  it('counts a fiche created in the current phase, under its author’s category', async () => {
    const before = await report();
    expect(rowOf(before, phase.id).total.totalContributions).toBe(0);
    fiche = await newFiche(copil, 'Fiche comptée dans la phase');
    const after = await report();
    expect(cellOf(after, phase.id, 'elu')).toMatchObject({
      personnes: 1,
      totalContributions: 1,
      contributions: { fiche: 1, edition: 0 },
    });
    expect(after.total.totalContributions).toBe(before.total.totalContributions + 1);
  });

  it('counts one contribution per save, not per field, and none for a save that changes nothing', async () => {
    await patchFiche(cotech, fiche.id, {
      resume: 'Un résumé',
      maturite: 'en_emergence',
      maitreOuvrage: 'Commune de Thouars',
    });
    expect(cellOf(await report(), phase.id, 'etat').contributions.edition).toBe(1);
    await patchFiche(cotech, fiche.id, { resume: 'Un résumé' });
    const line = await cotech.post(`/api/v1/fiches/${fiche.id}/financements`, {
      source: 'dsil',
      montantCents: 12_000_00,
      annee: 2025,
    });
    expect(line.status).toBe(201);
    // A refused save is not a contribution either: here, one made on an outdated version.
    const refused = await cotech.patch(`/api/v1/fiches/${fiche.id}`, {
      version: 1,
      resume: 'Sur une version périmée',
    });
    expectError(refused, 409, 'fiche_conflict');
    expect(cellOf(await report(), phase.id, 'etat')).toMatchObject({
      personnes: 1,
      contributions: { edition: 2 },
    });
  });

  it('honours the phase set by hand, and the dates again afterwards', async () => {
    const before = cellOf(await report(), concertation.id, 'elu');
    await setCurrent(concertation.id);
    await patchFiche(copil, fiche.id, { resume: 'Revu en concertation' });
    await setCurrent(null);
    await patchFiche(animateur, fiche.id, { resume: 'Revu par l’animatrice' });
    const after = await report();
    expect(cellOf(after, concertation.id, 'elu').contributions.edition).toBe(
      before.contributions.edition + 1,
    );
    expect(cellOf(after, phase.id, 'elu').contributions.edition).toBe(0);
    expect(cellOf(after, phase.id, 'collectivite')).toMatchObject({
      personnes: 1,
      contributions: { edition: 1 },
    });
  });

  it('keeps the category a person had when contributing', async () => {
    const changed = await animateur.patch(p(`/membres/${ids.cotech}`), {
      categorie: 'association',
    });
    expect(changed.status).toBe(200);
    try {
      await patchFiche(cotech, fiche.id, { resume: 'Revu comme association' });
    } finally {
      await animateur.patch(p(`/membres/${ids.cotech}`), { categorie: 'etat' });
    }
    const after = await report();
    expect(cellOf(after, phase.id, 'association').contributions.edition).toBe(1);
    expect(cellOf(after, phase.id, 'etat').contributions.edition).toBe(2);
    // One person in two categories: counted once in the phase's total.
    expect(rowOf(after, phase.id).total).toMatchObject({ personnes: 3, totalContributions: 5 });
  });

  it('keeps the contributions of a deleted phase in the report, outside any phase', async () => {
    const extra = await newPhase({ type: 'evaluation', libelle: 'Phase éphémère' });
    await setCurrent(extra.id);
    await newFiche(animateur, 'Fiche éphémère');
    await setCurrent(null);
    const before = await report();
    expect(rowOf(before, extra.id).total.totalContributions).toBe(1);
    const horsPhase = rowOf(before, null)?.total.totalContributions ?? 0;
    expect((await animateur.delete(p(`/phases/${extra.id}`))).status).toBe(204);
    const after = await report();
    expect(rowOf(after, extra.id)).toBeUndefined();
    expect(rowOf(after, null).total.totalContributions).toBe(horsPhase + 1);
    expect(after.total.totalContributions).toBe(before.total.totalContributions);
  });

  describe('events and attendance', () => {
    let atelier: any;
    let reunion: any;

    it('records named participants and public-meeting counts, and the report adds them up', async () => {
      const created = await animateur.post(p('/evenements'), {
        phaseId: phase.id,
        type: 'atelier',
        titre: 'Atelier mobilités',
        date: shift(today(), 3),
        heure: '18:00',
        lieu: 'Saint-Varent',
        organisateur: 'Équipe projet',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      atelier = created.body;
      expect(atelier).toMatchObject({ presents: { nommes: 0, comptes: 0 }, description: '' });

      const named = await animateur.request('PUT', p(`/evenements/${atelier.id}/presences`), {
        participants: [
          { userId: ids.copil },
          { userId: ids.habitant },
          { nom: 'Jeanne Martin', categorie: 'association' },
        ],
      });
      expect(named.status, JSON.stringify(named.body)).toBe(200);
      expect(named.body.participants).toEqual([
        { userId: ids.copil, nom: 'Bernard Giraud', categorie: 'elu' },
        { userId: ids.habitant, nom: 'Julie Rousseau', categorie: 'habitant' },
        { userId: null, nom: 'Jeanne Martin', categorie: 'association' },
      ]);

      reunion = (
        await animateur.post(p('/evenements'), {
          phaseId: phase.id,
          type: 'reunion_publique',
          titre: 'Réunion publique mobilités',
          date: shift(today(), 10),
        })
      ).body;
      const counted = await animateur.request('PUT', p(`/evenements/${reunion.id}/presences`), {
        participants: [
          { userId: ids.animateur },
          { nom: '  jeanne  MARTIN ', categorie: 'association' },
        ],
        comptages: [
          { categorie: 'habitant', nombre: 40 },
          { categorie: 'elu', nombre: 3 },
          { categorie: 'entreprise', nombre: 0 },
        ],
      });
      expect(counted.status, JSON.stringify(counted.body)).toBe(200);
      expect(counted.body.comptages).toEqual([
        { categorie: 'elu', nombre: 3 },
        { categorie: 'habitant', nombre: 40 },
      ]);

      const rapport = await report();
      const row = rowOf(rapport, phase.id);
      expect(row.evenements).toBe(2);
      expect(cellOf(rapport, phase.id, 'habitant')).toMatchObject({
        personnes: 1,
        presentsNommes: 1,
        presentsComptes: 40,
        totalContributions: 0,
      });
      // Jeanne Martin came twice: one person, two named attendances.
      expect(cellOf(rapport, phase.id, 'association')).toMatchObject({
        personnes: 2,
        presentsNommes: 2,
      });
      expect(cellOf(rapport, phase.id, 'elu')).toMatchObject({
        personnes: 1,
        presentsNommes: 1,
        presentsComptes: 3,
      });
      // Contributors (3) + the resident + the guest; the copil already contributed.
      expect(row.total).toMatchObject({
        personnes: 5,
        presentsNommes: 5,
        presentsComptes: 43,
      });
    });

    it('replaces the attendance on every save', async () => {
      const again = await animateur.request('PUT', p(`/evenements/${atelier.id}/presences`), {
        participants: [
          { userId: ids.copil },
          { userId: ids.habitant },
          { nom: 'Jeanne Martin', categorie: 'association' },
        ],
      });
      expect(again.body.participants).toHaveLength(3);
      const listed = (await animateur.get(p(`/evenements?phaseId=${phase.id}`))).body.items;
      expect(listed.map((e: any) => [e.titre, e.presents])).toEqual([
        ['Atelier mobilités', { nommes: 3, comptes: 0 }],
        ['Réunion publique mobilités', { nommes: 2, comptes: 43 }],
      ]);
    });

    it('shows names to the committees only; the public reads events and counts', async () => {
      const path = p(`/evenements/${atelier.id}/presences`);
      for (const reader of [animateur, copil, cotech]) {
        expect((await reader.get(path)).body.participants).toHaveLength(3);
      }
      expectError(await partenaire.get(path), 403, 'forbidden');
      expectError(await habitant.get(path), 403, 'forbidden');
      expectError(await anonyme.get(path), 401, 'unauthenticated');

      const upcoming = await anonyme.get(p('/evenements?periode=a_venir'));
      expect(upcoming.status).toBe(200);
      const titles = upcoming.body.items.map((e: any) => e.titre);
      expect(titles).toEqual(
        expect.arrayContaining(['Atelier mobilités', 'Réunion publique mobilités']),
      );
      expect(titles).not.toContain('Réunion publique de lancement de la concertation');
      for (const e of upcoming.body.items) expect(e.date >= today()).toBe(true);
      const past = (await anonyme.get(p('/evenements?periode=passes'))).body.items;
      expect(past.map((e: any) => e.titre)).toContain(
        'Réunion publique de lancement de la concertation',
      );
      expect(past.every((e: any) => e.date < today())).toBe(true);

      const publicReport = await anonyme.get(p('/participation'));
      expect(publicReport.status).toBe(200);
      expect(cellOf(publicReport.body, phase.id, 'habitant').presentsComptes).toBe(40);
      const everything = JSON.stringify([publicReport.body, upcoming.body, past]);
      for (const name of ['Jeanne Martin', 'Julie Rousseau', 'Bernard Giraud']) {
        expect(everything).not.toContain(name);
      }
    });

    it('moves an event to another phase with its attendance', async () => {
      const other = await newPhase({ type: 'concertation', libelle: 'Autre phase' });
      const moved = await animateur.patch(p(`/evenements/${atelier.id}`), { phaseId: other.id });
      expect(moved.body).toMatchObject({ phaseId: other.id, presents: { nommes: 3 } });
      const rapport = await report();
      expect(rowOf(rapport, other.id)).toMatchObject({
        evenements: 1,
        total: { presentsNommes: 3 },
      });
      expect(rowOf(rapport, phase.id).evenements).toBe(1);
      await animateur.patch(p(`/evenements/${atelier.id}`), { phaseId: phase.id });
      expect((await animateur.delete(p(`/phases/${other.id}`))).status).toBe(204);
    });
  });

  describe('exports', () => {
    it('writes the report as a French spreadsheet CSV, formulas disarmed', async () => {
      const named = await animateur.patch(p(`/phases/${phase.id}`), {
        libelle: '=HYPERLINK("http://exemple.fr")',
      });
      expect(named.status).toBe(200);
      try {
        const file = await animateur.download(p('/participation/export?format=csv'));
        expect(file.status).toBe(200);
        expect(file.headers.get('content-type')).toContain('text/csv');
        expect(file.headers.get('content-disposition')).toContain(
          'participation-crte-thouarsais.csv',
        );
        expect(file.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        const lines = file.bytes.toString('utf8').slice(1).split('\r\n');
        expect(lines[0]).toBe(
          'Phase;Début;Fin;Catégorie;Événements;Personnes;Fiches créées;Modifications;Commentaires;Propositions;Votes;Contributions;Présents nommés;Présents comptés',
        );
        const rapport = await report();
        const t = rowOf(rapport, phase.id).total;
        const total = lines.find((l) => l.includes('HYPERLINK') && l.includes('Toutes catégories'));
        expect(total).toBe(
          `"'=HYPERLINK(""http://exemple.fr"")";${today()};;Toutes catégories;2;` +
            `${t.personnes};${t.contributions.fiche};${t.contributions.edition};0;0;0;` +
            `${t.totalContributions};${t.presentsNommes};${t.presentsComptes}`,
        );
        const g = rapport.total;
        expect(lines.at(-2)).toBe(
          `Ensemble du contrat;;;Toutes catégories;${g.evenements};${g.personnes};` +
            `${g.contributions.fiche};${g.contributions.edition};0;0;0;${g.totalContributions};` +
            `${g.presentsNommes};${g.presentsComptes}`,
        );
      } finally {
        await animateur.patch(p(`/phases/${phase.id}`), { libelle: 'Animation de test' });
      }
    });

    it('writes a PDF whose text holds the counts, readable by the public', async () => {
      const file = await anonyme.download(p('/participation/export?format=pdf'));
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = (await pdfText(file.bytes)).join(' ');
      const rapport = await report();
      const t = rapport.total;
      expect(text).toContain('Rapport de participation');
      expect(text).toContain('CRTE du Thouarsais');
      expect(text).toContain(
        `Personnes : ${t.personnes} · Contributions : ${t.totalContributions} · ` +
          `Présents nommés : ${t.presentsNommes} · Présents comptés : ${t.presentsComptes} · ` +
          `Événements : ${t.evenements}`,
      );
      expect(text).toContain('Contributions et présences par phase');
      // The phase's table: the resident row, then the phase total, figures in column order.
      const row = rowOf(rapport, phase.id);
      const h = cellOf(rapport, phase.id, 'habitant');
      expect(text).toContain(
        `Habitant·e ${h.personnes} 0 0 0 0 0 0 ${h.presentsNommes} ${h.presentsComptes}`,
      );
      const r = row.total;
      expect(text).toContain('Animation de test');
      expect(text).toContain(
        `Toutes catégories ${r.personnes} ${r.contributions.fiche} ${r.contributions.edition} 0 0 0 ` +
          `${r.totalContributions} ${r.presentsNommes} ${r.presentsComptes}`,
      );
      expect(text).not.toContain('Jeanne Martin');
    });

    it('writes the PDF in English when asked', async () => {
      const english = new ApiClient(app.url, { 'accept-language': 'en' });
      const file = await english.download(p('/participation/export?format=pdf'));
      const text = (await pdfText(file.bytes)).join(' ');
      expect(text).toContain('Participation report');
      expect(text).toContain('Contributions and attendance per phase');
    });
  });
});

describe('bad input changes nothing', () => {
  let phase: any;
  let atelier: any;
  let reunion: any;
  let outsiderId: string;

  beforeAll(async () => {
    phase = await newPhase({
      type: 'evaluation',
      libelle: 'Phase des erreurs',
      dateDebut: '2030-01-01',
    });
    atelier = (
      await animateur.post(p('/evenements'), {
        phaseId: phase.id,
        type: 'atelier',
        titre: 'Atelier des erreurs',
        date: '2030-02-01',
      })
    ).body;
    reunion = (
      await animateur.post(p('/evenements'), {
        phaseId: phase.id,
        type: 'reunion_publique',
        titre: 'Réunion des erreurs',
        date: '2030-02-02',
      })
    ).body;
    await animateur.request('PUT', p(`/evenements/${reunion.id}/presences`), {
      comptages: [{ categorie: 'habitant', nombre: 12 }],
    });
    const bocage = await signedIn(app.url, BOCAGE_ANIMATEUR);
    outsiderId = (await bocage.get('/api/v1/me')).body.id;
  });

  async function state() {
    const { genereLe: _, ...rapport } = await report();
    return {
      phases: await phases(),
      evenements: (await animateur.get(p('/evenements'))).body,
      atelier: (await animateur.get(p(`/evenements/${atelier.id}/presences`))).body,
      reunion: (await animateur.get(p(`/evenements/${reunion.id}/presences`))).body,
      rapport,
    };
  }

  const attempts: [string, () => Promise<any>, number, ErrorCode][] = [
    [
      'a phase ending before it starts',
      () =>
        animateur.post(p('/phases'), {
          type: 'concertation',
          dateDebut: '2024-05-01',
          dateFin: '2024-04-01',
        }),
      400,
      'invalid_period',
    ],
    [
      'an end date before the phase’s start',
      () =>
        animateur.patch(p(`/phases/${phase.id}`), { dateFin: '2029-12-31', libelle: 'Renommée' }),
      400,
      'invalid_period',
    ],
    [
      'an unknown kind of phase',
      () => animateur.post(p('/phases'), { type: 'fete' }),
      400,
      'validation_failed',
    ],
    [
      'a phase with an unknown field',
      () => animateur.post(p('/phases'), { type: 'pilotage', couranteManuelle: true }),
      400,
      'validation_failed',
    ],
    [
      'a current phase that is not the contract’s',
      () =>
        animateur.request('PUT', p('/phase-courante'), {
          phaseId: '00000000-0000-4000-8000-000000000000',
        }),
      400,
      'validation_failed',
    ],
    [
      'an unknown phase',
      () => animateur.patch(p('/phases/00000000-0000-4000-8000-000000000000'), { libelle: 'x' }),
      404,
      'not_found',
    ],
    [
      'deleting a phase that holds events',
      () => animateur.delete(p(`/phases/${phase.id}`)),
      409,
      'phase_has_evenements',
    ],
    [
      'an event in a phase of no contract',
      () =>
        animateur.post(p('/evenements'), {
          phaseId: '00000000-0000-4000-8000-000000000000',
          type: 'atelier',
          titre: 'Atelier perdu',
          date: '2030-03-01',
        }),
      400,
      'validation_failed',
    ],
    [
      'an event at 25:00',
      () =>
        animateur.post(p('/evenements'), {
          phaseId: phase.id,
          type: 'atelier',
          titre: 'Atelier de nuit',
          date: '2030-03-01',
          heure: '25:00',
        }),
      400,
      'validation_failed',
    ],
    [
      'counts at a workshop',
      () =>
        animateur.request('PUT', p(`/evenements/${atelier.id}/presences`), {
          participants: [{ userId: ids.copil }],
          comptages: [{ categorie: 'habitant', nombre: 10 }],
        }),
      400,
      'comptage_non_autorise',
    ],
    [
      'turning a counted public meeting into a workshop',
      () => animateur.patch(p(`/evenements/${reunion.id}`), { type: 'atelier', titre: 'Renommé' }),
      400,
      'comptage_non_autorise',
    ],
    [
      'a participant who is not a member',
      () =>
        animateur.request('PUT', p(`/evenements/${atelier.id}/presences`), {
          participants: [{ userId: ids.copil }, { userId: outsiderId }],
        }),
      400,
      'validation_failed',
    ],
    [
      'the same member twice',
      () =>
        animateur.request('PUT', p(`/evenements/${atelier.id}/presences`), {
          participants: [{ userId: ids.copil }, { userId: ids.copil }],
        }),
      400,
      'validation_failed',
    ],
    [
      'a negative count',
      () =>
        animateur.request('PUT', p(`/evenements/${reunion.id}/presences`), {
          comptages: [{ categorie: 'habitant', nombre: -3 }],
        }),
      400,
      'validation_failed',
    ],
    [
      'a guest without a category',
      () =>
        animateur.request('PUT', p(`/evenements/${atelier.id}/presences`), {
          participants: [{ nom: 'Sans catégorie' }],
        }),
      400,
      'validation_failed',
    ],
    [
      'an unknown export format',
      () => animateur.get(p('/participation/export?format=docx')),
      400,
      'validation_failed',
    ],
    [
      'an unknown period',
      () => animateur.get(p('/evenements?periode=hier')),
      400,
      'validation_failed',
    ],
  ];

  it.each(attempts)('refuses %s', async (_label, attempt, status, code) => {
    const before = await state();
    expectError(await attempt(), status, code);
    expect(await state()).toEqual(before);
  });

  it('names the offending participant', async () => {
    const reply = await animateur.request('PUT', p(`/evenements/${atelier.id}/presences`), {
      participants: [{ userId: ids.copil }, { userId: outsiderId }],
    });
    expect(reply.body.error.details).toEqual([
      { path: 'participants.1.userId', message: expect.stringContaining('membre') },
    ]);
  });

  it('keeps another contract’s events out of reach', async () => {
    const bocage = await signedIn(app.url, BOCAGE_ANIMATEUR);
    const path = contratPath(BOCAGE, `/evenements/${atelier.id}`);
    expectError(await bocage.patch(path, { titre: 'Détourné' }), 404, 'not_found');
    expectError(await bocage.get(`${path}/presences`), 404, 'not_found');
    expect((await animateur.get(p(`/evenements?phaseId=${phase.id}`))).body.items[0].titre).toBe(
      'Atelier des erreurs',
    );
  });
});
