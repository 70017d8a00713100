import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import session from 'express-session';
import { pinoHttp } from 'pino-http';
import { createPassport } from './auth/passport.js';
import { authRoutes, meRoutes } from './auth/routes.js';
import type { AppContext } from './context.js';
import { contratRoutes } from './contrats/routes.js';
import { ficheRoutes } from './fiches/routes.js';
import { geoRoutes } from './geo/routes.js';
import { originCheck } from './http/csrf.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { localeMiddleware } from './http/locale.js';
import { rateLimiters, securityHeaders } from './http/security.js';
import { invitationRoutes } from './membres/routes.js';
import { notificationPreferenceRoutes, notificationRoutes } from './notifications/routes.js';
import { httpMetrics } from './ops/metrics.js';
import { opsRoutes } from './ops/routes.js';
import { portalRoutes } from './portal/routes.js';
import { documentRoutes } from './realtime/routes.js';
import type { SyncServer } from './realtime/sync-server.js';

export const SESSION_COOKIE = 'trame.sid';
/** JSON bodies are small forms; anything bigger is a mistake or an attack (413). */
const JSON_BODY_LIMIT = '100kb';
/** A fiche import carries its spreadsheet, base64-encoded, in the JSON body. */
const IMPORT_BODY_LIMIT = '15mb';

/** The Express application: middleware order here is the request's path through Trame. */
export function createApp(ctx: AppContext, sync: SyncServer): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.trustProxy);

  app.use(
    pinoHttp({
      logger: ctx.logger,
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  app.use(httpMetrics(ctx.metrics));
  app.use(securityHeaders(ctx.config));
  app.use(localeMiddleware);
  app.use(opsRoutes(ctx));

  const limiters = rateLimiters(ctx.config, ctx.redis);
  const auth = createPassport(ctx);
  const api = Router();
  api.use(limiters.api);
  api.use(originCheck(ctx.config.publicUrl.origin));
  api.use('/contrats/:id/fiches/import', express.json({ limit: IMPORT_BODY_LIMIT }));
  api.use(express.json({ limit: JSON_BODY_LIMIT }));
  api.use(
    session({
      name: SESSION_COOKIE,
      store: ctx.sessions,
      secret: ctx.config.session.secret,
      resave: false,
      saveUninitialized: false,
      proxy: ctx.config.trustProxy !== false,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.session.secureCookie,
        maxAge: ctx.config.session.maxAgeMs,
        path: '/',
      },
    }),
  );
  api.use(auth.passport.initialize());
  api.use(auth.passport.session());
  api.use('/auth', authRoutes(ctx, auth, limiters.auth));
  api.use('/me/notifications', notificationPreferenceRoutes(ctx));
  api.use('/me', meRoutes(ctx));
  api.use('/notifications', notificationRoutes(ctx));
  api.use('/geo', geoRoutes(ctx.geography));
  api.use('/contrats', contratRoutes(ctx, sync));
  api.use('/fiches', ficheRoutes(ctx));
  api.use('/documents', documentRoutes(ctx, sync));
  api.use('/invitations', invitationRoutes(ctx, limiters.auth));
  api.use(notFoundHandler);
  app.use('/api/v1', api);
  app.use('/api', notFoundHandler);
  app.use('/p', portalRoutes(ctx, sync));

  app.use(clientRoutes(ctx.config.clientDist));
  app.use(errorHandler(ctx.logger));
  return app;
}

/** The built single-page client, with every other path falling back to its index.html. */
function clientRoutes(dist: string): Router {
  const router = Router();
  const index = path.join(dist, 'index.html');
  router.use(
    '/assets',
    express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y' }),
  );
  // A missing asset is a stale page asking for an old build: a plain 404, not the app's HTML.
  router.use('/assets', (_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  router.use(express.static(dist, { index: false }));
  router.get('/{*path}', (_req, res) => {
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('Le client n’est pas construit : lancez `npm run build` (ou `npm start`).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
