import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../server/src/config.js';
import { openDatabase } from '../../server/src/db/database.js';
import { seedDemo } from '../../server/src/demo/seed.js';
import { buildContext } from '../../server/src/server.js';
import { CLONE_PREFIX, databaseNameOf, type TemplateInfo, withMaintenance } from './template.js';

/** Builds the migrated, demo-seeded template once; test files clone it (see template.ts). */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: '0' });
  let template: TemplateInfo;
  let cleanup: () => Promise<void>;

  if (databaseUrl) {
    const database = await openDatabase({ kind: 'postgres', url: databaseUrl });
    const ctx = await buildContext(config, { database });
    await seedDemo(ctx, { reset: true });
    ctx.sessions.close();
    await ctx.database.close();
    template = { kind: 'postgres', location: databaseUrl };
    const templateName = databaseNameOf(databaseUrl);
    cleanup = () =>
      withMaintenance(databaseUrl, async (client) => {
        const { rows } = await client.query<{ datname: string }>(
          'SELECT datname FROM pg_database WHERE datname LIKE $1',
          [`${CLONE_PREFIX}${templateName}_%`],
        );
        for (const row of rows)
          await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      });
  } else {
    const database = await openDatabase({ kind: 'pglite' });
    const ctx = await buildContext(config, { database });
    await seedDemo(ctx);
    const dump = await database.dump!();
    ctx.sessions.close();
    await database.close();
    const dir = mkdtempSync(path.join(tmpdir(), 'trame-template-'));
    const file = path.join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    template = { kind: 'pglite', location: file };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }

  project.provide('template', template);
  return cleanup;
}
