import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';

/**
 * One typed query layer (Drizzle) over two drivers: node-postgres when `DATABASE_URL` is set,
 * PGlite (PostgreSQL compiled to WebAssembly, in-process) otherwise. Application code only sees
 * `Database`; nothing outside this file knows which driver runs.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything that can run a query: the database itself or an open transaction. */
export type Queryable = Database | Transaction;

export type DatabaseOptions =
  | { kind: 'postgres'; url: string }
  | {
      kind: 'pglite';
      /** Directory of the embedded cluster; in memory when absent. */
      dataDir?: string;
      /** A cluster dumped with `dumpDataDir()` to start from (tests start from a migrated one). */
      loadDataDir?: Blob;
    };

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseOptions['kind'];
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Called when the server drops an idle pooled connection (restart, failover, an administrator
   * ending sessions). The pool opens a new one on the next query; without a listener the error
   * would crash the process.
   */
  onConnectionLost(listener: (err: Error) => void): void;
  /** PGlite only: a tarball of the whole cluster (used to clone a migrated test template). */
  dump?(): Promise<Blob>;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
/** Serialises concurrent start-ups of several instances on one PostgreSQL server. */
const MIGRATION_LOCK_ID = 7_042_001;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.kind === 'postgres' ? openPostgres(options.url) : openPglite(options);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');

  const migrationClient = new pg.Client({ connectionString: url });
  await migrationClient.connect();
  try {
    await migrationClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await migrate(drizzle(migrationClient, { schema }), { migrationsFolder: MIGRATIONS_DIR });
    await migrationClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
  } finally {
    await migrationClient.end();
  }

  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzle(pool, { schema }) as unknown as Database;
  let connectionLost = (err: Error) => process.emitWarning(`database connection lost: ${err}`);
  pool.on('error', (err) => connectionLost(err));
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: 'postgres',
    onConnectionLost: (listener) => {
      connectionLost = listener;
    },
    ping: async () => {
      await db.execute(sql`SELECT 1`);
    },
    close: () => {
      closing ??= pool.end();
      return closing;
    },
  };
}

async function openPglite(options: {
  dataDir?: string;
  loadDataDir?: Blob;
}): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');

  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const pgliteDb = drizzle(client, { schema });
  await migrate(pgliteDb, { migrationsFolder: MIGRATIONS_DIR });
  const db = pgliteDb as unknown as Database;
  let closed = false;
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await db.execute(sql`SELECT 1`);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
    },
    // In-process: there is no connection to lose.
    onConnectionLost: () => {},
    dump: () => client.dumpDataDir('none'),
  };
}
