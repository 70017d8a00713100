import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { inject } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { type DatabaseHandle, openDatabase } from '../../server/src/db/database.js';
import { type RunningServer, startServer } from '../../server/src/server.js';
import { CLONE_PREFIX, databaseNameOf, databaseUrlWithName, withMaintenance } from './template.js';

export interface TestApp extends RunningServer {
  /**
   * Starts another instance on the same database and Redis, as a second server behind a load
   * balancer would be; only on PostgreSQL (an embedded database belongs to one process).
   */
  sibling(): Promise<RunningServer>;
}

/** A port free on loopback right now, for servers whose URL must be known before they start. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A private copy of the demo-seeded template database for one app. */
async function cloneTemplate(): Promise<{
  database: DatabaseHandle;
  url: string | null;
  drop: () => Promise<void>;
}> {
  const template = inject('template');
  if (template.kind === 'pglite') {
    const loadDataDir = new Blob([readFileSync(template.location)]);
    return {
      database: await openDatabase({ kind: 'pglite', loadDataDir }),
      url: null,
      drop: async () => {},
    };
  }
  const templateName = databaseNameOf(template.location);
  const name = `${CLONE_PREFIX}${templateName}_${randomUUID().slice(0, 8)}`;
  await withMaintenance(template.location, async (client) => {
    // Two clones cannot copy the same template at the same instant; a server-wide lock orders them.
    await client.query('SELECT pg_advisory_lock(7042002)');
    try {
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(7042002)');
    }
  });
  const url = databaseUrlWithName(template.location, name);
  return {
    database: await openDatabase({ kind: 'postgres', url }),
    url,
    drop: () =>
      withMaintenance(template.location, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

/**
 * Starts a real Trame server on a loopback port, on its own copy of the demo database (the five
 * demo accounts, the Thouarsais and Bocage contracts). `REDIS_URL`, when set, is used with a
 * prefix of its own so parallel test files do not share rate-limit counters.
 */
export async function startApp(options: { env?: Record<string, string> } = {}): Promise<TestApp> {
  const { database, url, drop } = await cloneTemplate();
  // Shared by siblings: the same session cookie is valid on every instance.
  const shared = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO: '0',
    SESSION_SECRET: randomUUID() + randomUUID(),
    ...(process.env.REDIS_URL
      ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `trame-test:${randomUUID()}:` }
      : {}),
    ...options.env,
  };
  const configFor = (port: number, publicUrl = `http://127.0.0.1:${port}`) =>
    loadConfig({ ...shared, PORT: String(port), PUBLIC_URL: publicUrl });
  // A test may fix the port and public URL (an OpenID provider must know the callback first).
  const port = options.env?.PORT ? Number(options.env.PORT) : await freePort();
  const running = await startServer(configFor(port, options.env?.PUBLIC_URL), { database });
  const siblings: RunningServer[] = [];
  return {
    ...running,
    async sibling() {
      if (!url) throw new Error('a second instance needs PostgreSQL (DATABASE_URL)');
      const sibling = await startServer(configFor(await freePort()), {
        database: await openDatabase({ kind: 'postgres', url }),
      });
      siblings.push(sibling);
      return sibling;
    },
    close: async () => {
      for (const sibling of siblings) await sibling.close();
      await running.close();
      await drop();
    },
  };
}
