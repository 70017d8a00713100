import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * Carries document updates, awareness and membership changes between server instances through
 * Redis pub/sub. Each message names the instance that sent it, which ignores its own echo.
 */
export type FanoutKind = 'update' | 'awareness';
const KIND_CODES: Record<FanoutKind, number> = { update: 0, awareness: 1 };
const KINDS: FanoutKind[] = ['update', 'awareness'];
const ID_BYTES = 16;

export interface Fanout {
  subscribe(name: string): Promise<void>;
  unsubscribe(name: string): Promise<void>;
  publish(name: string, kind: FanoutKind, payload: Uint8Array): void;
  publishMembership(change: { contratId: string; userId: string }): void;
  close(): Promise<void>;
}

export function redisFanout(
  redis: Redis,
  prefix: string,
  logger: Logger,
  handlers: {
    onDocument(name: string, kind: FanoutKind, payload: Uint8Array): void;
    onMembership(change: { contratId: string; userId: string }): void;
  },
): Fanout {
  const instance = randomBytes(ID_BYTES);
  const subscriber = redis.duplicate();
  const documentChannel = (name: string) => `${prefix}yjs:${name}`;
  const membershipChannel = `${prefix}membres`;
  subscriber.on('error', (err) => logger.warn({ err }, 'redis subscriber error'));
  void subscriber.subscribe(membershipChannel);

  subscriber.on('messageBuffer', (channelBuffer: Buffer, message: Buffer) => {
    const channel = channelBuffer.toString();
    if (message.length < ID_BYTES + 1 || instance.equals(message.subarray(1, 1 + ID_BYTES))) return;
    const payload = new Uint8Array(message.subarray(1 + ID_BYTES));
    if (channel === membershipChannel) {
      handlers.onMembership(JSON.parse(Buffer.from(payload).toString()));
      return;
    }
    const kind = KINDS[message[0]!];
    if (kind) handlers.onDocument(channel.slice(`${prefix}yjs:`.length), kind, payload);
  });

  const frame = (code: number, payload: Uint8Array) =>
    Buffer.concat([Buffer.from([code]), instance, payload]);

  return {
    async subscribe(name) {
      await subscriber.subscribe(documentChannel(name));
    },
    async unsubscribe(name) {
      await subscriber.unsubscribe(documentChannel(name));
    },
    publish(name, kind, payload) {
      redis.publish(documentChannel(name), frame(KIND_CODES[kind], payload)).catch((err) => {
        logger.warn({ err, document: name }, 'could not fan out to other instances');
      });
    },
    publishMembership(change) {
      redis
        .publish(membershipChannel, frame(0, Buffer.from(JSON.stringify(change))))
        .catch((err) => logger.warn({ err }, 'could not fan out a membership change'));
    },
    async close() {
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
