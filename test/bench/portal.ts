/**
 * Portal read load (issue 5): autocannon against Trame's public portal on a published contract of
 * 1,000 fiches and 50,000 comments — fiche pages (a rotation over every public fiche) and fiche
 * list pages (a rotation over pages and filters). Two measures each: the most it serves with 32
 * connections, and the latency when offered 1,500 requests a second. Target: ≥ 1,500 req/s with
 * p99 < 100 ms.
 *
 * The server runs in its own process (`portal-server.ts`), autocannon in this one. On PostgreSQL
 * when BENCH_DATABASE_URL (or DATABASE_URL) is set, in a scratch database dropped at the end;
 * otherwise on PGlite in a scratch directory. Knobs: BENCH_PORTAL_SECONDS (default 15).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MATURITES } from '@trame/shared';
import autocannon from 'autocannon';
import { databaseUrlWithName, withMaintenance } from '../support/template.js';
import type { PortalSetup } from './portal-server.js';

const env = process.env;
const SECONDS = Number(env.BENCH_PORTAL_SECONDS ?? 15);
const TARGET_RATE = 1_500;
const TARGET_P99_MS = 100;
const SERVER_URL = env.BENCH_DATABASE_URL || env.DATABASE_URL || '';

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

async function startPortalServer(
  database: Record<string, string>,
): Promise<{ child: ChildProcess; setup: PortalSetup }> {
  const port = await freePort();
  const child = fork(new URL('./portal-server.ts', import.meta.url), [], {
    env: {
      ...env,
      NODE_ENV: 'production',
      BENCH_PORTAL_SERVER: JSON.stringify({
        env: {
          NODE_ENV: 'production',
          SESSION_SECRET: randomBytes(24).toString('hex'),
          HOST: '127.0.0.1',
          PORT: String(port),
          PUBLIC_URL: `http://127.0.0.1:${port}`,
          LOG_LEVEL: 'warn',
          DEMO: '0',
          RATE_LIMIT_PER_MINUTE: '100000000',
          ...database,
        },
      }),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const setup = await new Promise<PortalSetup>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`portal server exited (${code})`)));
    child.on('message', (message: { ready?: PortalSetup }) => {
      if (message.ready) resolve(message.ready);
    });
  });
  return { child, setup };
}

interface Run {
  label: string;
  rate: number | null;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

async function hammer(
  label: string,
  url: string,
  paths: string[],
  rate: number | null,
): Promise<Run> {
  let next = 0;
  const result = await autocannon({
    url,
    duration: SECONDS,
    connections: rate ? 64 : 32,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        setupRequest: (request) => {
          request.path = paths[next++ % paths.length]!;
          return request;
        },
      },
    ],
  });
  return {
    label,
    rate,
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main() {
  const started = Date.now();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'trame-bench-portal-'));
  const name = `trame_bench_portal_${process.pid}`;
  let database: Record<string, string>;
  if (SERVER_URL) {
    await withMaintenance(SERVER_URL, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}"`);
    });
    database = { DATABASE_URL: databaseUrlWithName(SERVER_URL, name) };
  } else {
    database = { DATA_DIR: path.join(scratch, 'data') };
  }
  const { child, setup } = await startPortalServer(database);
  try {
    console.log('\n# Portal read load (issue 5)');
    console.log(
      `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${os.cpus()[0]?.model.trim()} · ` +
        `Node ${process.version} · Trame on ${SERVER_URL ? 'PostgreSQL' : 'PGlite'} · ` +
        `${setup.fiches} fiches (${setup.publicNumbers.length} public), ${setup.comments} comments · ` +
        `autocannon, ${SECONDS} s per run · load average ${load()}`,
    );
    const home = `/p/${setup.slug}`;
    const fichePages = setup.publicNumbers.map((n) => `${home}/fiches/${n}`);
    const pages = Math.ceil(setup.publicNumbers.length / 20);
    const listPages: string[] = [];
    for (let page = 1; page <= pages; page++) listPages.push(`${home}/fiches?page=${page}`);
    for (const maturite of MATURITES) {
      listPages.push(`${home}/fiches?maturite=${maturite}`);
    }
    listPages.push(`${home}/fiches?q=chaleur`, `${home}/fiches?q=vélo`);
    for (const path of [fichePages[0]!, listPages[0]!]) {
      const reply = await fetch(`${setup.url}${path}`);
      if (reply.status !== 200) throw new Error(`${path}: ${reply.status}`);
    }

    const runs: Run[] = [];
    for (const [label, paths] of [
      [`fiche page (${fichePages.length} fiches in turn)`, fichePages],
      [`fiche list (${listPages.length} pages and filters in turn)`, listPages],
    ] as const) {
      for (const rate of [null, TARGET_RATE]) {
        const run = await hammer(label, setup.url, [...paths], rate);
        runs.push(run);
        console.log(
          `  ${label}, ${rate ? `offered ${rate} req/s` : 'as fast as it goes (32 connections)'}: ` +
            `${run.perSecond.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, max ${run.max} ms, ` +
            `${run.errors} errors, ${run.non2xx} non-2xx (load ${load()})`,
        );
      }
    }

    console.log('\n## Results\n');
    console.log(
      '| Page | Load | Served (req/s) | p50 (ms) | p99 (ms) | max (ms) | Errors / non-2xx | Target |',
    );
    console.log('|---|---|---:|---:|---:|---:|---:|---|');
    for (const run of runs) {
      const met = run.rate
        ? run.perSecond >= run.rate * 0.98 &&
          run.p99 < TARGET_P99_MS &&
          run.errors + run.non2xx === 0
        : run.perSecond >= TARGET_RATE;
      console.log(
        `| ${run.label} | ${run.rate ? `${run.rate} req/s offered` : '32 connections, flat out'} | ` +
          `${run.perSecond.toFixed(0)} | ${run.p50} | ${run.p99} | ${run.max} | ${run.errors} / ${run.non2xx} | ` +
          `${met ? 'met' : '**missed**'} |`,
      );
    }
    console.log(`\n${Math.round((Date.now() - started) / 1000)} s in all.`);
    if (runs.some((run) => run.errors > 0 || run.non2xx > 0)) {
      throw new Error('the portal answered errors under load');
    }
  } finally {
    child.send({ cmd: 'close' });
    await new Promise((resolve) => child.once('exit', resolve));
    if (SERVER_URL) {
      await withMaintenance(SERVER_URL, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
