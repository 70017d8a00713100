/**
 * `npm run bench:realtime` (and the second half of `npm run bench`): the benchmark of issue 4,
 * live co-editing, see docs/benchmarks.md. Trame's sync server against Hocuspocus 3 and the
 * reference y-websocket server (`@y/websocket-server`), side by side in one run, each server in its
 * own process, all driven by the same load generator (worker threads of this process, lean
 * y-protocols clients, `realtime-client.ts`):
 *
 * 1. Propagation latency, one document, N editors each typing 5 characters per second: from the
 *    keystroke to its arrival at every other editor, p50 / p99 (and per delivery).
 * 2. Memory of 2,000 connections over 200 documents, per connection and per document.
 * 3. Cold load of a document with 100,000 edits in its history: time to first sync of a new
 *    client after a restart (and of a new client while the document is loaded).
 * 4. The latencies of (1) across two instances through Redis (Trame and Hocuspocus).
 *
 * Trame runs on PostgreSQL when BENCH_DATABASE_URL (or DATABASE_URL) names a server, in a scratch
 * database `trame_bench_rt_<pid>` dropped at the end, else on PGlite (then without section 4).
 * Section 4 needs BENCH_REDIS_URL (or REDIS_URL) too. Knobs: BENCH_REALTIME_SECONDS (measured
 * window per latency run, 6), BENCH_REALTIME_WARMUP (2), BENCH_REALTIME_SIZES (10,50,200),
 * BENCH_REALTIME_CONNECTIONS (2000), BENCH_REALTIME_DOCUMENTS (200), BENCH_REALTIME_HISTORY
 * (100000), BENCH_REALTIME_COLD_RUNS (3), BENCH_REALTIME_WORKERS (2 load threads),
 * BENCH_REALTIME_ONLY (latency,memory,cold,redis).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { type ApiClient, signedIn } from '../support/http.js';
import { databaseUrlWithName, withMaintenance } from '../support/template.js';
import { hrtimeMs, LeanClient, type Protocol } from './realtime-client.js';
import { generateHistory, type History, writeUpdates } from './realtime-history.js';
import type { ServerKind, ServerRequest, ServerSettings, Usage } from './realtime-server.js';
import {
  BUCKETS,
  bucketLimit,
  type ClientSpec,
  type Collected,
  type RunSetup,
  type WorkerCommand,
} from './realtime-worker.js';

const env = process.env;
const SECONDS = Number(env.BENCH_REALTIME_SECONDS ?? 6);
const WARMUP = Number(env.BENCH_REALTIME_WARMUP ?? 2);
const SIZES = (env.BENCH_REALTIME_SIZES ?? '10,50,200')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const CONNECTIONS = Number(env.BENCH_REALTIME_CONNECTIONS ?? 2_000);
const DOCUMENTS = Number(env.BENCH_REALTIME_DOCUMENTS ?? 200);
const HISTORY = Number(env.BENCH_REALTIME_HISTORY ?? 100_000);
const COLD_RUNS = Number(env.BENCH_REALTIME_COLD_RUNS ?? 3);
const WARM_RUNS = 5;
const WORKERS = Number(env.BENCH_REALTIME_WORKERS ?? 2);
const SECTIONS = new Set((env.BENCH_REALTIME_ONLY ?? 'latency,memory,cold,redis').split(','));
const DATABASE_URL = env.BENCH_DATABASE_URL || env.DATABASE_URL || '';
const REDIS_URL = env.BENCH_REDIS_URL || env.REDIS_URL || '';
/** Characters per second of each editor. */
const RATE = 5;
const CLIENT_ID_BASE = 1_000_000;
const KINDS: ServerKind[] = ['trame', 'hocuspocus', 'y-websocket'];
const NAMES: Record<ServerKind, string> = {
  trame: 'Trame',
  hocuspocus: 'Hocuspocus',
  'y-websocket': 'y-websocket-server',
};
const PROTOCOL: Record<ServerKind, Protocol> = {
  trame: 'y-websocket',
  hocuspocus: 'hocuspocus',
  'y-websocket': 'y-websocket',
};
/** About 2 KiB of text, written once into each document of the memory measurement. */
const PARAGRAPH = (
  'Le projet de territoire du Thouarsais décline la transition écologique en actions concrètes : ' +
  'rénovation des bâtiments publics, réseaux de chaleur, mobilités du quotidien, eau et ' +
  'biodiversité. '
).repeat(10);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

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

function version(pkg: string): string {
  const file = new URL(`../../node_modules/${pkg}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

// ---------------------------------------------------------------------------------------------
// Servers under test, each in its own process.

const scratch = mkdtempSync(path.join(os.tmpdir(), 'trame-bench-rt-'));
const children = new Set<ChildProcess>();

class ServerProcess {
  private nextId = 1;
  private waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private exited: Promise<number | null>;
  url = '';

  private constructor(
    readonly label: string,
    readonly kind: ServerKind,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    // A failed send (the process already gone) is reported by request(), not thrown here.
    child.on('error', () => {});
    child.on('message', (message: any) => {
      const pending = this.waiting.get(message.id);
      if (!pending) return;
      this.waiting.delete(message.id);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new Error(`${label}: ${message.error}`));
    });
    void this.exited.then((code) => {
      children.delete(child);
      for (const pending of this.waiting.values()) {
        pending.reject(new Error(`${label} exited (${code}) during a request`));
      }
    });
  }

  static async start(label: string, settings: ServerSettings): Promise<ServerProcess> {
    const log = path.join(scratch, `${label.replace(/\W+/g, '-')}.log`);
    const fd = openSync(log, 'a');
    const child = fork(new URL('./realtime-server.ts', import.meta.url), [], {
      env: { ...env, NODE_ENV: 'production', BENCH_RT_SERVER: JSON.stringify(settings) },
      execArgv: [
        ...process.execArgv,
        '--expose-gc',
        // BENCH_REALTIME_PROFILE=<label>: a V8 CPU profile of that server, kept in PROFILE_DIR.
        ...(env.BENCH_REALTIME_PROFILE === label
          ? ['--cpu-prof', `--cpu-prof-dir=${env.BENCH_REALTIME_PROFILE_DIR ?? os.tmpdir()}`]
          : []),
      ],
      stdio: ['ignore', fd, fd, 'ipc'],
    });
    children.add(child);
    const server = new ServerProcess(label, settings.kind, child);
    server.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${label} did not start (${log})`)), 120_000);
      child.on('message', (message: any) => {
        if (message.event === 'ready') {
          clearTimeout(timer);
          resolve(message.url);
        }
      });
      void server.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${label} exited (${code}) while starting, see ${log}`));
      });
    });
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  request<T>(request: ServerRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (!this.child.connected) {
        reject(new Error(`${this.label} is not running`));
        return;
      }
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, ...request });
    });
  }

  /** Closes as the server closes on SIGTERM (Trame stores what is pending), then waits for exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await Promise.race([this.request({ cmd: 'close' }).catch(() => {}), sleep(30_000)]);
    const code = await Promise.race([this.exited, sleep(10_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  wsUrl(documentName: string): string {
    const base = this.url.replace(/^http/, 'ws');
    return this.kind === 'hocuspocus' ? base : `${base}/yjs/${documentName}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The load generator: worker threads holding the clients.

