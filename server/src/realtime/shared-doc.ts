import type { DocumentAccess } from '@trame/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** Message types of the y-websocket protocol, as the stock `WebsocketProvider` speaks it. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Updates that came from another instance through Redis: already stored by that instance. */
export const REMOTE = Symbol('remote');
/** A batch of updates from several connections, relayed to every connection as one message. */
const MERGED = Symbol('merged');

/**
 * A stored batch holds at most this many updates and bytes (a single larger update goes alone):
 * one statement per batch must stay well within PostgreSQL's parameter limit and a sane size.
 */
const MAX_BATCH_UPDATES = 1_000;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

export interface Connection {
  readonly userId: string | null;
  access: DocumentAccess;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Stops and restarts reading from the socket, while the document's store queue is full. */
  pause(): void;
  resume(): void;
  /** Awareness client ids this connection announced, removed when it leaves. */
  readonly awarenessIds: Set<number>;
  /** Updates refused because the connection may not edit. */
  droppedUpdates: number;
}

export interface PendingUpdate {
  update: Uint8Array;
  userId: string | null;
  origin: unknown;
}

export interface SharedDocHooks {
  /** Stores updates in order; the document applies them only once this resolved. */
  persist(name: string, updates: PendingUpdate[]): Promise<void>;
  /** A batch was stored and applied; `logEntries` counts it. */
  stored(doc: SharedDoc, batch: PendingUpdate[]): void;
  /** An update or awareness change made here, for the other instances. */
  publish(name: string, kind: 'update' | 'awareness', payload: Uint8Array): void;
  /** A connection sent something it may not send, or could not be read. */
  onViolation(connection: Connection, reason: string): void;
  logger: Logger;
  /** Read-only connections are closed after this many refused updates. */
  maxDroppedUpdates: number;
  /**
   * Updates waiting to be stored beyond which the document stops reading its sockets: under
   * overload the backlog stays in the clients' sockets instead of growing in memory.
   */
  maxPendingUpdates: number;
}

/**
 * Presence carries the editors' names: an anonymous reader of a published text (who may not list
 * the members) neither sees it nor appears in it.
 */
