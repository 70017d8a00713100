import { LIVE_FOLLOW, LIVE_UNFOLLOW } from '@trame/shared';
import { useEffect, useRef } from 'react';
import { io, type Socket } from 'socket.io-client';

/**
 * One Socket.IO connection per tab, shared by every component that follows a subject
 * (`fiche:<id>`, `contrat:<id>`, `moderation:<id>`). Follows are counted, so a subject is left
 * when its last follower unmounts, and followed again after a reconnection.
 */
let socket: Socket | null = null;
const followers = new Map<string, number>();

function connection(): Socket {
  if (!socket) {
    socket = io({ transports: ['websocket'] });
    socket.on('connect', () => {
      for (const subject of followers.keys()) socket?.emit(LIVE_FOLLOW, { sujet: subject });
    });
  }
  return socket;
}

/**
 * Calls `onEvent` for each `event` received, following `subject` while mounted (no subject: the
 * person's own events, such as notifications, which need no follow).
 */
export function useLive(
  subject: string | null,
  event: string,
  onEvent: (payload: unknown) => void,
) {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const live = connection();
    const listener = (payload: unknown) => handler.current(payload);
    live.on(event, listener);
    if (subject) {
      const count = followers.get(subject) ?? 0;
      followers.set(subject, count + 1);
      if (count === 0 && live.connected) live.emit(LIVE_FOLLOW, { sujet: subject });
    }
    return () => {
      live.off(event, listener);
      if (!subject) return;
      const count = (followers.get(subject) ?? 1) - 1;
      if (count > 0) followers.set(subject, count);
      else {
        followers.delete(subject);
        live.emit(LIVE_UNFOLLOW, { sujet: subject });
      }
    };
  }, [subject, event]);
}
