import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { inject } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { type DatabaseHandle, openDatabase } from '../../server/src/db/database.js';
import { type RunningServer, startServer } from '../../server/src/server.js';
import { CLONE_PREFIX, databaseNameOf, databaseUrlWithName, withMaintenance } from './template.js';

export interface TestApp extends RunningServer {}

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
async function cloneTemplate(): Promise<{ database: DatabaseHandle; drop: () => Promise<void> }> {
  const template = inject('template');
  if (template.kind === 'pglite') {
    const loadDataDir = new Blob([readFileSync(template.location)]);
    return { database: await openDatabase({ kind: 'pglite', loadDataDir }), drop: async () => {} };
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
  const port = await freePort();
  const { database, drop } = await cloneTemplate();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO: '0',
    ...(process.env.REDIS_URL
      ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `trame-test:${randomUUID()}:` }
      : {}),
    ...options.env,
  });
  const running = await startServer(config, { database });
  return {
    ...running,
    close: async () => {
      await running.close();
      await drop();
    },
  };
}
