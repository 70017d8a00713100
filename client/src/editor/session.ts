import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { offlineName } from './offline';

export interface ConnectionSnapshot {
  /** The websocket's state, as the provider reports it. */
  connection: 'connecting' | 'connected' | 'disconnected';
  /** The document has received the server's state since the last connection. */
  synced: boolean;
  /** What the browser says (`navigator.onLine`). */
  online: boolean;
  /** Set when the server closed the connection for good (4403, 4429, 4400): reload needed. */
  closedCode: number | null;
  /** Attempts that failed in a row without ever connecting (refused upgrade, server down). */
  failures: number;
}

/**
 * A collaborative document open in this tab: its Yjs document, kept in IndexedDB and synced with
 * the server over y-websocket. There is one per document name (and person), however many
 * components show it; it is destroyed when the last one lets it go.
 */
export interface CollabSession {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence | null;
  snapshot(): ConnectionSnapshot;
  subscribe(listener: () => void): () => void;
}

interface Entry {
  session: CollabSession;
  refs: number;
  destroy: () => void;
  pendingRelease: ReturnType<typeof setTimeout> | null;
}

const entries = new Map<string, Entry>();

function socketBase(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}/yjs`;
}

function open(name: string, userId: string | null): Entry {
  const doc = new Y.Doc();
  // A visitor without an account only reads: nothing of theirs to keep, and nothing to leave in
  // a shared browser. A member's copy is theirs alone (another account on the same browser gets
  // its own).
  const persistence = userId ? new IndexeddbPersistence(offlineName(userId, name), doc) : null;
  const provider = new WebsocketProvider(socketBase(), name, doc, {
    // 4403 (access revoked), 4429 (read-only misuse) and 4400 (malformed) are decisions: asking
    // again cannot change them. Network failures and server restarts (1001, 1006) are retried.
    shouldReconnect: (event) => event.code < 4000,
    connect: navigator.onLine,
  });
  // The server ignores a visitor's presence; announcing none keeps them out of everyone's list.
  if (!userId) provider.awareness.setLocalState(null);

  let state: ConnectionSnapshot = {
    connection: navigator.onLine ? 'connecting' : 'disconnected',
    synced: false,
    online: navigator.onLine,
    closedCode: null,
    failures: 0,
  };
  const listeners = new Set<() => void>();
  const update = (changes: Partial<ConnectionSnapshot>) => {
    state = { ...state, ...changes };
    for (const listener of listeners) listener();
  };

  let everConnected = false;
  provider.on('status', ({ status }) => {
    if (status === 'connected') everConnected = true;
    update({ connection: status, ...(status === 'connected' ? { failures: 0 } : {}) });
  });
  provider.on('sync', (synced) => update({ synced }));
  provider.on('connection-close', (event) => {
    update({ synced: false });
    if (event && !everConnected) update({ failures: state.failures + 1 });
    everConnected = false;
  });
  provider.on('closed', ({ code }) => {
    update({ closedCode: code, connection: 'disconnected' });
    // Access revoked: this person may no longer read the document, so its copy goes too.
    if (code === 4403) void persistence?.clearData();
  });

  // The browser knows before the socket does: stop retrying while offline, and come back at once
  // (not after the backoff) when the network returns. Edits made meanwhile stay in the document
  // and its offline copy, and the sync protocol sends them on reconnection.
  const onOffline = () => {
    update({ online: false });
    provider.disconnect();
    update({ connection: 'disconnected', synced: false });
  };
  const onOnline = () => {
    update({ online: true });
    if (state.closedCode === null) provider.connect();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);

  const session: CollabSession = {
    name,
    doc,
    provider,
    persistence,
    snapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    session,
    refs: 0,
    pendingRelease: null,
    destroy: () => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      listeners.clear();
      provider.destroy();
      void persistence?.destroy();
      doc.destroy();
    },
  };
}

function entryKey(name: string, userId: string | null) {
  return `${userId ?? 'anonyme'}\u0000${name}`;
}

/** Opens (or shares) the session of a document; give it back with `releaseSession`. */
export function acquireSession(name: string, userId: string | null): CollabSession {
  const key = entryKey(name, userId);
  let entry = entries.get(key);
  if (!entry) {
    entry = open(name, userId);
    entries.set(key, entry);
  }
  if (entry.pendingRelease) {
    clearTimeout(entry.pendingRelease);
    entry.pendingRelease = null;
  }
  entry.refs += 1;
  return entry.session;
}

/**
 * Lets a session go; the last user destroys it (provider, offline copy's handle, document) a
 * moment later, so a component that remounts at once (React's strict mode, a re-render with a
 * new key) finds it still open instead of reconnecting.
 */
export function releaseSession(session: CollabSession, userId: string | null): void {
  const key = entryKey(session.name, userId);
  const entry = entries.get(key);
  if (!entry || entry.session !== session) return;
  entry.refs -= 1;
  if (entry.refs > 0) return;
  entry.pendingRelease = setTimeout(() => {
    if (entry.refs > 0) return;
    entries.delete(key);
    entry.destroy();
  }, 0);
}
