import type { Request } from 'express';
import * as oidc from 'openid-client';
import {
  Strategy as OidcStrategy,
  type StrategyOptions,
  type VerifyFunction,
} from 'openid-client/passport';
import { Passport } from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { OidcConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { authenticatePassword, oidcSignIn } from './service.js';
import { findUserById, type UserRow } from './users-repository.js';

export const OIDC_STRATEGY = 'proconnect';

/**
 * Behind a proxy the request URL seen by Node is not the one the provider redirected to; the
 * public URL is the truth for the `redirect_uri` check.
 */
class PublicUrlOidcStrategy extends OidcStrategy {
  constructor(
    private readonly publicUrl: URL,
    options: StrategyOptions,
    verify: VerifyFunction,
  ) {
    super(options, verify);
  }
  override currentUrl(req: Request): URL {
    return new URL(req.originalUrl, this.publicUrl);
  }
}

/** One passport instance per app (not the global singleton), so several apps can share a process. */
export function createPassport(ctx: AppContext) {
  const passport = new Passport();

  passport.serializeUser<string>((user, done) => done(null, (user as UserRow).id));
  passport.deserializeUser<string>((id, done) => {
    findUserById(ctx.db, id).then((user) => done(null, user ?? false), done);
  });

  passport.use(
    new LocalStrategy(
      { usernameField: 'email', passwordField: 'password' },
      (email, password, done) => {
        authenticatePassword(ctx, email, password).then((user) => done(null, user), done);
      },
    ),
  );

  let oidcReady: Promise<void> | undefined;
  /** Discovery happens on first use, so a provider that is down does not stop Trame from starting. */
  function ensureOidc(config: OidcConfig): Promise<void> {
    oidcReady ??= discover(config).catch((error: unknown) => {
      oidcReady = undefined;
      throw error;
    });
    return oidcReady;
  }

  async function discover(config: OidcConfig): Promise<void> {
    const issuer = new URL(config.issuer);
    const configuration = await oidc.discovery(
      issuer,
      config.clientId,
      config.clientSecret,
      undefined,
      issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    const callbackURL = new URL('/api/v1/auth/oidc/callback', ctx.config.publicUrl);
    passport.use(
      OIDC_STRATEGY,
      new PublicUrlOidcStrategy(
        ctx.config.publicUrl,
        { config: configuration, scope: config.scopes, callbackURL, name: OIDC_STRATEGY },
        (tokens, done) => {
          const claims = tokens.claims();
          if (!claims) return done(new Error('no ID token claims'));
          oidc
            .fetchUserInfo(configuration, tokens.access_token, claims.sub)
            .then((info) => {
              const given = typeof info.given_name === 'string' ? info.given_name : '';
              const usual =
                typeof info.usual_name === 'string' ? info.usual_name : (info.family_name ?? '');
              const nom = `${given} ${usual}`.trim() || info.name;
              return oidcSignIn(ctx, {
                issuer: configuration.serverMetadata().issuer,
                subject: claims.sub,
                email: info.email ?? (typeof claims.email === 'string' ? claims.email : undefined),
                nom,
              });
            })
            .then((user) => done(null, user), done);
        },
      ),
    );
  }

  return { passport, ensureOidc };
}
