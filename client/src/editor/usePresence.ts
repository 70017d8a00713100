import { useEffect, useState } from 'react';
import type { AwarenessUser } from './carets';
import { distinctColor } from './colors';
import type { CollabSession } from './session';

export interface Present extends AwarenessUser {
  /** This browser tab's own entry. */
  self: boolean;
}

function isUser(value: unknown): value is AwarenessUser {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as Record<string, unknown>;
  return typeof user.id === 'string' && typeof user.name === 'string';
}

function present(session: CollabSession): Present[] {
  const { awareness } = session.provider;
  const people = new Map<string, Present>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: unknown }).user;
    if (!isUser(user)) continue;
    const self = clientId === awareness.clientID;
    // One entry per person, however many tabs they have open.
    const known = people.get(user.id);
    if (!known || self) people.set(user.id, { ...user, self: self || (known?.self ?? false) });
  }
  return [...people.values()].sort(
    (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name),
  );
}

/** Who has the document open right now, from Yjs awareness; this person first. */
export function usePresence(session: CollabSession | null): Present[] {
  const [people, setPeople] = useState<Present[]>([]);
  useEffect(() => {
    if (!session) return;
    const { awareness } = session.provider;
    const refresh = () => setPeople(present(session));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [session]);
  return people;
}

/**
 * Keeps this person's colour distinct from the others' present on the document (see
 * `distinctColor`), by updating what this tab announces; carets and presence follow.
 */
export function useDistinctColor(session: CollabSession | null, userId: string | null): void {
  useEffect(() => {
    if (!session || !userId) return;
    const { awareness } = session.provider;
    const adjust = () => {
      const others: AwarenessUser[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        const user = (state as { user?: unknown }).user;
        if (clientId !== awareness.clientID && isUser(user) && user.id !== userId) {
          others.push(user);
        }
      }
      const own = (awareness.getLocalState() as { user?: unknown } | null)?.user;
      // Announced by the caret extension when the editor starts; adjusted from then on.
      if (!isUser(own)) return;
      const color = distinctColor(userId, others);
      if (own.color !== color) awareness.setLocalStateField('user', { ...own, color });
    };
    adjust();
    awareness.on('change', adjust);
    return () => awareness.off('change', adjust);
  }, [session, userId]);
}
