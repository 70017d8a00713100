import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { BOCAGE, contratPath, expectError, THOUARSAIS } from '../support/fixtures/trame.js';
import { ApiClient } from '../support/http.js';
import { linkIn, Mailbox } from '../support/mailbox.js';

let app: TestApp;
const mailbox = new Mailbox();

beforeAll(async () => {
  const smtpUrl = await mailbox.start();
  app = await startApp({ env: { SMTP_URL: smtpUrl } });
});
afterAll(async () => {
  await app.close();
  await mailbox.close();
});

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe('registration with e-mail verification', () => {
  it('lets a confirmed resident join a published contract as habitant, in the category they gave', async () => {
    const visitor = new ApiClient(app.url);
    const email = 'association.velo@exemple.fr';
    expect(
      (
        await visitor.post('/api/v1/auth/register', {
          email,
          password: 'un mot de passe assez long',
          nom: 'Vélo Thouarsais',
          categorie: 'association',
        })
      ).status,
    ).toBe(202);
    const link = linkIn(mailbox.lastTo(email), '/verifier-email');
    expect((await visitor.post('/api/v1/auth/verify-email', { token: tokenOf(link) })).status).toBe(
      200,
    );

    const joined = await visitor.post(contratPath(THOUARSAIS, '/adhesion'));
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ role: 'habitant', categorie: 'association' });
    expect((await visitor.get('/api/v1/me')).body.memberships).toEqual([
      expect.objectContaining({ slug: THOUARSAIS, role: 'habitant' }),
    ]);
    // Now a member, they cannot join again; an unpublished contract is not there to join.
    expectError(await visitor.post(contratPath(THOUARSAIS, '/adhesion')), 403, 'forbidden');
    expectError(await visitor.post(contratPath(BOCAGE, '/adhesion')), 404, 'contrat_not_found');
  });

  it('mails a verification link; the account works only once the address is confirmed', async () => {
    const visitor = new ApiClient(app.url);
    const email = 'nadia.habitante@exemple.fr';
    const password = 'un mot de passe assez long';
    const registered = await visitor.post('/api/v1/auth/register', {
      email,
      password,
      nom: 'Nadia Habitante',
    });
    expect(registered.status).toBe(202);

    const mail = mailbox.lastTo(email);
    expect(mail.subject).toBe('Confirmez votre adresse e-mail');
    const link = linkIn(mail, '/verifier-email');
    expect(link.startsWith(`${app.url}/verifier-email?token=`)).toBe(true);

    const early = await visitor.post('/api/v1/auth/login', { email, password });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('email_not_verified');

    const verified = await visitor.post('/api/v1/auth/verify-email', { token: tokenOf(link) });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      email,
      nom: 'Nadia Habitante',
      categorie: 'habitant',
      memberships: [],
    });
    expect((await visitor.get('/api/v1/me')).body.email).toBe(email);

    const reused = await new ApiClient(app.url).post('/api/v1/auth/verify-email', {
      token: tokenOf(link),
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('invalid_token');
    expect(
      (await new ApiClient(app.url).post('/api/v1/auth/login', { email, password })).status,
    ).toBe(200);
  });

  it('answers the same for an address that already has an account, and tells its owner instead', async () => {
    const visitor = new ApiClient(app.url);
    const reply = await visitor.post('/api/v1/auth/register', {
      email: 'copil@trame.test',
      password: 'je veux prendre ce compte',
      nom: 'Usurpateur',
    });
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({});
    const mail = mailbox.lastTo('copil@trame.test');
    expect(mail.subject).toBe('Votre compte Trame');
    const stolen = await visitor.post('/api/v1/auth/login', {
      email: 'copil@trame.test',
      password: 'je veux prendre ce compte',
    });
    expect(stolen.status).toBe(401);
  });

  it('lets the owner of an address registered by someone else take it: the latest registration wins', async () => {
    const email = 'camille.proprietaire@exemple.fr';
    const squatter = new ApiClient(app.url);
    await squatter.post('/api/v1/auth/register', {
      email,
      password: 'mot de passe du squatteur',
      nom: 'Squatteur',
    });
    const squatterLink = linkIn(mailbox.lastTo(email), '/verifier-email');

    const owner = new ApiClient(app.url);
    const password = 'mot de passe de Camille';
    expect(
      (await owner.post('/api/v1/auth/register', { email, password, nom: 'Camille' })).status,
    ).toBe(202);
    const ownerLink = linkIn(mailbox.lastTo(email), '/verifier-email');
    expect(ownerLink).not.toBe(squatterLink);

    const stale = await squatter.post('/api/v1/auth/verify-email', {
      token: tokenOf(squatterLink),
    });
    expect(stale.status).toBe(400);
    expect(stale.body.error.code).toBe('invalid_token');

    const verified = await owner.post('/api/v1/auth/verify-email', { token: tokenOf(ownerLink) });
    expect(verified.status).toBe(200);
    expect(verified.body.nom).toBe('Camille');
    expect(
      (
        await new ApiClient(app.url).post('/api/v1/auth/login', {
          email,
          password: 'mot de passe du squatteur',
        })
      ).status,
    ).toBe(401);
    expect(
      (await new ApiClient(app.url).post('/api/v1/auth/login', { email, password })).status,
    ).toBe(200);
  });

  it('ends every older confirmation link once the address is confirmed', async () => {
    const email = 'sacha.deux.liens@exemple.fr';
    const visitor = new ApiClient(app.url);
    await visitor.post('/api/v1/auth/register', {
      email,
      password: 'un mot de passe assez long',
      nom: 'Sacha',
    });
    const first = linkIn(mailbox.lastTo(email), '/verifier-email');
    await visitor.post('/api/v1/auth/resend-verification', { email });
    const second = linkIn(mailbox.lastTo(email), '/verifier-email');
    expect(second).not.toBe(first);

    expect(
      (await visitor.post('/api/v1/auth/verify-email', { token: tokenOf(second) })).status,
    ).toBe(200);
    const older = await new ApiClient(app.url).post('/api/v1/auth/verify-email', {
      token: tokenOf(first),
    });
    expect(older.status).toBe(400);
    expect(older.body.error.code).toBe('invalid_token');
  });

  it('writes the mail in English for an English-speaking visitor', async () => {
    const email = 'alex@example.org';
    await new ApiClient(app.url).post(
      '/api/v1/auth/register',
      { email, password: 'a long enough password', nom: 'Alex Example' },
      { 'accept-language': 'en' },
    );
    const mail = mailbox.lastTo(email);
    expect(mail.subject).toBe('Confirm your email address');
  });

  it('refuses a short password and a malformed address with field details, creating nothing', async () => {
    const visitor = new ApiClient(app.url);
    const reply = await visitor.post('/api/v1/auth/register', {
      email: 'pas-une-adresse',
      password: 'court',
      nom: 'X',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'email',
      'nom',
      'password',
    ]);
    expect(mailbox.mails.filter((m) => m.to.includes('pas-une-adresse'))).toEqual([]);
  });
});

