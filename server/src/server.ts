import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { type Logger, pino } from 'pino';
import { createApp } from './app.js';
import { DatabaseSessionStore } from './auth/session-store.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { type DatabaseHandle, openDatabase } from './db/database.js';
import { officialGeography } from './geo/geography.js';
import { createMailer } from './mail/mailer.js';
import { createNotificationSender } from './notifications/sender.js';
import { createRegistry } from './ops/metrics.js';
import { LiveHub } from './realtime/live.js';
import { attachSyncServer, type SyncServer } from './realtime/sync-server.js';

export interface RunningServer {
  ctx: AppContext;
  server: Server;
  /** The address actually listened on, e.g. http://127.0.0.1:3000. */
  url: string;
  /** The collaborative documents' sync server, on the same port. */
  sync: SyncServer;
  /** Stops accepting requests, lets running ones finish, then closes Redis and the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** An already opened database (tests hand over a cloned template). */
  database?: DatabaseHandle;
  /** Runs before the port opens, so no request sees a half-prepared database (the demo seed). */
  prepare?: (ctx: AppContext) => Promise<void>;
}

export async function buildContext(
  config: Config,
  options: StartOptions = {},
): Promise<AppContext> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const database = options.database ?? (await openDatabase(config.database));
  database.onConnectionLost((err) =>
    logger.warn({ err }, 'database connection lost; the next query opens a new one'),
  );
  const redis = config.redis
    ? new Redis(config.redis.url, { maxRetriesPerRequest: 2, enableOfflineQueue: true })
    : null;
  redis?.on('error', (err) => logger.warn({ err }, 'redis error'));
  return {
    config,
    database,
    db: database.db,
    logger,
    mailer: createMailer(config.mail, logger),
    sessions: new DatabaseSessionStore(database.db, config.session.maxAgeMs),
    redis,
    geography: officialGeography(),
    metrics: createRegistry(),
    events: new EventEmitter(),
    live: new LiveHub({ redis, redisPrefix: config.redis?.prefix ?? '' }),
  };
}

export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const ctx = await buildContext(config, options);
  await options.prepare?.(ctx);
  // The sync server shares the HTTP server (websocket upgrades) and serves the API's versions.
  const server = createServer();
  const sync = attachSyncServer(ctx, server);
  server.on('request', createApp(ctx, sync));
  // After the app: Socket.IO wraps the request listeners already there, so its own paths never
  // reach the app as well.
  ctx.live.attach(ctx, server);
  ctx.events.on('membership', (change) => {
    sync.membershipChanged(change);
    ctx.live
      .membershipChanged(ctx, change)
      .catch((err) => ctx.logger.warn({ err }, 'live follows not re-checked'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${address.port}`;
  // E-mails notifications on an interval (NOTIFICATIONS_INTERVAL_MS), safe with other instances.
  const notifier = createNotificationSender(ctx);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await notifier.stop();
      // Documents first: their pending updates are stored while the database is still open.
      await sync.close();
      await ctx.live.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      ctx.sessions.close();
      ctx.mailer.close();
      if (ctx.redis) await ctx.redis.quit().catch(() => ctx.redis?.disconnect());
      await ctx.database.close();
    })();
    return closing;
  };
  return { ctx, server, url, sync, close };
}
