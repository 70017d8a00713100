/**
 * A load-generator thread of the realtime benchmark (`realtime.ts`): it holds a share of the
 * clients, connects them, makes them type, and timestamps every update they receive. The send time
 * of every keystroke is in a SharedArrayBuffer indexed by (editor, Yjs clock), so a receiver on any
 * thread computes its latency at once; each thread also adds the deliveries of each keystroke to
 * shared counters (how many receivers, latest arrival) for the time until *every* other editor has
 * it. The clock is the machine's monotonic clock, the same in every thread.
 */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { firstId, hrtimeMs, LeanClient, type Protocol } from './realtime-client.js';

export interface ClientSpec {
  /** Editor number in this run: the key of its keystrokes in the shared arrays. */
  index: number;
  url: string;
  documentName: string;
  headers: Record<string, string>;
  /** Connection phase (the memory measurement connects in two steps). */
  phase: number;
  /** Text this client writes once connected (`write` command), if any. */
  write?: string;
}

export interface RunSetup {
  protocol: Protocol;
  clients: ClientSpec[];
  /** Float64 send time of keystroke (index, clock) at index * maxEdits + clock. */
  sendTimes: SharedArrayBuffer;
  /** Int32 receivers so far and latest arrival (µs after sending), same indexing. */
  receivers: SharedArrayBuffer;
  latestUs: SharedArrayBuffer;
  maxEdits: number;
  /** Editors in the run, over every thread. */
  editors: number;
  /** Yjs client id of editor `index` is `clientIdBase + index`. */
  clientIdBase: number;
}

export type WorkerCommand =
  | { cmd: 'setup'; setup: RunSetup }
  | { cmd: 'connect'; phase: number; concurrency: number }
  | { cmd: 'write'; phase: number }
  | {
      cmd: 'type';
      startAt: number;
      stopAt: number;
      windowFrom: number;
      windowTo: number;
      intervalMs: number;
    }
  | { cmd: 'collect' }
  | { cmd: 'close' };

/**
 * Per-delivery latency histogram: 0.05 ms buckets up to 5 s, then 1 ms buckets up to 120 s (the
 * last bucket holds anything slower).
 */
const FINE_MS = 0.05;
const FINE = 100_000;
const COARSE = 115_000;
export const BUCKETS = FINE + COARSE;
export const bucketOf = (ms: number) =>
  ms < FINE * FINE_MS
    ? Math.max(0, Math.floor(ms / FINE_MS))
    : Math.min(BUCKETS - 1, FINE + Math.floor(ms - FINE * FINE_MS));
/** The upper bound of a bucket, in ms. */
export const bucketLimit = (bucket: number) =>
  bucket < FINE ? (bucket + 1) * FINE_MS : FINE * FINE_MS + (bucket - FINE + 1);

export interface Collected {
  histogram: Uint32Array;
  deliveries: number;
  sent: number;
  /** Event-loop utilisation of this thread during the typing window (0–1). */
  elu: number;
  unexpectedCloses: number;
}

let setup: RunSetup | null = null;
let clients: { spec: ClientSpec; client: LeanClient }[] = [];
let sendTimes: Float64Array<ArrayBufferLike> = new Float64Array(0);
let receivers: Int32Array<ArrayBufferLike> = new Int32Array(0);
let latestUs: Int32Array<ArrayBufferLike> = new Int32Array(0);
let histogram = new Uint32Array(BUCKETS);
let deliveries = 0;
let sent = 0;
let windowFrom = 0;
let windowTo = 0;
let eluStart: ReturnType<typeof performance.eventLoopUtilization> | null = null;
let eluWindow = 0;

function record(ownIndex: number, now: number, client: number, clock: number) {
  const editor = client - setup!.clientIdBase;
  // Hocuspocus and the y-websocket server echo an update to its sender: not a delivery.
  if (editor < 0 || editor >= setup!.editors || editor === ownIndex) return;
  if (clock >= setup!.maxEdits) return;
  const slot = editor * setup!.maxEdits + clock;
  const sentAt = sendTimes[slot];
  if (!sentAt) return;
  const latency = now - sentAt;
  const us = Math.min(2 ** 31 - 1, Math.round(latency * 1000));
  Atomics.add(receivers, slot, 1);
  for (let seen = Atomics.load(latestUs, slot); us > seen; ) {
    const previous = Atomics.compareExchange(latestUs, slot, seen, us);
    if (previous === seen) break;
    seen = previous;
  }
  if (sentAt >= windowFrom && sentAt < windowTo) {
    deliveries += 1;
    histogram[bucketOf(latency)]! += 1;
  }
}

