import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface Account {
  email: string;
  given_name: string;
  usual_name: string;
}

/**
 * A real OpenID Connect provider (`oidc-provider`, the certified implementation) on loopback, set
 * up like ProConnect: code flow, `openid email given_name usual_name` scopes, claims from userinfo.
 * Its development sign-in form accepts any login: the login typed becomes the subject.
 */
export class TestOidcProvider {
  readonly clientId = 'trame-test';
  readonly clientSecret = 'trame-test-secret-with-enough-entropy-0123456789';
  private server: Server | undefined;
  issuer = '';

  constructor(private readonly accounts: Record<string, Account>) {}

  async start(redirectUri: string): Promise<void> {
    let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
    this.server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.issuer = `http://127.0.0.1:${port}`;
    const accounts = this.accounts;
    const provider = new Provider(this.issuer, {
      clients: [
        {
          client_id: this.clientId,
          client_secret: this.clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      claims: {
        openid: ['sub'],
        email: ['email', 'email_verified'],
        given_name: ['given_name'],
        usual_name: ['usual_name'],
      },
      scopes: ['openid', 'email', 'given_name', 'usual_name'],
      cookies: { keys: ['trame-test-cookie-key'] },
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
      async findAccount(_ctx, sub) {
        const account = accounts[sub];
        if (!account) return undefined;
        return { accountId: sub, claims: async () => ({ sub, email_verified: true, ...account }) };
      },
    });
    handler = provider.callback();
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * Walks through a sign-in as a browser would: follows redirects across the app and the provider,
 * keeps each site's cookies, and submits the provider's forms (sign-in, then consent).
 */
export class BrowserLikeAgent {
  private readonly cookies = new Map<string, Map<string, string>>();

  private cookieHeader(url: URL): string {
    return [...(this.cookies.get(url.host)?.entries() ?? [])]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  }

  private keepCookies(url: URL, response: Response) {
    const jar = this.cookies.get(url.host) ?? new Map<string, string>();
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(url.host, jar);
  }

  cookie(host: string, name: string): string | undefined {
    return this.cookies.get(host)?.get(name);
  }

  async navigate(
    start: string,
    form?: Record<string, string>,
  ): Promise<{ url: URL; status: number; text: string; redirects: URL[] }> {
    let url = new URL(start);
    let method = form ? 'POST' : 'GET';
    let body: string | undefined = form ? new URLSearchParams(form).toString() : undefined;
    const redirects: URL[] = [];
    for (let hop = 0; hop < 20; hop++) {
      const response = await fetch(url, {
        method,
        redirect: 'manual',
        headers: {
          cookie: this.cookieHeader(url),
          ...(body
            ? { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin }
            : {}),
        },
        ...(body ? { body } : {}),
      });
      this.keepCookies(url, response);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url);
        redirects.push(url);
        method = 'GET';
        body = undefined;
        continue;
      }
      return { url, status: response.status, text: await response.text(), redirects };
    }
    throw new Error('too many redirects');
  }

  /** Submits the first form of an HTML page with its hidden inputs plus `fields`. */
  submitForm(page: { url: URL; text: string }, fields: Record<string, string> = {}) {
    const action = /<form[^>]*action="([^"]+)"/.exec(page.text)?.[1];
    if (!action) throw new Error(`no form on ${page.url.href}: ${page.text.slice(0, 200)}`);
    const hidden = Object.fromEntries(
      [...page.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
        m[1]!,
        m[2]!,
      ]),
    );
    return this.navigate(new URL(action.replaceAll('&amp;', '&'), page.url).href, {
      ...hidden,
      ...fields,
    });
  }
}
