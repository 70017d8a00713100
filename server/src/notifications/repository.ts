import { and, asc, desc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { notifications, users } from '../db/schema.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

export async function insertNotifications(
  db: Queryable,
  values: NewNotification[],
): Promise<NotificationRow[]> {
  if (values.length === 0) return [];
  return db.insert(notifications).values(values).returning();
}

export async function notificationsOf(
  db: Queryable,
  userId: string,
  options: { limit: number; offset: number; nonLues: boolean },
): Promise<{ rows: NotificationRow[]; total: number; nonLues: number }> {
  const mine = eq(notifications.userId, userId);
  const where = options.nonLues ? and(mine, isNull(notifications.lueLe)) : mine;
  const [rows, [counts]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(options.limit)
      .offset(options.offset),
    db
      .select({
        total: sql<number>`count(*) filter (where ${where})::int`,
        nonLues: sql<number>`count(*) filter (where ${notifications.lueLe} is null)::int`,
      })
      .from(notifications)
      .where(mine),
  ]);
  return { rows, total: counts?.total ?? 0, nonLues: counts?.nonLues ?? 0 };
}

export async function unreadCount(db: Queryable, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.lueLe)));
  return row?.n ?? 0;
}

/** Marks one of the person's notifications read; false when it is not theirs (or unknown). */
export async function markRead(
  db: Queryable,
  userId: string,
  id: string,
  at: Date,
): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ lueLe: sql`coalesce(${notifications.lueLe}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

export async function markAllRead(db: Queryable, userId: string, at: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ lueLe: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.lueLe)));
}

export async function preferenceOf(db: Queryable, userId: string): Promise<string> {
  const [row] = await db
    .select({ email: users.notificationsEmail })
    .from(users)
    .where(eq(users.id, userId));
  return row?.email ?? 'quotidien';
}

export async function setPreference(db: Queryable, userId: string, email: string): Promise<void> {
  await db.update(users).set({ notificationsEmail: email }).where(eq(users.id, userId));
}

// ── e-mail sender ──

const waiting = and(isNull(notifications.envoyeeLe), isNull(notifications.lueLe));

/**
 * People with notifications neither e-mailed nor read, who want e-mails: a page of them, in id
 * order after `after`.
 */
export async function peopleWaiting(
  db: Queryable,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        waiting,
        ne(users.notificationsEmail, 'aucun'),
        after ? gt(notifications.userId, after) : undefined,
      ),
    )
    .orderBy(asc(notifications.userId))
    .limit(limit);
  return rows.map((r) => r.userId);
}

/**
 * The person's row, locked until the end of the transaction; undefined when another instance
 * holds it (it is sending to this person right now).
 */
export async function lockPerson(db: Queryable, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      nom: users.nom,
      locale: users.locale,
      preference: users.notificationsEmail,
      dernierEmailLe: users.dernierEmailLe,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for('update', { skipLocked: true });
  return row;
}

export function waitingOf(db: Queryable, userId: string): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), waiting))
    .orderBy(asc(notifications.createdAt), asc(notifications.id));
}

export async function markSent(
  db: Queryable,
  userId: string,
  ids: string[],
  at: Date,
): Promise<void> {
  await db.update(notifications).set({ envoyeeLe: at }).where(inArray(notifications.id, ids));
  await db.update(users).set({ dernierEmailLe: at }).where(eq(users.id, userId));
}