class LoadGenerator {
  private nextId = 1;
  private waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private constructor(readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', (message: any) => {
        const pending = this.waiting.get(message.id);
        if (!pending) return;
        this.waiting.delete(message.id);
        if (message.ok) pending.resolve(message.result);
        else pending.reject(new Error(`load generator: ${message.error}`));
      });
      worker.on('error', (error) => {
        for (const pending of this.waiting.values()) pending.reject(error);
      });
    }
  }

  static async start(count: number): Promise<LoadGenerator> {
    // tsx does not follow into worker threads: each thread registers it, then loads the worker.
    const url = new URL('./realtime-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url)}); });`;
    const workers = Array.from({ length: count }, () => new Worker(boot, { eval: true }));
    const generator = new LoadGenerator(workers);
    // Any command answers once the thread has loaded the module.
    await Promise.all(workers.map((_, i) => generator.call(i, { cmd: 'collect' })));
    return generator;
  }

  call<T = unknown>(worker: number, command: WorkerCommand): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.workers[worker]!.postMessage({ id, ...command });
    });
  }

  all<T = unknown>(command: (worker: number) => WorkerCommand): Promise<T[]> {
    return Promise.all(this.workers.map((_, i) => this.call<T>(i, command(i))));
  }

  /** Spreads the clients over the threads (client i on thread i mod threads). */
  async setup(
    protocol: Protocol,
    clients: ClientSpec[],
    maxEdits: number,
  ): Promise<{ sendTimes: Float64Array; receivers: Int32Array; latestUs: Int32Array }> {
    const slots = Math.max(1, clients.length * maxEdits);
    const buffers = {
      sendTimes: new SharedArrayBuffer(slots * 8),
      receivers: new SharedArrayBuffer(slots * 4),
      latestUs: new SharedArrayBuffer(slots * 4),
    };
    await this.all((worker) => {
      const setup: RunSetup = {
        protocol,
        clients: clients.filter((c) => c.index % this.workers.length === worker),
        ...buffers,
        maxEdits,
        editors: clients.length,
        clientIdBase: CLIENT_ID_BASE,
      };
      return { cmd: 'setup', setup };
    });
    return {
      sendTimes: new Float64Array(buffers.sendTimes),
      receivers: new Int32Array(buffers.receivers),
      latestUs: new Int32Array(buffers.latestUs),
    };
  }

  async connect(phase: number): Promise<void> {
    const failures = await this.all<number>(() => ({ cmd: 'connect', phase, concurrency: 10 }));
    const failed = failures.reduce((a, b) => a + b, 0);
    check(failed === 0, `${failed} clients could not connect (phase ${phase})`);
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics.

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Nearest-rank percentile of a histogram, as the upper bound of the bucket it falls in. */
function histogramPercentile(histogram: Uint32Array, p: number): number {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (let b = 0; b < histogram.length; b++) {
    seen += histogram[b]!;
    if (seen >= rank) return b === histogram.length - 1 ? Number.POSITIVE_INFINITY : bucketLimit(b);
  }
  return Number.NaN;
}

const fmt = (value: number) =>
  Number.isNaN(value)
    ? '—'
    : value === Number.POSITIVE_INFINITY
      ? '∞'
      : value >= 100
        ? value.toFixed(0)
        : value >= 10
          ? value.toFixed(1)
          : value.toFixed(2);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function machineTimes() {
  let idle = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const t = cpu.times;
    idle += t.idle;
    total += t.user + t.nice + t.sys + t.idle + t.irq;
  }
  return { idle, total };
}

// ---------------------------------------------------------------------------------------------
// 1 and 4: propagation latency.

interface LatencyResult {
  server: string;
  editors: number;
  instances: number;
  /** Keystrokes typed in the measured window, and those every other editor received. */
  edits: number;
  complete: number;
  /** Time until every other editor had the keystroke, ms; Infinity when one never got it. */
  allP50: number;
  allP99: number;
  allMax: number;
  /** Each delivery to each editor, ms (Infinity for those that never arrived). */
  deliveries: number;
  expectedDeliveries: number;
  oneP50: number;
  oneP99: number;
  duplicates: number;
  /** Clients the server closed during the run (none expected). */
  disconnected: number;
  /** Server processes' CPU during the window (sum, % of one core) and the machine's busy %. */
  serverCpu: number;
  machineBusy: number;
  /** Busiest load-generator thread's event-loop use during the window. */
  clientElu: number;
  /** Seconds the server(s) stayed busy after the clients left (relaying a backlog), -1: killed. */
  busyAfter: number;
  load: string;
}

