import { ACTIONS, type Action, can, ROLES, type Role } from '@trame/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import {
  BOCAGE,
  BOCAGE_ANIMATEUR,
  contratPath,
  DEMO,
  expectError,
  joinByInvitation,
  THOUARSAIS,
} from '../support/fixtures/trame.js';
import { ApiClient, type Reply, signedIn } from '../support/http.js';
import { Mailbox } from '../support/mailbox.js';

/**
 * Every route of a contract, for every audience, against the shared permission matrix: what the
 * matrix grants succeeds, everything else is refused (401 anonymous, 404 when the contract cannot
 * even be read, 403 otherwise) and leaves the contract exactly as it was.
 */

let app: TestApp;
const sink = new Mailbox();
/** The Thouarsais animateur: prepares targets, cleans up, and reads the contract back. */
let admin: ApiClient;
/** The Bocage animateur: proposes cooperations to the Thouarsais. Not a Thouarsais member. */
let bocage: ApiClient;
const clients = new Map<string, ApiClient>();
let thouarsaisId: string;
/** An account outside the contract, added and removed around member-management attempts. */
let cible: { userId: string; email: string };

beforeAll(async () => {
  const smtpUrl = await sink.start();
  app = await startApp({
    env: { SMTP_URL: smtpUrl, RATE_LIMIT_PER_MINUTE: '100000', COMMENTAIRES_PAR_MINUTE: '100000' },
  });
  admin = await signedIn(app.url, DEMO.animateur);
  bocage = await signedIn(app.url, BOCAGE_ANIMATEUR);
  clients.set('animateur', admin);
  for (const role of ROLES.filter((r) => r !== 'animateur')) {
    clients.set(role, await signedIn(app.url, DEMO[role]));
  }
  clients.set('non-membre', bocage);
  clients.set('anonyme', new ApiClient(app.url));
  thouarsaisId = (await admin.get(contratPath(THOUARSAIS))).body.id;

  const email = 'cible.permissions@exemple.fr';
  const joined = await joinByInvitation(app.url, sink, admin, THOUARSAIS, {
    email,
    nom: 'Camille Cible',
  });
  cible = { userId: joined.userId, email };
  expect((await admin.delete(contratPath(THOUARSAIS, `/membres/${cible.userId}`))).status).toBe(
    204,
  );
});
afterAll(async () => {
  await app?.close();
  await sink.close();
});

interface Audience {
  name: string;
  /** The role in the Thouarsais contract; null for anyone who is not a member. */
  role: Role | null;
  anonymous: boolean;
}

const AUDIENCES: Audience[] = [
  ...ROLES.map((role) => ({ name: role, role, anonymous: false })),
  { name: 'non-membre', role: null, anonymous: false },
  { name: 'anonyme', role: null, anonymous: true },
];

interface Attempt {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** On success: checks the answer and what the animateur now reads. */
  verify: (reply: Reply, audience: Audience) => Promise<void> | void;
  /** On refusal, beyond the contract and its members being unchanged. */
  unchanged?: () => void;
  /** Removes whatever `prepare` created or the attempt left behind (runs as the animateur). */
  cleanup?: (reply: Reply) => Promise<void>;
}

interface RouteCase {
  action: Action;
  route: string;
  status: 200 | 201 | 204;
  /** What someone who cannot read the contract gets, when the URL names a fiche, not the contract. */
  notFound?: 'fiche_not_found';
  /** The route also needs an account: an anonymous visitor gets 401 where the public may act. */
  compte?: true;
  /** `audience`: who will try (a comment to edit is theirs); the animateur runs it. */
  prepare: (n: number, audience: Audience) => Promise<Attempt>;
}

const p = (rest = '') => contratPath(THOUARSAIS, rest);
const adminView = async () => (await admin.get(p())).body;

async function created(path: string, body: unknown): Promise<any> {
  const reply = await admin.post(path, body);
  expect(reply.status).toBe(201);
  return reply.body;
}

/** Deletes as the animateur something that may already be gone. */
async function remove(path: string): Promise<void> {
  const reply = await admin.delete(path);
  expect([204, 404]).toContain(reply.status);
}

const newSignataire = (n: number) =>
  created(p('/signataires'), { organisation: `Commune test ${n}`, type: 'commune' });
const newOrientation = (n: number) => created(p('/orientations'), { titre: `Orientation ${n}` });
const newContratLie = (n: number) =>
  created(p('/contrats-lies'), {
    type: 'contrat_de_ville',
    nom: `Contrat de ville ${n}`,
    articulation: 'integre',
    relationPerimetre: 'plus_restreint',
  });
const newCooperation = (n: number) =>
  created(p('/cooperations'), {
    nom: `Coopération ${n}`,
    type: 'mutualisation',
    partenaires: [{ nomExterne: 'Agglomération Saumur Val de Loire' }],
  });

/** A public fiche, so that refusals are about the action, not about reading the fiche. */
const newFiche = async (n: number, extra: Record<string, unknown> = {}) =>
  created(p('/fiches'), { titre: `Fiche ${n}`, public: true, ...extra });
const fiche = (id: string, rest = '') => `/api/v1/fiches/${id}${rest}`;
const adminFiche = async (id: string) => (await admin.get(fiche(id))).body;
const withLine = async (n: number) => {
  const made = await newFiche(n);
  const line = await admin.post(fiche(made.id, '/financements'), {
    source: 'dsil',
    montantCents: 10_000_00,
    annee: 2025,
  });
  expect(line.status).toBe(201);
  return line.body;
};

