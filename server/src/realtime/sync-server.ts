import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type DocumentAccess, parisDate, parseDocumentName } from '@trame/shared';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { AppContext } from '../context.js';
import { documentAccess } from './access.js';
import { recordDocumentEdit } from './edit-contributions.js';
import { type Fanout, redisFanout } from './fanout.js';
import { originAllowed, userFromHeaders } from './handshake.js';
import { LIVE_PATH } from './live.js';
import { appendUpdates, compact, loadDocument } from './persistence.js';
import { type Connection, type PendingUpdate, SharedDoc } from './shared-doc.js';

/** The path collaborative documents are served on: `/yjs/<document name>`. */
export const SYNC_PATH = '/yjs/';

/** Close codes a client can tell apart (4000–4999 are the application's). */
export const CLOSE = {
  accessRevoked: 4403,
  readOnlyAbuse: 4429,
  malformed: 4400,
  shuttingDown: 1001,
} as const;

interface LiveConnection extends Connection {
  socket: WebSocket;
  contratIds: string[];
  documentName: string;
}

export interface SyncServer {
  /** Re-checks every connection of this person to documents of this contract (on all instances). */
  membershipChanged(change: { contratId: string; userId: string }): void;
  /** Documents held in memory, for tests and metrics. */
  loadedDocuments(): string[];
  /**
   * Runs `use` on the in-memory document (loading it if needed), for the server's own reads and
   * edits such as a named version or a restore; unloaded afterwards if nobody is connected.
   */
  withDocument<T>(name: string, use: (doc: SharedDoc) => Promise<T> | T): Promise<T>;
  /** Closes every connection, stores what is pending, and stops. */
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: 401 | 403 | 404, code: string, message: string) {
  const body = JSON.stringify({ error: { code, message } });
  const reason = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * The y-websocket protocol on the application's HTTP server. Upgrades are authenticated by the
 * session cookie and authorised per document from the shared permission matrix; each document is
 * held once per instance, persisted to PostgreSQL, and fanned out through Redis when there are
 * several instances.
 */
export function attachSyncServer(ctx: AppContext, server: Server): SyncServer {
  const { realtime } = ctx.config;
  const logger = ctx.logger.child({ module: 'realtime' });
  const wss = new WebSocketServer({ noServer: true, maxPayload: realtime.maxMessageBytes });
  const documents = new Map<string, Promise<SharedDoc>>();
  const unloadTimers = new Map<string, NodeJS.Timeout>();
  const compacting = new Set<string>();
  let closing = false;

  const fanout: Fanout | null = ctx.redis
    ? redisFanout(ctx.redis, ctx.config.redis!.prefix, logger, {
        onDocument(name, kind, payload) {
          const loaded = documents.get(name);
          void loaded?.then((doc) => doc.applyRemote(kind, payload)).catch(() => {});
        },
        onMembership: (change) => void recheck(change),
      })
    : null;

  /**
   * Compacts in the background once the log is long enough, and again if it grew past the limit
   * while compacting. Each instance counts the entries it stored: with several instances the log
   * may reach a few times the limit before one of them compacts it all.
   */
  function maybeCompact(doc: SharedDoc) {
    const { name } = doc;
    if (compacting.has(name) || doc.logEntries < realtime.compactAfter) return;
    compacting.add(name);
    void (async () => {
      try {
        while (doc.logEntries >= realtime.compactAfter) {
          const merged = await compact(ctx.db, name, (_snapshot, log) => doc.stateWith(log));
          doc.logEntries = Math.max(0, doc.logEntries - merged);
          if (merged === 0) doc.logEntries = 0;
        }
      } catch (err) {
        logger.warn({ err, document: name }, 'compaction failed; the log is kept');
      } finally {
        compacting.delete(name);
      }
    })();
  }

  /**
   * The first edit of a person in a document each day counts as a contribution; this instance
   * remembers whom it already counted so that typing costs no query.
   */
  const counted = new Set<string>();
  function countEditors(name: string, batch: PendingUpdate[]) {
    const day = parisDate(new Date());
    for (const userId of new Set(batch.map((update) => update.userId))) {
      const key = `${day}|${name}|${userId}`;
      if (!userId || counted.has(key)) continue;
      if (counted.size >= 10_000) counted.clear();
      counted.add(key);
      recordDocumentEdit(ctx.db, name, userId).catch((err) => {
        counted.delete(key);
        logger.warn({ err, document: name }, 'edit not counted as a contribution');
      });
    }
  }

  function open(name: string): Promise<SharedDoc> {
    const existing = documents.get(name);
    if (existing) return existing;
    const loading = (async () => {
      const doc = new SharedDoc(name, {
        logger,
        maxDroppedUpdates: realtime.maxDroppedUpdates,
        maxPendingUpdates: realtime.maxPendingUpdates,
        persist: (docName, updates) =>
          appendUpdates(
            ctx.db,
            docName,
            updates.map(({ update, userId }) => ({ update, userId })),
          ),
        stored: (stored, batch) => {
          maybeCompact(stored);
          countEditors(stored.name, batch);
        },
        publish: (docName, kind, payload) => fanout?.publish(docName, kind, payload),
        onViolation: (connection, reason) => {
          logger.warn({ document: name, userId: connection.userId }, reason);
          connection.close(CLOSE.readOnlyAbuse, 'read-only');
        },
      });
      // Subscribed before loading: an update published meanwhile is applied twice at worst,
      // which Yjs ignores, rather than missed.
      await fanout?.subscribe(name);
      const stored = await loadDocument(ctx.db, name);
      doc.load(stored.snapshot, stored.log);
      return doc;
    })();
    documents.set(name, loading);
    loading.catch(() => documents.delete(name));
    return loading;
  }

  function scheduleUnload(name: string, doc: SharedDoc) {
    clearTimeout(unloadTimers.get(name));
    unloadTimers.set(
      name,
      setTimeout(() => {
        unloadTimers.delete(name);
        if (doc.connections.size > 0) return;
        void (async () => {
          await doc.settled();
          if (doc.connections.size > 0) return;
          documents.delete(name);
          await fanout?.unsubscribe(name);
          doc.destroy();
        })().catch((err) => logger.warn({ err, document: name }, 'unload failed'));
      }, realtime.unloadAfterMs).unref(),
    );
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    if (closing) return refuse(socket, 404, 'not_found', 'Server is shutting down.');
    const url = new URL(req.url ?? '/', 'http://localhost');
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(SYNC_PATH.length));
    } catch {
      return refuse(socket, 404, 'not_found', 'Document introuvable.');
    }
    const ref = parseDocumentName(name);
    if (!ref) return refuse(socket, 404, 'not_found', 'Document introuvable.');
    if (!originAllowed(ctx, req.headers))
      return refuse(socket, 403, 'csrf_rejected', 'Origine refusée.');
    const userId = await userFromHeaders(ctx, req.headers);
    const decision = await documentAccess(ctx, ref, userId);
    if ('refused' in decision) {
      if (!userId) return refuse(socket, 401, 'unauthenticated', 'Connexion requise.');
      return decision.refused === 'not_found'
        ? refuse(socket, 404, 'not_found', 'Document introuvable.')
        : refuse(socket, 403, 'forbidden', 'Accès refusé.');
    }
    const doc = await open(name);
    wss.handleUpgrade(req, socket, head, (socket) => {
      accept(socket, doc, name, userId, decision.access, decision.contratIds);
    });
  }

  function accept(
    socket: WebSocket,
    doc: SharedDoc,
    name: string,
    userId: string | null,
    access: DocumentAccess,
    contratIds: string[],
  ) {
    clearTimeout(unloadTimers.get(name));
    socket.binaryType = 'nodebuffer';
    const connection: LiveConnection = {
      socket,
      userId,
      access,
      contratIds,
      documentName: name,
      awarenessIds: new Set(),
      droppedUpdates: 0,
      send(message) {
        if (socket.readyState === socket.OPEN) socket.send(message);
      },
      close(code, reason) {
        socket.close(code, reason);
      },
      pause: () => socket.pause(),
      resume: () => socket.resume(),
    };
    socket.on('message', (data: RawData, isBinary) => {
      try {
        if (!isBinary) throw new Error('text frame');
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
        doc.receive(connection, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      } catch (err) {
        logger.info({ err, document: name, userId }, 'malformed message; connection closed');
        socket.close(CLOSE.malformed, 'malformed message');
      }
    });
    socket.on('close', () => {
      doc.remove(connection);
      if (doc.connections.size === 0) scheduleUnload(name, doc);
    });
    socket.on('error', (err) => logger.info({ err, document: name }, 'websocket error'));
    doc.add(connection);
  }

  async function recheck(change: { contratId: string; userId: string }) {
    for (const [name, loading] of documents) {
      const doc = await loading.catch(() => undefined);
      if (!doc) continue;
      for (const connection of doc.connections as Set<LiveConnection>) {
        if (
          connection.userId !== change.userId ||
          !connection.contratIds.includes(change.contratId)
        ) {
          continue;
        }
        const ref = parseDocumentName(name)!;
        const decision = await documentAccess(ctx, ref, connection.userId);
        if ('refused' in decision) connection.close(CLOSE.accessRevoked, 'access revoked');
        else connection.access = decision.access;
      }
    }
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (req.url?.startsWith(LIVE_PATH)) return;
    if (!req.url?.startsWith(SYNC_PATH)) {
      socket.destroy();
      return;
    }
    upgrade(req, socket, head).catch((err) => {
      logger.error({ err }, 'websocket upgrade failed');
      socket.destroy();
    });
  };
  server.on('upgrade', onUpgrade);

  return {
    membershipChanged(change) {
      void recheck(change);
      fanout?.publishMembership(change);
    },
    loadedDocuments: () => [...documents.keys()],
    async withDocument(name, use) {
      const doc = await open(name);
      try {
        await doc.settled();
        return await use(doc);
      } finally {
        if (doc.connections.size === 0) scheduleUnload(name, doc);
      }
    },
    async close() {
      closing = true;
      server.off('upgrade', onUpgrade);
      for (const timer of unloadTimers.values()) clearTimeout(timer);
      const docs = await Promise.all(
        [...documents.values()].map((loading) => loading.catch(() => undefined)),
      );
      for (const doc of docs) {
        for (const connection of doc?.connections ?? []) {
          connection.close(CLOSE.shuttingDown, 'server shutting down');
        }
      }
      await Promise.all(docs.map((doc) => doc?.settled()));
      wss.close();
      await fanout?.close();
    },
  };
}
