import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import {
  can,
  LIVE_FOLLOW,
  LIVE_UNFOLLOW,
  type LiveFollowAck,
  type LiveSubject,
  liveFollowSchema,
  parseLiveSubject,
  type Role,
} from '@trame/shared';
import type { Redis } from 'ioredis';
import { type Socket, Server as SocketServer } from 'socket.io';
import type { AppContext } from '../context.js';
import { findContrat, roleOf } from '../contrats/repository.js';
import { documentAccess } from './access.js';
import { originAllowed, userFromHeaders } from './handshake.js';

/** Subjects one connection may follow at once: a page follows a handful. */
const MAX_SUBJECTS_PER_CONNECTION = 50;
const userRoom = (userId: string) => `personne:${userId}`;
/** Socket.IO's path on the HTTP server; the Yjs sync server leaves these upgrades to it. */
export const LIVE_PATH = '/socket.io/';

interface SocketData {
  userId: string | null;
}

/**
 * Live events that are not documents (new comments, moderation, vote tallies…), over Socket.IO on
 * the application's HTTP server. A client follows subjects; the server checks each follow
 * against the same rules as the API, and re-checks them when the person's membership changes.
 * With Redis, events and membership re-checks reach the clients of every instance.
 */
export class LiveHub {
  readonly io = new SocketServer({
    path: LIVE_PATH,
    serveClient: false,
    // Other upgrades are the Yjs sync server's, which may take longer than Socket.IO's default
    // second to authenticate one; it closes those that are nobody's.
    destroyUpgrade: false,
    // A client only ever sends short follow requests.
    maxHttpBufferSize: 16 * 1024,
  });
  private subscriber: Redis | null = null;

  constructor(private readonly options: { redis: Redis | null; redisPrefix: string }) {}

  /** Sends an event to everyone following a subject, on every instance. */
  emit(subject: string, event: string, payload: unknown): void {
    this.io.to(subject).emit(event, payload);
  }

  /** Serves Socket.IO on the HTTP server; with Redis, shares rooms with the other instances. */
  attach(ctx: AppContext, server: HttpServer): void {
    const logger = ctx.logger.child({ module: 'live' });
    const { redis, redisPrefix } = this.options;
    if (redis) {
      this.subscriber = redis.duplicate();
      this.subscriber.on('error', (err) => logger.warn({ err }, 'redis subscriber error'));
      this.io.adapter(createAdapter(redis, this.subscriber, { key: `${redisPrefix}socket.io` }));
    }
    this.io.attach(server);
    this.io.use((socket, next) => {
      if (!originAllowed(ctx, socket.handshake.headers)) {
        next(new Error('Origine refusée.'));
        return;
      }
      userFromHeaders(ctx, socket.handshake.headers).then(
        (userId) => {
          (socket.data as SocketData).userId = userId;
          next();
        },
        (err) => next(err instanceof Error ? err : new Error(String(err))),
      );
    });
    this.io.on('connection', (socket) => {
      const { userId } = socket.data as SocketData;
      if (userId) void socket.join(userRoom(userId));
      socket.onAny((event: string) => {
        if (event !== LIVE_FOLLOW && event !== LIVE_UNFOLLOW) {
          logger.info({ event, userId }, 'unknown live event; connection closed');
          socket.disconnect(true);
        }
      });
      socket.on(LIVE_FOLLOW, (raw: unknown, ack: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (a: LiveFollowAck) => void) : () => {};
        this.follow(ctx, socket, raw).then(reply, (err) => {
          logger.error({ err }, 'live follow failed');
          reply(refusal('internal', 'Erreur interne.'));
        });
      });
      socket.on(LIVE_UNFOLLOW, (raw: unknown) => {
        const parsed = liveFollowSchema.safeParse(raw);
        if (parsed.success && parseLiveSubject(parsed.data.sujet)) {
          void socket.leave(parsed.data.sujet);
        }
      });
    });
  }

  private async follow(ctx: AppContext, socket: Socket, raw: unknown): Promise<LiveFollowAck> {
    const parsed = liveFollowSchema.safeParse(raw);
    const subject = parsed.success ? parseLiveSubject(parsed.data.sujet) : undefined;
    if (!parsed.success || !subject) {
      return refusal('validation_failed', 'Sujet inconnu.');
    }
    if (socket.rooms.size > MAX_SUBJECTS_PER_CONNECTION) {
      return refusal('too_many_subjects', 'Trop de sujets suivis sur cette connexion.');
    }
    const { userId } = socket.data as SocketData;
    const decision = await subjectAccess(ctx, subject, userId);
    if (decision === 'not_found') return refusal('not_found', 'Introuvable.');
    if (decision === 'forbidden') {
      return userId
        ? refusal('forbidden', 'Accès refusé.')
        : refusal('unauthenticated', 'Connexion requise.');
    }
    await socket.join(parsed.data.sujet);
    return { ok: true };
  }

  /**
   * A member's role changed or they left: every connection of theirs, on any instance, stops
   * following what they may no longer read.
   */
  async membershipChanged(ctx: AppContext, change: { userId: string }): Promise<void> {
    const sockets = await this.io.in(userRoom(change.userId)).fetchSockets();
    for (const socket of sockets) {
      for (const room of socket.rooms) {
        const subject = parseLiveSubject(room);
        if (!subject) continue;
        if ((await subjectAccess(ctx, subject, change.userId)) !== 'allowed') socket.leave(room);
      }
    }
  }

  async close(): Promise<void> {
    this.io.disconnectSockets(true);
    this.io.engine?.close();
    if (this.subscriber) {
      await this.io.of('/').adapter.close();
      await this.subscriber.quit().catch(() => this.subscriber?.disconnect());
    }
  }
}

function refusal(code: string, message: string): LiveFollowAck {
  return { ok: false, error: { code, message } };
}

/**
 * A subject may be followed by whoever may read it: the contract, or the fiche; a moderation
 * queue by whoever moderates the contract's comments (`commentaire.moderer`).
 */
async function subjectAccess(
  ctx: AppContext,
  subject: LiveSubject,
  userId: string | null,
): Promise<'allowed' | 'forbidden' | 'not_found'> {
  if (subject.kind === 'moderation') {
    const contrat = await findContrat(ctx.db, subject.contratId);
    if (!contrat) return 'not_found';
    const role = userId ? ((await roleOf(ctx.db, contrat.id, userId)) as Role | null) : null;
    const context = { role: role ?? null, publie: contrat.publie };
    if (can('commentaire.moderer', context)) return 'allowed';
    return can('contrat.lire', context) ? 'forbidden' : 'not_found';
  }
  const decision = await documentAccess(
    ctx,
    subject.kind === 'contrat'
      ? { kind: 'projet', contratId: subject.contratId }
      : { kind: 'fiche', ficheId: subject.ficheId },
    userId,
  );
  return 'refused' in decision ? decision.refused : 'allowed';
}
