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
 *
 * Then live comments: 200 anonymous readers follow one public fiche over Socket.IO while the
 * animateur posts 50 comments on it, one every 100 ms; each comment's time is from just before
 * its POST to its arrival at each reader. Target: p99 < 200 ms.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { LIVE_EVENTS, MATURITES } from '@trame/shared';
import autocannon from 'autocannon';
import { io, type Socket } from 'socket.io-client';
import { signedIn } from '../support/http.js';
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
          COMMENTAIRES_PAR_MINUTE: '100000',
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

const WATCHERS = Number(env.BENCH_PORTAL_WATCHERS ?? 200);
const LIVE_COMMENTS = 50;
const TARGET_LIVE_P99_MS = 200;

interface LiveRun {
  watchers: number;
  comments: number;
  deliveries: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
}

/** 200 readers watch a fiche; every comment posted must reach each of them. */
async function watchComments(setup: PortalSetup): Promise<LiveRun> {
  const sockets: Socket[] = [];
  const postedAt = new Map<string, number>();
  const latencies: number[] = [];
  try {
    for (let i = 0; i < WATCHERS; i++) {
      const socket = io(setup.url, {
        transports: ['websocket'],
        extraHeaders: { origin: setup.url },
        reconnection: false,
      });
      sockets.push(socket);
      socket.on(
        LIVE_EVENTS.commentaire,
        (event: { type: string; commentaire?: { corps: string } }) => {
          const arrived = performance.now();
          const marker = event.type === 'publie' ? event.commentaire?.corps : undefined;
          const sent = marker ? postedAt.get(marker) : undefined;
          if (sent !== undefined) latencies.push(arrived - sent);
        },
      );
    }
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve, reject) => {
            socket.once('connect', () => resolve());
            socket.once('connect_error', reject);
          }),
      ),
    );
    for (const socket of sockets) {
      const ack = await socket
        .timeout(10_000)
        .emitWithAck('suivre', { sujet: `fiche:${setup.watchedFiche}` });
      if (!ack.ok) throw new Error(`follow refused: ${JSON.stringify(ack)}`);
    }
    const animateur = await signedIn(setup.url, 'animateur@trame.test');
    for (let n = 0; n < LIVE_COMMENTS; n++) {
      const corps = `Commentaire en direct n° ${n} pour le banc d’essai.`;
      postedAt.set(corps, performance.now());
      const reply = await animateur.post(`/api/v1/contrats/${setup.contratId}/commentaires`, {
        sujetType: 'fiche',
        sujetId: setup.watchedFiche,
        corps,
      });
      if (reply.status !== 201)
        throw new Error(`comment: ${reply.status} ${JSON.stringify(reply.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const expected = WATCHERS * LIVE_COMMENTS;
    const deadline = Date.now() + 10_000;
    while (latencies.length < expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const rank = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
    return {
      watchers: WATCHERS,
      comments: LIVE_COMMENTS,
      deliveries: latencies.length,
      expected,
      p50: rank(0.5),
      p99: latencies.length < expected ? Number.POSITIVE_INFINITY : rank(0.99),
      max: latencies.length < expected ? Number.POSITIVE_INFINITY : sorted.at(-1)!,
    };
  } finally {
    for (const socket of sockets) socket.disconnect();
  }
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

    // A portal in use has its pages cached (each is rendered at most once per 5 s and served
    // stale while the next rendering runs): one pass over every page first, timed, then the runs.
    const warmStarted = performance.now();
    for (const path of [...fichePages, ...listPages]) {
      const reply = await fetch(`${setup.url}${path}`);
      if (reply.status !== 200) throw new Error(`${path}: ${reply.status}`);
      await reply.arrayBuffer();
    }
    const warmMs = performance.now() - warmStarted;
    console.log(
      `  first rendering of every page, one at a time: ${fichePages.length + listPages.length} pages in ` +
        `${(warmMs / 1000).toFixed(1)} s, ${(warmMs / (fichePages.length + listPages.length)).toFixed(1)} ms a page`,
    );

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

    const live = await watchComments(setup);
    console.log(
      `  live comments: ${live.watchers} readers × ${live.comments} comments, ${live.deliveries}/${live.expected} deliveries, ` +
        `p50 ${live.p50.toFixed(1)} ms, p99 ${live.p99.toFixed(1)} ms, max ${live.max.toFixed(1)} ms (load ${load()})`,
    );

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
    console.log(
      `\n| Live comments | Readers | Deliveries | p50 (ms) | p99 (ms) | max (ms) | Target |\n|---|---:|---:|---:|---:|---:|---|\n` +
        `| ${live.comments} comments on one fiche, one every 100 ms | ${live.watchers} | ${live.deliveries}/${live.expected} | ` +
        `${live.p50.toFixed(1)} | ${live.p99.toFixed(1)} | ${live.max.toFixed(1)} | ` +
        `${live.deliveries === live.expected && live.p99 < TARGET_LIVE_P99_MS ? 'met' : '**missed**'} |`,
    );
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
