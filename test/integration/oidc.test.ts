import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startApp, type TestApp } from '../support/app.js';
import { ApiClient } from '../support/http.js';
import { BrowserLikeAgent, TestOidcProvider } from '../support/oidc-provider.js';

let app: TestApp;
let provider: TestOidcProvider;

beforeAll(async () => {
  provider = new TestOidcProvider({
    'agent-ddt-42': {
      email: 'Marc.Dupont@deux-sevres.gouv.fr',
      given_name: 'Marc',
      usual_name: 'Dupont',
    },
    'agent-cotech': { email: 'cotech@trame.test', given_name: 'Sophie', usual_name: 'Lambert' },
    'agent-squatte': {
      email: 'elise.martin@deux-sevres.gouv.fr',
      given_name: 'Élise',
      usual_name: 'Martin',
    },
  });
  // The app's port is fixed before it starts so the provider can register its callback URL.
  const port = String(await freePort());
  await provider.start(`http://127.0.0.1:${port}/api/v1/auth/oidc/callback`);
  app = await startApp({
    env: {
      PORT: port,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
    },
  });
});
afterAll(async () => {
  await app?.close();
  await provider?.close();
});

async function signInThroughProvider(login: string) {
  const browser = new BrowserLikeAgent();
  const loginPage = await browser.navigate(`${app.url}/api/v1/auth/oidc`);
  expect(loginPage.url.origin).toBe(provider.issuer);
  expect(loginPage.text).toContain('name="login"');
  const consentPage = await browser.submitForm(loginPage, { login, password: 'any' });
  const landing =
    consentPage.url.origin === provider.issuer
      ? await browser.submitForm(consentPage)
      : consentPage;
  const session = browser.cookie(new URL(app.url).host, 'trame.sid');
  return { landing, session };
}

describe('ProConnect (OpenID Connect) sign-in', () => {
  it('announces the provider in the auth configuration', async () => {
    const config = await new ApiClient(app.url).get('/api/v1/auth/config');
    expect(config.body.oidc).toEqual({ enabled: true, label: 'ProConnect' });
  });

  it('creates an account on first sign-in from the provider’s verified claims, and finds it again next time', async () => {
    const first = await signInThroughProvider('agent-ddt-42');
    expect(first.landing.url.href).toBe(`${app.url}/`);
    expect(first.session).toBeDefined();
    const client = new ApiClient(app.url, { cookie: `trame.sid=${first.session}` });
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: 'marc.dupont@deux-sevres.gouv.fr',
      nom: 'Marc Dupont',
      memberships: [],
    });

    const second = await signInThroughProvider('agent-ddt-42');
    const again = await new ApiClient(app.url, { cookie: `trame.sid=${second.session}` }).get(
      '/api/v1/me',
    );
    expect(again.body.id).toBe(me.body.id);
  });

  it('links the identity to the existing account with the same address', async () => {
    const { session } = await signInThroughProvider('agent-cotech');
    const me = await new ApiClient(app.url, { cookie: `trame.sid=${session}` }).get('/api/v1/me');
    expect(me.body.email).toBe('cotech@trame.test');
    expect(me.body.memberships).toContainEqual(
      expect.objectContaining({ slug: 'crte-thouarsais', role: 'cotech' }),
    );
  });

  it('takes over an address someone registered but never confirmed, and drops that password', async () => {
    const squatter = new ApiClient(app.url);
    const email = 'elise.martin@deux-sevres.gouv.fr';
    const password = 'mot de passe du squatteur';
    expect(
      (await squatter.post('/api/v1/auth/register', { email, password, nom: 'Squatteur' })).status,
    ).toBe(202);

    const { session } = await signInThroughProvider('agent-squatte');
    const me = await new ApiClient(app.url, { cookie: `trame.sid=${session}` }).get('/api/v1/me');
    expect(me.body.email).toBe(email);

    const reply = await squatter.post('/api/v1/auth/login', { email, password });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('invalid_credentials');
  });

  it('sends the person back to the sign-in page when the callback is forged', async () => {
    const browser = new BrowserLikeAgent();
    await browser.navigate(`${app.url}/api/v1/auth/oidc`);
    const forged = await browser.navigate(
      `${app.url}/api/v1/auth/oidc/callback?code=forged&state=forged`,
    );
    expect(forged.url.pathname).toBe('/connexion');
    expect(forged.url.searchParams.get('erreur')).toBe('oidc');
  });
});

describe('without OIDC configuration', () => {
  it('answers 404 oidc_disabled and says so in the configuration', async () => {
    const plain = await startApp();
    try {
      const client = new ApiClient(plain.url);
      expect((await client.get('/api/v1/auth/config')).body.oidc.enabled).toBe(false);
      const reply = await client.get('/api/v1/auth/oidc');
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('oidc_disabled');
    } finally {
      await plain.close();
    }
  });
});
