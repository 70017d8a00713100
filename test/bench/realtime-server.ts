/**
 * One server under test of the realtime benchmark (`realtime.ts`), alone in its own process so that
 * its memory and CPU are its own: Trame (`startServer`, as `npm start` runs it), Hocuspocus 3 or the
 * reference y-websocket server. The parent forks it with the settings in `BENCH_RT_SERVER` (JSON)
 * and talks to it over IPC: `ready` once it listens, then requests answered by id.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Database } from '@hocuspocus/extension-database';
import { Redis as HocuspocusRedis } from '@hocuspocus/extension-redis';
import { Server as HocuspocusServer } from '@hocuspocus/server';
import { setupWSConnection, docs as yDocs } from '@y/websocket-server/utils';
import { and, count, eq, gt } from 'drizzle-orm';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { loadConfig } from '../../server/src/config.js';
import { yjsDocuments, yjsUpdates } from '../../server/src/db/schema.js';
import { seedDemo } from '../../server/src/demo/seed.js';
import { loadDocument } from '../../server/src/realtime/persistence.js';
import { type RunningServer, startServer } from '../../server/src/server.js';

export type ServerKind = 'trame' | 'hocuspocus' | 'y-websocket';

export interface ServerSettings {
  kind: ServerKind;
  port: number;
  /** Trame: its environment (DATABASE_URL or DATA_DIR, SESSION_SECRET, REDIS_URL…). */
  env?: Record<string, string>;
  /** Trame: load the demo before listening (first instance only). */
  seed?: boolean;
  /** Hocuspocus: its Redis extension. */
  redis?: { host: string; port: number; prefix: string };
  /** Hocuspocus: store documents (its database extension) as files in this directory. */
  storeDir?: string;
}

export type ServerRequest =
  | { cmd: 'usage'; gc?: boolean }
  | { cmd: 'documents' }
  | { cmd: 'insertLog'; name: string; file: string }
  | { cmd: 'logState'; name: string }
  | { cmd: 'loadBreakdown'; name: string }
  | { cmd: 'close' };

export interface Usage {
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
  elu: { idle: number; active: number };
}

/** Reads a file of length-prefixed updates (u32 little-endian length, then the bytes). */
export function readUpdates(file: string): Uint8Array[] {
  const bytes = readFileSync(file);
  const updates: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const length = bytes.readUInt32LE(offset);
    updates.push(new Uint8Array(bytes.buffer, bytes.byteOffset + offset + 4, length));
    offset += 4 + length;
  }
  return updates;
}

// tsx turns source maps on; `node server/dist/main.js` runs without them, and a stack trace
// mapped through them costs a lot (every write to a socket its client closed makes one).
process.setSourceMapsEnabled(false);

const settings = JSON.parse(process.env.BENCH_RT_SERVER ?? '{}') as ServerSettings;

interface Running {
  url: string;
  documents(): number;
  close(): Promise<void>;
  trame?: RunningServer;
}

async function startTrame(): Promise<Running> {
  const config = loadConfig({ ...settings.env, PORT: String(settings.port) });
  const running = await startServer(config, {
    prepare: settings.seed ? async (ctx) => void (await seedDemo(ctx)) : undefined,
  });
  return {
    url: running.url,
    documents: () => running.sync.loadedDocuments().length,
    close: () => running.close(),
    trame: running,
  };
}

async function startHocuspocus(): Promise<Running> {
  const extensions = [];
  if (settings.redis) extensions.push(new HocuspocusRedis(settings.redis));
  const dir = settings.storeDir;
  if (dir) {
    await mkdir(dir, { recursive: true });
    const file = (name: string) => path.join(dir, `${encodeURIComponent(name)}.bin`);
    extensions.push(
      new Database({
        fetch: async ({ documentName }) => {
          try {
            return new Uint8Array(await readFile(file(documentName)));
          } catch {
            return null;
          }
        },
        store: async ({ documentName, state }) => {
          await writeFile(`${file(documentName)}.tmp`, state);
          await rename(`${file(documentName)}.tmp`, file(documentName));
        },
      }),
    );
  }
  const server = new HocuspocusServer({
    port: settings.port,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    extensions,
  });
  await server.listen();
  return {
    url: `http://127.0.0.1:${settings.port}`,
    documents: () => server.hocuspocus.getDocumentsCount(),
    close: () => server.destroy(),
  };
}

