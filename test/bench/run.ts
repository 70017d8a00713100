/**
 * `npm run bench`: the benchmark of issue 3 (fiches and maquette financière), see
 * docs/benchmarks.md. A contract with 2,000 fiches and 20,000 financing lines, timed over real
 * HTTP against the real server: the maquette of one year, two pages of the fiche table, and the
 * XLSX exports. Always on the embedded PGlite; on PostgreSQL too when `BENCH_DATABASE_URL` (or
 * `DATABASE_URL`) names a server, in a scratch database `trame_bench_<pid>` dropped at the end.
 * The plans (`EXPLAIN (ANALYZE, BUFFERS)`) of the queries those requests send are printed for
 * each database; on PostgreSQL the requests and plans are then repeated with other contracts of
 * the same size in the same tables (BENCH_NEIGHBOURS, default 9; 0 skips it).
 *
 * BENCH_RUNS (default 50) and BENCH_EXPORT_RUNS (default 10) set the timed runs; 3 warm-ups each.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildMaquette } from '@trame/shared';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { loadConfig } from '../../server/src/config.js';
import { findContrat } from '../../server/src/contrats/repository.js';
import { type DatabaseHandle, openDatabase } from '../../server/src/db/database.js';
import { seedDemo } from '../../server/src/demo/seed.js';
import { maquetteInputs } from '../../server/src/maquette/repository.js';
import { liveMaquette } from '../../server/src/maquette/service.js';
import { startServer } from '../../server/src/server.js';
import { type ApiClient, signedIn } from '../support/http.js';
import { databaseUrlWithName, withMaintenance } from '../support/template.js';
import {
  analyze,
  expectations,
  FICHES,
  generateProgramme,
  insertBackground,
  insertProgramme,
  LINES_PER_FICHE,
  YEARS,
} from './data.js';
import { captureQueries, explain, ficheQueries, indexesIn } from './plans.js';
import { measure, ms, type Stats } from './stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const EXPORT_RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 10);
const NEIGHBOURS = Number(process.env.BENCH_NEIGHBOURS ?? 9);
const WARMUP = 3;
const ANNEE = 2024;
const EPCI_THOUARSAIS = '247900798';
/** Thouars: the commune most fiches name, for the plan of a commune filter. */
const COMMUNE = '79329';

interface Scenario {
  label: string;
  /** Median target in ms, when the issue sets one. */
  target: number | null;
  runs: number;
  step: () => Promise<unknown>;
}

interface Section {
  title: string;
  rows: { scenario: Scenario; stats: Stats }[];
}

interface Plan {
  phase: string;
  request: string;
  sql: string;
  plan: string;
  indexes: string[];
}

interface DatabaseResult {
  name: string;
  version: string;
  sections: Section[];
  plans: Plan[];
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`bench: ${message}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function ok(client: ApiClient, url: string): Promise<any> {
  const reply = await client.get(url);
  check(reply.status === 200, `GET ${url} answered ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

async function xlsx(client: ApiClient, url: string): Promise<Buffer> {
  const file = await client.download(url);
  check(file.status === 200, `GET ${url} answered ${file.status}`);
  check(file.bytes.subarray(0, 2).toString() === 'PK', `GET ${url} is not a zip`);
  return file.bytes;
}

/**
 * After the client sat idle (a load, the in-process timings), the server may be closing its
 * keep-alive socket just as the client reuses it: PGlite blocks the event loop, so the timers of
 * both ends fire late. Let them fire, then make one untimed request, retried once on a reset.
 */
async function settle(client: ApiClient): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  await client.get('/api/v1/me').catch(() => client.get('/api/v1/me'));
}

async function run(title: string, scenarios: Scenario[]): Promise<Section> {
  console.log(`  ${title} (load average ${load()})`);
  const rows: Section['rows'] = [];
  for (const scenario of scenarios) {
    const stats = await measure(WARMUP, scenario.runs, async () => void (await scenario.step()));
    rows.push({ scenario, stats });
    console.log(
      `    ${scenario.label}: median ${ms(stats.median)} ms, p95 ${ms(stats.p95)}, ` +
        `min ${ms(stats.min)}, max ${ms(stats.max)} (${stats.runs} runs)`,
    );
  }
  return { title, rows };
}

async function plansOf(
  database: DatabaseHandle,
  client: ApiClient,
  phase: string,
  requests: [string, string][],
): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const [request, url] of requests) {
    const captured = await captureQueries(database, async () => void (await ok(client, url)));
    for (const query of ficheQueries(captured)) {
      const plan = await explain(database, query);
      plans.push({ phase, request, sql: query.text, plan, indexes: indexesIn(plan) });
    }
  }
  return plans;
}

