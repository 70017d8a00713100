import WebSocket from 'ws';
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