/** CPU time of a process (all its threads) in ms, from /proc; NaN where there is no /proc. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * Waits until the server processes are idle (under 5 % of a core for 1 s), at most 30 s: a server
 * that fell behind keeps relaying its backlog after the clients left, and must not take CPU from
 * the next run. Returns the seconds waited, or -1 if they were still busy after 30 s.
 */
async function settle(servers: ServerProcess[]): Promise<number> {
  const started = hrtimeMs();
  let quiet = 0;
  let last = servers.reduce((n, s) => n + processCpuMs(s.pid), 0);
  if (Number.isNaN(last)) {
    await sleep(1_000);
    return 0;
  }
  while (hrtimeMs() - started < 30_000) {
    await sleep(500);
    const now = servers.reduce((n, s) => n + processCpuMs(s.pid), 0);
    quiet = now - last < 25 ? quiet + 1 : 0;
    last = now;
    if (quiet >= 2) return Math.max(0, (hrtimeMs() - started) / 1000 - 1);
  }
  return -1;
}

async function latencyRun(
  generator: LoadGenerator,
  servers: ServerProcess[],
  documentName: string,
  editors: number,
  headers: (server: ServerProcess) => Record<string, string>,
): Promise<LatencyResult> {
  const kind = servers[0]!.kind;
  const loadAtStart = load();
  const maxEdits = Math.ceil((WARMUP + SECONDS + 1) * RATE) + 10;
  const clients: ClientSpec[] = Array.from({ length: editors }, (_, index) => {
    const server = servers[index % servers.length]!;
    return {
      index,
      url: server.wsUrl(documentName),
      documentName,
      headers: headers(server),
      phase: 0,
    };
  });
  const shared = await generator.setup(PROTOCOL[kind], clients, maxEdits);
  await generator.connect(0);
  await sleep(300);

  const startAt = hrtimeMs() + 200;
  const windowFrom = startAt + WARMUP * 1000;
  const windowTo = windowFrom + SECONDS * 1000;
  // Read from outside the servers: a saturated server would answer late.
  const snapshot = () => ({
    cpu: servers.reduce((n, s) => n + processCpuMs(s.pid), 0),
    machine: machineTimes(),
    at: hrtimeMs(),
  });
  const before = sleep(windowFrom - hrtimeMs()).then(snapshot);
  const after = sleep(windowTo - hrtimeMs()).then(snapshot);
  await generator.all(() => ({
    cmd: 'type',
    startAt,
    stopAt: windowTo,
    windowFrom,
    windowTo,
    intervalMs: 1000 / RATE,
  }));
  const [b, a] = await Promise.all([before, after]);

  // Let the last keystrokes arrive: until all have, or 10 s.
  const expected = editors - 1;
  const slotsInWindow: number[] = [];
  for (let slot = 0; slot < shared.sendTimes.length; slot++) {
    const sentAt = shared.sendTimes[slot]!;
    if (sentAt >= windowFrom && sentAt < windowTo) slotsInWindow.push(slot);
  }
  const deadline = hrtimeMs() + 10_000;
  while (hrtimeMs() < deadline) {
    if (slotsInWindow.every((slot) => Atomics.load(shared.receivers, slot) >= expected)) break;
    await sleep(100);
  }
  const collected = await generator.all<Collected>(() => ({ cmd: 'collect' }));
  await generator.all(() => ({ cmd: 'close' }));

  const toAll: number[] = [];
  let duplicates = 0;
  let complete = 0;
  for (const slot of slotsInWindow) {
    const received = Atomics.load(shared.receivers, slot);
    if (received >= expected) {
      toAll.push(Atomics.load(shared.latestUs, slot) / 1000);
      complete += 1;
    } else {
      toAll.push(Number.POSITIVE_INFINITY);
    }
    duplicates += Math.max(0, received - expected);
  }
  toAll.sort((x, y) => x - y);
  const histogram = new Uint32Array(BUCKETS);
  for (const c of collected) {
    for (let i = 0; i < BUCKETS; i++) histogram[i]! += c.histogram[i]!;
  }
  const deliveries = collected.reduce((n, c) => n + c.deliveries, 0);
  const expectedDeliveries = slotsInWindow.length * expected;
  // Deliveries that never came count as infinitely late.
  histogram[BUCKETS - 1]! += Math.max(0, expectedDeliveries - deliveries);
  const idle = a.machine.idle - b.machine.idle;
  const total = a.machine.total - b.machine.total;
  return {
    server: NAMES[kind],
    editors,
    instances: servers.length,
    edits: slotsInWindow.length,
    complete,
    allP50: percentile(toAll, 0.5),
    allP99: percentile(toAll, 0.99),
    allMax: toAll.at(-1) ?? Number.NaN,
    deliveries,
    expectedDeliveries,
    oneP50: histogramPercentile(histogram, 0.5),
    oneP99: histogramPercentile(histogram, 0.99),
    duplicates,
    disconnected: collected.reduce((n, c) => n + c.unexpectedCloses, 0),
    serverCpu: ((a.cpu - b.cpu) / (a.at - b.at)) * 100,
    machineBusy: (1 - idle / total) * 100,
    clientElu: Math.max(...collected.map((c) => c.elu)) * 100,
    busyAfter: 0,
    load: loadAtStart,
  };
}

