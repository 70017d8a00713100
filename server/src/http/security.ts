import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import { type RedisReply, RedisStore } from 'rate-limit-redis';
import type { Config } from '../config.js';
import { errorBody } from './errors.js';

/**
 * Strict CSP: only the app's own scripts, styles and connections. The client is built to need no
 * inline script or style, so none is allowed.
 */
export function securityHeaders(config: Config): RequestHandler {
  const https = config.publicUrl.protocol === 'https:';
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
  });
}

/** Rate-limit counters in Redis when configured, else in this process's memory. */
export function redisRateStore(redis: Redis | null, prefix: string): Store | undefined {
  if (!redis) return undefined;
  // Counts shared by every instance, so a second server does not double the allowance.
  return new RedisStore({
    prefix,
    sendCommand: (command: string, ...args: string[]) =>
      redis.call(command, ...args) as Promise<RedisReply>,
  });
}

export function rateLimiters(config: Config, redis: Redis | null) {
  const prefix = config.redis?.prefix ?? 'trame:';
  const refuse: RequestHandler = (req, res) => {
    res.status(429).json(errorBody('rate_limited', req.locale ?? 'fr'));
  };
  const common = { standardHeaders: 'draft-8' as const, legacyHeaders: false, handler: refuse };
  return {
    api: rateLimit({
      ...common,
      windowMs: 60_000,
      limit: config.rateLimitPerMinute,
      store: redisRateStore(redis, `${prefix}rl:api:`),
    }),
    auth: rateLimit({
      ...common,
      windowMs: 15 * 60_000,
      limit: config.login.ratePer15Min,
      store: redisRateStore(redis, `${prefix}rl:auth:`),
    }),
  };
}