function receiveFrom(ownIndex: number) {
  return (update: Uint8Array) => {
    const now = hrtimeMs();
    if (!setup) return;
    const id = firstId(update);
    if (!id) return;
    if (!id.more) {
      record(ownIndex, now, id.client, id.clock);
      return;
    }
    // Several keystrokes in one update (a server merged them): every character is one.
    for (const [client, structs] of Y.decodeUpdate(update).structs.reduce(
      (byClient, struct) =>
        byClient.set(struct.id.client, [...(byClient.get(struct.id.client) ?? []), struct]),
      new Map<number, { id: { client: number; clock: number }; length: number }[]>(),
    )) {
      for (const struct of structs) {
        for (let c = 0; c < struct.length; c++) record(ownIndex, now, client, struct.id.clock + c);
      }
    }
  };
}

async function connectAll(phase: number, concurrency: number): Promise<number> {
  const pending = clients.filter((c) => c.spec.phase === phase);
  let failures = 0;
  let next = 0;
  const lane = async () => {
    while (next < pending.length) {
      const entry = pending[next++]!;
      try {
        await entry.client.connect();
      } catch (error) {
        failures += 1;
        if (failures <= 3)
          console.error(`  client ${entry.spec.index}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  return failures;
}

function type(command: Extract<WorkerCommand, { cmd: 'type' }>): Promise<void> {
  windowFrom = command.windowFrom;
  windowTo = command.windowTo;
  const { startAt, stopAt, intervalMs } = command;
  eluStart = null;
  const timing = setTimeout(
    () => {
      eluStart = performance.eventLoopUtilization();
    },
    Math.max(0, windowFrom - hrtimeMs()),
  );
  const finish = () => {
    clearTimeout(timing);
    if (eluStart) eluWindow = performance.eventLoopUtilization(eluStart).utilization;
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return new Promise((resolve) => {
    let running = clients.length;
    const done = () => {
      finish();
      resolve();
    };
    if (running === 0) done();
    for (const { spec, client } of clients) {
      // Editors start spread over one interval, in an order that does not follow the index.
      const phase = (((spec.index * 7919) % 1000) / 1000) * intervalMs;
      let k = 0;
      const tick = () => {
        const due = startAt + phase + k * intervalMs;
        if (due >= stopAt || client.closeCode !== null) {
          running -= 1;
          if (running === 0) done();
          return;
        }
        const wait = due - hrtimeMs();
        if (wait > 0) {
          setTimeout(tick, wait);
          return;
        }
        const clock = client.text.length;
        if (clock < setup!.maxEdits) sendTimes[spec.index * setup!.maxEdits + clock] = hrtimeMs();
        client.text.insert(clock, letters[k % letters.length]!);
        sent += 1;
        k += 1;
        setImmediate(tick);
      };
      setTimeout(tick, Math.max(0, startAt + phase - hrtimeMs()));
    }
  });
}

async function run(command: WorkerCommand): Promise<unknown> {
  switch (command.cmd) {
    case 'setup': {
      setup = command.setup;
      sendTimes = new Float64Array(setup.sendTimes);
      receivers = new Int32Array(setup.receivers);
      latestUs = new Int32Array(setup.latestUs);
      histogram = new Uint32Array(BUCKETS);
      deliveries = 0;
      sent = 0;
      eluWindow = 0;
      clients = setup.clients.map((spec) => ({
        spec,
        client: new LeanClient({
          url: spec.url,
          protocol: setup!.protocol,
          documentName: spec.documentName,
          headers: spec.headers,
          clientId: setup!.clientIdBase + spec.index,
          onUpdate: receiveFrom(spec.index),
          awareness: { user: { name: `Éditeur ${spec.index}`, color: '#3465a4' } },
        }),
      }));
      return null;
    }
    case 'connect':
      return connectAll(command.phase, command.concurrency);
    case 'write':
      for (const { spec, client } of clients) {
        if (spec.phase === command.phase && spec.write) client.text.insert(0, spec.write);
      }
      return null;
    case 'type':
      await type(command);
      return null;
    case 'collect': {
      const collected: Collected = {
        histogram,
        deliveries,
        sent,
        elu: eluWindow,
        unexpectedCloses: clients.filter((c) => c.client.closeCode !== null).length,
      };
      return collected;
    }
    case 'close':
      await Promise.all(clients.map(({ client }) => client.close()));
      for (const { client } of clients) client.destroy();
      clients = [];
      return null;
  }
}

// Imported by the main thread too, for its types and constants: only a thread listens.
parentPort?.on('message', (message: { id: number } & WorkerCommand) => {
  run(message).then(
    (result) => parentPort!.postMessage({ id: message.id, ok: true, result }),
    (error: unknown) =>
      parentPort!.postMessage({
        id: message.id,
        ok: false,
        error: String((error as Error)?.stack),
      }),
  );
});
