import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the server (and the shared workspace, which ships TypeScript) into `server/dist`. npm
 * packages stay external and load from node_modules; migrations are copied next to the bundle,
 * where `db/database.ts` looks for them.
 */
const here = import.meta.dirname;
const dist = path.join(here, 'dist');
const { dependencies } = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));
const external = [...Object.keys(dependencies), 'zod', 'zod/*', 'drizzle-orm/*', 'openid-client/*'];

rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: [path.join(here, 'src/main.ts')],
  outfile: path.join(dist, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
});
cpSync(path.join(here, 'src/db/migrations'), path.join(dist, 'migrations'), { recursive: true });
