import type { LiveFollowAck } from '@trame/shared';
import { count, eq } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentaires, contributions } from '../../server/src/db/schema.js';
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
import { ApiClient, signedIn } from '../support/http.js';
import { Mailbox } from '../support/mailbox.js';
import { connectY, synced, until, type YClient } from '../support/yjs.js';

/**
 * Comments over HTTP, with live followers (Socket.IO) and collaborative-document clients (Yjs):
 * threads, anchors that follow the text, moderation before and after publication, reports,
 * permissions per role, bad input and the posting rate limit.
 */

const RATE = 12;
let app: TestApp;
const sink = new Mailbox();
const people = new Map<string, ApiClient>();
const ids = new Map<string, string>();
let anonymous: ApiClient;
let contratId: string;
let publicFiche: string;
let privateFiche: string;
const sockets: Socket[] = [];
const yclients: YClient[] = [];

const p = (rest = '') => contratPath(THOUARSAIS, rest);
const as = (who: string) => people.get(who)!;
const onFiche = (ficheId: string, corps: string, extra: Record<string, unknown> = {}) => ({
  sujetType: 'fiche',
  sujetId: ficheId,
  corps,
  ...extra,
});
const threadsOf = async (client: ApiClient, ficheId: string) => {
  const reply = await client.get(p(`/commentaires?sujetType=fiche&sujetId=${ficheId}`));
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.items as any[];
};
async function post(who: string, body: unknown) {
  const reply = await as(who).post(p('/commentaires'), body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}
const commentCount = async () => (await app.ctx.db.select({ n: count() }).from(commentaires))[0]!.n;

beforeAll(async () => {
  const smtpUrl = await sink.start();
  app = await startApp({
    env: {
      SMTP_URL: smtpUrl,
      NOTIFICATIONS_INTERVAL_MS: '0',
      COMMENTAIRES_PAR_MINUTE: String(RATE),
      RATE_LIMIT_PER_MINUTE: '100000',
    },
  });
  for (const [role, email] of Object.entries(DEMO)) {
    const client = await signedIn(app.url, email);
    people.set(role, client);
    ids.set(role, (await client.get('/api/v1/me')).body.id);
  }
  anonymous = new ApiClient(app.url);
  contratId = (await as('animateur').get(p())).body.id;
  const fiches = (await as('animateur').get(p('/fiches?limit=200'))).body.items;
  publicFiche = fiches.find((f: { public: boolean }) => f.public).id;
  privateFiche = fiches.find((f: { public: boolean }) => !f.public).id;
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  for (const client of yclients.splice(0)) client.destroy();
});
afterAll(async () => {
  await app?.close();
  await sink.close();
});

type Follower = Socket & { received: { event: string; payload: any }[] };

async function follower(who: string | null, sujet: string): Promise<Follower> {
  const extraHeaders: Record<string, string> = { origin: app.url };
  const cookie = who ? as(who).sessionCookie : undefined;
  if (cookie) extraHeaders.cookie = cookie;
  const socket = io(app.url, {
    transports: ['websocket'],
    extraHeaders,
    reconnection: false,
  }) as Follower;
  socket.received = [];
  socket.onAny((event: string, payload: unknown) => socket.received.push({ event, payload }));
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack: LiveFollowAck = await socket.timeout(5_000).emitWithAck('suivre', { sujet });
  expect(ack).toEqual({ ok: true });
  return socket;
}

describe('threads', () => {
  it('posts a thread and its replies, served to members with names and to the public without', async () => {
    const before = (
      await app.ctx.db
        .select({ n: count() })
        .from(contributions)
        .where(eq(contributions.type, 'commentaire'))
    )[0]!.n;
    const root = await post('cotech', onFiche(publicFiche, 'Le calendrier me semble serré.'));
    expect(root).toMatchObject({
      parentId: null,
      etat: 'ouvert',
      publication: 'publie',
      auteur: { id: ids.get('cotech') },
      categorie: 'etat',
      droits: { modifier: true, supprimer: true, changerEtat: true, signaler: false },
    });
    const reply = await post(
      'partenaire',
      onFiche(publicFiche, 'Nous pouvons avancer le chantier.', { parentId: root.id }),
    );
    expect(reply.parentId).toBe(root.id);

    const threads = await threadsOf(as('copil'), publicFiche);
    const thread = threads.find((t) => t.id === root.id);
    expect(thread.reponses.map((r: any) => r.id)).toEqual([reply.id]);
    expect(thread.droits).toMatchObject({ modifier: false, signaler: true, changerEtat: false });

    const publicThread = (await threadsOf(anonymous, publicFiche)).find((t) => t.id === root.id);
    expect(publicThread).not.toHaveProperty('auteur');
    expect(publicThread).not.toHaveProperty('publication');
    expect(publicThread.reponses[0]).toMatchObject({ corps: 'Nous pouvons avancer le chantier.' });

    // One level: a reply answers the thread's first comment.
    expectError(
      await as('copil').post(
        p('/commentaires'),
        onFiche(publicFiche, 'Réponse à une réponse', { parentId: reply.id }),
      ),
      400,
      'reponse_invalide',
    );
    const after = (
      await app.ctx.db
        .select({ n: count() })
        .from(contributions)
        .where(eq(contributions.type, 'commentaire'))
    )[0]!.n;
    expect(after - before).toBe(2);
  });

  it('resolves and reopens a thread: its author or a moderator, once each way', async () => {
    const root = await post('cotech', onFiche(publicFiche, 'À trancher en comité technique.'));
    const url = (action: string) => p(`/commentaires/${root.id}/${action}`);
    expectError(await as('partenaire').post(url('resoudre')), 403, 'forbidden');
    const resolved = await as('cotech').post(url('resoudre'));
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ etat: 'resolu', resoluPar: { id: ids.get('cotech') } });
    expectError(await as('cotech').post(url('resoudre')), 409, 'fil_deja_dans_cet_etat');
    const reopened = await as('animateur').post(url('rouvrir'));
    expect(reopened.body).toMatchObject({ etat: 'ouvert', resoluPar: null, resoluLe: null });
  });

  it('lets its author edit and delete a comment, not others, and keeps threads others replied to', async () => {
    const root = await post('cotech', onFiche(publicFiche, 'Premier jet.'));
    const reply = await post('partenaire', onFiche(publicFiche, 'Réponse.', { parentId: root.id }));
    const edited = await as('partenaire').patch(p(`/commentaires/${reply.id}`), {
      corps: 'Réponse précisée.',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.corps).toBe('Réponse précisée.');
    expect(edited.body.modifieLe).toEqual(expect.any(String));
    expectError(
      await as('cotech').patch(p(`/commentaires/${reply.id}`), { corps: 'Détourné' }),
      403,
      'commentaire_non_modifiable',
    );
    expectError(
      await as('animateur').delete(p(`/commentaires/${reply.id}`)),
      403,
      'commentaire_non_modifiable',
    );
    expectError(
      await as('cotech').delete(p(`/commentaires/${root.id}`)),
      409,
      'commentaire_a_des_reponses',
    );
    expect((await as('partenaire').delete(p(`/commentaires/${reply.id}`))).status).toBe(204);
    expect((await as('cotech').delete(p(`/commentaires/${root.id}`))).status).toBe(204);
    const left = await threadsOf(as('animateur'), publicFiche);
    expect(left.map((t) => t.id)).not.toContain(root.id);
  });

  it('sends new, edited and resolved comments live to the fiche’s followers, public shape only', async () => {
    const watcher = await follower(null, `fiche:${publicFiche}`);
    const root = await post('cotech', onFiche(publicFiche, 'En direct ?'));
    await until(() => watcher.received.length >= 1, 'the new comment, live');
    expect(watcher.received[0]).toEqual({
      event: 'commentaire',
      payload: {
        type: 'publie',
        commentaire: expect.objectContaining({ id: root.id, corps: 'En direct ?' }),
      },
    });
    expect(watcher.received[0]!.payload.commentaire).not.toHaveProperty('auteur');
    await as('cotech').patch(p(`/commentaires/${root.id}`), { corps: 'En direct !' });
    await as('cotech').post(p(`/commentaires/${root.id}/resoudre`));
    await until(() => watcher.received.length >= 3, 'edit and resolution, live');
    expect(watcher.received.map((r) => r.payload.type)).toEqual(['publie', 'modifie', 'etat']);
    expect(watcher.received[2]!.payload.commentaire.etat).toBe('resolu');
  });
});