/** The reference server as its own `server.js` sets it up, persistence off (no YPERSISTENCE). */
async function startYWebsocket(): Promise<Running> {
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('okay');
  });
  wss.on('connection', setupWSConnection);
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      wss.emit('connection', ws, request);
    });
  });
  await new Promise<void>((resolve) => server.listen(settings.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    documents: () => yDocs.size,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function usage(gc: boolean): Usage {
  if (gc && global.gc) {
    global.gc();
    global.gc();
  }
  const { idle, active } = performance.eventLoopUtilization();
  return { memory: process.memoryUsage(), cpu: process.cpuUsage(), elu: { idle, active } };
}

async function handle(running: Running, request: ServerRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'usage':
      // Let closed sockets and timers go before measuring.
      if (request.gc) await new Promise((resolve) => setTimeout(resolve, 200));
      return usage(request.gc ?? false);
    case 'documents':
      return running.documents();
    case 'insertLog': {
      // The worst case: a log never compacted, written straight into the table.
      const db = running.trame!.ctx.db;
      const updates = readUpdates(request.file);
      for (let i = 0; i < updates.length; i += 5_000) {
        await db
          .insert(yjsUpdates)
          .values(updates.slice(i, i + 5_000).map((update) => ({ name: request.name, update })));
      }
      return updates.length;
    }
    case 'logState': {
      const db = running.trame!.ctx.db;
      const [snapshot] = await db
        .select()
        .from(yjsDocuments)
        .where(eq(yjsDocuments.name, request.name));
      const [log] = await db
        .select({ n: count() })
        .from(yjsUpdates)
        .where(
          and(
            eq(yjsUpdates.name, request.name),
            gt(yjsUpdates.id, snapshot?.compactedThrough ?? 0),
          ),
        );
      return {
        snapshotBytes: snapshot?.state.byteLength ?? 0,
        compactedThrough: snapshot?.compactedThrough ?? 0,
        logEntries: log?.n ?? 0,
      };
    }
    case 'loadBreakdown': {
      // Where a cold load's time goes: the two queries, then applying what they returned.
      const db = running.trame!.ctx.db;
      let t = performance.now();
      const stored = await loadDocument(db, request.name);
      const queryMs = performance.now() - t;
      t = performance.now();
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.log) Y.applyUpdate(doc, update);
      const applyMs = performance.now() - t;
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return {
        queryMs,
        applyMs,
        snapshotBytes: stored.snapshot?.byteLength ?? 0,
        logEntries: stored.log.length,
        stateBytes: state.byteLength,
      };
    }
    case 'close':
      await running.close();
      return null;
  }
}

async function main() {
  const running =
    settings.kind === 'trame'
      ? await startTrame()
      : settings.kind === 'hocuspocus'
        ? await startHocuspocus()
        : await startYWebsocket();
  process.on('message', (message: { id: number } & ServerRequest) => {
    handle(running, message).then(
      (result) => {
        process.send!({ id: message.id, ok: true, result });
        if (message.cmd === 'close') process.disconnect();
      },
      (error: unknown) =>
        process.send!({ id: message.id, ok: false, error: String((error as Error)?.stack) }),
    );
  });
  process.send!({ event: 'ready', url: running.url });
}

main().catch((error: unknown) => {
  process.stderr.write(`server under test failed to start: ${(error as Error)?.stack}\n`);
  process.exit(1);
});
