/**
 * The server side of the portal benchmark, in its own process: Trame as `npm start` runs it, with
 * the demo, plus a published contract of 1,000 fiches (from the fiches benchmark's generator) and
 * 50,000 published comments on them. Tells the parent its address and what it loaded.
 */
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../server/src/config.js';
import { commentaires, users } from '../../server/src/db/schema.js';
import { seedDemo } from '../../server/src/demo/seed.js';
import { startServer } from '../../server/src/server.js';
import { signedIn } from '../support/http.js';
import { analyze, generateProgramme, insertProgramme, Rng } from './data.js';

export const PORTAL_FICHES = 1_000;
export const PORTAL_COMMENTS = 50_000;
const EPCI_THOUARSAIS = '247900798';

export interface PortalSetup {
  url: string;
  slug: string;
  /** Numbers of the public fiches (the portal serves only those). */
  publicNumbers: number[];
  /** A public fiche that anyone may watch for new comments, and its contract. */
  watchedFiche: string;
  contratId: string;
  fiches: number;
  comments: number;
}

process.setSourceMapsEnabled(false);

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`portal bench setup: ${message}`);
}

const settings = JSON.parse(process.env.BENCH_PORTAL_SERVER ?? '{}') as {
  env: Record<string, string>;
};
const running = await startServer(loadConfig(settings.env), {
  prepare: async (ctx) => {
    await seedDemo(ctx);
  },
});
const { db } = running.ctx;
const client = await signedIn(running.url, 'animateur@trame.test');
const me = (await client.get('/api/v1/me')).body;
const created = await client.post('/api/v1/contrats', {
  nom: 'Banc d’essai du portail — 1 000 fiches',
  epciCode: EPCI_THOUARSAIS,
  dateDebut: '2021-01-01',
  dateFin: '2026-12-31',
});
check(created.status === 201, JSON.stringify(created.body));
const base = `/api/v1/contrats/${created.body.slug}`;
const orientationIds: string[] = [];
for (const titre of [
  'Transition écologique et énergétique',
  'Cohésion sociale et services au public',
  'Développement économique et emploi',
]) {
  const reply = await client.post(`${base}/orientations`, { titre });
  check(reply.status === 201, JSON.stringify(reply.body));
  orientationIds.push(reply.body.id);
}
check((await client.patch(base, { publie: true })).status === 200, 'publication');
const communes = (await client.get(base)).body.perimetre.communes;
const programme = generateProgramme({
  contratId: created.body.id,
  orientationIds,
  communes,
  userId: me.id,
});
const fiches = programme.fiches.slice(0, PORTAL_FICHES);
const ids = new Set(fiches.map((f) => f.id));
await insertProgramme(db, { fiches, lines: programme.lines.filter((l) => ids.has(l.ficheId)) });

// 50,000 comments from the demo's people, spread over the public fiches, some of them replies.
const authors = await db.select({ id: users.id, categorie: users.categorie }).from(users);
const publicFiches = fiches.filter((f) => f.public);
const rng = new Rng(0x5eed_2026);
const rows: (typeof commentaires.$inferInsert)[] = [];
const threadOf = new Map<string, string>();
for (let n = 0; n < PORTAL_COMMENTS; n++) {
  const fiche = publicFiches[n % publicFiches.length]!;
  const author = rng.pick(authors);
  const id = rng.uuid();
  const parent = threadOf.get(fiche.id!);
  rows.push({
    id,
    contratId: created.body.id,
    sujetType: 'fiche',
    sujetId: fiche.id!,
    parentId: parent && rng.chance(0.5) ? parent : null,
    auteurId: author.id,
    categorie: author.categorie,
    corps: `Remarque ${n} : ${rng.pick(['le calendrier', 'le plan de financement', 'les communes concernées', 'l’impact attendu'])} mériterait d’être précisé.`,
    createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000),
  });
  if (!parent) threadOf.set(fiche.id!, id);
}
for (let i = 0; i < rows.length; i += 1_000) {
  await db.insert(commentaires).values(rows.slice(i, i + 1_000));
}
await analyze(db);
const counted = (await db.execute(sql`SELECT count(*)::int AS n FROM commentaires`)) as unknown as {
  rows: { n: number }[];
};
const setup: PortalSetup = {
  url: running.url,
  slug: created.body.slug,
  publicNumbers: publicFiches.map((f) => f.numero!),
  watchedFiche: publicFiches[0]!.id!,
  contratId: created.body.id,
  fiches: fiches.length,
  comments: counted.rows[0]!.n,
};
process.send!({ ready: setup });
process.on('message', async (message: { cmd?: string }) => {
  if (message.cmd === 'close') {
    await running.close();
    process.exit(0);
  }
});
