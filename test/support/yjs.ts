import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * A collaborative-document client as the browser runs it: the stock y-websocket
 * `WebsocketProvider`, over `ws`, carrying the session cookie and the app's origin.
 */
export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
  /** Close events the provider saw (code), most recent last. */
  closes: number[];
  destroy(): void;
}

export function connectY(
  baseUrl: string,
  documentName: string,
  options: { cookie?: string; origin?: string; reconnect?: boolean } = {},
): YClient {
  const doc = new Y.Doc();
  const headers: Record<string, string> = { origin: options.origin ?? baseUrl };
  if (options.cookie) headers.cookie = options.cookie;
  class AuthenticatedSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const closes: number[] = [];
  const provider = new WebsocketProvider(
    `${baseUrl.replace(/^http/, 'ws')}/yjs`,
    documentName,
    doc,
    {
      WebSocketPolyfill: AuthenticatedSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 200,
      shouldReconnect: () => options.reconnect ?? true,
    },
  );
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  return {
    doc,
    provider,
    text: doc.getText('texte'),
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const synced = (client: YClient) => until(() => client.provider.synced, 'sync');

/**
 * Sends raw Yjs updates over the y-websocket protocol, as a client whose state the server does
 * not know: updates can be sent before their dependencies, as after a reconnection to another
 * instance or from a tab that got them from another tab.
 */
export async function rawUpdateSender(
  baseUrl: string,
  documentName: string,
  options: { cookie?: string; origin?: string },
): Promise<{ send(update: Uint8Array): void; close(): void }> {
  const headers: Record<string, string> = { origin: options.origin ?? baseUrl };
  if (options.cookie) headers.cookie = options.cookie;
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/yjs/${documentName}`, {
    headers,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    send(update) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      socket.send(encoding.toUint8Array(encoder));
    },
    close: () => socket.close(),
  };
}

/**
 * Two updates typed after `base`'s state by a new client: `first` inserts `a` at the end,
 * `second` inserts `b` right after it, so `second` cannot be integrated without `first`.
 */
export function dependentUpdates(
  base: Y.Doc,
  a: string,
  b: string,
): { first: Uint8Array; second: Uint8Array } {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base));
  const updates: Uint8Array[] = [];
  scratch.on('update', (update: Uint8Array) => updates.push(update));
  const text = scratch.getText('texte');
  text.insert(text.length, a);
  text.insert(text.length, b);
  scratch.destroy();
  return { first: updates[0]!, second: updates[1]! };
}