/** Opens the database to measure: an on-disk PGlite, or a scratch database on the server. */
async function openTarget(
  kind: 'pglite' | 'postgres',
  serverUrl?: string,
): Promise<{ database: DatabaseHandle; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'trame-bench-'));
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    return { database, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `trame_bench_${process.pid}`;
  await withMaintenance(serverUrl!, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const database = await openDatabase({
    kind: 'postgres',
    url: databaseUrlWithName(serverUrl!, name),
  });
  return {
    database,
    dispose: () =>
      withMaintenance(serverUrl!, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

async function benchDatabase(
  kind: 'pglite' | 'postgres',
  serverUrl?: string,
): Promise<DatabaseResult> {
  const { database, dispose } = await openTarget(kind, serverUrl);
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'silent',
    DEMO: '0',
    // One client sends a few hundred requests a minute: not what the limiter is for.
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const running = await startServer(config, {
    database,
    prepare: async (ctx) => {
      await seedDemo(ctx);
    },
  });
  try {
    const versionRows = (await database.db.execute(sql`SELECT version() AS v`)) as {
      rows: { v: string }[];
    };
    const version = versionRows.rows[0]!.v.split(' on ')[0]!.split(',')[0]!;
    const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    console.log(`\n▶ ${kind === 'pglite' ? 'PGlite (embedded, on disk)' : name}: ${version}`);

    // The contract and its orientations, as an animateur creates them.
    const client = await signedIn(running.url, 'animateur@trame.test');
    const me = await ok(client, '/api/v1/me');
    const created = await client.post('/api/v1/contrats', {
      nom: 'Banc d’essai — 2 000 fiches',
      epciCode: EPCI_THOUARSAIS,
      dateDebut: '2021-01-01',
      dateFin: '2026-12-31',
    });
    check(created.status === 201, `contract creation: ${JSON.stringify(created.body)}`);
    const slug: string = created.body.slug;
    const base = `/api/v1/contrats/${slug}`;
    const orientationIds: string[] = [];
    for (const titre of [
      'Transition écologique et énergétique',
      'Cohésion sociale et services au public',
      'Développement économique et emploi',
      'Mobilités et aménagement du territoire',
    ]) {
      const reply = await client.post(`${base}/orientations`, { titre });
      check(reply.status === 201, `orientation: ${JSON.stringify(reply.body)}`);
      orientationIds.push(reply.body.id);
    }
    const contratView = await ok(client, base);
    const communes: { code: string; nom: string }[] = contratView.perimetre.communes;
    check(communes.length > 10, 'the EPCI perimeter has its communes');

    // 2,000 fiches and 20,000 lines, straight into the tables.
    const programme = generateProgramme({
      contratId: created.body.id,
      orientationIds,
      communes,
      userId: me.id,
    });
    const started = performance.now();
    await insertProgramme(database.db, programme);
    await analyze(database.db);
    console.log(
      `  loaded ${programme.fiches.length} fiches and ${programme.lines.length} financing lines ` +
        `in ${ms(performance.now() - started)} ms`,
    );
    await settle(client);

    // What the pages must show, so that the timings are of correct answers.
    const orientation = orientationIds[0]!;
    const expected = expectations(programme, ANNEE, orientation);
    const maquettePath = `${base}/maquettes/${ANNEE}`;
    const filteredPath = `${base}/fiches?limit=50&maturite=engagee,en_instruction&orientation=${orientation}&sort=-cout`;
    const textPath = `${base}/fiches?limit=50&q=chaleur`;
    const communePath = `${base}/fiches?limit=50&commune=${COMMUNE}&sort=-cout`;
    const exportAllPath = `${base}/maquettes/export`;
    const exportYearPath = `${base}/maquettes/${ANNEE}/export?format=xlsx`;

    const maquette = await ok(client, maquettePath);
    const maquetteRows = maquette.groups.reduce((n: number, g: any) => n + g.rows.length, 0);
    check(maquette.totalCents === expected.maquetteTotalCents, 'maquette total');
    check(maquetteRows === expected.maquetteRows, 'maquette rows');
    const filtered = await ok(client, filteredPath);
    check(filtered.total === expected.filteredTotal, 'filtered total');
    check(filtered.items.length === Math.min(50, expected.filteredTotal), 'filtered page size');
    const text = await ok(client, textPath);
    check(text.total === expected.textTotal, 'text search total');
    const exported = await xlsx(client, exportAllPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported as any);
    check(workbook.worksheets.length === YEARS.length, 'one sheet per year');
    console.log(
      `  maquette ${ANNEE}: ${maquetteRows} rows × ${maquette.sources.length} sources, ` +
        `${(JSON.stringify(maquette).length / 1024).toFixed(0)} KiB of JSON; filtered table: ` +
        `${filtered.total} fiches; “chaleur”: ${text.total} fiches; XLSX: ${YEARS.length} sheets, ` +
        `${(exported.length / 1024).toFixed(0)} KiB`,
    );

    const http = (target: boolean): Scenario[] => [
      {
        label: `Maquette ${ANNEE} (JSON)`,
        target: target ? 100 : null,
        runs: RUNS,
        step: () => ok(client, maquettePath),
      },
      {
        label: 'Fiche page: 50 rows, maturité + orientation, sort -cout',
        target: target ? 50 : null,
        runs: RUNS,
        step: () => ok(client, filteredPath),
      },
      {
        label: 'Fiche page: 50 rows, text search q=chaleur',
        target: target ? 50 : null,
        runs: RUNS,
        step: () => ok(client, textPath),
      },
    ];
    const sections: Section[] = [];
    sections.push(
      await run('HTTP, signed in as the animateur', [
        ...http(true),
        {
          label: `XLSX export, all years (${YEARS.length} sheets)`,
          target: 2_000,
          runs: EXPORT_RUNS,
          step: () => xlsx(client, exportAllPath),
        },
        {
          label: `XLSX export, ${ANNEE} only`,
          target: null,
          runs: EXPORT_RUNS,
          step: () => xlsx(client, exportYearPath),
        },
        {
          label: 'Floor: GET /api/v1/me (session + user, no fiche)',
          target: null,
          runs: RUNS,
          step: () => ok(client, '/api/v1/me'),
        },
      ]),
    );

    // Where the maquette's time goes, in the server's own functions (no HTTP).
    const contrat = (await findContrat(database.db, slug))!;
    const inputs = await maquetteInputs(database.db, contrat.id, ANNEE);
    const view = await liveMaquette(database.db, contrat, ANNEE);
    sections.push(
      await run('In process, the maquette’s parts', [
        {
          label: 'maquetteInputs (3 queries, rows to objects)',
          target: null,
          runs: RUNS,
          step: () => maquetteInputs(database.db, contrat.id, ANNEE),
        },
        {
          label: `buildMaquette (${inputs.lines.length} cells, ${inputs.fiches.length} fiches)`,
          target: null,
          runs: RUNS,
          step: async () => buildMaquette(ANNEE, inputs.fiches, inputs.lines, inputs.orientations),
        },
        {
          label: 'JSON.stringify of the answer',
          target: null,
          runs: RUNS,
          step: async () => JSON.stringify(view),
        },
      ]),
    );

    const requests: [string, string][] = [
      ['maquette', maquettePath],
      ['filtered', filteredPath],
      ['text', textPath],
      ['commune', communePath],
    ];
    await settle(client);
    const plans = await plansOf(database, client, 'alone', requests);

    if (kind === 'postgres' && NEIGHBOURS > 0) {
      const start = performance.now();
      await insertBackground(database.db, NEIGHBOURS, { communes, userId: me.id });
      await analyze(database.db);
      const total = (NEIGHBOURS + 1) * FICHES;
      console.log(
        `  + ${NEIGHBOURS} other contracts: ${total} fiches and ${total * LINES_PER_FICHE} lines ` +
          `in the tables (${ms(performance.now() - start)} ms)`,
      );
      await settle(client);
      check((await ok(client, maquettePath)).totalCents === expected.maquetteTotalCents, 'same');
      sections.push(
        await run(`HTTP, with ${NEIGHBOURS} other contracts of the same size`, http(false)),
      );
      plans.push(...(await plansOf(database, client, 'neighbours', requests)));
    }
    return { name, version, sections, plans };
  } finally {
    await running.close();
    await dispose();
  }
}

function report(results: DatabaseResult[]): void {
  const cpus = os.cpus();
  console.log('\n## Results\n');
  console.log(
    `${new Date().toISOString().slice(0, 10)} · ${cpus.length} × ${cpus[0]?.model.trim()} · ` +
      `Node ${process.version} · load average at the end ${load()} · ` +
      `warm-up ${WARMUP} · times in ms, measured by the client`,
  );
  for (const result of results) {
    for (const section of result.sections) {
      console.log(`\n### ${result.name} (${result.version}) — ${section.title}\n`);
      console.log('| Request | Runs | Median | p95 | Min | Max | Target (median) | |');
      console.log('|---|---:|---:|---:|---:|---:|---:|---|');
      for (const { scenario, stats } of section.rows) {
        const verdict =
          scenario.target === null ? '' : stats.median < scenario.target ? 'pass' : '**missed**';
        console.log(
          `| ${scenario.label} | ${stats.runs} | ${ms(stats.median)} | ${ms(stats.p95)} | ` +
            `${ms(stats.min)} | ${ms(stats.max)} | ${scenario.target ?? '—'} | ${verdict} |`,
        );
      }
    }
  }
  for (const result of results) {
    console.log(`\n## Plans on ${result.name}`);
    for (const plan of result.plans) {
      const time = /Execution Time: ([\d.]+ ms)/.exec(plan.plan)?.[1] ?? '?';
      console.log(
        `\n--- ${plan.phase} · ${plan.request} · ${time} · indexes: ${plan.indexes.join(', ') || 'none'}`,
      );
      console.log(plan.sql.replace(/("fiches"\."\w+", ){5,}/, '"fiches".…, '));
      for (const line of plan.plan.split('\n')) {
        console.log(line.length > 240 ? `${line.slice(0, 240)}…` : line);
      }
    }
  }
}

async function main(): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const results = [await benchDatabase('pglite')];
  if (serverUrl) results.push(await benchDatabase('postgres', serverUrl));
  else console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL or DATABASE_URL to measure it)');
  report(results);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