const FICHE_ROUTES: RouteCase[] = [
  {
    action: 'fiche.lire',
    route: 'GET /fiches/:id/historique',
    status: 200,
    notFound: 'fiche_not_found',
    prepare: async (n) => {
      const made = await newFiche(n);
      return {
        method: 'GET',
        path: fiche(made.id, '/historique'),
        verify: (reply) => {
          expect(reply.body.items.map((h: any) => h.evenement)).toEqual(['creation']);
        },
        cleanup: () => remove(fiche(made.id)),
      };
    },
  },
  {
    action: 'fiche.creer',
    route: 'POST /contrats/:id/fiches',
    status: 201,
    prepare: async (n) => ({
      method: 'POST',
      path: p('/fiches'),
      body: { titre: `Fiche créée ${n}` },
      verify: async (reply) => {
        expect(reply.body).toMatchObject({ titre: `Fiche créée ${n}`, type: 'projet' });
        expect((await adminFiche(reply.body.id)).titre).toBe(`Fiche créée ${n}`);
      },
      cleanup: async (reply) => {
        if (reply.body?.id) await remove(fiche(reply.body.id));
      },
    }),
  },
  {
    action: 'fiche.modifier',
    route: 'PATCH /fiches/:id',
    status: 200,
    notFound: 'fiche_not_found',
    prepare: async (n) => {
      const made = await newFiche(n);
      return {
        method: 'PATCH',
        path: fiche(made.id),
        body: { maturite: 'en_emergence' },
        verify: async () => {
          expect((await adminFiche(made.id)).maturite).toBe('en_emergence');
        },
        cleanup: () => remove(fiche(made.id)),
      };
    },
  },
  {
    action: 'fiche.modifier',
    route: 'POST /fiches/:id/financements',
    status: 201,
    notFound: 'fiche_not_found',
    prepare: async (n) => {
      const made = await newFiche(n);
      return {
        method: 'POST',
        path: fiche(made.id, '/financements'),
        body: { source: 'detr', montantCents: 5_000_00, annee: 2024, statut: 'acquis' },
        verify: async () => {
          expect((await adminFiche(made.id)).plan.acquisCents).toBe(5_000_00);
        },
        cleanup: () => remove(fiche(made.id)),
      };
    },
  },
  {
    action: 'fiche.modifier',
    route: 'PATCH /fiches/:id/financements/:ligneId',
    status: 200,
    notFound: 'fiche_not_found',
    prepare: async (n) => {
      const made = await withLine(n);
      const line = made.financements[0];
      return {
        method: 'PATCH',
        path: fiche(made.id, `/financements/${line.id}`),
        body: { statut: 'acquis' },
        verify: async () => {
          expect((await adminFiche(made.id)).financements[0].statut).toBe('acquis');
        },
        cleanup: () => remove(fiche(made.id)),
      };
    },
  },
  {
    action: 'fiche.modifier',
    route: 'DELETE /fiches/:id/financements/:ligneId',
    status: 200,
    notFound: 'fiche_not_found',
    prepare: async (n) => {
      const made = await withLine(n);
      const line = made.financements[0];
      return {
        method: 'DELETE',
        path: fiche(made.id, `/financements/${line.id}`),
        verify: async () => {
          expect((await adminFiche(made.id)).financements).toEqual([]);
        },
        cleanup: () => remove(fiche(made.id)),
      };
    },
  },
  {
    action: 'fiche.promouvoir',
    route: 'POST /fiches/:id/promouvoir',
    status: 200,
    notFound: 'fiche_not_found',
    prepare: async (n) => {
      const made = await newFiche(n, {
        maitreOuvrage: 'Commune de Louzy',
        coutCents: 50_000_00,
        dateDebut: '2025-01-01',
        dateFin: '2025-12-31',
      });
      await admin.post(fiche(made.id, '/financements'), {
        source: 'detr',
        montantCents: 20_000_00,
        annee: 2025,
      });
      return {
        method: 'POST',
        path: fiche(made.id, '/promouvoir'),
        verify: async () => {
          expect((await adminFiche(made.id)).type).toBe('action');
        },
        cleanup: () => remove(fiche(made.id)),
      };
    },
  },
  {
    action: 'fiche.supprimer',
    route: 'DELETE /fiches/:id',
    status: 204,
    notFound: 'fiche_not_found',
    prepare: async (n) => {
      const made = await newFiche(n);
      return {
        method: 'DELETE',
        path: fiche(made.id),
        verify: async () => {
          expectError(await admin.get(fiche(made.id)), 404, 'fiche_not_found');
        },
        cleanup: () => remove(fiche(made.id)),
      };
    },
  },
  {
    action: 'fiche.importer',
    route: 'POST /contrats/:id/fiches/import',
    status: 200,
    prepare: async (n) => ({
      method: 'POST',
      path: p('/fiches/import'),
      body: {
        format: 'csv',
        contenu: Buffer.from(`Titre;Maturité\r\nFiche importée ${n};Idée\r\n`).toString('base64'),
        correspondance: { Titre: 'titre', Maturité: 'maturite' },
      },
      verify: async (reply) => {
        expect(reply.body).toMatchObject({ importees: 1, erreurs: [] });
        const found = (await admin.get(p(`/fiches?q=${encodeURIComponent(`importée ${n}`)}`))).body;
        expect(found.items.map((f: any) => f.titre)).toEqual([`Fiche importée ${n}`]);
      },
      cleanup: async () => {
        const found = (await admin.get(p(`/fiches?q=${encodeURIComponent(`importée ${n}`)}`))).body;
        for (const item of found.items) await remove(fiche(item.id));
      },
    }),
  },
  {
    action: 'source.gerer',
    route: 'POST /contrats/:id/sources',
    status: 201,
    prepare: async (n) => ({
      method: 'POST',
      path: p('/sources'),
      body: { code: `fondation_test_${n}`, libelle: `Fondation ${n}` },
      verify: async () => {
        const sources = (await admin.get(p('/sources'))).body.items;
        expect(sources).toContainEqual({
          code: `fondation_test_${n}`,
          libelle: `Fondation ${n}`,
          reference: false,
        });
      },
    }),
  },
  {
    action: 'maquette.lire',
    route: 'GET /contrats/:id/maquettes/:annee',
    status: 200,
    prepare: async () => ({
      method: 'GET',
      path: p('/maquettes/2024'),
      verify: (reply) => {
        expect(reply.body.annee).toBe(2024);
        expect(reply.body.totalCents).toBeGreaterThan(0);
      },
    }),
  },
  {
    action: 'maquette.valider',
    route: 'POST /contrats/:id/maquettes/:annee/versions',
    status: 201,
    prepare: async (n) => ({
      method: 'POST',
      path: p('/maquettes/2024/versions'),
      body: { libelle: `Programmation ${n}`, valideeLe: '2024-06-30' },
      verify: async (reply) => {
        const versions = (await admin.get(p('/maquettes/2024/versions'))).body.items;
        expect(versions.map((v: any) => v.id)).toContain(reply.body.id);
      },
    }),
  },
];