function printLatency(r: LatencyResult) {
  console.log(
    `    ${r.server.padEnd(18)} ${String(r.editors).padStart(3)} editors: to all p50 ${fmt(r.allP50)} ms, ` +
      `p99 ${fmt(r.allP99)}, max ${fmt(r.allMax)} (${r.complete}/${r.edits} keystrokes reached all); ` +
      `per delivery p50 ${fmt(r.oneP50)}, p99 ${fmt(r.oneP99)} (${r.deliveries}/${r.expectedDeliveries}); ` +
      `server CPU ${r.serverCpu.toFixed(0)} %, machine ${r.machineBusy.toFixed(0)} %, ` +
      `client threads ${r.clientElu.toFixed(0)} %` +
      `${r.busyAfter ? `, server busy ${r.busyAfter < 0 ? '> 30 s (restarted)' : `${fmt(r.busyAfter)} s`} after the run` : ''}` +
      `${r.duplicates ? `, ${r.duplicates} duplicate deliveries` : ''}` +
      `${r.disconnected ? `, ${r.disconnected} CLIENTS DISCONNECTED` : ''} (load ${r.load})`,
  );
}

// ---------------------------------------------------------------------------------------------
// 2: memory.

interface MemoryResult {
  server: string;
  baseline: Usage['memory'];
  oneEach: Usage['memory'];
  all: Usage['memory'];
  documentsLoaded: number;
  load: string;
}

const heap = (m: Usage['memory']) => m.heapUsed + m.external;

async function memoryRun(
  generator: LoadGenerator,
  server: ServerProcess,
  documents: string[],
  warmDocument: string,
  headers: Record<string, string>,
): Promise<MemoryResult> {
  const loadAtStart = load();
  // Load the code paths once (one connection, one edit, on another document) before the baseline.
  const warm = new LeanClient({
    url: server.wsUrl(warmDocument),
    protocol: PROTOCOL[server.kind],
    documentName: warmDocument,
    headers,
  });
  await warm.connect();
  warm.text.insert(0, 'échauffement');
  await sleep(500);
  await warm.close();
  warm.destroy();
  await sleep(500);
  const baseline = (await server.request<Usage>({ cmd: 'usage', gc: true })).memory;

  const perDocument = Math.max(1, Math.round(CONNECTIONS / documents.length));
  const clients: ClientSpec[] = [];
  for (const [d, documentName] of documents.entries()) {
    for (let j = 0; j < perDocument; j++) {
      clients.push({
        index: clients.length,
        url: server.wsUrl(documentName),
        documentName,
        headers,
        phase: j === 0 ? 1 : 2,
        write: `${j === 0 ? PARAGRAPH : ''}Ligne ${j + 1} du document ${d + 1}.\n`,
      });
    }
  }
  await generator.setup(PROTOCOL[server.kind], clients, 1);
  await generator.connect(1);
  await generator.all(() => ({ cmd: 'write', phase: 1 }));
  await sleep(2_000);
  const oneEach = (await server.request<Usage>({ cmd: 'usage', gc: true })).memory;
  await generator.connect(2);
  await generator.all(() => ({ cmd: 'write', phase: 2 }));
  await sleep(3_000);
  const all = (await server.request<Usage>({ cmd: 'usage', gc: true })).memory;
  const documentsLoaded = await server.request<number>({ cmd: 'documents' });
  const collected = await generator.all<Collected>(() => ({ cmd: 'collect' }));
  const unexpected = collected.reduce((n, c) => n + c.unexpectedCloses, 0);
  check(unexpected === 0, `${unexpected} clients were disconnected during the memory run`);
  await generator.all(() => ({ cmd: 'close' }));
  return { server: NAMES[server.kind], baseline, oneEach, all, documentsLoaded, load: loadAtStart };
}

// ---------------------------------------------------------------------------------------------
// 3: cold load.

/**
 * For each update of the history, every author's clock once it is applied: the observer has
 * everything up to update i when its state vector reaches these clocks. A server may relay
 * several updates as one message, so counting messages would not tell.
 */
function clocksAfterEachUpdate(history: History): Map<number, Uint32Array> {
  const clocks = new Map<number, Uint32Array>();
  const current = new Map<number, number>();
  history.updates.forEach((update, i) => {
    for (const struct of Y.decodeUpdate(update).structs) {
      const end = struct.id.clock + struct.length;
      if (end > (current.get(struct.id.client) ?? 0)) current.set(struct.id.client, end);
    }
    for (const [client, clock] of current) {
      if (!clocks.has(client)) clocks.set(client, new Uint32Array(history.updates.length));
      clocks.get(client)![i] = clock;
    }
  });
  return clocks;
}

