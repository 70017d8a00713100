import {
  LIVE_EVENTS,
  type NotificationsPage,
  type NotificationView,
  PREFERENCE_EMAIL_DEFAUT,
  PREFERENCES_EMAIL,
  type PreferenceEmail,
  type TypeNotification,
} from '@trame/shared';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import * as repository from './repository.js';

/**
 * In-app notifications: created by other modules in their own transaction (`notify`), shown by
 * `/api/v1/notifications`, pushed live to the person's connections once the transaction has
 * committed (`announce`), and e-mailed by the sender (`sender.ts`) per the person's preference.
 */

export interface NotificationInput {
  userId: string;
  contratId: string | null;
  type: TypeNotification;
  titre: string;
  extrait: string;
  lien: string;
}

export function toNotification(row: repository.NotificationRow): NotificationView {
  return {
    id: row.id,
    contratId: row.contratId,
    type: row.type as TypeNotification,
    titre: row.titre,
    extrait: row.extrait,
    lien: row.lien,
    lue: row.lueLe !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Writes notifications in the caller's transaction; `announce` them after it committed. */
export async function notify(
  tx: Queryable,
  inputs: NotificationInput[],
): Promise<repository.NotificationRow[]> {
  return repository.insertNotifications(tx, inputs);
}

/** The person's live room, which each of their signed-in connections joins (`realtime/live.ts`). */
export const personRoom = (userId: string) => `personne:${userId}`;

export function announce(ctx: AppContext, rows: repository.NotificationRow[]): void {
  for (const row of rows) {
    ctx.live.emit(personRoom(row.userId), LIVE_EVENTS.notification, toNotification(row));
  }
}

export async function listNotifications(
  db: Queryable,
  userId: string,
  query: { limit: number; offset: number; nonLues: boolean },
): Promise<NotificationsPage> {
  const { rows, total, nonLues } = await repository.notificationsOf(db, userId, query);
  return { items: rows.map(toNotification), total, nonLues };
}

export async function markRead(
  db: Queryable,
  userId: string,
  id: string,
  now: Date,
): Promise<NotificationView> {
  const row = await repository.markRead(db, userId, id, now);
  if (!row) throw new HttpError('not_found');
  return toNotification(row);
}

export async function preferenceOf(db: Queryable, userId: string): Promise<PreferenceEmail> {
  const stored = await repository.preferenceOf(db, userId);
  const known: readonly string[] = PREFERENCES_EMAIL;
  return known.includes(stored) ? (stored as PreferenceEmail) : PREFERENCE_EMAIL_DEFAUT;
}