describe('bad input changes nothing', () => {
  it('refuses empty, oversized and malformed comments, and stores markup as text', async () => {
    const before = await commentCount();
    const cotech = as('cotech');
    const cases: [unknown, number, string][] = [
      [onFiche(publicFiche, '   '), 400, 'validation_failed'],
      [onFiche(publicFiche, 'x'.repeat(5001)), 400, 'validation_failed'],
      [onFiche(publicFiche, 'x'.repeat(100 * 1024)), 413, 'payload_too_large'],
      [{ sujetType: 'fiche', sujetId: 'pas-un-id', corps: 'ok' }, 400, 'validation_failed'],
      [{ sujetType: 'reunion', sujetId: publicFiche, corps: 'ok' }, 400, 'validation_failed'],
      [onFiche(publicFiche, 'ok', { auteurId: ids.get('copil') }), 400, 'validation_failed'],
      [onFiche('00000000-0000-4000-8000-000000000000', 'ok'), 404, 'fiche_not_found'],
      [
        onFiche(publicFiche, 'ok', { parentId: '00000000-0000-4000-8000-000000000000' }),
        404,
        'commentaire_not_found',
      ],
      [
        onFiche(publicFiche, `Voir @[Quelqu’un](${'0'.repeat(8)}-0000-4000-8000-000000000000)`),
        400,
        'mention_non_membre',
      ],
    ];
    for (const [body, status, code] of cases) {
      expectError(await cotech.post(p('/commentaires'), body), status, code as never);
    }
    expect(await commentCount()).toBe(before);

    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const stored = await post('cotech', onFiche(publicFiche, script));
    expect(stored.corps).toBe(script);
    const read = await anonymous.get(p(`/commentaires/${stored.id}`));
    expect(read.headers.get('content-type')).toMatch(/^application\/json/);
    expect(read.body.corps).toBe(script);
  });

  it('refuses a comment on a fiche of another contract, as not found', async () => {
    const bocage = await signedIn(app.url, BOCAGE_ANIMATEUR);
    const theirs = await bocage.post(contratPath(BOCAGE, '/fiches'), {
      titre: 'Fiche du Bocage',
      public: true,
    });
    expect(theirs.status).toBe(201);
    const before = await commentCount();
    expectError(
      await as('animateur').post(p('/commentaires'), onFiche(theirs.body.id, 'Intrus')),
      404,
      'fiche_not_found',
    );
    expectError(
      await as('animateur').get(p(`/commentaires?sujetType=fiche&sujetId=${theirs.body.id}`)),
      404,
      'fiche_not_found',
    );
    expect(await commentCount()).toBe(before);
  });

  it('refuses comments while the current phase does not take them', async () => {
    const animateur = as('animateur');
    const phase = await animateur.post(p('/phases'), {
      type: 'animation',
      libelle: 'Phase sans commentaires',
      dateDebut: '2026-01-01',
      commentaires: false,
    });
    expect(phase.status).toBe(201);
    expect(
      (await animateur.request('PUT', p('/phase-courante'), { phaseId: phase.body.id })).status,
    ).toBe(200);
    try {
      const before = await commentCount();
      for (const who of ['animateur', 'habitant']) {
        expectError(
          await as(who).post(p('/commentaires'), onFiche(publicFiche, 'Fermé ?')),
          409,
          'commentaires_fermes',
        );
      }
      expect(await commentCount()).toBe(before);
    } finally {
      await animateur.request('PUT', p('/phase-courante'), { phaseId: null });
      await animateur.delete(p(`/phases/${phase.body.id}`));
    }
    await post('habitant', onFiche(publicFiche, 'De nouveau ouvert.'));
  });

  it('limits posting per person, with a French message, and writes nothing beyond', async () => {
    const { client } = await joinByInvitation(app.url, sink, as('animateur'), THOUARSAIS, {
      email: 'bavard@exemple.fr',
      nom: 'Marc Bavard',
      role: 'partenaire',
    });
    // Refused attempts do not use the allowance.
    expectError(
      await client.post(p('/commentaires'), onFiche(publicFiche, ' ')),
      400,
      'validation_failed',
    );
    for (let i = 0; i < RATE; i++) {
      expect(
        (await client.post(p('/commentaires'), onFiche(publicFiche, `Avis ${i}`))).status,
      ).toBe(201);
    }
    const before = await commentCount();
    const refused = await client.post(p('/commentaires'), onFiche(publicFiche, 'Un de trop'));
    expectError(refused, 429, 'commentaires_trop_rapides');
    expect(refused.body.error.message).toMatch(/patientez une minute/);
    expect(await commentCount()).toBe(before);
    // Someone else still posts.
    await post('copil', onFiche(publicFiche, 'Je peux encore écrire.'));
  });
});

