import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { ApiClient } from '../support/http.js';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ env: { METRICS_TOKEN: 'jeton-metriques', RATE_LIMIT_PER_MINUTE: '40' } });
});
afterAll(() => app.close());

describe('operations endpoints', () => {
  it('answers liveness and readiness with the state of each dependency', async () => {
    const client = new ApiClient(app.url);
    const health = await client.get('/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toBe('ok');
    const ready = await client.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database).toBe('ok');
    if (process.env.REDIS_URL) expect(ready.body.checks.redis).toBe('ok');
  });

  it('reports not ready once the database is gone', async () => {
    const doomed = await startApp();
    try {
      await doomed.ctx.database.close();
      const ready = await new ApiClient(doomed.url).get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.checks.database).toBe('ko');
    } finally {
      await doomed.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)(
    'keeps serving when PostgreSQL ends its idle connections (restart, failover)',
    async () => {
      const client = new ApiClient(app.url);
      // Several requests at once leave several idle connections in the pool.
      await Promise.all(Array.from({ length: 5 }, () => client.get('/readyz')));
      await app.ctx.db.execute(
        sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const ready = await client.get('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body.checks.database).toBe('ok');
    },
  );

  it('serves Prometheus metrics to whoever holds the token', async () => {
    const client = new ApiClient(app.url);
    await client.get('/api/v1/auth/config');
    await client.login('animateur@trame.test');
    await client.get('/api/v1/contrats/crte-thouarsais/orientations');
    expect((await client.get('/metrics')).status).toBe(401);
    const metrics = await client.get('/metrics', { authorization: 'Bearer jeton-metriques' });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
    expect(metrics.body).toMatch(
      /trame_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/auth\/config",status="200"\} \d+/,
    );
    expect(metrics.body).toContain('trame_process_cpu_user_seconds_total');
    // One series per route pattern, not one per contract.
    expect(metrics.body).toContain('route="/api/v1/contrats/:id/orientations"');
    expect(metrics.body).not.toContain('crte-thouarsais');
  });
});

describe.skipIf(!process.env.REDIS_URL)('several instances behind one Redis', () => {
  it('share one rate-limit budget, so a second server does not double the allowance', async () => {
    const env = { RATE_LIMIT_PER_MINUTE: '6', REDIS_PREFIX: `trame-test:shared-${Date.now()}:` };
    const first = await startApp({ env });
    const second = await startApp({ env });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await new ApiClient(first.url).get('/api/v1/auth/config')).status);
        statuses.push((await new ApiClient(second.url).get('/api/v1/auth/config')).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe('HTTP hardening', () => {
  it('sends a strict Content-Security-Policy and the usual security headers', async () => {
    const reply = await new ApiClient(app.url).get('/');
    const csp = reply.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses an oversized body with 413 and an unknown API route with a JSON 404', async () => {
    const client = new ApiClient(app.url);
    await client.login('animateur@trame.test');
    const huge = await client.patch('/api/v1/contrats/crte-thouarsais', {
      description: 'x'.repeat(200_000),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    expect((await client.get('/api/v1/contrats/crte-thouarsais')).body.description).not.toContain(
      'xxxx',
    );
    const missing = await client.get('/api/v1/nulle-part', { 'accept-language': 'en' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: 'not_found', message: 'Not found.' });
    const staleAsset = await client.get('/assets/index-ancien.js');
    expect(staleAsset.status).toBe(404);
    expect(staleAsset.headers.get('content-type')).toMatch(/text\/plain/);
  });

  it('rate-limits the API per client with 429 and a Retry-After hint', async () => {
    const limited = await startApp({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
    try {
      const client = new ApiClient(limited.url);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await client.get('/api/v1/auth/config')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const refused = await client.get('/api/v1/auth/config');
      expect(refused.body.error.code).toBe('rate_limited');
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      // Operations endpoints stay reachable for the orchestrator.
      expect((await client.get('/healthz')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
