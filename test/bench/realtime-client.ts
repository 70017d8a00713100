/**
 * The lean collaborative client of the realtime benchmark (`realtime.ts`). It speaks the y-websocket
 * protocol as the stock `WebsocketProvider` does (sync step 1/2, updates, one awareness state), or
 * the same messages in Hocuspocus's framing (each message prefixed with the document name, an
 * authentication message first). It keeps a `Y.Doc` of its own edits only and, unless asked to,
 * does not apply what it receives: a receiving client costs one websocket message and a few varint
 * reads, so one process can play hundreds of editors against every server alike.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

export type Protocol = 'y-websocket' | 'hocuspocus';

/** A monotonic clock shared by every thread and process of the machine, in ms. */
export const hrtimeMs = () => Number(process.hrtime.bigint()) / 1e6;

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
/** Hocuspocus only: a sync message that does not ask for the other side's step 1. */
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;
const REMOTE = Symbol('remote');

export interface LeanClientOptions {
  /** Full websocket address: `ws://host:port/yjs/<name>` (y-websocket) or `ws://host:port` (Hocuspocus). */
  url: string;
  protocol: Protocol;
  documentName: string;
  headers?: Record<string, string>;
  /** The Yjs client id of this client's edits (the benchmark derives its latency key from it). */
  clientId?: number;
  /** Apply what the server sends to the local document (to check content, e.g. a cold load). */
  apply?: boolean;
  /** Called with every relayed update (not the initial sync), as soon as it is read. */
  onUpdate?: (update: Uint8Array) => void;
  /** The awareness state announced once connected (a real editor announces its user); null: none. */
  awareness?: Record<string, unknown> | null;
}

export class LeanClient {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText('texte');
  /** When `connect()` was called, the socket opened and the server's sync step 2 arrived (hrtimeMs). */
  startedAt = 0;
  openedAt = 0;
  syncedAt = 0;
  /** Size of the server's sync step 2, in bytes. */
  syncBytes = 0;
  updatesReceived = 0;
  /** Close code, once closed. */
  closeCode: number | null = null;
  private socket: WebSocket | null = null;
  private closing = false;

