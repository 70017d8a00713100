import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable Trame reads, parsed once. The README's configuration table mirrors
 * this file; keep them in step.
 */
const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => ['1', 'true', 'yes'].includes(value));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public address of the app: links in e-mails, OIDC callback, CSRF origin check. */
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: z.string().optional(),
  REDIS_PREFIX: z.string().default('trame:'),
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_MAX_AGE_DAYS: z.coerce.number().positive().default(14),
  TRUST_PROXY: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Trame <ne-pas-repondre@trame.localhost>'),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z.string().default('openid email given_name usual_name'),
  OIDC_LABEL: z.string().default('ProConnect'),
  ADMIN_EMAILS: z.string().default(''),
  /** On by default for the quick start; off by default in production, where it must be asked for. */
  DEMO: booleanFlag.optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  AUTH_RATE_LIMIT_PER_15_MIN: z.coerce.number().int().min(1).default(100),
  /** Comments one person may post in a minute (counted in Redis when configured). */
  COMMENTAIRES_PAR_MINUTE: z.coerce.number().int().min(1).default(10),
  /** How often the notification e-mails are looked at; 0 turns the sender off. */
  NOTIFICATIONS_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  METRICS_TOKEN: z.string().optional(),
  /** Largest websocket message of a collaborative document, in bytes. */
  YJS_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * 1024 * 1024),
  /** How long a document stays in memory after its last editor left. */
  YJS_UNLOAD_AFTER_MS: z.coerce.number().int().min(0).default(30_000),
  /** Log entries after which a document is compacted into its snapshot. */
  YJS_COMPACT_AFTER: z.coerce.number().int().min(1).default(500),
  /** Updates a read-only connection may send (they are dropped) before it is closed. */
  YJS_MAX_DROPPED_UPDATES: z.coerce.number().int().min(1).default(20),
  /**
   * Updates of one document waiting to be stored beyond which the server stops reading that
   * document's sockets until the queue has halved (overload pushes back on the clients).
   */
  YJS_MAX_PENDING_UPDATES: z.coerce.number().int().min(1).default(5_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIST: z.string().optional(),
});

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  label: string;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: URL;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  redis: { url: string; prefix: string } | null;
  session: { secret: string; maxAgeMs: number; secureCookie: boolean };
  trustProxy: boolean | number | string;
  realtime: {
    maxMessageBytes: number;
    unloadAfterMs: number;
    compactAfter: number;
    maxDroppedUpdates: number;
    maxPendingUpdates: number;
  };
  mail: { smtpUrl: string | null; from: string };
  oidc: OidcConfig | null;
  adminEmails: string[];
  demo: boolean;
  login: { maxFailures: number; lockMinutes: number; ratePer15Min: number };
  rateLimitPerMinute: number;
  commentairesParMinute: number;
  notifications: { intervalMs: number };
  metricsToken: string | null;
  logLevel: string;
  clientDist: string;
}

export class ConfigError extends Error {}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '') return false;
  if (value === 'true') return true;
  if (value === 'false') return false;
  const hops = Number(value);
  return Number.isInteger(hops) ? hops : value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Configuration invalide :\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const publicUrl = new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  const oidcValues = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcValues.some(Boolean) && !oidcValues.every(Boolean)) {
    throw new ConfigError(
      'Configuration invalide : OIDC_ISSUER, OIDC_CLIENT_ID et OIDC_CLIENT_SECRET vont ensemble.',
    );
  }
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('Configuration invalide : SESSION_SECRET est requis en production.');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR, 'pglite') },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : null,
    session: {
      // Without a configured secret (development), a per-process one: sessions end at restart.
      secret: e.SESSION_SECRET ?? crypto.randomUUID() + crypto.randomUUID(),
      maxAgeMs: e.SESSION_MAX_AGE_DAYS * 24 * 3600 * 1000,
      secureCookie: publicUrl.protocol === 'https:',
    },
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    realtime: {
      maxMessageBytes: e.YJS_MAX_MESSAGE_BYTES,
      unloadAfterMs: e.YJS_UNLOAD_AFTER_MS,
      compactAfter: e.YJS_COMPACT_AFTER,
      maxDroppedUpdates: e.YJS_MAX_DROPPED_UPDATES,
      maxPendingUpdates: e.YJS_MAX_PENDING_UPDATES,
    },
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            scopes: e.OIDC_SCOPES,
            label: e.OIDC_LABEL,
          }
        : null,
    adminEmails: e.ADMIN_EMAILS.split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    demo: e.DEMO ?? e.NODE_ENV !== 'production',
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      ratePer15Min: e.AUTH_RATE_LIMIT_PER_15_MIN,
    },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    commentairesParMinute: e.COMMENTAIRES_PAR_MINUTE,
    notifications: { intervalMs: e.NOTIFICATIONS_INTERVAL_MS },
    metricsToken: e.METRICS_TOKEN ?? null,
    logLevel: e.LOG_LEVEL,
    clientDist: path.resolve(e.CLIENT_DIST ?? path.join(import.meta.dirname, '../../client/dist')),
  };
}
