import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { AppContext } from '../context.js';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Liveness, readiness and Prometheus metrics, outside `/api` and outside rate limiting. */
export function opsRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });

  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, 'ok' | 'ko'> = {};
    try {
      await ctx.database.ping();
      checks.database = 'ok';
    } catch {
      checks.database = 'ko';
    }
    if (ctx.redis) {
      try {
        await ctx.redis.ping();
        checks.redis = 'ok';
      } catch {
        checks.redis = 'ko';
      }
    }
    const ready = Object.values(checks).every((v) => v === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', checks });
  });

  router.get('/metrics', async (req, res) => {
    const token = ctx.config.metricsToken;
    if (token && !sameSecret(req.headers.authorization ?? '', `Bearer ${token}`)) {
      res.status(401).type('text/plain').send('unauthorized');
      return;
    }
    res.type(ctx.metrics.contentType).send(await ctx.metrics.metrics());
  });

  return router;
}
