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
import { ApiClient, signedIn } from '../support/http.js';
import { Mailbox } from '../support/mailbox.js';

let app: TestApp;
const sink = new Mailbox();
let animateur: ApiClient;
let bocage: ApiClient;

beforeAll(async () => {
  const smtpUrl = await sink.start();
  app = await startApp({ env: { SMTP_URL: smtpUrl, RATE_LIMIT_PER_MINUTE: '100000' } });
  [animateur, bocage] = await Promise.all([
    signedIn(app.url, DEMO.animateur),
    signedIn(app.url, BOCAGE_ANIMATEUR),
  ]);
});
afterAll(async () => {
  await app?.close();
  await sink.close();
});

const membres = (rest = THOUARSAIS) => contratPath(rest, '/membres');
const invitations = (rest = THOUARSAIS) => contratPath(rest, '/invitations');
const listMembres = async (contrat = THOUARSAIS) => (await animateur.get(membres(contrat))).body;
const membreByEmail = async (email: string, contrat = THOUARSAIS) =>
  (await listMembres(contrat)).items.find((m: any) => m.email === email);
const accept = (client: ApiClient, token: string, body: unknown = {}) =>
  client.post(`/api/v1/invitations/${token}/accepter`, body);

/** A fresh contract led by the demo animateur, so membership changes stay local to a test. */
async function newContrat(nom: string): Promise<{ id: string; slug: string }> {
  const reply = await animateur.post('/api/v1/contrats', { nom, communes: ['79329'] });
  expect(reply.status).toBe(201);
  return reply.body;
}

