import { and, eq, isNull, sql } from 'drizzle-orm';
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

/** Replaces the profile of an account whose address is still unconfirmed; undefined otherwise. */
export async function replaceUnverifiedProfile(
  db: Queryable,
  id: string,
  profile: Pick<NewUser, 'nom' | 'categorie' | 'locale' | 'passwordHash'>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...profile, failedLogins: 0, lockedUntil: null })
    .where(and(eq(users.id, id), isNull(users.emailVerifiedAt)))
    .returning();
  return row;
}

/** Confirms the address once: a second confirmation of the same account finds nothing to do. */
export async function markEmailVerified(db: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ emailVerifiedAt: new Date() })
    .where(and(eq(users.id, id), isNull(users.emailVerifiedAt)))
    .returning();
  return row;
}

/**
 * Claims one password attempt before the password is checked: the attempt is counted first and
 * cleared on success, and no attempt is granted while the account is locked. The row lock of the
 * UPDATE serialises parallel attempts, so no more than `maxFailures` passwords are ever tried per
 * lock period, however many requests arrive at once. Returns undefined when the account is locked.
 */
export async function claimLoginAttempt(
  db: Queryable,
  id: string,
  maxFailures: number,
  lockMinutes: number,
): Promise<UserRow | undefined> {
  const lockExpired = sql`(${users.lockedUntil} IS NOT NULL AND ${users.lockedUntil} <= now())`;
  const attempts = sql`(CASE WHEN ${lockExpired} THEN 0 ELSE ${users.failedLogins} END + 1)`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: attempts,
      lockedUntil: sql`CASE WHEN ${attempts} >= ${maxFailures}
        THEN now() + make_interval(mins => ${lockMinutes}) ELSE NULL END`,
    })
    .where(and(eq(users.id, id), sql`(${users.lockedUntil} IS NULL OR ${lockExpired})`))
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