function seesPresence(connection: Connection): boolean {
  return connection.userId !== null;
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * One collaborative document held in memory, with the connections editing it. An update from a
 * client is stored first and applied second: when other clients receive it, it is already in the
 * database, so nothing anyone has seen can be lost by a crash. Updates that arrive while a batch
 * is being stored form the next batch: it costs one statement, and it is applied and relayed as
 * one merged update, so under load each connection receives one message per batch instead of one
 * per keystroke of every other editor.
 */
export class SharedDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  private pending: PendingUpdate[] = [];
  private flushing: Promise<void> | null = null;
  private paused = false;
  /** Log entries stored after the snapshot, as far as this instance knows: compaction reads it. */
  logEntries = 0;

  constructor(
    readonly name: string,
    private readonly hooks: SharedDocHooks,
  ) {
    // The server keeps no awareness state of its own.
    this.awareness.setLocalState(null);
    // Other instances get what this one stores (see `apply`), not these events: an update whose
    // dependency arrives later from Redis is integrated in that remote transaction, and would
    // never be published if publishing followed the events' origin.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const message = syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update));
      for (const connection of this.connections) {
        if (connection !== origin) connection.send(message);
      }
    });
    this.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const changed = [...added, ...updated, ...removed];
        if (origin && typeof origin === 'object' && this.connections.has(origin as Connection)) {
          const owner = origin as Connection;
          for (const id of [...added, ...updated]) owner.awarenessIds.add(id);
          for (const id of removed) owner.awarenessIds.delete(id);
        }
        const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
        const message = awarenessMessage(update);
        for (const connection of this.connections) {
          if (seesPresence(connection)) connection.send(message);
        }
        if (origin !== REMOTE) this.hooks.publish(this.name, 'awareness', update);
      },
    );
  }

  /** Rebuilds the stored state; an entry that cannot be read is skipped and reported. */
  load(snapshot: Uint8Array | null, log: Uint8Array[]): void {
    for (const update of [...(snapshot ? [snapshot] : []), ...log]) {
      try {
        Y.applyUpdate(this.doc, update, REMOTE);
      } catch (err) {
        this.hooks.logger.error({ err, document: this.name }, 'unreadable stored update skipped');
      }
    }
    this.logEntries = log.length;
  }

  /**
   * The document's state including stored log entries, for compaction. Entries this instance has
   * not applied yet (stored by another instance, still on their way through Redis) are applied
   * now: they are stored, so relaying them early is safe.
   */
  stateWith(log: Uint8Array[]): Uint8Array {
    for (const update of log) {
      try {
        Y.applyUpdate(this.doc, update, REMOTE);
      } catch (err) {
        this.hooks.logger.error({ err, document: this.name }, 'unreadable stored update skipped');
      }
    }
    return Y.encodeStateAsUpdate(this.doc);
  }

  add(connection: Connection): void {
    this.connections.add(connection);
    if (this.paused) connection.pause();
    connection.send(syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, this.doc)));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0 && seesPresence(connection)) {
      connection.send(
        awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)),
      );
    }
  }

  remove(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
  }

  /**
   * Handles one message from a client. Anything malformed throws: the caller closes that
   * connection only, and nothing of the message has reached the document.
   */
  receive(connection: Connection, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      this.receiveSync(connection, decoder);
      return;
    }
    if (type === MESSAGE_AWARENESS) {
      const update = decoding.readVarUint8Array(decoder);
      // Anonymous readers of a published text are not shown to the editors.
      if (connection.userId === null) return;
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
      return;
    }
    if (type === MESSAGE_QUERY_AWARENESS) {
      if (!seesPresence(connection)) return;
      const states = [...this.awareness.getStates().keys()];
      connection.send(
        awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)),
      );
      return;
    }
    throw new Error(`unknown message type ${type}`);
  }

  private receiveSync(connection: Connection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      connection.send(
        syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, this.doc, stateVector)),
      );
      return;
    }
    if (
      syncType !== syncProtocol.messageYjsSyncStep2 &&
      syncType !== syncProtocol.messageYjsUpdate
    ) {
      throw new Error(`unknown sync message ${syncType}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    if (connection.access !== 'edit') {
      connection.droppedUpdates += 1;
      if (connection.droppedUpdates >= this.hooks.maxDroppedUpdates) {
        this.hooks.onViolation(connection, 'read-only connection kept sending updates');
      }
      return;
    }
    // Reads the whole update (structs, contents, delete set) without applying it: a malformed
    // one throws here, before anything is stored.
    const decoded = Y.decodeUpdate(update);
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
    // A client that (re)connects answers the server's state vector with everything the server
    // lacks, often nothing new: only that answer is worth comparing with the document.
    if (syncType === syncProtocol.messageYjsSyncStep2) {
      const news = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(this.doc)));
      if (news.structs.length === 0 && news.ds.clients.size === 0) return;
    }
    this.submit({ update, userId: connection.userId, origin: connection });
  }

  /** Stores then applies an update: from a client, or from the server itself (a restore). */
  submit(update: PendingUpdate): void {
    this.pending.push(update);
    if (!this.paused && this.pending.length >= this.hooks.maxPendingUpdates) {
      this.paused = true;
      for (const connection of this.connections) connection.pause();
    }
    this.flushing ??= this.flush();
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.nextBatch();
        try {
          await this.hooks.persist(this.name, batch);
        } catch (err) {
          // Not stored, so not applied: the editors are disconnected and resend what they have
          // when they reconnect (the sync protocol exchanges whatever the other side lacks).
          this.hooks.logger.error({ err, document: this.name }, 'could not store updates');
          for (const connection of this.connections) connection.close(1011, 'storage failure');
          continue;
        } finally {
          this.resumeIfDrained();
        }
        this.logEntries += batch.length;
        this.apply(batch);
        this.hooks.stored(this, batch);
      }
    } finally {
      this.flushing = null;
    }
  }

  private nextBatch(): PendingUpdate[] {
    let count = 0;
    let bytes = 0;
    for (const { update } of this.pending) {
      if (count === MAX_BATCH_UPDATES || (count > 0 && bytes + update.length > MAX_BATCH_BYTES)) {
        break;
      }
      count += 1;
      bytes += update.length;
    }
    return this.pending.splice(0, count);
  }

  private resumeIfDrained(): void {
    if (!this.paused || this.pending.length >= this.hooks.maxPendingUpdates / 2) return;
    this.paused = false;
    for (const connection of this.connections) connection.resume();
  }

  /**
   * Applies a stored batch as one update and publishes it to the other instances. It is relayed
   * to every connection but its sender when the whole batch comes from one connection, and to
   * every connection when it mixes several (a sender ignores its own edits coming back, as Yjs
   * does with anything it already has). Updates held back for a missing dependency may be
   * integrated by this batch: the sender lacks those, so it gets the relay too.
   */
  private apply(batch: PendingUpdate[]): void {
    const origins = new Set(batch.map((pending) => pending.origin));
    const holdsPending =
      this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
    const origin = origins.size === 1 && !holdsPending ? batch[0]!.origin : MERGED;
    try {
      const update =
        batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update));
      Y.applyUpdate(this.doc, update, origin);
      this.hooks.publish(this.name, 'update', update);
      return;
    } catch (err) {
      this.hooks.logger.error({ err, document: this.name }, 'stored batch failed to apply whole');
    }
    // Applying again what did apply changes nothing, so one bad update costs only itself.
    for (const pending of batch) {
      try {
        Y.applyUpdate(this.doc, pending.update, holdsPending ? MERGED : pending.origin);
        this.hooks.publish(this.name, 'update', pending.update);
      } catch (err) {
        this.hooks.logger.error({ err, document: this.name }, 'stored update failed to apply');
      }
    }
  }

  /** Resolves once every update received so far is stored and applied. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  applyRemote(kind: 'update' | 'awareness', payload: Uint8Array): void {
    if (kind === 'update') Y.applyUpdate(this.doc, payload, REMOTE);
    else awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, REMOTE);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