describe('permissions per role', () => {
  it('lets no one but the animateur moderate, and no anonymous visitor post', async () => {
    const target = await post('partenaire', onFiche(publicFiche, 'À modérer ?'));
    for (const who of ['habitant', 'partenaire', 'cotech', 'copil']) {
      expectError(await as(who).post(p(`/commentaires/${target.id}/publier`)), 403, 'forbidden');
      expectError(
        await as(who).post(p(`/commentaires/${target.id}/masquer`), { motif: 'Non' }),
        403,
        'forbidden',
      );
      expectError(await as(who).get(p('/moderation')), 403, 'forbidden');
    }
    expectError(
      await anonymous.post(p('/commentaires'), onFiche(publicFiche, 'Anonyme')),
      401,
      'unauthenticated',
    );
    expectError(
      await anonymous.post(p(`/commentaires/${target.id}/signalements`), { motif: 'x' }),
      401,
      'unauthenticated',
    );
    // A private fiche's comments are for its readers only.
    await post('cotech', onFiche(privateFiche, 'Interne.'));
    expectError(
      await anonymous.get(p(`/commentaires?sujetType=fiche&sujetId=${privateFiche}`)),
      401,
      'unauthenticated',
    );
    expectError(
      await as('habitant').get(p(`/commentaires?sujetType=fiche&sujetId=${privateFiche}`)),
      404,
      'fiche_not_found',
    );
  });

  it('lets only moderators follow the moderation queue live', async () => {
    await follower('animateur', `moderation:${contratId}`);
    for (const who of ['habitant', 'cotech', null]) {
      const extraHeaders: Record<string, string> = { origin: app.url };
      if (who) extraHeaders.cookie = as(who).sessionCookie!;
      const socket = io(app.url, { transports: ['websocket'], extraHeaders, reconnection: false });
      sockets.push(socket);
      const ack: LiveFollowAck = await socket
        .timeout(5_000)
        .emitWithAck('suivre', { sujet: `moderation:${contratId}` });
      expect(ack.ok, String(who)).toBe(false);
    }
  });
});

