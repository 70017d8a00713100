import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { ApiClient } from '../support/http.js';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });
});
afterAll(() => app.close());

describe('sign-in and sign-out', () => {
  it('signs in with the demo password, answers /me, and signs out', async () => {
    const client = new ApiClient(app.url);
    expect((await client.get('/api/v1/me')).status).toBe(401);

    const login = await client.post('/api/v1/auth/login', {
      email: 'Animateur@Trame.test',
      password: 'demo-trame',
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      email: 'animateur@trame.test',
      nom: 'Claire Moreau',
      peutCreerContrat: true,
    });
    expect(login.body.memberships).toContainEqual(
      expect.objectContaining({ slug: 'crte-thouarsais', role: 'animateur' }),
    );
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('trame.sid='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    expect((await client.get('/api/v1/me')).body.email).toBe('animateur@trame.test');
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await client.get('/api/v1/me')).status).toBe(401);
  });

  it('refuses a wrong password with 401 and a message in the caller’s language', async () => {
    const client = new ApiClient(app.url);
    const fr = await client.post('/api/v1/auth/login', {
      email: 'copil@trame.test',
      password: 'mauvais',
    });
    expect(fr.status).toBe(401);
    expect(fr.body.error).toEqual({
      code: 'invalid_credentials',
      message: 'Adresse e-mail ou mot de passe incorrect.',
    });
    const en = await client.post(
      '/api/v1/auth/login',
      { email: 'nobody@trame.test', password: 'whatever' },
      { 'accept-language': 'en-GB,en;q=0.8' },
    );
    expect(en.status).toBe(401);
    expect(en.body.error.message).toBe('Incorrect email address or password.');
  });

  it('rejects a malformed login body with 400 and field details', async () => {
    const client = new ApiClient(app.url);
    const reply = await client.post('/api/v1/auth/login', { email: 42 });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(reply.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['email', 'password']),
    );
    const broken = await client.request('POST', '/api/v1/auth/login', '{"email":', {
      'content-type': 'application/json',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('malformed_json');
  });

  it('locks the account after repeated failures, even for the right password, and keeps others working', async () => {
    const client = new ApiClient(app.url);
    for (let attempt = 0; attempt < 3; attempt++) {
      const reply = await client.post('/api/v1/auth/login', {
        email: 'cotech@trame.test',
        password: 'wrong-password',
      });
      expect(reply.status).toBe(401);
    }
    const locked = await client.post('/api/v1/auth/login', {
      email: 'cotech@trame.test',
      password: 'demo-trame',
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('account_locked');
    expect(locked.body.error.message).toMatch(/15 min/);
    expect((await client.get('/api/v1/me')).status).toBe(401);
    // Another account is not affected.
    expect(
      (
        await client.post('/api/v1/auth/login', {
          email: 'habitant@trame.test',
          password: 'demo-trame',
        })
      ).status,
    ).toBe(200);
  });
});

describe('parallel password guesses', () => {
  it('try no more passwords than the limit, then even the right one is refused', async () => {
    const email = 'partenaire@trame.test';
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        new ApiClient(app.url).post('/api/v1/auth/login', { email, password: `mauvais-${index}` }),
      ),
    );
    const statuses = attempts.map((reply) => reply.status).sort();
    // LOGIN_MAX_FAILURES is 3: three passwords are checked, the nine others refused unchecked.
    expect(statuses).toEqual([...Array(3).fill(401), ...Array(9).fill(429)]);
    const right = await new ApiClient(app.url).post('/api/v1/auth/login', {
      email,
      password: 'demo-trame',
    });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('account_locked');
  });
});

describe('an unreadable address', () => {
  it('answers 400 malformed_request instead of failing', async () => {
    const reply = await new ApiClient(app.url).get('/api/v1/contrats/%E0%A4%A');
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('malformed_request');
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request from another origin, and changes nothing', async () => {
    const client = await new ApiClient(app.url);
    await client.login('animateur@trame.test');
    const forged = await client.patch(
      '/api/v1/contrats/crte-thouarsais',
      { nom: 'Contrat détourné' },
      { origin: 'https://evil.example' },
    );
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_rejected');
    const byReferer = await client.patch(
      '/api/v1/contrats/crte-thouarsais',
      { nom: 'Contrat détourné' },
      { origin: '', referer: 'https://evil.example/page' },
    );
    expect(byReferer.status).toBe(403);
    expect((await client.get('/api/v1/contrats/crte-thouarsais')).body.nom).toBe(
      'CRTE du Thouarsais',
    );

    const same = await client.patch('/api/v1/contrats/crte-thouarsais', {
      description: 'Mise à jour légitime',
    });
    expect(same.status).toBe(200);
  });

  it('refuses a cross-site login attempt', async () => {
    const client = new ApiClient(app.url);
    const reply = await client.post(
      '/api/v1/auth/login',
      { email: 'animateur@trame.test', password: 'demo-trame' },
      { origin: 'https://evil.example' },
    );
    expect(reply.status).toBe(403);
    expect(reply.headers.getSetCookie()).toEqual([]);
  });
});

describe('platform administrators', () => {
  it('may open the first contract when named in ADMIN_EMAILS, though they lead none yet', async () => {
    const admins = await startApp({ env: { ADMIN_EMAILS: 'habitant@trame.test' } });
    try {
      const client = new ApiClient(admins.url);
      const me = await client.login('habitant@trame.test');
      expect(me.body).toMatchObject({ admin: true, peutCreerContrat: true });
      const created = await client.post('/api/v1/contrats', {
        nom: 'CRTE du Saumurois',
        communes: ['49328'],
      });
      expect(created.status).toBe(201);
      expect(created.body.monRole).toBe('animateur');
    } finally {
      await admins.close();
    }
  });
});
