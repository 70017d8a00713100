import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import {
  acquireSession,
  type CollabSession,
  type ConnectionSnapshot,
  releaseSession,
} from './session';

/** The shared session of a document while the component is mounted (null on the first render). */
export function useCollabSession(name: string, userId: string | null): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const opened = acquireSession(name, userId);
    setSession(opened);
    return () => {
      setSession(null);
      releaseSession(opened, userId);
    };
  }, [name, userId]);
  return session;
}

const IDLE: ConnectionSnapshot = {
  connection: 'connecting',
  synced: false,
  online: true,
  closedCode: null,
  failures: 0,
};

/** The connection state of a session, re-rendering when it changes. */
export function useConnection(session: CollabSession | null): ConnectionSnapshot {
  const subscribe = useCallback(
    (listener: () => void) => session?.subscribe(listener) ?? (() => {}),
    [session],
  );
  const snapshot = useCallback(() => session?.snapshot() ?? IDLE, [session]);
  return useSyncExternalStore(subscribe, snapshot);
}

export type ConnectionStatus =
  | 'connected'
  | 'syncing'
  | 'offline'
  | 'unreachable'
  | 'accessChanged';

/** What the person is told about the connection. */
export function connectionStatus(snapshot: ConnectionSnapshot): ConnectionStatus {
  if (snapshot.closedCode !== null) return 'accessChanged';
  if (!snapshot.online) return 'offline';
  if (snapshot.connection === 'connected' && snapshot.synced) return 'connected';
  // A few attempts in a row failed while the browser is online: the server is down or refuses.
  if (snapshot.failures >= 3) return 'unreachable';
  return 'syncing';
}