/** How many updates of the history, from the first, a state vector holds. */
function updatesHeld(
  clocks: Map<number, Uint32Array>,
  stateVector: Map<number, number>,
  n: number,
) {
  const holds = (i: number) =>
    [...clocks].every(([client, after]) => (stateVector.get(client) ?? 0) >= after[i]!);
  let low = 0;
  let high = n;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (holds(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Sends the history through the server as one editor would, 1,000 updates in flight at most. */
async function ingest(
  server: ServerProcess,
  documentName: string,
  history: History,
  headers: Record<string, string>,
): Promise<number> {
  const options = {
    url: server.wsUrl(documentName),
    protocol: PROTOCOL[server.kind],
    documentName,
    headers,
  };
  const clocks = clocksAfterEachUpdate(history);
  const total = history.updates.length;
  const author = new LeanClient(options);
  const observer = new LeanClient({ ...options, apply: true });
  await author.connect();
  await observer.connect();
  const started = hrtimeMs();
  const observed = observer.doc.getText('texte');
  let sent = 0;
  let held = 0;
  let stalled = hrtimeMs();
  while (held < total || observed.toString() !== history.text) {
    while (sent < total && sent - held < 1_000) author.sendUpdate(history.updates[sent++]!);
    await sleep(2);
    const now = updatesHeld(clocks, Y.decodeStateVector(Y.encodeStateVector(observer.doc)), total);
    if (now !== held || (held === total && observed.toString() === history.text)) {
      held = now;
      stalled = hrtimeMs();
    }
    check(
      hrtimeMs() - stalled < 30_000,
      `${server.label}: ${held}/${total} updates relayed, then nothing for 30 s`,
    );
    check(author.closeCode === null, `${server.label} closed the author (${author.closeCode})`);
  }
  const ms = hrtimeMs() - started;
  await author.close();
  await observer.close();
  author.destroy();
  observer.destroy();
  return ms;
}

interface Join {
  ms: number;
  bytes: number;
}

async function join(
  server: ServerProcess,
  documentName: string,
  headers: Record<string, string>,
  expectedText: string | null,
): Promise<{ join: Join; client: LeanClient }> {
  const client = new LeanClient({
    url: server.wsUrl(documentName),
    protocol: PROTOCOL[server.kind],
    documentName,
    headers,
    apply: expectedText !== null,
  });
  await client.connect(120_000);
  if (expectedText !== null) {
    check(
      client.text.toString() === expectedText,
      `${server.label}: the synced text differs from the history's (${client.text.length} vs ${expectedText.length} characters)`,
    );
  }
  return { join: { ms: client.syncedAt - client.startedAt, bytes: client.syncBytes }, client };
}

async function warmJoins(
  server: ServerProcess,
  documentName: string,
  headers: Record<string, string>,
): Promise<Join[]> {
  const joins: Join[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const { join: j, client } = await join(server, documentName, headers, null);
    joins.push(j);
    await client.close();
    client.destroy();
  }
  return joins;
}

interface LogState {
  snapshotBytes: number;
  compactedThrough: number;
  logEntries: number;
}

interface LoadBreakdown {
  queryMs: number;
  applyMs: number;
  snapshotBytes: number;
  logEntries: number;
  /** The same document encoded from a Y.Doc (deleted content garbage-collected). */
  stateBytes: number;
}

interface ColdResult {
  server: string;
  storage: string;
  ingestMs: number | null;
  cold: Join[];
  warm: Join[];
  load: string;
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

// ---------------------------------------------------------------------------------------------

interface TrameSetup {
  env: (port: number, redis?: boolean) => Record<string, string>;
  cookie: string;
  projet: string;
  fiches: string[];
  dispose: () => Promise<void>;
}

async function prepareTrame(): Promise<{ setup: TrameSetup; first: ServerProcess }> {
  const secret = randomBytes(32).toString('hex');
  const redisPrefix = `trame-bench-${process.pid}:`;
  let database: Record<string, string>;
  let dispose: () => Promise<void>;
  if (DATABASE_URL) {
    const name = `trame_bench_rt_${process.pid}`;
    await withMaintenance(DATABASE_URL, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}"`);
    });
    database = { DATABASE_URL: databaseUrlWithName(DATABASE_URL, name) };
    dispose = () =>
      withMaintenance(DATABASE_URL, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
  } else {
    database = { DATA_DIR: path.join(scratch, 'trame-data') };
    dispose = async () => {};
  }
  const trameEnv = (port: number, redis = false): Record<string, string> => ({
    NODE_ENV: 'production',
    SESSION_SECRET: secret,
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    DEMO: '0',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...database,
    ...(redis ? { REDIS_URL, REDIS_PREFIX: redisPrefix } : {}),
  });
  const port = await freePort();
  const first = await ServerProcess.start('trame', {
    kind: 'trame',
    port,
    env: trameEnv(port),
    seed: true,
  });
  const api: ApiClient = await signedIn(first.url, 'animateur@trame.test');
  const contrat = await api.get('/api/v1/contrats/crte-thouarsais');
  check(contrat.status === 200, `contract: ${contrat.status}`);
  const base = '/api/v1/contrats/crte-thouarsais/fiches';
  const needed = 20 + DOCUMENTS;
  const list = await api.get(`${base}?limit=200&sort=numero`);
  check(list.status === 200, `fiches: ${list.status}`);
  const ids: string[] = list.body.items.map((f: { id: string }) => f.id);
  for (let n = ids.length; n < needed; n++) {
    const created = await api.post(base, { titre: `Fiche du banc d’essai temps réel n° ${n + 1}` });
    check(
      created.status === 201,
      `fiche creation: ${created.status} ${JSON.stringify(created.body)}`,
    );
    ids.push(created.body.id);
  }
  return {
    setup: {
      env: trameEnv,
      cookie: api.sessionCookie!,
      projet: `contrat:${contrat.body.id}:projet`,
      fiches: ids.map((id) => `fiche:${id}`),
      dispose,
    },
    first,
  };
}

async function startKind(
  kind: ServerKind,
  trame: TrameSetup,
  options: { label?: string; redis?: boolean; storeDir?: string } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const label = options.label ?? kind;
  if (kind === 'trame') {
    return ServerProcess.start(label, { kind, port, env: trame.env(port, options.redis) });
  }
  if (kind === 'hocuspocus') {
    const redis = options.redis ? new URL(REDIS_URL) : null;
    return ServerProcess.start(label, {
      kind,
      port,
      ...(redis
        ? {
            redis: {
              host: redis.hostname,
              port: Number(redis.port || 6379),
              prefix: `hocuspocus-bench-${process.pid}`,
            },
          }
        : {}),
      ...(options.storeDir ? { storeDir: options.storeDir } : {}),
    });
  }
  return ServerProcess.start(label, { kind, port });
}

function trameHeaders(trame: TrameSetup) {
  return (server: ServerProcess): Record<string, string> => ({
    cookie: trame.cookie,
    origin: server.url,
  });
}

function rotate<T>(items: T[], by: number): T[] {
  return items.map((_, i) => items[(i + by) % items.length]!);
}

function ratio(trame: number, peers: number[]): string {
  const best = Math.min(...peers.filter((p) => !Number.isNaN(p)));
  if (Number.isNaN(trame) || !Number.isFinite(best)) return '—';
  if (!Number.isFinite(trame)) return '∞';
  return (trame / best).toFixed(2);
}

function latencyTable(title: string, results: LatencyResult[], kinds: ServerKind[]) {
  console.log(`\n### ${title}\n`);
  const header = kinds.map((k) => `${NAMES[k]} p50 / p99`).join(' | ');
  console.log(`| Editors | ${header} | Trame / best peer, p50 | p99 |`);
  console.log(`|---:|${kinds.map(() => '---:').join('|')}|---:|---:|`);
  let saturated = false;
  for (const size of SIZES) {
    const row = kinds.map((k) => results.find((r) => r.editors === size && r.server === NAMES[k]));
    const cells = row.map((r) => (r ? `${fmt(r.allP50)} / ${fmt(r.allP99)}` : '—'));
    const trame = row[0];
    const peers = row.slice(1).filter((r): r is LatencyResult => Boolean(r));
    // A server fell behind (keystrokes never arrived, or took over a second): a ratio says little.
    const mark = row.some((r) => r && (r.complete < r.edits || r.allP50 > 1_000)) ? ' ⚠' : '';
    if (mark) saturated = true;
    const p50 = trame
      ? ratio(
          trame.allP50,
          peers.map((p) => p.allP50),
        )
      : '—';
    const p99 = trame
      ? ratio(
          trame.allP99,
          peers.map((p) => p.allP99),
        )
      : '—';
    console.log(`| ${size} | ${cells.join(' | ')} | ${p50}${mark} | ${p99}${mark} |`);
  }
  if (saturated) {
    console.log(
      '\n⚠ Saturated: the servers fell behind the typing (a median over 1 s, or ∞: some keystrokes had not reached every editor 10 s after the typing stopped).',
    );
  }
  console.log(
    '\nms from the keystroke to its arrival at every other editor (p50 / p99 over keystrokes).',
  );
  console.log(
    '\n| Server | Editors | Reached all | Per delivery p50 / p99 | Server CPU | Machine busy | Client threads | Busy after | Load |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    console.log(
      `| ${r.server} | ${r.editors} | ${r.complete}/${r.edits} | ${fmt(r.oneP50)} / ${fmt(r.oneP99)} | ${r.serverCpu.toFixed(0)} % | ${r.machineBusy.toFixed(0)} % | ${r.clientElu.toFixed(0)} % | ${r.busyAfter < 0 ? '> 30 s' : `${fmt(r.busyAfter)} s`} | ${r.load} |`,
    );
  }
}

async function main(): Promise<void> {
  const started = hrtimeMs();
  const cpus = os.cpus();
  console.log('\n# Realtime benchmark (issue 4): Trame vs Hocuspocus vs y-websocket-server');
  console.log(
    `${new Date().toISOString().slice(0, 10)} · ${cpus.length} × ${cpus[0]?.model.trim()} · Node ${process.version} · ` +
      `load average ${load()} · Trame on ${DATABASE_URL ? 'PostgreSQL' : 'PGlite'}` +
      `${REDIS_URL && DATABASE_URL ? ' + Redis' : ''} · @hocuspocus/server ${version('@hocuspocus/server')} · ` +
      `@y/websocket-server ${version('@y/websocket-server')} · yjs ${version('yjs')} · ` +
      `${WORKERS} load threads · ${RATE} characters/s per editor · window ${SECONDS} s after ${WARMUP} s warm-up`,
  );
  const generator = await LoadGenerator.start(WORKERS);
  const { setup: trame, first } = await prepareTrame();
  const headers = trameHeaders(trame);
  const latencyDocs = SIZES.map((_, i) =>
    i === SIZES.length - 1 ? trame.projet : trame.fiches[i]!,
  );
  const redisDocs = SIZES.map((_, i) => trame.fiches[5 + i]!);
  const latency: LatencyResult[] = [];
  const redisLatency: LatencyResult[] = [];
  const memory: MemoryResult[] = [];
  const cold: ColdResult[] = [];
  const stored: { trameLog?: LogState; breakdown?: LoadBreakdown } = {};
  let redisSkipped = '';
  const logSummaries: string[] = [];
  try {
    if (SECTIONS.has('latency')) {
      console.log(`\n## Propagation latency, one instance (load average ${load()})`);
      const servers: Record<ServerKind, ServerProcess> = {
        trame: first,
        hocuspocus: await startKind('hocuspocus', trame),
        'y-websocket': await startKind('y-websocket', trame),
      };
      for (const [i, size] of SIZES.entries()) {
        for (const kind of rotate(KINDS, i)) {
          const result = await latencyRun(
            generator,
            [servers[kind]],
            latencyDocs[i]!,
            size,
            headers,
          );
          result.busyAfter = await settle([servers[kind]]);
          if (result.busyAfter < 0) {
            await servers[kind].stop();
            servers[kind] = await startKind(kind, trame);
          }
          printLatency(result);
          latency.push(result);
        }
      }
      for (const server of Object.values(servers)) await server.stop();
    }
    await first.stop();

    if (SECTIONS.has('memory')) {
      console.log(
        `\n## Memory: ${CONNECTIONS} connections over ${DOCUMENTS} documents (load average ${load()})`,
      );
      const documents = trame.fiches.slice(20, 20 + DOCUMENTS);
      for (const kind of KINDS) {
        const server = await startKind(kind, trame);
        try {
          const result = await memoryRun(
            generator,
            server,
            documents,
            trame.fiches[12]!,
            headers(server),
          );
          memory.push(result);
          const delta = heap(result.all) - heap(result.baseline);
          console.log(
            `    ${result.server.padEnd(18)} RSS +${mib(result.all.rss - result.baseline.rss)} MiB, ` +
              `heap+external +${mib(delta)} MiB (${result.documentsLoaded} documents loaded, load ${result.load})`,
          );
        } finally {
          await server.stop();
        }
      }
    }

    if (SECTIONS.has('cold')) {
      console.log(
        `\n## Cold load: ${HISTORY.toLocaleString('en')} edits in the history (load average ${load()})`,
      );
      const historyFile = path.join(scratch, 'history.bin');
      const t = hrtimeMs();
      const history = generateHistory(HISTORY);
      writeUpdates(historyFile, history.updates);
      const historyBytes = history.updates.reduce((n, u) => n + u.byteLength, 0);
      console.log(
        `  history: ${history.updates.length} updates, ${kib(historyBytes)} KiB, final text ` +
          `${history.text.length} characters (generated in ${fmt((hrtimeMs() - t) / 1000)} s)`,
      );
      const doc = trame.fiches[10]!;
      const worst = trame.fiches[11]!;

      // Trame: the history sent through the server, compacted as in production (YJS_COMPACT_AFTER=500).
      {
        let server = await startKind('trame', trame);
        const h = headers(server);
        const ingestMs = await ingest(server, doc, history, h);
        // Compaction runs in the background after a store: wait until the stored state is still.
        let state = await server.request<LogState>({ cmd: 'logState', name: doc });
        for (let i = 0; i < 50; i++) {
          await sleep(500);
          const next = await server.request<LogState>({ cmd: 'logState', name: doc });
          if (JSON.stringify(next) === JSON.stringify(state)) break;
          state = next;
        }
        stored.trameLog = state;
        await server.stop();
        const colds: Join[] = [];
        let warm: Join[] = [];
        for (let r = 0; r < COLD_RUNS; r++) {
          server = await startKind('trame', trame);
          const { join: j, client } = await join(
            server,
            doc,
            headers(server),
            r === 0 ? history.text : null,
          );
          colds.push(j);
          if (r === 0) {
            warm = await warmJoins(server, doc, headers(server));
            stored.breakdown = await server.request<LoadBreakdown>({
              cmd: 'loadBreakdown',
              name: doc,
            });
          }
          await client.close();
          client.destroy();
          await server.stop();
        }
        cold.push({
          server: 'Trame',
          storage: `${DATABASE_URL ? 'PostgreSQL' : 'PGlite'}: snapshot ${kib(state.snapshotBytes)} KiB + ${state.logEntries} log entries`,
          ingestMs,
          cold: colds,
          warm,
          load: load(),
        });
      }
      // Trame, worst case: the same 100,000 updates in the log, never compacted.
      {
        let server = await startKind('trame', trame);
        const inserted = await server.request<number>({
          cmd: 'insertLog',
          name: worst,
          file: historyFile,
        });
        check(inserted === history.updates.length, 'history inserted');
        await server.stop();
        const colds: Join[] = [];
        for (let r = 0; r < COLD_RUNS; r++) {
          server = await startKind('trame', trame);
          const { join: j, client } = await join(
            server,
            worst,
            headers(server),
            r === 0 ? history.text : null,
          );
          colds.push(j);
          await client.close();
          client.destroy();
          await server.stop();
        }
        cold.push({
          server: 'Trame, log not compacted',
          storage: `${history.updates.length} log entries, no snapshot`,
          ingestMs: null,
          cold: colds,
          warm: [],
          load: load(),
        });
      }
      // Hocuspocus with its database extension storing each document's state in a file.
      {
        const storeDir = path.join(scratch, 'hocuspocus-store');
        let server = await startKind('hocuspocus', trame, { storeDir });
        const ingestMs = await ingest(server, doc, history, {});
        for (let i = 0; i < 60 && (await server.request<number>({ cmd: 'documents' })) > 0; i++) {
          await sleep(500);
        }
        await server.stop();
        const stored = statSync(path.join(storeDir, `${encodeURIComponent(doc)}.bin`)).size;
        const colds: Join[] = [];
        let warm: Join[] = [];
        for (let r = 0; r < COLD_RUNS; r++) {
          server = await startKind('hocuspocus', trame, { storeDir });
          const { join: j, client } = await join(server, doc, {}, r === 0 ? history.text : null);
          colds.push(j);
          if (r === 0) warm = await warmJoins(server, doc, {});
          await client.close();
          client.destroy();
          await server.stop();
        }
        cold.push({
          server: 'Hocuspocus',
          storage: `database extension, one file per document: state ${kib(stored)} KiB`,
          ingestMs,
          cold: colds,
          warm,
          load: load(),
        });
      }
      // y-websocket-server: persistence off by default, a restart loses the document.
      {
        const server = await startKind('y-websocket', trame);
        const ingestMs = await ingest(server, doc, history, {});
        const { join: check0, client } = await join(server, doc, {}, history.text);
        const warm = [check0, ...(await warmJoins(server, doc, {}))].slice(0, WARM_RUNS);
        await client.close();
        client.destroy();
        await server.stop();
        cold.push({
          server: 'y-websocket-server',
          storage: 'memory only (YPERSISTENCE unset): nothing to load after a restart',
          ingestMs,
          cold: [],
          warm,
          load: load(),
        });
      }
      for (const c of cold) {
        console.log(
          `    ${c.server.padEnd(26)} cold ${c.cold.map((j) => fmt(j.ms)).join(', ') || '—'} ms; ` +
            `warm ${c.warm.map((j) => fmt(j.ms)).join(', ') || '—'} ms; ` +
            `sync step 2 ${kib((c.cold[0] ?? c.warm[0])!.bytes)} KiB; ${c.storage}` +
            `${c.ingestMs ? `; history sent through it in ${fmt(c.ingestMs / 1000)} s` : ''}`,
        );
      }
    }

    if (SECTIONS.has('redis')) {
      if (!DATABASE_URL || !REDIS_URL) {
        redisSkipped = 'needs BENCH_DATABASE_URL and BENCH_REDIS_URL (or DATABASE_URL, REDIS_URL)';
        console.log(`\n## Two instances through Redis: skipped (${redisSkipped})`);
      } else {
        console.log(
          `\n## Propagation latency, two instances through Redis (load average ${load()})`,
        );
        const pairs: Partial<Record<ServerKind, ServerProcess[]>> = {
          trame: [
            await startKind('trame', trame, { label: 'trame-a', redis: true }),
            await startKind('trame', trame, { label: 'trame-b', redis: true }),
          ],
          hocuspocus: [
            await startKind('hocuspocus', trame, { label: 'hocuspocus-a', redis: true }),
            await startKind('hocuspocus', trame, { label: 'hocuspocus-b', redis: true }),
          ],
        };
        try {
          for (const [i, size] of SIZES.entries()) {
            for (const kind of rotate<ServerKind>(['trame', 'hocuspocus'], i)) {
              const result = await latencyRun(
                generator,
                pairs[kind]!,
                redisDocs[i]!,
                size,
                headers,
              );
              result.busyAfter = await settle(pairs[kind]!);
              if (result.busyAfter < 0) {
                for (const server of pairs[kind]!) await server.stop();
                pairs[kind] = [
                  await startKind(kind, trame, { label: `${kind}-a`, redis: true }),
                  await startKind(kind, trame, { label: `${kind}-b`, redis: true }),
                ];
              }
              printLatency(result);
              redisLatency.push(result);
            }
          }
        } finally {
          for (const server of Object.values(pairs).flat()) await server!.stop();
        }
      }
    }
  } finally {
    await generator.terminate();
    for (const child of children) child.kill('SIGKILL');
    await trame.dispose();
    // What the servers logged (Trame at warn level), before the scratch directory goes.
    for (const file of readdirSync(scratch).filter((f) => f.endsWith('.log'))) {
      const lines = readFileSync(path.join(scratch, file), 'utf8').trim().split('\n');
      if (lines[0]) {
        logSummaries.push(
          `\n${file}: ${lines.length} lines logged, first: ${lines[0].slice(0, 300)}`,
        );
      }
    }
    rmSync(scratch, { recursive: true, force: true });
  }

  // -------------------------------------------------------------------------------------------
  console.log('\n## Results\n');
  console.log(
    `${new Date().toISOString().slice(0, 10)} · load average at the end ${load()} · ` +
      `${fmt((hrtimeMs() - started) / 1000)} s in all`,
  );
  if (latency.length > 0) {
    latencyTable('Propagation latency, one instance', latency, KINDS);
  }
  if (memory.length > 0) {
    const perDocument = Math.max(1, Math.round(CONNECTIONS / DOCUMENTS));
    const total = perDocument * DOCUMENTS;
    console.log(`\n### Memory, ${total} connections over ${DOCUMENTS} documents\n`);
    console.log(
      '| Server | RSS Δ | heap+external Δ | per connection (marginal) | per document (marginal) | per connection (Δ/connections) | Load |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---|');
    for (const m of memory) {
      const delta = heap(m.all) - heap(m.baseline);
      const perConnection = (heap(m.all) - heap(m.oneEach)) / (total - DOCUMENTS);
      const perDoc = (heap(m.oneEach) - heap(m.baseline)) / DOCUMENTS - perConnection;
      console.log(
        `| ${m.server} | ${mib(m.all.rss - m.baseline.rss)} MiB | ${mib(delta)} MiB | ${kib(perConnection)} KiB | ${kib(perDoc)} KiB | ${kib(delta / total)} KiB | ${m.load} |`,
      );
    }
    const [t, ...peers] = memory.map((m) => heap(m.all) - heap(m.baseline));
    if (t !== undefined) console.log(`\nTrame / best peer (heap+external Δ): ${ratio(t, peers)}`);
  }
  if (cold.length > 0) {
    console.log(`\n### Cold load, ${HISTORY.toLocaleString('en')} edits in the history\n`);
    console.log(
      '| Server | Storage | Cold: first sync after restart, median (runs) | New client, document loaded, median | Sync step 2 |',
    );
    console.log('|---|---|---:|---:|---:|');
    for (const c of cold) {
      console.log(
        `| ${c.server} | ${c.storage} | ${c.cold.length ? `${fmt(median(c.cold.map((j) => j.ms)))} ms (${c.cold.map((j) => fmt(j.ms)).join(', ')})` : '—'} | ${c.warm.length ? `${fmt(median(c.warm.map((j) => j.ms)))} ms` : '—'} | ${kib((c.cold[0] ?? c.warm[0])!.bytes)} KiB |`,
      );
    }
    const t = cold.find((c) => c.server === 'Trame');
    const h = cold.find((c) => c.server === 'Hocuspocus');
    const y = cold.find((c) => c.server === 'y-websocket-server');
    if (t && h) {
      console.log(
        `\nTrame / Hocuspocus, cold: ${ratio(median(t.cold.map((j) => j.ms)), [median(h.cold.map((j) => j.ms))])}; ` +
          `new client on a loaded document, Trame / best peer: ${ratio(
            median(t.warm.map((j) => j.ms)),
            [h, y].filter(Boolean).map((c) => median(c!.warm.map((j) => j.ms))),
          )}`,
      );
    }
    const log = stored.trameLog;
    if (log) {
      console.log(
        `Trame's stored document after the history: snapshot ${kib(log.snapshotBytes)} KiB through log id ${log.compactedThrough}, ${log.logEntries} log entries after it.`,
      );
    }
    const b = stored.breakdown;
    if (b) {
      console.log(
        `Trame's load of it, in process with the document already loaded once: the two queries ${fmt(b.queryMs)} ms, ` +
          `applying the snapshot and ${b.logEntries} entries ${fmt(b.applyMs)} ms; the same document encoded from a Y.Doc is ${kib(b.stateBytes)} KiB.`,
      );
    }
  }
  if (redisLatency.length > 0) {
    latencyTable('Propagation latency, two instances through Redis', redisLatency, [
      'trame',
      'hocuspocus',
    ]);
  } else if (redisSkipped) {
    console.log(`\nTwo instances through Redis: skipped (${redisSkipped}).`);
  }
  for (const line of logSummaries) console.log(line);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    for (const child of children) child.kill('SIGKILL');
    process.exit(1);
  },
);
