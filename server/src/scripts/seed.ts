import { loadConfig } from '../config.js';
import { seedDemo } from '../demo/seed.js';
import { buildContext } from '../server.js';

/** `npm run seed` loads the demo contract if absent; `npm run seed -- --reset` reloads it. */
const reset = process.argv.includes('--reset');
const ctx = await buildContext(loadConfig());
try {
  const loaded = await seedDemo(ctx, { reset });
  process.stdout.write(
    loaded
      ? 'Contrat de démonstration chargé.\n'
      : 'Contrat de démonstration déjà présent (--reset pour le recharger).\n',
  );
} finally {
  ctx.sessions.close();
  ctx.mailer.close();
  await ctx.redis?.quit();
  await ctx.database.close();
}