  constructor(readonly options: LeanClientOptions) {
    if (options.clientId !== undefined) this.doc.clientID = options.clientId;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.sendUpdate(update);
    });
  }

  get synced(): boolean {
    return this.syncedAt > 0;
  }

  /** Opens the socket and resolves once the server's sync step 2 arrived. */
  connect(timeoutMs = 60_000): Promise<void> {
    const { url, headers, protocol } = this.options;
    this.startedAt = hrtimeMs();
    const socket = new WebSocket(url, { headers, perMessageDeflate: false });
    socket.binaryType = 'nodebuffer';
    this.socket = socket;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no sync within ${timeoutMs} ms (${url})`));
        socket.terminate();
      }, timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      this.onSynced = () => {
        clearTimeout(timer);
        resolve();
      };
      socket.on('unexpected-response', (_req, res) =>
        fail(new Error(`upgrade refused: ${res.statusCode} (${url})`)),
      );
      socket.on('error', (error) => fail(error));
      socket.on('close', (code) => {
        this.closeCode = code;
        if (!this.synced) fail(new Error(`closed ${code} before sync (${url})`));
      });
      socket.on('open', () => {
        this.openedAt = hrtimeMs();
        if (protocol === 'hocuspocus') {
          this.send((encoder) => {
            encoding.writeVarUint(encoder, MESSAGE_AUTH);
            encoding.writeVarUint(encoder, AUTH_TOKEN);
            encoding.writeVarString(encoder, '');
          });
        }
        this.send((encoder) => {
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          encoding.writeVarUint(encoder, SYNC_STEP1);
          encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.doc));
        });
        if (this.options.awareness) this.sendAwareness(this.options.awareness);
      });
      socket.on('message', (data: Buffer) => {
        try {
          this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        } catch (error) {
          fail(error as Error);
          socket.terminate();
        }
      });
    });
  }

  private onSynced: () => void = () => {};

  private send(write: (encoder: encoding.Encoder) => void): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    if (this.options.protocol === 'hocuspocus') {
      encoding.writeVarString(encoder, this.options.documentName);
    }
    write(encoder);
    socket.send(encoding.toUint8Array(encoder));
  }

  /** Sends an update as a sync update message (local edits go through here). */
  sendUpdate(update: Uint8Array): void {
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      encoding.writeVarUint(encoder, SYNC_UPDATE);
      encoding.writeVarUint8Array(encoder, update);
    });
  }

  /** Announces one awareness state, encoded as y-protocols encodes it (clock 1). */
  sendAwareness(state: Record<string, unknown>): void {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, this.doc.clientID);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, JSON.stringify(state));
    const update = encoding.toUint8Array(inner);
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, update);
    });
  }

  private receive(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    if (this.options.protocol === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC || type === MESSAGE_SYNC_REPLY) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SYNC_STEP1) {
        // The server's state vector: answer with what it lacks (this client's own edits).
        const diff = Y.encodeStateAsUpdate(this.doc, payload);
        this.send((encoder) => {
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          encoding.writeVarUint(encoder, SYNC_STEP2);
          encoding.writeVarUint8Array(encoder, diff);
        });
      } else if (step === SYNC_STEP2) {
        // Timed on arrival: applying it is the client's work, the same whichever server sent it.
        const first = !this.synced;
        if (first) {
          this.syncedAt = hrtimeMs();
          this.syncBytes = payload.byteLength;
        }
        if (this.options.apply) Y.applyUpdate(this.doc, payload, REMOTE);
        if (first) this.onSynced();
      } else if (step === SYNC_UPDATE) {
        this.updatesReceived += 1;
        if (this.options.apply) Y.applyUpdate(this.doc, payload, REMOTE);
        this.options.onUpdate?.(payload);
      }
      return;
    }
    if (type === MESSAGE_AUTH && this.options.protocol === 'hocuspocus') {
      if (decoding.readVarUint(decoder) === AUTH_PERMISSION_DENIED) {
        throw new Error(`permission denied: ${decoding.readVarString(decoder)}`);
      }
    }
    // Awareness, Hocuspocus's sync status acknowledgements, anything else: not measured.
  }

  close(): Promise<void> {
    const socket = this.socket;
    if (!socket || this.closing) return Promise.resolve();
    this.closing = true;
    if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        socket.terminate();
        resolve();
      }, 2_000);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.close(1000);
    });
  }

  destroy(): void {
    this.socket?.terminate();
    this.doc.destroy();
  }
}

/**
 * The first (client, clock) of an update in Yjs's v1 encoding: the id of its first item. A typed
 * character is one item of one character, so this identifies the keystroke. `more` says the update
 * holds anything else (several structs, a longer or non-text item): then decode it whole.
 * Undefined for a deletion only.
 */
export function firstId(
  update: Uint8Array,
): { client: number; clock: number; more: boolean } | undefined {
  const decoder = decoding.createDecoder(update);
  const groups = decoding.readVarUint(decoder);
  if (groups === 0) return undefined;
  const structs = decoding.readVarUint(decoder);
  const client = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  if (groups > 1 || structs > 1) return { client, clock, more: true };
  // The item (as Yjs's readItem reads it): info, origins, parent, then its content.
  const info = decoding.readUint8(decoder);
  const ref = info & 0b11111;
  if (ref === 0 || ref === 10) return { client, clock, more: true }; // GC or skip
  const skipId = () => {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
  };
  if (info & 0x80) skipId(); // origin
  if (info & 0x40) skipId(); // right origin
  if ((info & 0xc0) === 0) {
    // No origin: the parent (a root type's name or an item's id), then the key in a map.
    if (decoding.readVarUint(decoder) === 1) decoding.readVarString(decoder);
    else skipId();
    if (info & 0x20) decoding.readVarString(decoder);
  }
  const single = ref === 4 && decoding.readVarString(decoder).length === 1;
  return { client, clock, more: !single };
}