const ROUTES: RouteCase[] = [
  // contrat.lire
  {
    action: 'contrat.lire',
    route: 'GET /contrats/:id',
    status: 200,
    prepare: async () => ({
      method: 'GET',
      path: p(),
      verify: (reply, audience) => {
        expect(reply.body).toMatchObject({
          id: thouarsaisId,
          slug: THOUARSAIS,
          monRole: audience.role,
        });
        expect(reply.body.perimetre.communes).toHaveLength(24);
        expect(reply.body.orientations.length).toBeGreaterThanOrEqual(4);
      },
    }),
  },
  {
    action: 'contrat.lire',
    route: 'GET /contrats/:id/orientations',
    status: 200,
    prepare: async () => ({
      method: 'GET',
      path: p('/orientations'),
      verify: (reply) => {
        expect(reply.body.total).toBe(reply.body.items.length);
        expect(reply.body.items.map((o: any) => o.numero)).toEqual([1, 2, 3, 4]);
        expect(reply.body.items[0].objectifs.map((o: any) => o.numero)).toEqual([1, 2, 3]);
      },
    }),
  },
  {
    action: 'contrat.lire',
    route: 'GET /contrats/:id/contrats-lies',
    status: 200,
    prepare: async () => ({
      method: 'GET',
      path: p('/contrats-lies'),
      verify: (reply) => {
        expect(reply.body.total).toBe(3);
        expect(reply.body.items.map((l: any) => l.type).sort()).toEqual([
          'contrat_local_sante',
          'petites_villes_de_demain',
          'territoires_industrie',
        ]);
      },
    }),
  },
  {
    action: 'contrat.lire',
    route: 'GET /contrats/:id/cooperations',
    status: 200,
    prepare: async () => ({
      method: 'GET',
      path: p('/cooperations'),
      verify: (reply) => {
        expect(reply.body.total).toBe(1);
        // Every reader sees the three parties by name; how far the unpublished Bocage can be
        // followed (its slug) depends on being a member, as contrats.test.ts checks.
        expect(reply.body.items[0].parties.map((x: any) => x.nom)).toEqual([
          'CRTE du Thouarsais',
          'CRTE du Bocage Bressuirais',
          'Agglomération Saumur Val de Loire',
        ]);
      },
    }),
  },

  // contrat.modifier
  {
    action: 'contrat.modifier',
    route: 'PATCH /contrats/:id',
    status: 200,
    prepare: async (n) => {
      const description = `Description révisée n°${n}`;
      return {
        method: 'PATCH',
        path: p(),
        body: { description },
        verify: async (reply) => {
          expect(reply.body.description).toBe(description);
          expect((await adminView()).description).toBe(description);
        },
      };
    },
  },
  {
    action: 'contrat.modifier',
    route: 'POST /contrats/:id/signataires',
    status: 201,
    prepare: async (n) => ({
      method: 'POST',
      path: p('/signataires'),
      body: { organisation: `Département ${n}`, type: 'departement' },
      verify: async (reply) => {
        expect(reply.body).toMatchObject({ organisation: `Département ${n}`, type: 'departement' });
        expect((await adminView()).signataires.map((s: any) => s.id)).toContain(reply.body.id);
      },
      cleanup: async (reply) => {
        if (reply.status === 201) await remove(p(`/signataires/${reply.body.id}`));
      },
    }),
  },
  {
    action: 'contrat.modifier',
    route: 'PATCH /contrats/:id/signataires/:signataireId',
    status: 200,
    prepare: async (n) => {
      const signataire = await newSignataire(n);
      return {
        method: 'PATCH',
        path: p(`/signataires/${signataire.id}`),
        body: { qualite: 'Maire' },
        verify: async (reply) => {
          expect(reply.body).toMatchObject({ id: signataire.id, qualite: 'Maire' });
          const found = (await adminView()).signataires.find((s: any) => s.id === signataire.id);
          expect(found.qualite).toBe('Maire');
        },
        cleanup: () => remove(p(`/signataires/${signataire.id}`)),
      };
    },
  },
  {
    action: 'contrat.modifier',
    route: 'DELETE /contrats/:id/signataires/:signataireId',
    status: 204,
    prepare: async (n) => {
      const signataire = await newSignataire(n);
      return {
        method: 'DELETE',
        path: p(`/signataires/${signataire.id}`),
        verify: async () => {
          expect((await adminView()).signataires.map((s: any) => s.id)).not.toContain(
            signataire.id,
          );
        },
        cleanup: () => remove(p(`/signataires/${signataire.id}`)),
      };
    },
  },

  // orientation.gerer
  {
    action: 'orientation.gerer',
    route: 'POST /contrats/:id/orientations',
    status: 201,
    prepare: async (n) => ({
      method: 'POST',
      path: p('/orientations'),
      body: { titre: `Orientation proposée ${n}` },
      verify: async (reply) => {
        expect(reply.body).toMatchObject({ numero: 5, titre: `Orientation proposée ${n}` });
        expect((await adminView()).orientations.at(-1).id).toBe(reply.body.id);
      },
      cleanup: async (reply) => {
        if (reply.status === 201) await remove(p(`/orientations/${reply.body.id}`));
      },
    }),
  },
  {
    action: 'orientation.gerer',
    route: 'PATCH /contrats/:id/orientations/:orientationId',
    status: 200,
    prepare: async (n) => {
      const orientation = await newOrientation(n);
      return {
        method: 'PATCH',
        path: p(`/orientations/${orientation.id}`),
        body: { titre: `Orientation renommée ${n}` },
        verify: async (reply) => {
          expect(reply.body).toMatchObject({
            id: orientation.id,
            titre: `Orientation renommée ${n}`,
          });
          expect((await adminView()).orientations.at(-1).titre).toBe(`Orientation renommée ${n}`);
        },
        cleanup: () => remove(p(`/orientations/${orientation.id}`)),
      };
    },
  },
  {
    action: 'orientation.gerer',
    route: 'DELETE /contrats/:id/orientations/:orientationId',
    status: 204,
    prepare: async (n) => {
      const orientation = await newOrientation(n);
      return {
        method: 'DELETE',
        path: p(`/orientations/${orientation.id}`),
        verify: async () => {
          expect((await adminView()).orientations.map((o: any) => o.id)).not.toContain(
            orientation.id,
          );
        },
        cleanup: () => remove(p(`/orientations/${orientation.id}`)),
      };
    },
  },
  {
    action: 'orientation.gerer',
    route: 'POST /contrats/:id/orientations/:orientationId/objectifs',
    status: 201,
    prepare: async (n) => {
      const orientation = await newOrientation(n);
      return {
        method: 'POST',
        path: p(`/orientations/${orientation.id}/objectifs`),
        body: { titre: `Objectif ${n}` },
        verify: async (reply) => {
          expect(reply.body).toMatchObject({
            orientationId: orientation.id,
            numero: 1,
            titre: `Objectif ${n}`,
          });
          expect((await adminView()).orientations.at(-1).objectifs).toEqual([reply.body]);
        },
        cleanup: () => remove(p(`/orientations/${orientation.id}`)),
      };
    },
  },
  {
    action: 'orientation.gerer',
    route: 'PATCH /contrats/:id/objectifs/:objectifId',
    status: 200,
    prepare: async (n) => {
      const orientation = await newOrientation(n);
      const objectif = await created(p(`/orientations/${orientation.id}/objectifs`), {
        titre: `Objectif ${n}`,
      });
      return {
        method: 'PATCH',
        path: p(`/objectifs/${objectif.id}`),
        body: { description: 'Précisé en comité' },
        verify: async (reply) => {
          expect(reply.body).toMatchObject({ id: objectif.id, description: 'Précisé en comité' });
          expect((await adminView()).orientations.at(-1).objectifs[0].description).toBe(
            'Précisé en comité',
          );
        },
        cleanup: () => remove(p(`/orientations/${orientation.id}`)),
      };
    },
  },
  {
    action: 'orientation.gerer',
    route: 'DELETE /contrats/:id/objectifs/:objectifId',
    status: 204,
    prepare: async (n) => {
      const orientation = await newOrientation(n);
      const objectif = await created(p(`/orientations/${orientation.id}/objectifs`), {
        titre: `Objectif ${n}`,
      });
      return {
        method: 'DELETE',
        path: p(`/objectifs/${objectif.id}`),
        verify: async () => {
          expect((await adminView()).orientations.at(-1).objectifs).toEqual([]);
        },
        cleanup: () => remove(p(`/orientations/${orientation.id}`)),
      };
    },
  },

  // contratLie.gerer
  {
    action: 'contratLie.gerer',
    route: 'POST /contrats/:id/contrats-lies',
    status: 201,
    prepare: async (n) => ({
      method: 'POST',
      path: p('/contrats-lies'),
      body: {
        type: 'contrat_local_sante',
        nom: `Contrat local de santé ${n}`,
        articulation: 'valorise',
        relationPerimetre: 'identique',
      },
      verify: async (reply) => {
        expect(reply.body).toMatchObject({
          nom: `Contrat local de santé ${n}`,
          articulation: 'valorise',
          relationPerimetre: 'identique',
        });
        expect((await adminView()).contratsLies.map((l: any) => l.id)).toContain(reply.body.id);
      },
      cleanup: async (reply) => {
        if (reply.status === 201) await remove(p(`/contrats-lies/${reply.body.id}`));
      },
    }),
  },
  {
    action: 'contratLie.gerer',
    route: 'PATCH /contrats/:id/contrats-lies/:lieId',
    status: 200,
    prepare: async (n) => {
      const lie = await newContratLie(n);
      return {
        method: 'PATCH',
        path: p(`/contrats-lies/${lie.id}`),
        body: { articulation: 'valorise' },
        verify: async (reply) => {
          expect(reply.body).toMatchObject({ id: lie.id, articulation: 'valorise' });
          const found = (await adminView()).contratsLies.find((l: any) => l.id === lie.id);
          expect(found.articulation).toBe('valorise');
        },
        cleanup: () => remove(p(`/contrats-lies/${lie.id}`)),
      };
    },
  },
  {
    action: 'contratLie.gerer',
    route: 'DELETE /contrats/:id/contrats-lies/:lieId',
    status: 204,
    prepare: async (n) => {
      const lie = await newContratLie(n);
      return {
        method: 'DELETE',
        path: p(`/contrats-lies/${lie.id}`),
        verify: async () => {
          expect((await adminView()).contratsLies.map((l: any) => l.id)).not.toContain(lie.id);
        },
        cleanup: () => remove(p(`/contrats-lies/${lie.id}`)),
      };
    },
  },

  // cooperation.gerer
  {
    action: 'cooperation.gerer',
    route: 'POST /contrats/:id/cooperations',
    status: 201,
    prepare: async (n) => ({
      method: 'POST',
      path: p('/cooperations'),
      body: {
        nom: `Coopération proposée ${n}`,
        type: 'projet_commun',
        partenaires: [{ nomExterne: 'Pays du Saumurois' }],
      },
      verify: async (reply) => {
        expect(reply.body).toMatchObject({
          nom: `Coopération proposée ${n}`,
          initiateurId: thouarsaisId,
        });
        expect((await adminView()).cooperations.map((c: any) => c.id)).toContain(reply.body.id);
      },
      cleanup: async (reply) => {
        if (reply.status === 201) await remove(p(`/cooperations/${reply.body.id}`));
      },
    }),
  },
  {
    action: 'cooperation.gerer',
    route: 'PATCH /contrats/:id/cooperations/:cooperationId',
    status: 200,
    prepare: async (n) => {
      const cooperation = await newCooperation(n);
      return {
        method: 'PATCH',
        path: p(`/cooperations/${cooperation.id}`),
        body: { description: 'Une ressource partagée' },
        verify: async (reply) => {
          expect(reply.body).toMatchObject({
            id: cooperation.id,
            description: 'Une ressource partagée',
          });
        },
        cleanup: () => remove(p(`/cooperations/${cooperation.id}`)),
      };
    },
  },
  {
    action: 'cooperation.gerer',
    route: 'DELETE /contrats/:id/cooperations/:cooperationId',
    status: 204,
    prepare: async (n) => {
      const cooperation = await newCooperation(n);
      return {
        method: 'DELETE',
        path: p(`/cooperations/${cooperation.id}`),
        verify: async () => {
          expect((await adminView()).cooperations.map((c: any) => c.id)).not.toContain(
            cooperation.id,
          );
        },
        cleanup: () => remove(p(`/cooperations/${cooperation.id}`)),
      };
    },
  },
  {
    action: 'cooperation.gerer',
    route: 'POST /contrats/:id/cooperations/:cooperationId/accepter',
    status: 200,
    prepare: async (n) => {
      // Proposed by the Bocage to the Thouarsais: only the Thouarsais side may accept.
      const proposed = await bocage.post(contratPath(BOCAGE, '/cooperations'), {
        nom: `Proposition du Bocage ${n}`,
        type: 'contrat_reciprocite',
        partenaires: [{ contratId: thouarsaisId }],
      });
      expect(proposed.status).toBe(201);
      const id = proposed.body.id;
      return {
        method: 'POST',
        path: p(`/cooperations/${id}/accepter`),
        body: {},
        verify: async (reply) => {
          const mine = (reply.body.parties as any[]).find((x) => x.contratId === thouarsaisId);
          expect(mine.statut).toBe('acceptee');
          const seen = (await adminView()).cooperations.find((c: any) => c.id === id);
          expect(seen.parties.map((x: any) => x.statut)).toEqual(['acceptee', 'acceptee']);
        },
        cleanup: async () => {
          expect((await bocage.delete(contratPath(BOCAGE, `/cooperations/${id}`))).status).toBe(
            204,
          );
        },
      };
    },
  },

  // membre.lister
  {
    action: 'membre.lister',
    route: 'GET /contrats/:id/membres',
    status: 200,
    prepare: async () => ({
      method: 'GET',
      path: p('/membres'),
      verify: (reply) => {
        expect(reply.body.total).toBe(5);
        expect(reply.body.items.map((m: any) => m.email).sort()).toEqual(
          Object.values(DEMO).sort(),
        );
      },
    }),
  },

  // membre.gerer
  {
    action: 'membre.gerer',
    route: 'POST /contrats/:id/membres',
    status: 201,
    prepare: async (n) => {
      const email = `invitee.${n}@exemple.fr`;
      return {
        method: 'POST',
        path: p('/membres'),
        body: { email, role: 'cotech' },
        verify: async (reply) => {
          expect(reply.body).toMatchObject({
            type: 'invitation',
            invitation: { email, role: 'cotech' },
          });
          const listed = (await admin.get(p('/invitations'))).body.items;
          expect(listed.map((i: any) => i.email)).toContain(email);
          expect(sink.messagesTo(email)).toHaveLength(1);
        },
        // A refused invitation sends no mail.
        unchanged: () => expect(sink.messagesTo(email)).toHaveLength(0),
        cleanup: async (reply) => {
          if (reply.status === 201) await remove(p(`/invitations/${reply.body.invitation.id}`));
        },
      };
    },
  },
  {
    action: 'membre.gerer',
    route: 'PATCH /contrats/:id/membres/:userId',
    status: 200,
    prepare: async () => {
      await created(p('/membres'), { email: cible.email, role: 'habitant' });
      return {
        method: 'PATCH',
        path: p(`/membres/${cible.userId}`),
        body: { role: 'cotech', categorie: 'association' },
        verify: async (reply) => {
          expect(reply.body).toMatchObject({
            userId: cible.userId,
            role: 'cotech',
            categorie: 'association',
          });
          const listed = (await admin.get(p('/membres'))).body.items;
          expect(listed.find((m: any) => m.userId === cible.userId).role).toBe('cotech');
        },
        cleanup: () => remove(p(`/membres/${cible.userId}`)),
      };
    },
  },
  {
    action: 'membre.gerer',
    route: 'DELETE /contrats/:id/membres/:userId',
    status: 204,
    prepare: async () => {
      await created(p('/membres'), { email: cible.email, role: 'partenaire' });
      return {
        method: 'DELETE',
        path: p(`/membres/${cible.userId}`),
        verify: async () => {
          const listed = (await admin.get(p('/membres'))).body.items;
          expect(listed.map((m: any) => m.userId)).not.toContain(cible.userId);
        },
        cleanup: () => remove(p(`/membres/${cible.userId}`)),
      };
    },
  },
  {
    action: 'contrat.rejoindre',
    route: 'POST /contrats/:id/adhesion',
    status: 201,
    compte: true,
    prepare: async () => ({
      method: 'POST',
      path: p('/adhesion'),
      verify: async (reply) => {
        expect(reply.body).toMatchObject({ role: 'habitant' });
        const listed = (await admin.get(p('/membres'))).body.items;
        expect(listed).toContainEqual(
          expect.objectContaining({ userId: reply.body.userId, role: 'habitant' }),
        );
      },
      cleanup: async (reply) => {
        if (reply.status === 201) await remove(p(`/membres/${reply.body.userId}`));
      },
    }),
  },
  {
    action: 'membre.gerer',
    route: 'GET /contrats/:id/invitations',
    status: 200,
    prepare: async (n) => {
      const pending = await created(p('/membres'), {
        email: `en.attente.${n}@exemple.fr`,
        role: 'partenaire',
      });
      return {
        method: 'GET',
        path: p('/invitations'),
        verify: (reply) => {
          expect(reply.body.total).toBe(1);
          expect(reply.body.items[0]).toMatchObject({
            id: pending.invitation.id,
            email: `en.attente.${n}@exemple.fr`,
            role: 'partenaire',
            invitePar: 'Claire Moreau',
          });
        },
        cleanup: () => remove(p(`/invitations/${pending.invitation.id}`)),
      };
    },
  },
  {
    action: 'membre.gerer',
    route: 'DELETE /contrats/:id/invitations/:invitationId',
    status: 204,
    prepare: async (n) => {
      const email = `annulee.${n}@exemple.fr`;
      const pending = await created(p('/membres'), { email, role: 'habitant' });
      return {
        method: 'DELETE',
        path: p(`/invitations/${pending.invitation.id}`),
        verify: async () => {
          expect((await admin.get(p('/invitations'))).body.items).toEqual([]);
          const preview = await new ApiClient(app.url).get(
            `/api/v1/invitations/${sink.invitationToken(email)}`,
          );
          expectError(preview, 400, 'invalid_token');
        },
        cleanup: () => remove(p(`/invitations/${pending.invitation.id}`)),
      };
    },
  },
];

