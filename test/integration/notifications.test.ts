import { HEURE_RESUME, parisInstant } from '@trame/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationSender } from '../../server/src/notifications/sender.js';
import { startApp, type TestApp } from '../support/app.js';
import { contratPath, DEMO, expectError, THOUARSAIS } from '../support/fixtures/trame.js';
import { ApiClient, signedIn } from '../support/http.js';
import { Mailbox } from '../support/mailbox.js';
import { until } from '../support/yjs.js';

/**
 * Notifications: created in the app for mentions, replies and the moderation queue, pushed live,
 * and e-mailed per preference by the sender, whose clock the tests set.
 */

let app: TestApp;
const sink = new Mailbox();
const people = new Map<string, ApiClient>();
const ids = new Map<string, string>();
let publicFiche: string;
const sockets: Socket[] = [];

const p = (rest = '') => contratPath(THOUARSAIS, rest);
const as = (who: string) => people.get(who)!;
const mention = (who: string, nom = 'quelqu’un') => `@[${nom}](${ids.get(who)})`;
const comment = async (who: string, corps: string, extra: Record<string, unknown> = {}) => {
  const reply = await as(who).post(p('/commentaires'), {
    sujetType: 'fiche',
    sujetId: publicFiche,
    corps,
    ...extra,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};
const notificationsOf = async (who: string) => (await as(who).get('/api/v1/notifications')).body;
const preference = (who: string, email: string) =>
  as(who).request('PUT', '/api/v1/me/notifications', { email });
/** The next 7:00 in Paris after `instant`, and the day after. */
const nextDigest = (instant: Date, days = 1) => {
  const day = new Date(instant.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return parisInstant(day, HEURE_RESUME);
};

beforeAll(async () => {
  const smtpUrl = await sink.start();
  app = await startApp({
    env: {
      SMTP_URL: smtpUrl,
      NOTIFICATIONS_INTERVAL_MS: '0',
      COMMENTAIRES_PAR_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
    },
  });
  for (const [role, email] of Object.entries(DEMO)) {
    const client = await signedIn(app.url, email);
    people.set(role, client);
    ids.set(role, (await client.get('/api/v1/me')).body.id);
  }
  const fiches = (await as('animateur').get(p('/fiches?limit=200'))).body.items;
  publicFiche = fiches.find((f: { public: boolean }) => f.public).id;
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  // Each test starts with nothing waiting: what it e-mails is its own.
  for (const who of people.keys()) await as(who).post('/api/v1/notifications/lues');
});
afterAll(async () => {
  await app?.close();
  await sink.close();
});

describe('in the app', () => {
  it('notifies a mentioned member and the thread’s author, live, with the member’s own name', async () => {
    const socket = io(app.url, {
      transports: ['websocket'],
      extraHeaders: { origin: app.url, cookie: as('copil').sessionCookie! },
      reconnection: false,
    });
    sockets.push(socket);
    const live: any[] = [];
    socket.on('notification', (payload) => live.push(payload));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));

    const root = await comment('copil', 'Qui suit la voirie ?');
    const reply = await comment(
      'cotech',
      `Je propose ${mention('partenaire', 'Le préfet')} et moi.`,
      {
        parentId: root.id,
      },
    );
    expect(reply.corps).toBe(`Je propose @[Karim Benali](${ids.get('partenaire')}) et moi.`);

    const partenaire = await notificationsOf('partenaire');
    expect(partenaire.nonLues).toBe(1);
    expect(partenaire.items[0]).toMatchObject({
      type: 'mention',
      titre: expect.stringContaining('Sophie'),
      extrait: 'Je propose @Karim Benali et moi.',
      lien: expect.stringMatching(new RegExp(`/fiches/${publicFiche}#commentaire-${reply.id}$`)),
      lue: false,
    });
    const copil = await notificationsOf('copil');
    expect(copil.items[0]).toMatchObject({ type: 'reponse', lue: false });
    await until(() => live.length === 1, 'the notification, live');
    expect(live[0]).toMatchObject({ id: copil.items[0].id, type: 'reponse' });
    // Never one's own comment.
    expect((await notificationsOf('cotech')).nonLues).toBe(0);
  });

  it('tells the animateurs of what enters the moderation queue', async () => {
    await as('animateur').request('PUT', p('/moderation/mode'), { mode: 'a_priori' });
    try {
      const waiting = await comment('habitant', `Avis de ${mention('cotech')}, en attente.`);
      const animateur = await notificationsOf('animateur');
      expect(animateur.items[0]).toMatchObject({
        type: 'moderation',
        lien: `/contrats/${THOUARSAIS}/moderation`,
      });
      // A waiting comment notifies no one it mentions, until it is published.
      expect((await notificationsOf('cotech')).nonLues).toBe(0);
      await as('animateur').post(p(`/commentaires/${waiting.id}/publier`));
      expect((await notificationsOf('cotech')).items[0]).toMatchObject({ type: 'mention' });
    } finally {
      await as('animateur').request('PUT', p('/moderation/mode'), { mode: 'a_posteriori' });
    }
    const reported = await comment('partenaire', 'Un avis tranché.');
    await as('copil').post(p(`/commentaires/${reported.id}/signalements`), { motif: 'Hors sujet' });
    expect((await notificationsOf('animateur')).items[0].titre).toMatch(/^Commentaire signalé/);
  });

  it('marks one or all read, counts the unread, and keeps each person’s own', async () => {
    await comment('cotech', `${mention('copil')} et ${mention('habitant')}, votre avis ?`);
    await comment('cotech', `${mention('copil')} encore.`);
    const copil = as('copil');
    expect((await copil.get('/api/v1/notifications/non-lues')).body).toEqual({ nonLues: 2 });
    const [first] = (await notificationsOf('copil')).items;
    expectError(
      await as('habitant').post(`/api/v1/notifications/${first.id}/lue`),
      404,
      'not_found',
    );
    const read = await copil.post(`/api/v1/notifications/${first.id}/lue`);
    expect(read.body).toMatchObject({ id: first.id, lue: true });
    const unread = (await copil.get('/api/v1/notifications?nonLues=1')).body;
    expect(unread).toMatchObject({ total: 1, nonLues: 1 });
    expect((await copil.post('/api/v1/notifications/lues')).body).toEqual({ nonLues: 0 });
    expect((await copil.get('/api/v1/notifications/non-lues')).body).toEqual({ nonLues: 0 });
    expect((await notificationsOf('habitant')).nonLues).toBe(1);

    const anonymous = new ApiClient(app.url);
    for (const path of ['/api/v1/notifications', '/api/v1/me/notifications']) {
      expectError(await anonymous.get(path), 401, 'unauthenticated');
    }
  });

  it('keeps a preference per person: a daily digest by default', async () => {
    expect((await as('copil').get('/api/v1/me/notifications')).body).toEqual({
      email: 'quotidien',
    });
    expect((await preference('copil', 'immediat')).body).toEqual({ email: 'immediat' });
    expect((await as('copil').get('/api/v1/me/notifications')).body).toEqual({ email: 'immediat' });
    expectError(await preference('copil', 'toutes les heures'), 400, 'validation_failed');
    await preference('copil', 'quotidien');
  });
});

describe('by e-mail', () => {
  const sender = () => createNotificationSender(app.ctx);

  it('sends each notification at once to a person who asked', async () => {
    await preference('partenaire', 'immediat');
    const before = mails('partenaire').length;
    await comment('cotech', `${mention('partenaire')} : premier point.`);
    await comment('copil', `${mention('partenaire')} : second point.`);
    const now = new Date();
    expect(await sender().runOnce(now)).toBeGreaterThanOrEqual(2);
    const sent = mails('partenaire').slice(before);
    expect(sent.map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Sophie .* vous a mentionné·e/),
      expect.stringMatching(/vous a mentionné·e/),
    ]);
    expect(sent[0]!.text).toContain('premier point');
    expect(sent[0]!.text).toContain(`${app.url}/contrats/${THOUARSAIS}/fiches/${publicFiche}`);
    expect(await sender().runOnce(now)).toBe(0);
    expect(mails('partenaire').length).toBe(before + 2);
    await preference('partenaire', 'quotidien');
  });

  it('sends one daily digest at 7:00, never two the same day', async () => {
    const before = mails('habitant').length;
    await comment('cotech', `${mention('habitant')} : le calendrier.`);
    await comment('copil', `${mention('habitant')} : le budget.`);
    const now = new Date();
    await sender().runOnce(now);
    expect(mails('habitant').length).toBe(before);
    const morning = nextDigest(now);
    await sender().runOnce(morning);
    const digests = mails('habitant').slice(before);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toBe('Votre résumé Trame : 2 notifications');
    expect(digests[0]!.text).toContain('le calendrier');
    expect(digests[0]!.text).toContain('le budget');

    // Something new that day: not before the next morning, whatever the runs.
    await comment('cotech', `${mention('habitant')} : un troisième point.`);
    for (const hours of [0, 1, 5, 16]) {
      await sender().runOnce(new Date(morning.getTime() + hours * 3_600_000));
    }
    expect(mails('habitant').length).toBe(before + 1);
    await sender().runOnce(nextDigest(morning));
    expect(mails('habitant').length).toBe(before + 2);
    expect(mails('habitant').at(-1)!.subject).toBe('Votre résumé Trame : 1 notification');
  });

  it('e-mails nothing already read in the app, and nothing to a person who wants none', async () => {
    await preference('copil', 'aucun');
    const beforeCopil = mails('copil').length;
    const beforeAnimateur = mails('animateur').length;
    await comment('cotech', `${mention('copil')} et ${mention('animateur')} : lu ?`);
    await as('animateur').post('/api/v1/notifications/lues');
    const later = nextDigest(new Date(), 2);
    await sender().runOnce(later);
    expect(mails('copil').length).toBe(beforeCopil);
    expect(mails('animateur').length).toBe(beforeAnimateur);
    await preference('copil', 'quotidien');
  });
});

// Reported as skipped, with this reason in its name, when PostgreSQL is missing.
describe.runIf(process.env.DATABASE_URL)(
  'e-mails across instances (needs DATABASE_URL: one embedded database cannot serve two processes)',
  () => {
    it('sends a digest once when two instances run their sender at the same moment', async () => {
      const second = await app.sibling();
      const before = mails('habitant').length;
      await comment('cotech', `${mention('habitant')} : deux serveurs.`);
      await comment('copil', `${mention('habitant')} : une seule fois.`);
      const when = nextDigest(new Date(), 3);
      const senders = [createNotificationSender(app.ctx), createNotificationSender(second.ctx)];
      const counts = await Promise.all([...senders, ...senders].map((s) => s.runOnce(when)));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      expect(mails('habitant').length).toBe(before + 1);
    });
  },
);

function mails(who: string) {
  return sink.messagesTo(DEMO[who as keyof typeof DEMO]);
}