describe('moderation', () => {
  afterAll(async () => {
    await as('animateur').request('PUT', p('/moderation/mode'), { mode: 'a_posteriori' });
  });

  it('before publication: a resident’s comment waits, unseen and unsent, until a moderator publishes it', async () => {
    const mode = await as('animateur').request('PUT', p('/moderation/mode'), { mode: 'a_priori' });
    expect(mode.body).toEqual({ mode: 'a_priori' });
    const watcher = await follower(null, `fiche:${publicFiche}`);
    const queue = await follower('animateur', `moderation:${contratId}`);

    const waiting = await post(
      'habitant',
      onFiche(publicFiche, 'Avis d’une habitante, à modérer.'),
    );
    expect(waiting.publication).toBe('en_attente');
    // Other members publish directly.
    const direct = await post('partenaire', onFiche(publicFiche, 'Avis d’un partenaire.'));
    expect(direct.publication).toBe('publie');

    await until(() => queue.received.length >= 1, 'the queue hears of it');
    expect(queue.received[0]).toEqual({
      event: 'moderation',
      payload: { type: 'commentaire', id: waiting.id },
    });
    await until(() => watcher.received.length >= 1, 'the published one, live');
    for (const client of [anonymous, as('cotech')]) {
      expect((await threadsOf(client, publicFiche)).map((t) => t.id)).not.toContain(waiting.id);
    }
    expectError(await as('cotech').get(p(`/commentaires/${waiting.id}`)), 404, 'not_found');
    const own = (await threadsOf(as('habitant'), publicFiche)).find((t) => t.id === waiting.id);
    expect(own.publication).toBe('en_attente');
    const file = await as('animateur').get(p('/moderation'));
    expect(file.body.mode).toBe('a_priori');
    expect(file.body.commentaires.map((c: any) => c.commentaire.id)).toContain(waiting.id);
    expect(Array.isArray(file.body.propositions)).toBe(true);

    const published = await as('animateur').post(p(`/commentaires/${waiting.id}/publier`));
    expect(published.body).toMatchObject({ publication: 'publie' });
    expectError(
      await as('animateur').post(p(`/commentaires/${waiting.id}/publier`)),
      409,
      'commentaire_deja_publie',
    );
    await until(() => watcher.received.length >= 2, 'published, live');
    expect(watcher.received[1]!.payload).toMatchObject({
      type: 'publie',
      commentaire: { id: waiting.id },
    });
    expect((await threadsOf(anonymous, publicFiche)).map((t) => t.id)).toContain(waiting.id);
    const after = await as('animateur').get(p('/moderation'));
    expect(after.body.commentaires.map((c: any) => c.commentaire.id)).not.toContain(waiting.id);
  });

  it('after publication: reported, then hidden with a reason, never served or sent to others again', async () => {
    const mode = await as('animateur').request('PUT', p('/moderation/mode'), {
      mode: 'a_posteriori',
    });
    expect(mode.body).toEqual({ mode: 'a_posteriori' });
    const secret = 'Propos injurieux à masquer.';
    const comment = await post('habitant', onFiche(publicFiche, secret));
    expect(comment.publication).toBe('publie');
    const watcher = await follower(null, `fiche:${publicFiche}`);

    expectError(
      await as('cotech').post(p(`/commentaires/${comment.id}/signalements`), { motif: ' ' }),
      400,
      'validation_failed',
    );
    const report = await as('cotech').post(p(`/commentaires/${comment.id}/signalements`), {
      motif: 'Propos insultants',
    });
    expect(report.status).toBe(201);
    expectError(
      await as('cotech').post(p(`/commentaires/${comment.id}/signalements`), { motif: 'Encore' }),
      409,
      'commentaire_deja_signale',
    );
    expectError(
      await as('habitant').post(p(`/commentaires/${comment.id}/signalements`), { motif: 'Moi' }),
      409,
      'signalement_impossible',
    );
    // Anyone signed in reads the published contract and may report.
    const outsider = await signedIn(app.url, BOCAGE_ANIMATEUR);
    expect(
      (await outsider.post(p(`/commentaires/${comment.id}/signalements`), { motif: 'Choquant' }))
        .status,
    ).toBe(201);

    const file = (await as('animateur').get(p('/moderation'))).body;
    const entry = file.commentaires.find((c: any) => c.commentaire.id === comment.id);
    expect(entry.signalements.map((s: any) => s.motif)).toEqual(['Propos insultants', 'Choquant']);
    expect(entry.commentaire.droits).toMatchObject({ publier: true, masquer: true });

    expectError(
      await as('animateur').post(p(`/commentaires/${comment.id}/masquer`), {}),
      400,
      'validation_failed',
    );
    const hidden = await as('animateur').post(p(`/commentaires/${comment.id}/masquer`), {
      motif: 'Contraire à la charte',
    });
    expect(hidden.body).toMatchObject({
      publication: 'masque',
      moderation: { par: { id: ids.get('animateur') }, motif: 'Contraire à la charte' },
    });
    await until(() => watcher.received.length >= 1, 'the removal, live');
    expect(watcher.received).toEqual([
      { event: 'commentaire', payload: { type: 'retire', id: comment.id, parentId: null } },
    ]);
    expect(JSON.stringify(watcher.received)).not.toContain(secret);

    for (const client of [anonymous, as('cotech'), outsider]) {
      const listed = await threadsOf(client, publicFiche);
      expect(JSON.stringify(listed)).not.toContain(secret);
    }
    expectError(await anonymous.get(p(`/commentaires/${comment.id}`)), 401, 'unauthenticated');
    expectError(await as('copil').get(p(`/commentaires/${comment.id}`)), 404, 'not_found');
    // Its author reads it as hidden, with the reason, not who hid it.
    const own = (await as('habitant').get(p(`/commentaires/${comment.id}`))).body;
    expect(own).toMatchObject({
      corps: secret,
      publication: 'masque',
      moderation: { par: null, motif: 'Contraire à la charte' },
      droits: { modifier: false, supprimer: false },
    });
    // Kept in the database, with who hid it, when and why; reports handled.
    const [row] = await app.ctx.db
      .select()
      .from(commentaires)
      .where(eq(commentaires.id, comment.id));
    expect(row).toMatchObject({
      corps: secret,
      publication: 'masque',
      moderePar: ids.get('animateur'),
      moderationMotif: 'Contraire à la charte',
    });
    const queue = (await as('animateur').get(p('/moderation'))).body;
    expect(queue.commentaires.map((c: any) => c.commentaire.id)).not.toContain(comment.id);
    expectError(
      await as('animateur').post(p(`/commentaires/${comment.id}/masquer`), { motif: 'Encore' }),
      409,
      'commentaire_deja_masque',
    );
  });

  it('keeps a reported comment when the moderator publishes it, closing its reports', async () => {
    const comment = await post('partenaire', onFiche(publicFiche, 'Avis contesté mais correct.'));
    await as('habitant').post(p(`/commentaires/${comment.id}/signalements`), { motif: 'Faux' });
    const kept = await as('animateur').post(p(`/commentaires/${comment.id}/publier`));
    expect(kept.status).toBe(200);
    const queue = (await as('animateur').get(p('/moderation'))).body;
    expect(queue.commentaires.map((c: any) => c.commentaire.id)).not.toContain(comment.id);
  });

  it('sets the mode for the animateur only', async () => {
    expectError(
      await as('cotech').request('PUT', p('/moderation/mode'), { mode: 'a_priori' }),
      403,
      'forbidden',
    );
    expectError(
      await as('animateur').request('PUT', p('/moderation/mode'), { mode: 'jamais' }),
      400,
      'validation_failed',
    );
  });
});

