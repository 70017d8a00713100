import { count } from 'drizzle-orm';
import { ConfigError, loadConfig } from './config.js';
import { users } from './db/schema.js';
import { DEMO_PASSWORD } from './demo/data.js';
import { demoAccounts, seedDemo } from './demo/seed.js';
import { startServer } from './server.js';

const startedAt = performance.now();

async function main() {
  const config = loadConfig();
  const running = await startServer(config, {
    // First start only: an empty database gets the demo; an existing one is never touched.
    prepare: async (ctx) => {
      if (!config.demo) return;
      const [row] = await ctx.db.select({ n: count() }).from(users);
      if ((row?.n ?? 0) === 0 && (await seedDemo(ctx))) ctx.logger.info('demo contract loaded');
    },
  });
  const { ctx } = running;

  const database =
    config.database.kind === 'pglite' ? `PGlite (${config.database.dataDir})` : 'PostgreSQL';
  const lines = [
    '',
    `  Trame est prêt : ${config.publicUrl.origin === `http://localhost:${config.port}` ? running.url : config.publicUrl.href}`,
    `  Base de données : ${database}${config.redis ? ' · Redis' : ''}`,
    `  Démarré en ${Math.round(performance.now() - startedAt)} ms`,
  ];
  if (config.demo) {
    lines.push('', `  Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») :`);
    for (const account of demoAccounts())
      lines.push(`    ${account.role.padEnd(11)} ${account.email}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  const shutdown = (signal: string) => {
    ctx.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        ctx.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Trame n’a pas pu démarrer : ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  process.exit(1);
});
