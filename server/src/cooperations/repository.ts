import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { contrats, cooperationParties, cooperations, memberships } from '../db/schema.js';

export type CooperationRow = typeof cooperations.$inferSelect;
export type PartyRow = typeof cooperationParties.$inferSelect;
export interface PartyWithContrat {
  party: PartyRow;
  contratNom: string | null;
  contratSlug: string | null;
  contratPublie: boolean | null;
}
export interface CooperationWithParties {
  cooperation: CooperationRow;
  parties: PartyWithContrat[];
}

async function withParties(
  db: Queryable,
  rows: CooperationRow[],
): Promise<CooperationWithParties[]> {
  if (rows.length === 0) return [];
  const parties = await db
    .select({
      party: cooperationParties,
      contratNom: contrats.nom,
      contratSlug: contrats.slug,
      contratPublie: contrats.publie,
    })
    .from(cooperationParties)
    .leftJoin(contrats, eq(contrats.id, cooperationParties.contratId))
    .where(
      inArray(
        cooperationParties.cooperationId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(cooperationParties.ordre));
  return rows.map((cooperation) => ({
    cooperation,
    parties: parties.filter((p) => p.party.cooperationId === cooperation.id),
  }));
}

/** Coopérations the contract takes part in, as initiator or as a named partner. */
export async function cooperationsOf(
  db: Queryable,
  contratId: string,
): Promise<CooperationWithParties[]> {
  const involved = db
    .select({ id: cooperationParties.cooperationId })
    .from(cooperationParties)
    .where(eq(cooperationParties.contratId, contratId));
  const rows = await db
    .select()
    .from(cooperations)
    .where(inArray(cooperations.id, involved))
    .orderBy(asc(cooperations.createdAt));
  return withParties(db, rows);
}

export async function findCooperation(
  db: Queryable,
  contratId: string,
  id: string,
): Promise<CooperationWithParties | undefined> {
  const found = await withParties(
    db,
    await db.select().from(cooperations).where(eq(cooperations.id, id)),
  );
  const cooperation = found[0];
  if (!cooperation?.parties.some((p) => p.party.contratId === contratId)) return undefined;
  return cooperation;
}

/**
 * The contracts named by id or slug that exist, as `id or slug → id`. A slug is guessable, so it
 * names only a published contract or one the caller is a member of: otherwise anyone able to
 * propose a coopération could learn the name of a contract still in preparation. An id is an
 * unguessable capability, handed over by the partner's animateur, so it resolves any contract.
 */
export async function resolveContrats(
  db: Queryable,
  refs: { ids: string[]; slugs: string[] },
  callerId: string,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (refs.ids.length > 0) {
    const rows = await db
      .select({ id: contrats.id })
      .from(contrats)
      .where(inArray(contrats.id, refs.ids));
    for (const row of rows) found.set(row.id, row.id);
  }
  if (refs.slugs.length > 0) {
    const callerContrats = db
      .select({ id: memberships.contratId })
      .from(memberships)
      .where(eq(memberships.userId, callerId));
    const rows = await db
      .select({ id: contrats.id, slug: contrats.slug })
      .from(contrats)
      .where(
        and(
          inArray(contrats.slug, refs.slugs),
          or(eq(contrats.publie, true), inArray(contrats.id, callerContrats)),
        ),
      );
    for (const row of rows) found.set(row.slug, row.id);
  }
  return found;
}

export async function insertCooperation(
  db: Queryable,
  values: typeof cooperations.$inferInsert,
  parties: Omit<typeof cooperationParties.$inferInsert, 'cooperationId'>[],
): Promise<string> {
  const [row] = await db.insert(cooperations).values(values).returning({ id: cooperations.id });
  await db
    .insert(cooperationParties)
    .values(parties.map((p) => ({ ...p, cooperationId: row!.id })));
  return row!.id;
}

export async function updateCooperation(
  db: Queryable,
  id: string,
  changes: Partial<Pick<CooperationRow, 'nom' | 'type' | 'description'>>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.update(cooperations).set(changes).where(eq(cooperations.id, id));
}

export async function deleteCooperation(db: Queryable, id: string): Promise<void> {
  await db.delete(cooperations).where(eq(cooperations.id, id));
}

export async function acceptParty(
  db: Queryable,
  cooperationId: string,
  contratId: string,
): Promise<void> {
  await db
    .update(cooperationParties)
    .set({ statut: 'acceptee' })
    .where(
      and(
        eq(cooperationParties.cooperationId, cooperationId),
        eq(cooperationParties.contratId, contratId),
      ),
    );
}

export async function removeParty(
  db: Queryable,
  cooperationId: string,
  contratId: string,
): Promise<void> {
  await db
    .delete(cooperationParties)
    .where(
      and(
        eq(cooperationParties.cooperationId, cooperationId),
        eq(cooperationParties.contratId, contratId),
      ),
    );
}