describe('anchored comments', () => {
  const name = () => `contrat:${contratId}:projet`;
  const serverText = () =>
    app.sync.withDocument(name(), (doc) => doc.doc.getText('texte').toString());
  const b64 = (position: Y.RelativePosition) =>
    Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

  it('follows the passage as others edit around it, and keeps the thread when it is deleted', async () => {
    const writer = connectY(app.url, name(), { cookie: as('animateur').sessionCookie });
    const other = connectY(app.url, name(), { cookie: as('cotech').sessionCookie });
    yclients.push(writer, other);
    await Promise.all([synced(writer), synced(other)]);
    const passage = 'la mobilité partagée';
    writer.text.insert(0, `Favoriser ${passage} en zone rurale.`);
    await until(async () => (await serverText()).includes(passage), 'the server has the text');

    const start = writer.text.toString().indexOf(passage);
    const debut = Y.createRelativePositionFromTypeIndex(writer.text, start, 0);
    const fin = Y.createRelativePositionFromTypeIndex(writer.text, start + passage.length, -1);
    const anchored = await post('cotech', {
      sujetType: 'document',
      sujetId: name(),
      corps: 'Quels services précisément ?',
      ancre: { debut: b64(debut), fin: b64(fin), extrait: passage },
    });
    expect(anchored.ancre).toEqual({ extrait: passage, passage, passageSupprime: false });

    // Another client inserts before, right after, inside-adjacent and far, and deletes around.
    await until(() => other.text.toString().includes(passage), 'the other client has the text');
    other.text.insert(0, 'Objectif : ');
    const at = other.text.toString().indexOf(passage);
    other.text.insert(at + passage.length, ' et solidaire');
    other.text.insert(at, 'vraiment ');
    other.text.delete(0, 'Objectif : '.length);
    other.text.insert(other.text.length, ' Fin.');
    const expected = other.text.toString();
    await until(async () => (await serverText()) === expected, 'the server has the edits');
    const list = async () =>
      (await as('copil').get(p(`/commentaires?sujetType=document&sujetId=${name()}`))).body.items;
    const thread = (await list()).find((t: any) => t.id === anchored.id);
    expect(thread.ancre).toEqual({ extrait: passage, passage, passageSupprime: false });

    // The passage itself is deleted: the thread stays, marked so.
    const now = other.text.toString().indexOf(passage);
    other.text.delete(now, passage.length);
    const withoutPassage = other.text.toString();
    await until(async () => (await serverText()) === withoutPassage, 'the server has the deletion');
    const kept = (await list()).find((t: any) => t.id === anchored.id);
    expect(kept.ancre).toEqual({ extrait: passage, passage: null, passageSupprime: true });
    expect(kept.corps).toBe('Quels services précisément ?');
  });

  it('refuses anchors that do not decode or do not belong to the document, writing nothing', async () => {
    const stranger = new Y.Doc();
    const text = stranger.getText('texte');
    text.insert(0, 'Un texte que le serveur n’a jamais vu');
    const foreign = {
      debut: b64(Y.createRelativePositionFromTypeIndex(text, 3, 0)),
      fin: b64(Y.createRelativePositionFromTypeIndex(text, 8, -1)),
      extrait: 'texte',
    };
    const unknownRoot = {
      debut: b64(Y.createRelativePositionFromTypeIndex(stranger.getText('inconnu'), 0, 0)),
      fin: b64(Y.createRelativePositionFromTypeIndex(stranger.getText('inconnu'), 0, -1)),
      extrait: 'rien',
    };
    const before = await commentCount();
    for (const ancre of [
      foreign,
      unknownRoot,
      { debut: 'AAAAAAAA', fin: 'AAAAAAAA', extrait: 'x' },
    ]) {
      expectError(
        await as('cotech').post(p('/commentaires'), {
          sujetType: 'document',
          sujetId: name(),
          corps: 'Ancre invalide',
          ancre,
        }),
        400,
        'ancre_invalide',
      );
    }
    expectError(
      await as('cotech').post(p('/commentaires'), {
        sujetType: 'document',
        sujetId: name(),
        corps: 'Ancre mal formée',
        ancre: { debut: 'pas du base64 !', fin: 'AAAA', extrait: 'x' },
      }),
      400,
      'validation_failed',
    );
    expect(await commentCount()).toBe(before);
    // Resolving the unknown root did not create it in the live document.
    expect(await app.sync.withDocument(name(), (doc) => doc.doc.share.has('inconnu'))).toBe(false);
  });
});
