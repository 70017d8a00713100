import { ROLES } from '@trame/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { documentVersions } from '../../server/src/db/schema.js';
import { loadDocument } from '../../server/src/realtime/persistence.js';
import { startApp, type TestApp } from '../support/app.js';
import {
  BOCAGE_ANIMATEUR,
  contratPath,
  DEMO,
  expectError,
  THOUARSAIS,
} from '../support/fixtures/trame.js';
import { type ApiClient, signedIn } from '../support/http.js';
import { Mailbox } from '../support/mailbox.js';
import { connectY, synced, until, type YClient } from '../support/yjs.js';

let app: TestApp;
const sink = new Mailbox();
const people = new Map<string, ApiClient>();
const yClients: YClient[] = [];
let thouarsaisId: string;
let partenaireId: string;
/** A fiche with financing lines, carried by nobody. */
let ficheA: any;
/** A fiche the partner carries. */
let ficheP: any;
/** A public fiche the partner does not carry. */
let ficheQ: any;
let copil: { id: string };
let cotech: { id: string };

const p = (rest = '') => contratPath(THOUARSAIS, rest);
const fichePath = (id: string, rest = '') => `/api/v1/fiches/${id}${rest}`;
const as = (who: string) => people.get(who)!;
const animateur = () => as('animateur');