/** Participation: phases, events, attendance and the report. */
const phaseOfDemo = async (type: string) =>
  (await admin.get(p('/phases'))).body.items.find((x: any) => x.type === type);
const newPhase = (n: number) => created(p('/phases'), { type: 'pilotage', libelle: `Phase ${n}` });
const newEvenement = async (n: number) =>
  created(p('/evenements'), {
    phaseId: (await phaseOfDemo('evaluation')).id,
    type: 'atelier',
    titre: `Atelier ${n}`,
    date: '2026-10-15',
  });
const adminEvenements = async () => (await admin.get(p('/evenements'))).body.items;

const PARTICIPATION_ROUTES: RouteCase[] = [
  {
    action: 'participation.lire',
    route: 'GET /contrats/:id/phases',
    status: 200,
    prepare: async () => ({
      method: 'GET',
      path: p('/phases'),
      verify: (reply) => {
        expect(reply.body.items.map((x: any) => x.type)).toEqual([
          'elaboration',
          'concertation',
          'mise_en_oeuvre',
          'montage_operationnel',
          'evaluation',
        ]);
        expect(reply.body.courante.mode).toBe('automatique');
      },
    }),
  },
  {
    action: 'participation.lire',
    route: 'GET /contrats/:id/evenements',
    status: 200,
    prepare: async () => ({
      method: 'GET',
      path: p('/evenements'),
      verify: (reply) => {
        expect(reply.body.total).toBe(4);
        expect(reply.body.items[0]).toMatchObject({
          titre: 'Réunion publique de lancement de la concertation',
          presents: { nommes: 2, comptes: 88 },
        });
        // Counts only: the names are read with the attendance.
        expect(reply.body.items[0]).not.toHaveProperty('participants');
      },
    }),
  },
  {
    action: 'participation.lire',
    route: 'GET /contrats/:id/participation',
    status: 200,
    prepare: async () => ({
      method: 'GET',
      path: p('/participation'),
      verify: (reply) => {
        expect(reply.body.phases.slice(0, 5).map((x: any) => x.evenements)).toEqual([
          0, 2, 1, 0, 1,
        ]);
        expect(reply.body.total).toMatchObject({ evenements: 4, presentsComptes: 88 });
      },
    }),
  },
  {
    action: 'participation.lire',
    route: 'GET /contrats/:id/participation/export',
    status: 200,
    prepare: async () => ({
      method: 'GET',
      path: p('/participation/export?format=csv'),
      verify: (reply) => {
        expect(reply.headers.get('content-type')).toContain('text/csv');
        expect(String(reply.body)).toContain('Ensemble du contrat;;;Toutes catégories;4;');
      },
    }),
  },
  {
    action: 'presence.lire',
    route: 'GET /contrats/:id/evenements/:evenementId/presences',
    status: 200,
    prepare: async () => {
      const atelier = (await adminEvenements()).find((e: any) => e.type === 'atelier');
      return {
        method: 'GET',
        path: p(`/evenements/${atelier.id}/presences`),
        verify: (reply) => {
          expect(reply.body.participants.map((x: any) => x.nom)).toEqual([
            'Claire Moreau',
            'Bernard Giraud',
            'Karim Benali',
            'Jeanne Martin',
            'Paul Renaud',
            'Lucie Fournier',
          ]);
        },
      };
    },
  },
  {
    action: 'participation.gerer',
    route: 'POST /contrats/:id/phases',
    status: 201,
    prepare: async (n) => ({
      method: 'POST',
      path: p('/phases'),
      body: { type: 'animation', libelle: `Animation ${n}`, dateDebut: '2022-01-01' },
      verify: async (reply) => {
        expect(reply.body).toMatchObject({ type: 'animation', ordre: 6 });
        const listed = (await admin.get(p('/phases'))).body.items;
        expect(listed.map((x: any) => x.id)).toContain(reply.body.id);
      },
      cleanup: async (reply) => {
        if (reply.status === 201) await remove(p(`/phases/${reply.body.id}`));
      },
    }),
  },
  {
    action: 'participation.gerer',
    route: 'PATCH /contrats/:id/phases/:phaseId',
    status: 200,
    prepare: async (n) => {
      const phase = await newPhase(n);
      return {
        method: 'PATCH',
        path: p(`/phases/${phase.id}`),
        body: { libelle: `Phase renommée ${n}`, ordre: 1, commentaires: true },
        verify: async () => {
          const first = (await admin.get(p('/phases'))).body.items[0];
          expect(first).toMatchObject({
            id: phase.id,
            libelle: `Phase renommée ${n}`,
            commentaires: true,
          });
        },
        cleanup: () => remove(p(`/phases/${phase.id}`)),
      };
    },
  },
  {
    action: 'participation.gerer',
    route: 'DELETE /contrats/:id/phases/:phaseId',
    status: 204,
    prepare: async (n) => {
      const phase = await newPhase(n);
      return {
        method: 'DELETE',
        path: p(`/phases/${phase.id}`),
        verify: async () => {
          const listed = (await admin.get(p('/phases'))).body.items;
          expect(listed.map((x: any) => x.id)).not.toContain(phase.id);
        },
        cleanup: () => remove(p(`/phases/${phase.id}`)),
      };
    },
  },
  {
    action: 'participation.gerer',
    route: 'PUT /contrats/:id/phase-courante',
    status: 200,
    prepare: async () => {
      const concertation = await phaseOfDemo('concertation');
      return {
        method: 'PUT',
        path: p('/phase-courante'),
        body: { phaseId: concertation.id },
        verify: async () => {
          expect((await admin.get(p('/phases'))).body.courante).toEqual({
            phaseId: concertation.id,
            mode: 'manuelle',
          });
        },
        cleanup: async () => {
          const reply = await admin.request('PUT', p('/phase-courante'), { phaseId: null });
          expect(reply.body.courante.mode).toBe('automatique');
        },
      };
    },
  },
  {
    action: 'participation.gerer',
    route: 'POST /contrats/:id/evenements',
    status: 201,
    prepare: async (n) => {
      const phase = await phaseOfDemo('evaluation');
      return {
        method: 'POST',
        path: p('/evenements'),
        body: { phaseId: phase.id, type: 'visite', titre: `Visite ${n}`, date: '2026-10-01' },
        verify: async (reply) => {
          expect((await adminEvenements()).map((e: any) => e.id)).toContain(reply.body.id);
        },
        cleanup: async (reply) => {
          if (reply.status === 201) await remove(p(`/evenements/${reply.body.id}`));
        },
      };
    },
  },
  {
    action: 'participation.gerer',
    route: 'PATCH /contrats/:id/evenements/:evenementId',
    status: 200,
    prepare: async (n) => {
      const evenement = await newEvenement(n);
      return {
        method: 'PATCH',
        path: p(`/evenements/${evenement.id}`),
        body: { lieu: `Salle ${n}` },
        verify: async () => {
          const found = (await adminEvenements()).find((e: any) => e.id === evenement.id);
          expect(found.lieu).toBe(`Salle ${n}`);
        },
        cleanup: () => remove(p(`/evenements/${evenement.id}`)),
      };
    },
  },
  {
    action: 'participation.gerer',
    route: 'DELETE /contrats/:id/evenements/:evenementId',
    status: 204,
    prepare: async (n) => {
      const evenement = await newEvenement(n);
      return {
        method: 'DELETE',
        path: p(`/evenements/${evenement.id}`),
        verify: async () => {
          expect((await adminEvenements()).map((e: any) => e.id)).not.toContain(evenement.id);
        },
        cleanup: () => remove(p(`/evenements/${evenement.id}`)),
      };
    },
  },
  {
    action: 'participation.gerer',
    route: 'PUT /contrats/:id/evenements/:evenementId/presences',
    status: 200,
    prepare: async (n) => {
      const evenement = await newEvenement(n);
      return {
        method: 'PUT',
        path: p(`/evenements/${evenement.id}/presences`),
        body: { participants: [{ nom: `Invitée ${n}`, categorie: 'habitant' }] },
        verify: async () => {
          const read = await admin.get(p(`/evenements/${evenement.id}/presences`));
          expect(read.body.participants).toEqual([
            { userId: null, nom: `Invitée ${n}`, categorie: 'habitant' },
          ]);
        },
        cleanup: () => remove(p(`/evenements/${evenement.id}`)),
      };
    },
  },
];

