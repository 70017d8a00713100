import pg from 'pg';

/**
 * Every test file gets its own database, cloned from one template that was migrated and seeded
 * once by the global setup: on PGlite a dumped data directory, on PostgreSQL a template database.
 */
export interface TemplateInfo {
  kind: 'pglite' | 'postgres';
  /** PGlite: the dump file. PostgreSQL: the template database's URL. */
  location: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    template: TemplateInfo;
  }
}

export function databaseUrlWithName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.href;
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run in the target). */
export async function withMaintenance<T>(
  url: string,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrlWithName(url, 'postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export const CLONE_PREFIX = 'trame_test_';