describe('password reset', () => {
  it('mails a one-hour link; the new password works, the old one and every open session end', async () => {
    const email = 'partenaire@trame.test';
    const elsewhere = new ApiClient(app.url);
    await elsewhere.login(email);

    expect(
      (await new ApiClient(app.url).post('/api/v1/auth/forgot-password', { email })).status,
    ).toBe(202);
    const mail = mailbox.lastTo(email);
    expect(mail.subject).toBe('Réinitialisez votre mot de passe');
    const token = tokenOf(linkIn(mail, '/reinitialiser'));

    const tooShort = await new ApiClient(app.url).post('/api/v1/auth/reset-password', {
      token,
      password: 'court',
    });
    expect(tooShort.status).toBe(400);

    const reset = await new ApiClient(app.url).post('/api/v1/auth/reset-password', {
      token,
      password: 'nouveau mot de passe solide',
    });
    expect(reset.status).toBe(204);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    expect(
      (await new ApiClient(app.url).post('/api/v1/auth/login', { email, password: 'demo-trame' }))
        .status,
    ).toBe(401);
    expect(
      (
        await new ApiClient(app.url).post('/api/v1/auth/login', {
          email,
          password: 'nouveau mot de passe solide',
        })
      ).status,
    ).toBe(200);
    const again = await new ApiClient(app.url).post('/api/v1/auth/reset-password', {
      token,
      password: 'encore un autre mot de passe',
    });
    expect(again.body.error.code).toBe('invalid_token');
  });

  it('answers 202 for an unknown address without sending anything', async () => {
    const reply = await new ApiClient(app.url).post('/api/v1/auth/forgot-password', {
      email: 'inconnu@exemple.fr',
    });
    expect(reply.status).toBe(202);
    expect(mailbox.messagesTo('inconnu@exemple.fr')).toEqual([]);
  });
});