/** Today the demo contract is in its évaluation, closed to proposals; its mise en œuvre takes them. */
const openProposals = async () => {
  const phase = await phaseOfDemo('mise_en_oeuvre');
  const reply = await admin.request('PUT', p('/phase-courante'), { phaseId: phase.id });
  expect(reply.status).toBe(200);
};
const closeProposals = async () => {
  const reply = await admin.request('PUT', p('/phase-courante'), { phaseId: null });
  expect(reply.status).toBe(200);
};
/** A proposal deposited by the animateur: published at once, whatever the moderation. */
const newProposition = async (n: number) => {
  await openProposals();
  try {
    return await created(p('/propositions'), {
      titre: `Proposition ${n}`,
      description: 'Un atelier de réparation de vélos dans chaque bourg.',
      porteur: 'Association Vélo Thouarsais',
    });
  } finally {
    await closeProposals();
  }
};
const proposition = (id: string, rest = '') => p(`/propositions/${id}${rest}`);
const adminProposition = async (id: string) => (await admin.get(proposition(id))).body;

const PROPOSITION_ROUTES: RouteCase[] = [
  {
    action: 'contrat.lire',
    route: 'GET /contrats/:id/propositions',
    status: 200,
    prepare: async (n) => {
      const made = await newProposition(n);
      return {
        method: 'GET',
        path: p('/propositions'),
        verify: (reply, audience) => {
          const found = reply.body.items.find((x: any) => x.id === made.id);
          expect(found).toMatchObject({ titre: `Proposition ${n}`, statut: 'deposee' });
          // Members read who wrote it; the public never does.
          if (audience.role) expect(found.auteur.nom).toBe('Claire Moreau');
          else expect(found).not.toHaveProperty('auteur');
        },
      };
    },
  },
  {
    action: 'contrat.lire',
    route: 'GET /contrats/:id/propositions/:propositionId',
    status: 200,
    prepare: async (n) => {
      const made = await newProposition(n);
      return {
        method: 'GET',
        path: proposition(made.id),
        verify: (reply, audience) => {
          expect(reply.body).toMatchObject({ id: made.id, numero: made.numero });
          if (audience.role)
            expect(reply.body.historique.map((h: any) => h.vers)).toEqual(['deposee']);
          else expect(reply.body).not.toHaveProperty('historique');
        },
      };
    },
  },
  {
    action: 'proposition.deposer',
    route: 'POST /contrats/:id/propositions',
    status: 201,
    prepare: async (n) => {
      await openProposals();
      return {
        method: 'POST',
        path: p('/propositions'),
        body: {
          titre: `Proposition déposée ${n}`,
          description: 'Une navette vers la gare de Thouars.',
          porteur: 'Entreprise solidaire Mobil’Emploi',
        },
        verify: async (reply) => {
          expect(reply.body).toMatchObject({
            titre: `Proposition déposée ${n}`,
            statut: 'deposee',
          });
          expect((await adminProposition(reply.body.id)).titre).toBe(`Proposition déposée ${n}`);
        },
        cleanup: closeProposals,
      };
    },
  },
  {
    action: 'proposition.instruire',
    route: 'POST /contrats/:id/propositions/:propositionId/statut',
    status: 200,
    prepare: async (n) => {
      const made = await newProposition(n);
      return {
        method: 'POST',
        path: proposition(made.id, '/statut'),
        body: { statut: 'en_instruction' },
        verify: async () => {
          expect((await adminProposition(made.id)).statut).toBe('en_instruction');
        },
      };
    },
  },
  {
    action: 'proposition.moderer',
    route: 'POST /contrats/:id/propositions/:propositionId/publier',
    status: 200,
    prepare: async (n) => {
      const made = await newProposition(n);
      const hidden = await admin.post(proposition(made.id, '/masquer'), { motif: 'À vérifier' });
      expect(hidden.status).toBe(200);
      return {
        method: 'POST',
        path: proposition(made.id, '/publier'),
        verify: async () => {
          expect((await adminProposition(made.id)).publication).toBe('publiee');
        },
      };
    },
  },
  {
    action: 'proposition.moderer',
    route: 'POST /contrats/:id/propositions/:propositionId/masquer',
    status: 200,
    prepare: async (n) => {
      const made = await newProposition(n);
      return {
        method: 'POST',
        path: proposition(made.id, '/masquer'),
        body: { motif: 'Hors sujet' },
        verify: async () => {
          expect(await adminProposition(made.id)).toMatchObject({
            publication: 'masquee',
            moderation: { motif: 'Hors sujet' },
          });
        },
      };
    },
  },
];

