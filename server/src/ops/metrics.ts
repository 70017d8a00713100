import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** A registry per app, so two apps in one process (the tests) do not mix their counts. */
export function createRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'trame_' });
  return registry;
}

export function httpMetrics(registry: Registry): RequestHandler {
  const duration = new Histogram({
    name: 'trame_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return (req, res, next) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      // The route pattern, not the URL: ids in paths would make one series per contract. Nested
      // routers leave their matched values in baseUrl, so those are put back as `:name`.
      const route = req.route
        ? `${patternOf(req.baseUrl, req.params)}${String(req.route.path)}`
        : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}

function patternOf(baseUrl: string, params: Record<string, string | string[] | undefined>): string {
  const names = new Map(
    Object.entries(params).flatMap(([name, value]) =>
      typeof value === 'string' ? [[value, name] as const] : [],
    ),
  );
  return baseUrl
    .split('/')
    .map((segment) =>
      names.has(decodeURIComponent(segment))
        ? `:${names.get(decodeURIComponent(segment))}`
        : segment,
    )
    .join('/');
}
