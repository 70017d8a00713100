import type { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { DatabaseSessionStore } from './auth/session-store.js';
import type { Config } from './config.js';
import type { Database, DatabaseHandle } from './db/database.js';
import type { Geography } from './geo/geography.js';
import type { Mailer } from './mail/mailer.js';
import type { LiveHub } from './realtime/live.js';

/** Everything a request handler may need, built once per server and passed down explicitly. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Database;
  logger: Logger;
  mailer: Mailer;
  sessions: DatabaseSessionStore;
  redis: Redis | null;
  geography: Geography;
  metrics: Registry;
  /**
   * In-process events between modules: `membership` ({ contratId, userId }) when a member's role
   * changes or they leave, so live document connections are re-checked.
   */
  events: EventEmitter<{ membership: [{ contratId: string; userId: string }] }>;
  /** Live events (Socket.IO) to the clients following a contract or a fiche, on every instance. */
  live: LiveHub;
}