/** One public fiche holds the comments of these cases. */
let ficheCommentee: string | undefined;
/** A published comment on it by `author` (a member's client; the animateur by default). */
async function newCommentaire(n: number, author: ApiClient = admin): Promise<any> {
  ficheCommentee ??= (await newFiche(0)).id;
  const reply = await author.post(p('/commentaires'), {
    sujetType: 'fiche',
    sujetId: ficheCommentee,
    corps: `Commentaire ${n}`,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}
/** A comment the audience wrote when it may write one, else the animateur's. */
const ownCommentaire = (n: number, audience: Audience) =>
  newCommentaire(n, audience.role ? clients.get(audience.name)! : admin);
const commentaire = (id: string, rest = '') => p(`/commentaires/${id}${rest}`);
const adminCommentaire = async (id: string) => (await admin.get(commentaire(id))).body;

const COMMENTAIRE_ROUTES: RouteCase[] = [
  {
    action: 'contrat.lire',
    route: 'GET /contrats/:id/commentaires',
    status: 200,
    prepare: async (n) => {
      const made = await newCommentaire(n);
      return {
        method: 'GET',
        path: p(`/commentaires?sujetType=fiche&sujetId=${made.sujet.id}`),
        verify: (reply, audience) => {
          const found = reply.body.items.find((x: any) => x.id === made.id);
          expect(found).toMatchObject({ corps: `Commentaire ${n}`, reponses: [] });
          // Members read who wrote it; the public never does.
          if (audience.role) expect(found.auteur.nom).toBe('Claire Moreau');
          else expect(found).not.toHaveProperty('auteur');
        },
      };
    },
  },
  {
    action: 'contrat.lire',
    route: 'GET /contrats/:id/commentaires/:commentaireId',
    status: 200,
    prepare: async (n) => {
      const made = await newCommentaire(n);
      return {
        method: 'GET',
        path: commentaire(made.id),
        verify: (reply) => {
          expect(reply.body).toMatchObject({ id: made.id, corps: `Commentaire ${n}` });
        },
      };
    },
  },
  {
    action: 'commentaire.ecrire',
    route: 'POST /contrats/:id/commentaires',
    status: 201,
    prepare: async (n) => {
      ficheCommentee ??= (await newFiche(0)).id;
      return {
        method: 'POST',
        path: p('/commentaires'),
        body: { sujetType: 'fiche', sujetId: ficheCommentee, corps: `Nouveau ${n}` },
        verify: async (reply) => {
          expect(await adminCommentaire(reply.body.id)).toMatchObject({ corps: `Nouveau ${n}` });
        },
      };
    },
  },
  {
    action: 'commentaire.ecrire',
    route: 'PATCH /contrats/:id/commentaires/:commentaireId',
    status: 200,
    prepare: async (n, audience) => {
      const made = await ownCommentaire(n, audience);
      return {
        method: 'PATCH',
        path: commentaire(made.id),
        body: { corps: `Modifié ${n}` },
        verify: async () => {
          expect((await adminCommentaire(made.id)).corps).toBe(`Modifié ${n}`);
        },
      };
    },
  },
  {
    action: 'commentaire.ecrire',
    route: 'DELETE /contrats/:id/commentaires/:commentaireId',
    status: 204,
    prepare: async (n, audience) => {
      const made = await ownCommentaire(n, audience);
      return {
        method: 'DELETE',
        path: commentaire(made.id),
        verify: async () => {
          expect((await admin.get(commentaire(made.id))).status).toBe(404);
        },
      };
    },
  },
  {
    action: 'commentaire.ecrire',
    route: 'POST /contrats/:id/commentaires/:commentaireId/resoudre',
    status: 200,
    prepare: async (n, audience) => {
      const made = await ownCommentaire(n, audience);
      return {
        method: 'POST',
        path: commentaire(made.id, '/resoudre'),
        verify: async () => {
          expect((await adminCommentaire(made.id)).etat).toBe('resolu');
        },
      };
    },
  },
  {
    action: 'commentaire.ecrire',
    route: 'POST /contrats/:id/commentaires/:commentaireId/rouvrir',
    status: 200,
    prepare: async (n, audience) => {
      const made = await ownCommentaire(n, audience);
      expect((await admin.post(commentaire(made.id, '/resoudre'))).status).toBe(200);
      return {
        method: 'POST',
        path: commentaire(made.id, '/rouvrir'),
        verify: async () => {
          expect((await adminCommentaire(made.id)).etat).toBe('ouvert');
        },
      };
    },
  },
  {
    action: 'commentaire.signaler',
    route: 'POST /contrats/:id/commentaires/:commentaireId/signalements',
    status: 201,
    compte: true,
    prepare: async (n, audience) => {
      // Someone else's comment: one does not report one's own.
      const author = audience.role === 'animateur' ? clients.get('cotech')! : admin;
      const made = await newCommentaire(n, author);
      return {
        method: 'POST',
        path: commentaire(made.id, '/signalements'),
        body: { motif: `Signalement ${n}` },
        verify: async () => {
          const file = (await admin.get(p('/moderation'))).body;
          const entry = file.commentaires.find((c: any) => c.commentaire.id === made.id);
          expect(entry.signalements.map((s: any) => s.motif)).toEqual([`Signalement ${n}`]);
          expect((await admin.post(commentaire(made.id, '/publier'))).status).toBe(200);
        },
      };
    },
  },
  {
    action: 'commentaire.moderer',
    route: 'GET /contrats/:id/moderation',
    status: 200,
    prepare: async () => ({
      method: 'GET',
      path: p('/moderation'),
      verify: (reply) => {
        expect(reply.body).toMatchObject({ mode: 'a_posteriori', commentaires: [] });
      },
    }),
  },
  {
    action: 'contrat.modifier',
    route: 'PUT /contrats/:id/moderation/mode',
    status: 200,
    prepare: async () => ({
      method: 'PUT',
      path: p('/moderation/mode'),
      body: { mode: 'a_priori' },
      verify: async (reply) => {
        expect(reply.body).toEqual({ mode: 'a_priori' });
        expect((await admin.get(p('/moderation'))).body.mode).toBe('a_priori');
      },
      cleanup: async () => {
        const reply = await admin.request('PUT', p('/moderation/mode'), { mode: 'a_posteriori' });
        expect(reply.status).toBe(200);
      },
    }),
  },
  {
    action: 'commentaire.moderer',
    route: 'POST /contrats/:id/commentaires/:commentaireId/masquer',
    status: 200,
    prepare: async (n) => {
      const made = await newCommentaire(n, clients.get('cotech')!);
      return {
        method: 'POST',
        path: commentaire(made.id, '/masquer'),
        body: { motif: 'Hors sujet' },
        verify: async () => {
          expect(await adminCommentaire(made.id)).toMatchObject({
            publication: 'masque',
            moderation: { motif: 'Hors sujet' },
          });
        },
      };
    },
  },
  {
    action: 'commentaire.moderer',
    route: 'POST /contrats/:id/commentaires/:commentaireId/publier',
    status: 200,
    prepare: async (n) => {
      const made = await newCommentaire(n, clients.get('cotech')!);
      expect((await admin.post(commentaire(made.id, '/masquer'), { motif: 'Erreur' })).status).toBe(
        200,
      );
      return {
        method: 'POST',
        path: commentaire(made.id, '/publier'),
        verify: async () => {
          expect((await adminCommentaire(made.id)).publication).toBe('publie');
        },
      };
    },
  },
];

const newInstance = (n: number, type = 'comite_pilotage') =>
  created(p('/instances'), { type, nom: `Instance ${n}` });
/**
 * Séances dated before every phase of the demo contract: they add no event to the participation,
 * whose counts other routes check. `date` inside a phase creates the séance's event.
 */
const HORS_PHASE = '2019-06-12';
const newGovSeance = async (n: number, type = 'comite_pilotage', date = HORS_PHASE) => {
  const instance = await newInstance(n, type);
  return created(p('/seances'), { instanceId: instance.id, date });
};
const seancePath = (id: string, rest = '') => p(`/seances/${id}${rest}`);
const adminSeance = async (id: string) => (await admin.get(seancePath(id))).body;
/** An évolution du contrat without fiches: needs no avis technique, can go into an avenant. */
const newEvolution = async (n: number) => {
  const seance = await newGovSeance(n);
  return created(seancePath(seance.id, '/decisions'), {
    type: 'evolution_contrat',
    objet: 'perimetre',
    description: `Évolution ${n}`,
  });
};

/** The governance lists, for `snapshot`: refused attempts must leave them as they were. */
async function gouvernanceSnapshot() {
  const [instances, seances, avenants] = await Promise.all([
    admin.get(p('/instances')),
    admin.get(p('/seances')),
    admin.get(p('/avenants')),
  ]);
  expect([instances.status, seances.status, avenants.status]).toEqual([200, 200, 200]);
  // Séance lists carry status, place, convocation and décision counts; their attendance is the
  // participation's, already in the snapshot.
  return { instances: instances.body, seances: seances.body, avenants: avenants.body };
}

const GOUVERNANCE_ROUTES: RouteCase[] = [
  {
    action: 'gouvernance.lire',
    route: 'GET /contrats/:id/instances',
    status: 200,
    prepare: async (n) => {
      const made = await newInstance(n);
      return {
        method: 'GET',
        path: p('/instances'),
        verify: (reply) => {
          expect(reply.body.items.map((i: any) => i.id)).toContain(made.id);
        },
      };
    },
  },
  {
    action: 'gouvernance.gerer',
    route: 'POST /contrats/:id/instances',
    status: 201,
    prepare: async (n) => ({
      method: 'POST',
      path: p('/instances'),
      body: { type: 'groupe_travail', nom: `Groupe de travail ${n}` },
      verify: async (reply) => {
        const items = (await admin.get(p('/instances'))).body.items;
        expect(items.find((i: any) => i.id === reply.body.id).nom).toBe(`Groupe de travail ${n}`);
      },
    }),
  },
  {
    action: 'gouvernance.gerer',
    route: 'POST /contrats/:id/instances/:instanceId/membres',
    status: 201,
    prepare: async (n) => {
      const made = await newInstance(n);
      return {
        method: 'POST',
        path: p(`/instances/${made.id}/membres`),
        body: { nom: `Invité ${n}`, email: `invite.${n}@exemple.fr`, categorie: 'association' },
        verify: (reply) => {
          expect(reply.body.membres.map((m: any) => m.nom)).toEqual([`Invité ${n}`]);
        },
      };
    },
  },
  {
    action: 'gouvernance.gerer',
    route: 'POST /contrats/:id/instances/:instanceId/membres/:membreId/depart',
    status: 200,
    prepare: async (n) => {
      const made = await newInstance(n);
      const joined = await created(p(`/instances/${made.id}/membres`), {
        nom: `Invité ${n}`,
        email: `invite.${n}@exemple.fr`,
        categorie: 'association',
        depuis: '2024-01-01',
      });
      return {
        method: 'POST',
        path: p(`/instances/${made.id}/membres/${joined.membres[0].id}/depart`),
        body: { jusquA: '2025-01-01' },
        verify: (reply) => {
          expect(reply.body.membres).toEqual([]);
          expect(reply.body.historique[0].jusquA).toBe('2025-01-01');
        },
      };
    },
  },
  {
    action: 'gouvernance.lire',
    route: 'GET /contrats/:id/seances',
    status: 200,
    prepare: async (n) => {
      const made = await newGovSeance(n);
      return {
        method: 'GET',
        path: p('/seances'),
        verify: (reply) => {
          expect(reply.body.items.map((s: any) => s.id)).toContain(made.id);
        },
      };
    },
  },
  {
    action: 'gouvernance.gerer',
    route: 'POST /contrats/:id/seances',
    status: 201,
    prepare: async (n) => {
      const instance = await newInstance(n);
      return {
        method: 'POST',
        path: p('/seances'),
        body: {
          instanceId: instance.id,
          date: HORS_PHASE,
          ordreDuJour: [{ titre: `Point ${n}` }],
        },
        verify: async (reply) => {
          expect((await adminSeance(reply.body.id)).ordreDuJour[0].titre).toBe(`Point ${n}`);
        },
      };
    },
  },
  {
    action: 'gouvernance.lire',
    route: 'GET /contrats/:id/seances/:seanceId',
    status: 200,
    prepare: async (n) => {
      const made = await newGovSeance(n);
      return {
        method: 'GET',
        path: seancePath(made.id),
        verify: (reply) => {
          expect(reply.body).toMatchObject({ id: made.id, compteRendu: `seance:${made.id}` });
        },
      };
    },
  },
  {
    action: 'gouvernance.gerer',
    route: 'PATCH /contrats/:id/seances/:seanceId',
    status: 200,
    prepare: async (n) => {
      const made = await newGovSeance(n);
      return {
        method: 'PATCH',
        path: seancePath(made.id),
        body: { statut: 'tenue', lieu: `Salle ${n}` },
        verify: async () => {
          expect(await adminSeance(made.id)).toMatchObject({ statut: 'tenue', lieu: `Salle ${n}` });
        },
      };
    },
  },
  {
    action: 'gouvernance.gerer',
    route: 'POST /contrats/:id/seances/:seanceId/convocation',
    status: 200,
    prepare: async (n) => {
      const instance = await newInstance(n);
      await created(p(`/instances/${instance.id}/membres`), {
        nom: `Convoqué ${n}`,
        email: `convoque.${n}@exemple.fr`,
        categorie: 'elu',
        depuis: '2019-01-01',
      });
      const seance = await created(p('/seances'), { instanceId: instance.id, date: HORS_PHASE });
      return {
        method: 'POST',
        path: seancePath(seance.id, '/convocation'),
        verify: async () => {
          expect(sink.lastTo(`convoque.${n}@exemple.fr`).subject).toContain('Convocation');
          expect((await adminSeance(seance.id)).convoqueeLe).toEqual(expect.any(String));
        },
        unchanged: () => {
          expect(sink.messagesTo(`convoque.${n}@exemple.fr`)).toEqual([]);
        },
      };
    },
  },
  {
    action: 'gouvernance.gerer',
    route: 'PUT /contrats/:id/seances/:seanceId/presences',
    status: 200,
    prepare: async (n) => {
      // Attendance needs the séance's event in a phase; cancelling it afterwards removes the event.
      const made = await newGovSeance(n, 'comite_pilotage', '2025-06-12');
      return {
        method: 'PUT',
        path: seancePath(made.id, '/presences'),
        body: { participants: [{ nom: `Présent ${n}`, categorie: 'habitant' }] },
        verify: async () => {
          expect((await adminSeance(made.id)).presents.map((x: any) => x.nom)).toEqual([
            `Présent ${n}`,
          ]);
        },
        cleanup: async () => {
          const cancelled = await admin.patch(seancePath(made.id), { statut: 'annulee' });
          expect(cancelled.body.evenementId).toBeNull();
        },
      };
    },
  },
  {
    action: 'avis.donner',
    route: 'POST /contrats/:id/seances/:seanceId/avis',
    status: 201,
    prepare: async (n) => {
      const seance = await newGovSeance(n, 'comite_technique');
      const made = await newFiche(n);
      return {
        method: 'POST',
        path: seancePath(seance.id, '/avis'),
        body: { ficheId: made.id, avis: 'favorable', motifs: `Avis ${n}` },
        verify: async () => {
          const decisions = (await admin.get(fiche(made.id, '/decisions'))).body.items;
          expect(decisions.map((d: any) => d.texte)).toEqual([`Avis ${n}`]);
        },
        cleanup: () => remove(fiche(made.id)),
      };
    },
  },
  {
    action: 'decision.prendre',
    route: 'POST /contrats/:id/seances/:seanceId/decisions',
    status: 201,
    prepare: async (n) => {
      const seance = await newGovSeance(n);
      return {
        method: 'POST',
        path: seancePath(seance.id, '/decisions'),
        body: { type: 'evolution_contrat', objet: 'partenaires', description: `Évolution ${n}` },
        verify: async () => {
          const decisions = (await adminSeance(seance.id)).decisionsPrises;
          expect(decisions.map((d: any) => d.texte)).toEqual([`Évolution ${n}`]);
        },
      };
    },
  },
  {
    action: 'decision.lire',
    route: 'GET /fiches/:id/decisions',
    status: 200,
    notFound: 'fiche_not_found',
    prepare: async (n) => {
      const seance = await newGovSeance(n, 'comite_technique');
      const made = await newFiche(n);
      await created(seancePath(seance.id, '/avis'), {
        ficheId: made.id,
        avis: 'defavorable',
        motifs: `Motifs ${n}`,
      });
      return {
        method: 'GET',
        path: fiche(made.id, '/decisions'),
        verify: (reply) => {
          expect(reply.body.items.map((d: any) => d.avis)).toEqual(['defavorable']);
        },
        cleanup: () => remove(fiche(made.id)),
      };
    },
  },
  {
    action: 'contrat.lire',
    route: 'GET /contrats/:id/avenants',
    status: 200,
    prepare: async () => ({
      method: 'GET',
      path: p('/avenants'),
      verify: (reply, audience) => {
        // Drafts are for the committees; everyone else sees signed avenants only.
        const committees = ['animateur', 'copil', 'cotech'].includes(audience.role ?? '');
        if (!committees) expect(reply.body.items.every((a: any) => a.signeLe)).toBe(true);
        expect(reply.body.total).toBe(reply.body.items.length);
      },
    }),
  },
  {
    action: 'avenant.gerer',
    route: 'POST /contrats/:id/avenants',
    status: 201,
    prepare: async (n) => {
      const evolution = await newEvolution(n);
      return {
        method: 'POST',
        path: p('/avenants'),
        body: { objet: `Avenant ${n}`, decisionIds: [evolution.id] },
        verify: async (reply) => {
          expect(reply.body.decisions.map((d: any) => d.id)).toEqual([evolution.id]);
          const items = (await admin.get(p('/avenants'))).body.items;
          expect(items.map((a: any) => a.id)).toContain(reply.body.id);
        },
      };
    },
  },
  {
    action: 'avenant.gerer',
    route: 'POST /contrats/:id/avenants/:avenantId/signer',
    status: 200,
    prepare: async (n) => {
      const evolution = await newEvolution(n);
      const avenant = await created(p('/avenants'), {
        objet: `Avenant ${n}`,
        decisionIds: [evolution.id],
      });
      return {
        method: 'POST',
        path: p(`/avenants/${avenant.id}/signer`),
        body: { signeLe: '2025-12-01' },
        verify: (reply) => {
          expect(reply.body.signeLe).toBe('2025-12-01');
          expect(reply.body.versions.map((v: any) => v.nom)).toEqual([
            `Avenant n°${avenant.numero}`,
          ]);
        },
      };
    },
  },
];

const ALL_ROUTES = [
  ...ROUTES,
  ...FICHE_ROUTES,
  ...PARTICIPATION_ROUTES,
  ...PROPOSITION_ROUTES,
  ...COMMENTAIRE_ROUTES,
  ...GOUVERNANCE_ROUTES,
];

/** Everything a member can see of the contract, in a stable order, to prove nothing changed. */
async function snapshot() {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  const [
    contrat,
    membres,
    invitations,
    fiches,
    sources,
    maquettes,
    phases,
    evenements,
    rapport,
    propositions,
  ] = await Promise.all([
    admin.get(p()),
    admin.get(p('/membres')),
    admin.get(p('/invitations')),
    admin.get(p('/fiches?limit=200')),
    admin.get(p('/sources')),
    admin.get(p('/maquettes')),
    admin.get(p('/phases')),
    admin.get(p('/evenements')),
    admin.get(p('/participation')),
    admin.get(p('/propositions?limit=200')),
  ]);
  const all = [
    contrat,
    membres,
    invitations,
    fiches,
    sources,
    maquettes,
    phases,
    evenements,
    rapport,
    propositions,
  ];
  expect(all.map((r) => r.status)).toEqual(all.map(() => 200));
  const view = contrat.body;
  return {
    ...view,
    signataires: [...view.signataires].sort(byId),
    contratsLies: [...view.contratsLies].sort(byId),
    cooperations: [...view.cooperations].sort(byId),
    membres: [...membres.body.items].sort((a, b) => a.userId.localeCompare(b.userId)),
    invitations: [...invitations.body.items].sort(byId),
    fiches: fiches.body,
    sources: sources.body,
    maquettes: maquettes.body,
    phases: phases.body,
    evenements: evenements.body,
    // The attendance of every event, names included, and the report without its timestamp.
    presences: await Promise.all(
      evenements.body.items.map(
        async (e: any) => (await admin.get(p(`/evenements/${e.id}/presences`))).body,
      ),
    ),
    rapport: { ...rapport.body, genereLe: null },
    propositions: propositions.body,
    gouvernance: await gouvernanceSnapshot(),
  };
}

/** The refusal a person who may not do something gets, by the rule stated in http/gate.ts. */
function refusal(
  audience: Audience,
  publie: boolean,
  notFound: 'contrat_not_found' | 'fiche_not_found' = 'contrat_not_found',
) {
  if (audience.anonymous) return { status: 401, code: 'unauthenticated' } as const;
  if (!can('contrat.lire', { role: audience.role, publie }))
    return { status: 404, code: notFound } as const;
  return { status: 403, code: 'forbidden' } as const;
}

it('lists at least one route for every action of the matrix, and only known actions', () => {
  // The projet de territoire's text and the minutes of a séance are edited over websockets:
  // test/integration/realtime.test.ts and gouvernance.test.ts check those actions for every audience.
  const overHttp = ACTIONS.filter(
    (action) => !action.startsWith('projet.') && !action.startsWith('compteRendu.'),
  );
  expect(new Set(ALL_ROUTES.map((r) => r.action))).toEqual(new Set(overHttp));
});

let counter = 0;

describe.each([
  { publie: true, label: 'published' },
  { publie: false, label: 'unpublished' },
])('the Thouarsais contract, $label', ({ publie }) => {
  beforeAll(async () => {
    const reply = await admin.patch(p(), { publie });
    expect(reply.status).toBe(200);
    expect(reply.body.publie).toBe(publie);
  });

  for (const route of ALL_ROUTES) {
    describe(`${route.route} [${route.action}]`, () => {
      /**
       * Refused attempts change nothing, so they share one prepared target and one snapshot:
       * each refused audience must leave the contract exactly as the snapshot shows it.
       */
      let refused: { attempt: Attempt; before: Awaited<ReturnType<typeof snapshot>> } | undefined;
      let lastRefusal: Reply | undefined;
      const releaseRefused = async () => {
        if (refused) await refused.attempt.cleanup?.(lastRefusal!);
        refused = undefined;
      };
      afterAll(releaseRefused);

      for (const audience of AUDIENCES) {
        const allowed =
          can(route.action, { role: audience.role, publie }) &&
          !(route.compte && audience.anonymous);
        const expected = allowed ? route.status : refusal(audience, publie, route.notFound).status;
        const client = () => clients.get(audience.name)!;

        it(`${audience.name} → ${expected}`, async () => {
          if (allowed) {
            await releaseRefused();
            const attempt = await route.prepare(++counter, audience);
            let reply: Reply | undefined;
            try {
              reply = await client().request(attempt.method, attempt.path, attempt.body);
              expect(reply.status, JSON.stringify(reply.body)).toBe(route.status);
              await attempt.verify(reply, audience);
            } finally {
              await attempt.cleanup?.(reply ?? { status: 0, body: null, headers: new Headers() });
            }
            return;
          }
          if (!refused) {
            const attempt = await route.prepare(++counter, audience);
            refused = { attempt, before: await snapshot() };
          }
          const { attempt, before } = refused;
          lastRefusal = await client().request(attempt.method, attempt.path, attempt.body);
          const { status, code } = refusal(audience, publie, route.notFound);
          expectError(lastRefusal, status, code);
          expect(await snapshot()).toEqual(before);
          attempt.unchanged?.();
        });
      }
    });
  }
});

describe('an unpublished contract (the Bocage Bressuirais)', () => {
  const readRoutes = ['', '/orientations', '/contrats-lies', '/cooperations', '/membres'];

  it('is hidden: 404 to a signed-in non-member, 401 to an anonymous visitor, like a missing one', async () => {
    const outsider = clients.get('habitant')!;
    const anonymous = clients.get('anonyme')!;
    for (const rest of readRoutes) {
      expectError(await outsider.get(contratPath(BOCAGE, rest)), 404, 'contrat_not_found');
      expectError(await anonymous.get(contratPath(BOCAGE, rest)), 401, 'unauthenticated');
      // Exactly what a contract that does not exist answers: its existence is not revealed.
      const missing = await outsider.get(contratPath('crte-qui-n-existe-pas', rest));
      expectError(missing, 404, 'contrat_not_found');
      expectError(
        await anonymous.get(contratPath('crte-qui-n-existe-pas', rest)),
        401,
        'unauthenticated',
      );
    }
    // Even by its uuid, and even for writes.
    const bocageId = (await bocage.get(contratPath(BOCAGE))).body.id;
    expectError(await admin.get(contratPath(bocageId)), 404, 'contrat_not_found');
    const before = (await bocage.get(contratPath(BOCAGE))).body;
    expectError(
      await admin.patch(contratPath(BOCAGE), { nom: 'CRTE détourné' }),
      404,
      'contrat_not_found',
    );
    expectError(
      await admin.post(contratPath(BOCAGE, '/orientations'), { titre: 'Orientation intruse' }),
      404,
      'contrat_not_found',
    );
    expect((await bocage.get(contratPath(BOCAGE))).body).toEqual(before);
    expect(before).toMatchObject({ publie: false, monRole: 'animateur', orientations: [] });
  });

  it('once published by its animateur, anyone can read it but still not list its members', async () => {
    const published = await bocage.patch(contratPath(BOCAGE), { publie: true });
    expect(published.status).toBe(200);
    expect(published.body.publie).toBe(true);

    const anonymous = clients.get('anonyme')!;
    const read = await anonymous.get(contratPath(BOCAGE));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      slug: BOCAGE,
      nom: 'CRTE du Bocage Bressuirais',
      monRole: null,
    });
    expect((await anonymous.get(contratPath(BOCAGE, '/orientations'))).status).toBe(200);
    expectError(await anonymous.get(contratPath(BOCAGE, '/membres')), 401, 'unauthenticated');

    const outsider = clients.get('habitant')!;
    expect((await outsider.get(contratPath(BOCAGE))).body.monRole).toBeNull();
    expectError(await outsider.get(contratPath(BOCAGE, '/membres')), 403, 'forbidden');
    expectError(
      await outsider.patch(contratPath(BOCAGE), { nom: 'CRTE détourné' }),
      403,
      'forbidden',
    );
    expect((await bocage.get(contratPath(BOCAGE))).body.nom).toBe('CRTE du Bocage Bressuirais');
  });
});
