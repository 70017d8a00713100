import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { invitations, memberships, users } from '../db/schema.js';

export type MembershipRow = typeof memberships.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export function membresOf(db: Queryable, contratId: string) {
  return db
    .select({ membership: memberships, nom: users.nom, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.contratId, contratId))
    .orderBy(asc(users.nom));
}

export async function findMembre(db: Queryable, contratId: string, userId: string) {
  const [row] = await db
    .select({ membership: memberships, nom: users.nom, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.contratId, contratId), eq(memberships.userId, userId)));
  return row;
}

/** Membership changes of one contract run one at a time, so "keep one animateur" cannot race. */
export async function lockMemberships(db: Queryable, contratId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`memberships:${contratId}`}))`);
}

export async function countAnimateurs(db: Queryable, contratId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.contratId, contratId), eq(memberships.role, 'animateur')));
  return row?.n ?? 0;
}

export async function insertMembership(
  db: Queryable,
  values: typeof memberships.$inferInsert,
): Promise<boolean> {
  const rows = await db.insert(memberships).values(values).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function updateMembership(
  db: Queryable,
  contratId: string,
  userId: string,
  changes: Partial<Pick<MembershipRow, 'role' | 'categorie'>>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db
    .update(memberships)
    .set(changes)
    .where(and(eq(memberships.contratId, contratId), eq(memberships.userId, userId)));
}

export async function deleteMembership(
  db: Queryable,
  contratId: string,
  userId: string,
): Promise<void> {
  await db
    .delete(memberships)
    .where(and(eq(memberships.contratId, contratId), eq(memberships.userId, userId)));
}

export function pendingInvitationsOf(db: Queryable, contratId: string) {
  return db
    .select({ invitation: invitations, invitePar: users.nom })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.contratId, contratId),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(asc(invitations.createdAt));
}

/** A new invitation to the same address replaces the pending one (new role, new link). */
export async function replaceInvitation(
  db: Queryable,
  values: typeof invitations.$inferInsert,
): Promise<InvitationRow> {
  await db
    .delete(invitations)
    .where(
      and(
        eq(invitations.contratId, values.contratId),
        eq(invitations.email, values.email),
        isNull(invitations.acceptedAt),
      ),
    );
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

export async function deleteInvitation(
  db: Queryable,
  contratId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .delete(invitations)
    .where(
      and(
        eq(invitations.contratId, contratId),
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}

export async function findUsableInvitation(db: Queryable, tokenHash: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  return row;
}

export async function markInvitationAccepted(db: Queryable, id: string): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}