async function created(who: string, path: string, body: unknown): Promise<any> {
  const reply = await as(who).post(path, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

const newSeance = (instanceId: string, date: string, extra: Record<string, unknown> = {}) =>
  created('animateur', p('/seances'), { instanceId, date, ...extra });

beforeAll(async () => {
  const smtpUrl = await sink.start();
  app = await startApp({ env: { SMTP_URL: smtpUrl, RATE_LIMIT_PER_MINUTE: '100000' } });
  for (const [role, email] of Object.entries(DEMO))
    people.set(role, await signedIn(app.url, email));
  people.set('bocage', await signedIn(app.url, BOCAGE_ANIMATEUR));
  thouarsaisId = (await animateur().get(p())).body.id;
  partenaireId = (await as('partenaire').get('/api/v1/me')).body.id;

  const all = (await animateur().get(p('/fiches?limit=200'))).body.items;
  // Fiches no décision speaks of yet (the demo seed gives avis on some).
  const full = (
    await Promise.all(
      all.map(async (f: any) => ({
        ...(
          await animateur().get(fichePath(f.id))
        ).body,
        decisions: (await animateur().get(fichePath(f.id, '/decisions'))).body.total,
      })),
    )
  ).filter((f) => f.decisions === 0);
  ficheA = full.find(
    (f) => !f.porteur && f.financements.length >= 2 && f.maturite !== 'abandonnee',
  );
  delete ficheA.decisions;
  ficheP = full.find((f) => f.porteur?.id === partenaireId);
  ficheQ = full.find((f) => f.public && f.porteur?.id !== partenaireId && f.id !== ficheA.id);
  expect([ficheA, ficheP, ficheQ].every(Boolean)).toBe(true);

  copil = await created('animateur', p('/instances'), {
    type: 'comite_pilotage',
    nom: 'Comité de pilotage de test',
  });
  cotech = await created('animateur', p('/instances'), {
    type: 'comite_technique',
    nom: 'Comité technique de test',
  });
});
afterEach(() => {
  for (const client of yClients.splice(0)) client.destroy();
});
afterAll(async () => {
  await app?.close();
  await sink.close();
});

describe('instances and their composition', () => {
  it('adds members of the contract and invited people, keeps who left in the history', async () => {
    const copilUser = (await as('copil').get('/api/v1/me')).body.id;
    let view = await created('animateur', p(`/instances/${copil.id}/membres`), {
      userId: copilUser,
      depuis: '2024-01-15',
    });
    view = await created('animateur', p(`/instances/${copil.id}/membres`), {
      nom: 'Hélène Martin',
      email: 'helene.martin@deux-sevres.gouv.fr',
      categorie: 'etat',
      depuis: '2024-01-15',
    });
    expect(view.membres.map((m: any) => [m.nom, m.categorie])).toEqual([
      ['Bernard Giraud', 'elu'],
      ['Hélène Martin', 'etat'],
    ]);

    // Twice the same person, or someone outside the contract: refused, nothing written.
    expectError(
      await animateur().post(p(`/instances/${copil.id}/membres`), { userId: copilUser }),
      409,
      'deja_membre_instance',
    );
    const bocageUser = (await as('bocage').get('/api/v1/me')).body.id;
    expectError(
      await animateur().post(p(`/instances/${copil.id}/membres`), { userId: bocageUser }),
      400,
      'validation_failed',
    );

    // Hélène Martin leaves, then comes back: two rows in the history, one in office.
    const helene = view.membres.find((m: any) => m.nom === 'Hélène Martin');
    const left = await animateur().post(p(`/instances/${copil.id}/membres/${helene.id}/depart`), {
      jusquA: '2024-12-31',
    });
    expect(left.status).toBe(200);
    expect(left.body.membres.map((m: any) => m.nom)).toEqual(['Bernard Giraud']);
    expectError(
      await animateur().post(p(`/instances/${copil.id}/membres/${helene.id}/depart`), {}),
      409,
      'membre_instance_parti',
    );
    view = await created('animateur', p(`/instances/${copil.id}/membres`), {
      nom: 'Hélène Martin',
      email: 'helene.martin@deux-sevres.gouv.fr',
      categorie: 'etat',
      depuis: '2025-02-01',
    });
    expect(view.historique.map((m: any) => [m.nom, m.depuis, m.jusquA])).toEqual([
      ['Bernard Giraud', '2024-01-15', null],
      ['Hélène Martin', '2024-01-15', '2024-12-31'],
      ['Hélène Martin', '2025-02-01', null],
    ]);
    expect(view.membres).toHaveLength(2);

    const cotechUser = (await as('cotech').get('/api/v1/me')).body.id;
    await created('animateur', p(`/instances/${cotech.id}/membres`), {
      userId: cotechUser,
      depuis: '2024-01-15',
    });
  });
});

describe('séances: agenda, convocation, attendance', () => {
  it('sends the convocation with the agenda to the members in office', async () => {
    const seance = await newSeance(copil.id, '2025-05-15', {
      heure: '10:00',
      lieu: 'Thouars, salle du conseil communautaire',
      ordreDuJour: [
        { titre: 'Approbation du compte rendu précédent' },
        { titre: `Avancement : ${ficheA.titre}`, ficheId: ficheA.id },
      ],
    });
    expect(seance.ordreDuJour.map((pt: any) => [pt.ordre, pt.fiche?.id ?? null])).toEqual([
      [1, null],
      [2, ficheA.id],
    ]);
    const sent = await animateur().post(p(`/seances/${seance.id}/convocation`));
    expect(sent.status).toBe(200);
    expect(sent.body.envoyees).toBe(2);
    for (const address of [DEMO.copil, 'helene.martin@deux-sevres.gouv.fr']) {
      const mail = sink.lastTo(address);
      expect(mail.subject).toContain('Convocation : Comité de pilotage de test');
      expect(mail.text).toContain('jeudi 15 mai 2025 à 10 h 00');
      expect(mail.text).toContain('1. Approbation du compte rendu précédent');
      expect(mail.text).toContain(`2. Avancement : ${ficheA.titre}`);
      expect(mail.text).toContain(`/gouvernance/seances/${seance.id}`);
    }
    expect(sink.messagesTo(DEMO.cotech)).toHaveLength(0);
    expect((await animateur().get(p(`/seances/${seance.id}`))).body.convoqueeLe).toEqual(
      expect.any(String),
    );
  });

  it('refuses an agenda item pointing outside the contract, writing nothing', async () => {
    const before = (await animateur().get(p('/seances'))).body.total;
    const reply = await animateur().post(p('/seances'), {
      instanceId: copil.id,
      date: '2025-05-20',
      ordreDuJour: [{ titre: 'Fiche inconnue', ficheId: '00000000-0000-4000-8000-000000000000' }],
    });
    expectError(reply, 400, 'validation_failed');
    expect(reply.body.error.details[0].path).toBe('ordreDuJour.0.ficheId');
    expect((await animateur().get(p('/seances'))).body.total).toBe(before);
  });

  it('records attendance in the participation of the phase covering the séance', async () => {
    const seance = await newSeance(copil.id, '2025-05-22');
    const phases = (await animateur().get(p('/phases'))).body.items;
    const evenement = (await animateur().get(p('/evenements'))).body.items.find(
      (e: any) => e.id === seance.evenementId,
    );
    expect(evenement).toMatchObject({ type: 'seance', date: '2025-05-22' });
    expect(phases.find((ph: any) => ph.id === evenement.phaseId).type).toBe('mise_en_oeuvre');

    const copilUser = (await as('copil').get('/api/v1/me')).body.id;
    const reply = await animateur().request('PUT', p(`/seances/${seance.id}/presences`), {
      participants: [{ userId: copilUser }, { nom: 'Hélène Martin', categorie: 'etat' }],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.presents.map((x: any) => [x.nom, x.categorie])).toEqual([
      ['Bernard Giraud', 'elu'],
      ['Hélène Martin', 'etat'],
    ]);
    const presences = await animateur().get(p(`/evenements/${seance.evenementId}/presences`));
    expect(presences.body.participants.map((x: any) => x.nom)).toEqual([
      'Bernard Giraud',
      'Hélène Martin',
    ]);

    // Counting per category is for public meetings only: refused by participation, unchanged.
    expectError(
      await animateur().request('PUT', p(`/seances/${seance.id}/presences`), {
        comptages: [{ categorie: 'habitant', nombre: 12 }],
      }),
      400,
      'comptage_non_autorise',
    );
    expect(
      (await animateur().get(p(`/evenements/${seance.evenementId}/presences`))).body.participants,
    ).toHaveLength(2);

    // Outside every phase of the contract there is nowhere to record it.
    const early = await newSeance(copil.id, '2019-06-01');
    expect(early.evenementId).toBeNull();
    expectError(
      await animateur().request('PUT', p(`/seances/${early.id}/presences`), {
        participants: [{ userId: copilUser }],
      }),
      409,
      'seance_hors_phase',
    );

    // A cancelled séance takes its event (and its attendance) out of the participation.
    const cancelled = await animateur().patch(p(`/seances/${seance.id}`), { statut: 'annulee' });
    expect(cancelled.body).toMatchObject({ statut: 'annulee', evenementId: null, presents: [] });
    const events = (await animateur().get(p('/evenements'))).body.items.map((e: any) => e.id);
    expect(events).not.toContain(seance.evenementId);
  });
});

describe('décisions', () => {
  let seanceCopil: any;
  let seanceCotech: any;

  beforeAll(async () => {
    seanceCopil = await newSeance(copil.id, '2025-06-10');
    seanceCotech = await newSeance(cotech.id, '2025-06-02');
  });

  const reallocation = () => {
    const [first] = ficheA.financements;
    return {
      type: 'mesure_rectificative',
      mesure: 'reallouer',
      ficheId: ficheA.id,
      modifications: [{ ligneId: first.id, montantCents: first.montantCents - 1_000_000 }],
      ajouts: [{ source: 'detr', montantCents: 1_000_000, annee: first.annee + 1 }],
      motifs: 'Report d’une partie des travaux sur l’exercice suivant.',
    };
  };

  it('refuses a steering-committee décision on a fiche without an avis technique', async () => {
    const history = (await animateur().get(fichePath(ficheA.id, '/historique'))).body.total;
    expectError(
      await as('copil').post(p(`/seances/${seanceCopil.id}/decisions`), reallocation()),
      409,
      'avis_technique_requis',
    );
    const after = (await animateur().get(fichePath(ficheA.id))).body;
    expect(after.financements).toEqual(ficheA.financements);
    expect((await animateur().get(fichePath(ficheA.id, '/historique'))).body.total).toBe(history);
    expect((await animateur().get(fichePath(ficheA.id, '/decisions'))).body.items).toEqual([]);
  });

  it('takes avis only in the comité technique, with reasons', async () => {
    expectError(
      await as('cotech').post(p(`/seances/${seanceCopil.id}/avis`), {
        ficheId: ficheA.id,
        avis: 'favorable',
        motifs: 'Dossier complet.',
      }),
      409,
      'decision_non_autorisee',
    );
    expectError(
      await as('cotech').post(p(`/seances/${seanceCotech.id}/avis`), {
        ficheId: ficheA.id,
        avis: 'favorable',
      }),
      400,
      'validation_failed',
    );
    expectError(
      await as('cotech').post(p(`/seances/${seanceCotech.id}/decisions`), reallocation()),
      403,
      'forbidden',
    );
    const avis = await created('cotech', p(`/seances/${seanceCotech.id}/avis`), {
      ficheId: ficheA.id,
      avis: 'favorable_reserves',
      motifs: 'Plan de financement à consolider avant l’engagement des travaux.',
    });
    expect(avis).toMatchObject({
      type: 'avis_technique',
      avis: 'favorable_reserves',
      fiche: { id: ficheA.id },
      seance: { id: seanceCotech.id, instance: { type: 'comite_technique' } },
    });
  });

  it('applies a reallocation to the financing lines, recorded in the fiche history', async () => {
    expectError(
      await as('copil').post(p(`/seances/${seanceCotech.id}/decisions`), reallocation()),
      409,
      'decision_non_autorisee',
    );
    const [first] = ficheA.financements;
    const decision = await created(
      'copil',
      p(`/seances/${seanceCopil.id}/decisions`),
      reallocation(),
    );
    expect(decision).toMatchObject({ type: 'mesure_rectificative', mesure: 'reallouer' });
    expect(decision.changements.avant).toHaveLength(ficheA.financements.length);
    expect(decision.changements.apres).toHaveLength(ficheA.financements.length + 1);

    const after = (await animateur().get(fichePath(ficheA.id))).body;
    expect(after.financements.find((l: any) => l.id === first.id).montantCents).toBe(
      first.montantCents - 1_000_000,
    );
    expect(after.financements).toContainEqual(
      expect.objectContaining({ source: 'detr', montantCents: 1_000_000, annee: first.annee + 1 }),
    );
    const history = (await animateur().get(fichePath(ficheA.id, '/historique'))).body.items;
    const moves = history.filter((h: any) => h.evenement === 'financement');
    expect(moves).toContainEqual(
      expect.objectContaining({
        avant: expect.objectContaining({ montantCents: first.montantCents }),
        apres: expect.objectContaining({ montantCents: first.montantCents - 1_000_000 }),
      }),
    );
    expect(moves).toContainEqual(
      expect.objectContaining({ avant: null, apres: expect.objectContaining({ source: 'detr' }) }),
    );

    const decisions = (await animateur().get(fichePath(ficheA.id, '/decisions'))).body.items;
    expect(decisions.map((d: any) => d.type)).toEqual(['avis_technique', 'mesure_rectificative']);
  });

  it('rolls back the whole reallocation when one line is wrong', async () => {
    const before = (await animateur().get(fichePath(ficheA.id))).body;
    const reply = await as('copil').post(p(`/seances/${seanceCopil.id}/decisions`), {
      ...reallocation(),
      modifications: [{ ligneId: before.financements[0].id, montantCents: 1 }],
      ajouts: [{ source: 'source_inconnue', montantCents: 5, annee: 2025 }],
    });
    expectError(reply, 400, 'validation_failed');
    expect((await animateur().get(fichePath(ficheA.id))).body.financements).toEqual(
      before.financements,
    );
    expect((await animateur().get(fichePath(ficheA.id, '/decisions'))).body.total).toBe(2);
  });

  it('does not count an avis given after the steering committee met', async () => {
    const later = await newSeance(cotech.id, '2025-07-01');
    await created('cotech', p(`/seances/${later.id}/avis`), {
      ficheId: ficheQ.id,
      avis: 'defavorable',
      motifs: 'Le maître d’ouvrage n’a pas confirmé le calendrier.',
    });
    const stop = {
      type: 'mesure_rectificative',
      mesure: 'arreter',
      ficheId: ficheQ.id,
      motifs: 'Projet abandonné par la commune.',
    };
    expectError(
      await as('copil').post(p(`/seances/${seanceCopil.id}/decisions`), stop),
      409,
      'avis_technique_requis',
    );
    const july = await newSeance(copil.id, '2025-07-08');
    await created('copil', p(`/seances/${july.id}/decisions`), stop);
    expect((await animateur().get(fichePath(ficheQ.id))).body.maturite).toBe('abandonnee');
  });

  it('lets a partner read the décisions of the fiches it carries, and only those', async () => {
    await created('cotech', p(`/seances/${seanceCotech.id}/avis`), {
      ficheId: ficheP.id,
      avis: 'favorable',
      motifs: 'Projet mûr, financements acquis.',
    });
    const own = await as('partenaire').get(fichePath(ficheP.id, '/decisions'));
    expect(own.status).toBe(200);
    expect(own.body.items.map((d: any) => d.avis)).toEqual(['favorable']);
    expectError(await as('partenaire').get(fichePath(ficheQ.id, '/decisions')), 403, 'forbidden');
    expectError(await as('habitant').get(fichePath(ficheQ.id, '/decisions')), 403, 'forbidden');
    expectError(
      await as('partenaire').post(p(`/seances/${seanceCopil.id}/decisions`), reallocation()),
      403,
      'forbidden',
    );
    expectError(await as('partenaire').get(p('/seances')), 403, 'forbidden');
  });
});

describe('avenants', () => {
  const stateText = async (name: string, versionId: string) => {
    const reply = await animateur().get(`/api/v1/documents/${name}/versions/${versionId}`);
    expect(reply.status).toBe(200);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(reply.body.state, 'base64'));
    return doc.getText('texte').toString();
  };
  const storedText = async (name: string) => {
    const doc = new Y.Doc();
    const { snapshot, log } = await loadDocument(app.ctx.db, name);
    for (const update of [...(snapshot ? [snapshot] : []), ...log]) Y.applyUpdate(doc, update);
    return doc.getText('texte').toString();
  };
  const type = async (name: string, text: string) => {
    const client = connectY(app.url, name, { cookie: animateur().sessionCookie });
    yClients.push(client);
    await synced(client);
    client.text.insert(client.text.length, text);
    await until(async () => (await storedText(name)).endsWith(text), 'stored edit');
  };

  it('signing freezes versions of the projet and of the changed fiches; later edits leave them', async () => {
    const projet = `contrat:${thouarsaisId}:projet`;
    const recit = `fiche:${ficheA.id}`;
    await type(projet, 'Projet de territoire avant avenant. ');
    await type(recit, 'Récit avant avenant. ');

    const seance = await newSeance(copil.id, '2025-09-18');
    const evolution = await created('copil', p(`/seances/${seance.id}/decisions`), {
      type: 'evolution_contrat',
      objet: 'actions',
      description: 'Extension de l’opération à la commune de Louzy.',
      ficheIds: [ficheA.id],
    });
    const avis = (await animateur().get(fichePath(ficheA.id, '/decisions'))).body.items[0];
    expectError(
      await as('copil').post(p('/avenants'), {
        objet: 'Mauvais avenant',
        decisionIds: [avis.id],
      }),
      400,
      'validation_failed',
    );
    expectError(
      await as('cotech').post(p('/avenants'), { objet: 'Avenant', decisionIds: [evolution.id] }),
      403,
      'forbidden',
    );
    const avenant = await created('copil', p('/avenants'), {
      objet: 'Intégration des évolutions de septembre 2025',
      decisionIds: [evolution.id],
    });
    expect(avenant).toMatchObject({ signeLe: null, versions: [] });
    expect(avenant.fiches.map((f: any) => f.id)).toEqual([ficheA.id]);
    expectError(
      await as('copil').post(p('/avenants'), { objet: 'Doublon', decisionIds: [evolution.id] }),
      409,
      'decision_deja_dans_avenant',
    );
    // A draft is for the committees; residents see signed avenants only.
    expect((await as('habitant').get(p('/avenants'))).body.items).toEqual([]);

    const signed = await as('copil').post(p(`/avenants/${avenant.id}/signer`), {
      signeLe: '2025-10-02',
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const nom = `Avenant n°${avenant.numero}`;
    expect(signed.body.signeLe).toBe('2025-10-02');
    expect(signed.body.versions.map((v: any) => [v.document, v.nom]).sort()).toEqual(
      [
        [projet, nom],
        [recit, nom],
      ].sort(),
    );
    expectError(
      await as('copil').post(p(`/avenants/${avenant.id}/signer`), { signeLe: '2025-10-03' }),
      409,
      'avenant_signe',
    );
    const habitantView = (await as('habitant').get(p('/avenants'))).body.items;
    expect(habitantView.map((a: any) => a.numero)).toEqual([avenant.numero]);
    expect(
      (await animateur().get(fichePath(ficheA.id, '/decisions'))).body.items.find(
        (d: any) => d.id === evolution.id,
      ).avenant,
    ).toEqual({ id: avenant.id, numero: avenant.numero });

    const frozen = Object.fromEntries(
      signed.body.versions.map((v: any) => [v.document, v.id]),
    ) as Record<string, string>;
    const projetAtSigning = await stateText(projet, frozen[projet]!);
    const recitAtSigning = await stateText(recit, frozen[recit]!);
    expect(projetAtSigning).toContain('Projet de territoire avant avenant.');
    expect(recitAtSigning).toContain('Récit avant avenant.');

    await type(projet, 'Ajout après la signature. ');
    await type(recit, 'Suite du récit après la signature. ');
    expect(await stateText(projet, frozen[projet]!)).toBe(projetAtSigning);
    expect(await stateText(recit, frozen[recit]!)).toBe(recitAtSigning);
    expect(await storedText(recit)).toContain('Suite du récit après la signature.');

    // Frozen: neither renamed, rewritten nor deleted, even straight in the database.
    await expect(
      app.ctx.db
        .update(documentVersions)
        .set({ nom: 'Version renommée' })
        .where(eq(documentVersions.id, frozen[recit]!)),
    ).rejects.toThrow();
    await expect(
      app.ctx.db.delete(documentVersions).where(eq(documentVersions.id, frozen[projet]!)),
    ).rejects.toThrow();
    const [still] = await app.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(documentVersions)
      .where(eq(documentVersions.avenantId, avenant.id));
    expect(still!.n).toBe(2);
  });
});

describe('the minutes of a séance, over the websocket', () => {
  const upgradeStatus = (name: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`${app.url.replace('http', 'ws')}/yjs/${name}`, {
        headers: { origin: app.url, ...headers },
      });
      socket.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        socket.terminate();
      });
      socket.on('open', () => {
        resolve(101);
        socket.close();
      });
      socket.on('error', (err) => {
        if (!String(err).includes('Unexpected server response')) reject(err);
      });
    });
  const storedText = async (name: string) => {
    const doc = new Y.Doc();
    const { snapshot, log } = await loadDocument(app.ctx.db, name);
    for (const update of [...(snapshot ? [snapshot] : []), ...log]) Y.applyUpdate(doc, update);
    return doc.getText('texte').toString();
  };

  it('opens for the contract’s members (committees edit, others read) and refuses anyone else', async () => {
    const seance = await newSeance(copil.id, '2025-11-20');
    const name = `seance:${seance.id}`;
    expect(seance.compteRendu).toBe(name);
    for (const role of ROLES) {
      expect(await upgradeStatus(name, { cookie: as(role).sessionCookie! }), role).toBe(101);
    }
    expect(await upgradeStatus(name, { cookie: as('bocage').sessionCookie! })).toBe(403);
    expect(await upgradeStatus(name)).toBe(401);
    expect(
      await upgradeStatus('seance:00000000-0000-4000-8000-000000000000', {
        cookie: as('cotech').sessionCookie!,
      }),
    ).toBe(404);

    const writer = connectY(app.url, name, { cookie: as('cotech').sessionCookie });
    const reader = connectY(app.url, name, { cookie: as('partenaire').sessionCookie });
    yClients.push(writer, reader);
    await Promise.all([synced(writer), synced(reader)]);
    writer.text.insert(0, 'Compte rendu : quorum atteint. ');
    await until(() => reader.text.toString().includes('quorum atteint'), 'reader sees the minutes');
    reader.text.insert(0, 'Ajout d’un lecteur. ');
    writer.text.insert(writer.text.length, 'Séance levée à 12 h.');
    await until(async () => (await storedText(name)).includes('Séance levée'), 'stored');
    expect(await storedText(name)).not.toContain('Ajout d’un lecteur');
  });
});