describe('inviting', () => {
  it('adds an existing account at once, with the role and category given, and tells them', async () => {
    const reply = await animateur.post(membres(), {
      email: 'Animateur.Bocage@Trame.test',
      role: 'partenaire',
      categorie: 'entreprise',
      message: 'Bienvenue dans le CRTE du Thouarsais',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      type: 'membre',
      membre: {
        userId: expect.any(String),
        nom: 'Thomas Girard',
        email: BOCAGE_ANIMATEUR,
        role: 'partenaire',
        categorie: 'entreprise',
        depuis: expect.any(String),
      },
    });
    expect(await membreByEmail(BOCAGE_ANIMATEUR)).toEqual(reply.body.membre);
    const me = (await bocage.get('/api/v1/me')).body;
    expect(me.memberships).toContainEqual(
      expect.objectContaining({ slug: THOUARSAIS, role: 'partenaire' }),
    );
    expect((await bocage.get(contratPath(THOUARSAIS))).body.monRole).toBe('partenaire');
    const [mail] = sink.messagesTo(BOCAGE_ANIMATEUR);
    expect(mail!.text).toContain('CRTE du Thouarsais');
    expect(mail!.text).toContain(`${app.url}/contrats/${THOUARSAIS}`);
    expect(mail!.text).toContain('Bienvenue dans le CRTE du Thouarsais');
    expect((await animateur.get(invitations())).body.total).toBe(0);
  });

  it('invites an unknown address by e-mail; accepting creates the account and signs it in', async () => {
    const email = 'nouvelle.elue@exemple.fr';
    const invited = await animateur.post(membres(), { email, role: 'copil' });
    expect(invited.status).toBe(201);
    expect(invited.body).toEqual({
      type: 'invitation',
      invitation: {
        id: expect.any(String),
        email,
        role: 'copil',
        categorie: 'elu',
        invitePar: 'Claire Moreau',
        expiresAt: expect.any(String),
        createdAt: expect.any(String),
      },
    });
    const days = (Date.parse(invited.body.invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(14);
    expect((await animateur.get(invitations())).body.items).toEqual([invited.body.invitation]);
    expect(await membreByEmail(email)).toBeUndefined();

    const link = sink.invitationLink(email);
    const token = sink.invitationToken(email);
    expect(link).toBe(`${app.url}/invitation/${token}`);
    expect(sink.messagesTo(email)[0]!.text).toContain('CRTE du Thouarsais');

    const visitor = new ApiClient(app.url);
    const preview = await visitor.get(`/api/v1/invitations/${token}`);
    expect(preview.status).toBe(200);
    const contrat = (await animateur.get(contratPath(THOUARSAIS))).body;
    expect(preview.body).toEqual({
      email,
      role: 'copil',
      contrat: { id: contrat.id, slug: THOUARSAIS, nom: 'CRTE du Thouarsais' },
      compteExistant: false,
    });

    const incomplete = await accept(visitor, token, {});
    expectError(incomplete, 400, 'validation_failed');
    expect(incomplete.body.error.details.map((d: any) => d.path).sort()).toEqual([
      'nom',
      'password',
    ]);
    expectError(
      await accept(visitor, token, { nom: 'Inès Élue', password: 'court' }),
      400,
      'validation_failed',
    );
    expect((await visitor.get('/api/v1/me')).status).toBe(401);

    const accepted = await accept(visitor, token, {
      nom: 'Inès Élue',
      password: 'un mot de passe assez long',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({
      contrat: { id: contrat.id, slug: THOUARSAIS, nom: 'CRTE du Thouarsais' },
    });
    const me = await visitor.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email, nom: 'Inès Élue', categorie: 'elu' });
    expect(me.body.memberships).toEqual([
      expect.objectContaining({ slug: THOUARSAIS, role: 'copil' }),
    ]);
    expect(await membreByEmail(email)).toMatchObject({
      nom: 'Inès Élue',
      role: 'copil',
      categorie: 'elu',
    });
    expect((await animateur.get(invitations())).body.total).toBe(0);
    // The address counts as verified: the password works from a new browser.
    const again = new ApiClient(app.url);
    expect(
      (await again.post('/api/v1/auth/login', { email, password: 'un mot de passe assez long' }))
        .status,
    ).toBe(200);

    // The link served once.
    expectError(
      await new ApiClient(app.url).get(`/api/v1/invitations/${token}`),
      400,
      'invalid_token',
    );
    const reused = await accept(new ApiClient(app.url), token, {
      nom: 'Quelqu’un',
      password: 'un autre mot de passe',
    });
    expectError(reused, 400, 'invalid_token');
    expect((await listMembres()).items.filter((m: any) => m.email === email)).toHaveLength(1);
  });

  it('refuses to invite someone who is already a member (409), leaving their role alone', async () => {
    const before = await listMembres();
    const reply = await animateur.post(membres(), { email: 'COPIL@trame.test', role: 'habitant' });
    expectError(reply, 409, 'already_member');
    expect(await listMembres()).toEqual(before);
    expect((await membreByEmail(DEMO.copil)).role).toBe('copil');
    expect(sink.messagesTo(DEMO.copil)).toHaveLength(0);
  });

  it('replaces a pending invitation when the same address is invited again', async () => {
    const email = 'deux.fois@exemple.fr';
    const first = await animateur.post(membres(), { email, role: 'habitant' });
    const firstToken = sink.invitationToken(email);
    const second = await animateur.post(membres(), { email, role: 'cotech', categorie: 'etat' });
    expect(second.status).toBe(201);
    const secondToken = sink.invitationToken(email);
    expect(secondToken).not.toBe(firstToken);
    const pending = (await animateur.get(invitations())).body.items.filter(
      (i: any) => i.email === email,
    );
    expect(pending).toEqual([second.body.invitation]);
    expect(pending[0].id).not.toBe(first.body.invitation.id);
    expectError(
      await new ApiClient(app.url).get(`/api/v1/invitations/${firstToken}`),
      400,
      'invalid_token',
    );
    expect((await new ApiClient(app.url).get(`/api/v1/invitations/${secondToken}`)).body.role).toBe(
      'cotech',
    );
    expect(
      (await animateur.delete(invitations().concat(`/${second.body.invitation.id}`))).status,
    ).toBe(204);
  });

  it('keeps one pending invitation when the same address is invited twice at once', async () => {
    const email = 'double.clic@exemple.fr';
    const replies = await Promise.all([
      animateur.post(membres(), { email, role: 'habitant' }),
      animateur.post(membres(), { email, role: 'habitant' }),
    ]);
    expect(replies.map((r) => r.status)).toEqual([201, 201]);
    const pending = (await animateur.get(invitations())).body.items.filter(
      (i: any) => i.email === email,
    );
    expect(pending).toHaveLength(1);
    // Both were mailed; only the link of the invitation kept still works.
    const tokens = sink
      .messagesTo(email)
      .map((m) => /\/invitation\/([A-Za-z0-9_-]+)/.exec(m.text)![1]!);
    expect(tokens).toHaveLength(2);
    const previews = await Promise.all(
      tokens.map((t) => new ApiClient(app.url).get(`/api/v1/invitations/${t}`)),
    );
    expect(previews.map((r) => r.status).sort()).toEqual([200, 400]);
    expect((await animateur.delete(`${invitations()}/${pending[0].id}`)).status).toBe(204);
  });

  it('refuses malformed invitations', async () => {
    for (const body of [
      { email: 'pas-une-adresse', role: 'habitant' },
      { email: 'ok@exemple.fr', role: 'admin' },
      { email: 'ok@exemple.fr', role: 'habitant', categorie: 'inconnue' },
      { email: 'ok@exemple.fr', role: 'habitant', contratId: 'x' },
    ]) {
      expectError(await animateur.post(membres(), body), 400, 'validation_failed');
    }
    expect(sink.messagesTo('ok@exemple.fr')).toHaveLength(0);
  });

  it('can be cancelled; a cancelled invitation can no longer be used', async () => {
    const email = 'annulee@exemple.fr';
    const invited = await animateur.post(membres(), { email, role: 'partenaire' });
    const token = sink.invitationToken(email);
    expect((await animateur.delete(`${invitations()}/${invited.body.invitation.id}`)).status).toBe(
      204,
    );
    expect((await animateur.get(invitations())).body.items.map((i: any) => i.email)).not.toContain(
      email,
    );
    const visitor = new ApiClient(app.url);
    expectError(await visitor.get(`/api/v1/invitations/${token}`), 400, 'invalid_token');
    expectError(
      await accept(visitor, token, { nom: 'Trop Tard', password: 'un mot de passe assez long' }),
      400,
      'invalid_token',
    );
    expect((await visitor.get('/api/v1/me')).status).toBe(401);
    expectError(
      await visitor.post('/api/v1/auth/login', { email, password: 'un mot de passe assez long' }),
      401,
      'invalid_credentials',
    );
    expect(await membreByEmail(email)).toBeUndefined();
    expectError(
      await animateur.delete(`${invitations()}/${invited.body.invitation.id}`),
      404,
      'not_found',
    );
  });

  it('to an address that has an account by then, must be accepted signed in as that account', async () => {
    const email = 'compte.entre.temps@exemple.fr';
    const password = 'mot de passe du compte';
    // Invited to the Thouarsais while without an account…
    await animateur.post(membres(), { email, role: 'cotech' });
    const token = sink.invitationToken(email);
    // …the person then gets an account through the Bocage's invitation.
    const joined = await joinByInvitation(app.url, sink, bocage, BOCAGE, {
      email,
      nom: 'Paul Entretemps',
      password,
    });
    expect((await new ApiClient(app.url).get(`/api/v1/invitations/${token}`)).body).toMatchObject({
      email,
      role: 'cotech',
      compteExistant: true,
    });

    const before = await listMembres();
    const anonymous = new ApiClient(app.url);
    expectError(
      await accept(anonymous, token, { nom: 'Intrus', password: 'un mot de passe assez long' }),
      401,
      'unauthenticated',
    );
    expect((await anonymous.get('/api/v1/me')).status).toBe(401);
    const someoneElse = await signedIn(app.url, DEMO.habitant);
    expectError(await accept(someoneElse, token), 403, 'invitation_email_mismatch');
    expect(await listMembres()).toEqual(before);
    expect((await someoneElse.get(contratPath(THOUARSAIS))).body.monRole).toBe('habitant');

    const accepted = await accept(joined.client, token);
    expect(accepted.status).toBe(200);
    expect(accepted.body.contrat.slug).toBe(THOUARSAIS);
    expect(await membreByEmail(email)).toMatchObject({
      userId: joined.userId,
      role: 'cotech',
      nom: 'Paul Entretemps',
    });
    expect(
      (await joined.client.get('/api/v1/me')).body.memberships.map((m: any) => m.slug).sort(),
    ).toEqual([BOCAGE, THOUARSAIS].sort());
    expectError(await accept(joined.client, token), 400, 'invalid_token');
  });

  it('will not create the invited account under someone else’s session', async () => {
    const email = 'invitee.sans.compte@exemple.fr';
    await animateur.post(membres(), { email, role: 'partenaire' });
    const someoneElse = await signedIn(app.url, DEMO.habitant);
    expectError(
      await accept(someoneElse, sink.invitationToken(email), {
        nom: 'Quelqu’un',
        password: 'un mot de passe assez long',
      }),
      403,
      'invitation_email_mismatch',
    );
    expect((await someoneElse.get('/api/v1/me')).body.email).toBe(DEMO.habitant);
    expect(await membreByEmail(email)).toBeUndefined();
  });
});

describe('an account registered but never confirmed', () => {
  it('gets an invitation link, which sets its password and confirms the address', async () => {
    const email = 'jamais.confirmee@exemple.fr';
    await new ApiClient(app.url).post('/api/v1/auth/register', {
      email,
      nom: 'Inscrite Oubliée',
      password: 'le mot de passe oublié',
    });
    const invited = await animateur.post(membres(), { email, role: 'partenaire' });
    expect(invited.status).toBe(201);
    expect(invited.body.type).toBe('invitation');
    const token = sink.invitationToken(email);
    expect(
      (await new ApiClient(app.url).get(`/api/v1/invitations/${token}`)).body.compteExistant,
    ).toBe(false);

    const person = new ApiClient(app.url);
    const accepted = await accept(person, token, {
      nom: 'Inès Partenaire',
      password: 'mon nouveau mot de passe',
    });
    expect(accepted.status).toBe(200);
    expect((await person.get('/api/v1/me')).body).toMatchObject({ email, nom: 'Inès Partenaire' });
    expect(await membreByEmail(email)).toMatchObject({ role: 'partenaire' });
    const oldPassword = await new ApiClient(app.url).post('/api/v1/auth/login', {
      email,
      password: 'le mot de passe oublié',
    });
    expect(oldPassword.status).toBe(401);
  });
});

describe('changing members', () => {
  it('changes a role and a category; the person sees the new role', async () => {
    const copil = await signedIn(app.url, DEMO.copil);
    const target = await membreByEmail(DEMO.copil);
    const reply = await animateur.patch(`${membres()}/${target.userId}`, {
      role: 'cotech',
      categorie: 'autre',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ...target, role: 'cotech', categorie: 'autre' });
    expect(await membreByEmail(DEMO.copil)).toEqual(reply.body);
    expect((await copil.get(contratPath(THOUARSAIS))).body.monRole).toBe('cotech');
    // The new role applies at once: orientations are no longer theirs to manage.
    expectError(
      await copil.post(contratPath(THOUARSAIS, '/orientations'), { titre: 'Plus le droit' }),
      403,
      'forbidden',
    );

    const before = await listMembres();
    expectError(
      await animateur.patch(`${membres()}/${target.userId}`, { role: 'chef' }),
      400,
      'validation_failed',
    );
    expectError(
      await animateur.patch(`${membres()}/00000000-0000-4000-8000-000000000000`, { role: 'copil' }),
      404,
      'not_found',
    );
    // A member of another contract is not a member here.
    const bocageAnimateur = (await bocage.get('/api/v1/me')).body.id;
    const other = await newContrat('Contrat sans le Bocage');
    expectError(
      await animateur.patch(`${membres(other.id)}/${bocageAnimateur}`, { role: 'copil' }),
      404,
      'not_found',
    );
    expect(await listMembres()).toEqual(before);

    await animateur.patch(`${membres()}/${target.userId}`, { role: 'copil', categorie: 'elu' });
  });

  it('keeps the last animateur: no demotion, no removal, no leaving (409), nothing changes', async () => {
    const me = (await animateur.get('/api/v1/me')).body;
    const contrat = await newContrat('Contrat à un seul animateur');
    const before = await listMembres(contrat.id);
    expect(before.items).toEqual([expect.objectContaining({ userId: me.id, role: 'animateur' })]);
    expectError(
      await animateur.patch(`${membres(contrat.id)}/${me.id}`, { role: 'copil' }),
      409,
      'last_animateur',
    );
    expectError(await animateur.delete(`${membres(contrat.id)}/${me.id}`), 409, 'last_animateur');
    expect(await listMembres(contrat.id)).toEqual(before);
    // Changing only the category is fine.
    const recategorised = await animateur.patch(`${membres(contrat.id)}/${me.id}`, {
      categorie: 'elu',
      role: 'animateur',
    });
    expect(recategorised.body).toMatchObject({ role: 'animateur', categorie: 'elu' });

    // With a second animateur, the first may step down.
    await animateur.post(membres(contrat.id), { email: BOCAGE_ANIMATEUR, role: 'animateur' });
    const stepped = await animateur.patch(`${membres(contrat.id)}/${me.id}`, { role: 'cotech' });
    expect(stepped.status).toBe(200);
    expect(stepped.body.role).toBe('cotech');
    const bocageId = (await bocage.get('/api/v1/me')).body.id;
    expectError(await bocage.delete(`${membres(contrat.id)}/${bocageId}`), 409, 'last_animateur');
    expect(
      (await listMembres(contrat.id)).items.map((m: any) => `${m.email}:${m.role}`).sort(),
    ).toEqual([`${BOCAGE_ANIMATEUR}:animateur`, `${DEMO.animateur}:cotech`]);
  });

  it('keeps one animateur when the two animateurs are demoted or removed at the same time', async () => {
    const meId = (await animateur.get('/api/v1/me')).body.id;
    const bocageId = (await bocage.get('/api/v1/me')).body.id;
    const rounds = [
      { first: 'PATCH', second: 'PATCH' },
      { first: 'DELETE', second: 'DELETE' },
      { first: 'PATCH', second: 'DELETE' },
      { first: 'DELETE', second: 'PATCH' },
    ] as const;
    for (const [index, round] of rounds.entries()) {
      const contrat = await newContrat(`Deux animateurs ${index + 1}`);
      const added = await animateur.post(membres(contrat.id), {
        email: BOCAGE_ANIMATEUR,
        role: 'animateur',
      });
      expect(added.body.membre.role).toBe('animateur');
      // Each animateur demotes or removes the other one, at the same moment.
      const change = (client: ApiClient, method: 'PATCH' | 'DELETE', target: string) =>
        method === 'PATCH'
          ? client.patch(`${membres(contrat.id)}/${target}`, { role: 'habitant' })
          : client.delete(`${membres(contrat.id)}/${target}`);
      const replies = await Promise.all([
        change(animateur, round.first, bocageId),
        change(bocage, round.second, meId),
      ]);
      const succeeded = replies.filter((r) => r.status === 200 || r.status === 204);
      expect(succeeded, JSON.stringify(replies.map((r) => r.body))).toHaveLength(1);
      // The loser is refused either by the last-animateur rule, or — when the winner had already
      // finished before the loser was even read — because the loser is no longer animateur.
      const loser = replies.find((r) => r.status !== 200 && r.status !== 204)!;
      expect(['last_animateur', 'forbidden', 'contrat_not_found']).toContain(loser.body.error.code);
      // Whoever is still animateur can list the members: exactly one animateur is left.
      const winner = succeeded[0] === replies[0] ? animateur : bocage;
      const after = await winner.get(membres(contrat.id));
      expect(after.status).toBe(200);
      expect(after.body.items.filter((m: any) => m.role === 'animateur')).toHaveLength(1);
    }
  });

  it('lets a member leave, but not remove anyone else', async () => {
    const habitant = await signedIn(app.url, DEMO.habitant);
    const partenaire = await signedIn(app.url, DEMO.partenaire);
    const habitantId = (await habitant.get('/api/v1/me')).body.id;
    const copilId = (await membreByEmail(DEMO.copil)).userId;

    const before = await listMembres();
    expectError(await partenaire.delete(`${membres()}/${copilId}`), 403, 'forbidden');
    expectError(await habitant.delete(`${membres()}/${copilId}`), 403, 'forbidden');
    expect(await listMembres()).toEqual(before);

    expect((await habitant.delete(`${membres()}/${habitantId}`)).status).toBe(204);
    expect(await membreByEmail(DEMO.habitant)).toBeUndefined();
    expect((await habitant.get('/api/v1/me')).body.memberships).toEqual([]);
    // The contract is published: still readable, as anyone.
    expect((await habitant.get(contratPath(THOUARSAIS))).body.monRole).toBeNull();
    // Gone means gone: leaving twice is refused.
    expectError(await habitant.delete(`${membres()}/${habitantId}`), 403, 'forbidden');
    expectError(
      await new ApiClient(app.url).delete(`${membres()}/${habitantId}`),
      401,
      'unauthenticated',
    );
  });
});
