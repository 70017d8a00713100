import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { memberships, oidcIdentities, users } from '../db/schema.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function insertUser(db: Queryable, user: NewUser): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ ...user, email: user.email.toLowerCase() })
    .returning();
  return row!;
}

/** Inserts unless the address is taken; returns the new row, or undefined when it existed. */
export async function insertUserIfAbsent(
  db: Queryable,
  user: NewUser,
): Promise<UserRow | undefined> {
  const [row] = await db
    .insert(users)
    .values({ ...user, email: user.email.toLowerCase() })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function updateUser(
  db: Queryable,
  id: string,
  changes: Partial<NewUser>,
): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
  return row;
}

/** Counts a failed password atomically, so parallel attempts cannot slip under the limit. */
export async function recordLoginFailure(
  db: Queryable,
  id: string,
  maxFailures: number,
  lockMinutes: number,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${maxFailures}
        THEN now() + make_interval(mins => ${lockMinutes}) ELSE ${users.lockedUntil} END`,
    })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function findUserByOidcIdentity(
  db: Queryable,
  issuer: string,
  subject: string,
): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ user: users })
    .from(oidcIdentities)
    .innerJoin(users, eq(users.id, oidcIdentities.userId))
    .where(and(eq(oidcIdentities.issuer, issuer), eq(oidcIdentities.subject, subject)));
  return row?.user;
}

export async function linkOidcIdentity(
  db: Queryable,
  identity: { issuer: string; subject: string; userId: string },
): Promise<void> {
  await db.insert(oidcIdentities).values(identity).onConflictDoNothing();
}

export async function rolesOfUser(db: Queryable, userId: string) {
  return db
    .select({ contratId: memberships.contratId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
}
