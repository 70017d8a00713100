import { and, asc, eq, gt, gte, lt, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { objectifs, orientations } from '../db/schema.js';

export type OrientationRow = typeof orientations.$inferSelect;
export type ObjectifRow = typeof objectifs.$inferSelect;

export function orientationsOf(db: Queryable, contratId: string): Promise<OrientationRow[]> {
  return db
    .select()
    .from(orientations)
    .where(eq(orientations.contratId, contratId))
    .orderBy(asc(orientations.numero));
}

export function objectifsOf(db: Queryable, contratId: string): Promise<ObjectifRow[]> {
  return db
    .select()
    .from(objectifs)
    .where(eq(objectifs.contratId, contratId))
    .orderBy(asc(objectifs.numero));
}

export async function findOrientation(
  db: Queryable,
  contratId: string,
  id: string,
): Promise<OrientationRow | undefined> {
  const [row] = await db
    .select()
    .from(orientations)
    .where(and(eq(orientations.contratId, contratId), eq(orientations.id, id)));
  return row;
}

export async function findObjectif(
  db: Queryable,
  contratId: string,
  id: string,
): Promise<ObjectifRow | undefined> {
  const [row] = await db
    .select()
    .from(objectifs)
    .where(and(eq(objectifs.contratId, contratId), eq(objectifs.id, id)));
  return row;
}

/** Serialises numbering within one contract, so two people adding at once get 3 and 4, not 3 twice. */
export async function lockContratNumbering(db: Queryable, contratId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`numbering:${contratId}`}))`);
}

export async function nextOrientationNumero(db: Queryable, contratId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${orientations.numero})` })
    .from(orientations)
    .where(eq(orientations.contratId, contratId));
  return (row?.max ?? 0) + 1;
}

export async function nextObjectifNumero(db: Queryable, orientationId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${objectifs.numero})` })
    .from(objectifs)
    .where(eq(objectifs.orientationId, orientationId));
  return (row?.max ?? 0) + 1;
}

export async function insertOrientation(
  db: Queryable,
  values: typeof orientations.$inferInsert,
): Promise<OrientationRow> {
  const [row] = await db.insert(orientations).values(values).returning();
  return row!;
}

export async function insertObjectif(
  db: Queryable,
  values: typeof objectifs.$inferInsert,
): Promise<ObjectifRow> {
  const [row] = await db.insert(objectifs).values(values).returning();
  return row!;
}

export async function updateOrientation(
  db: Queryable,
  id: string,
  changes: Partial<Pick<OrientationRow, 'titre' | 'description' | 'numero'>>,
): Promise<OrientationRow> {
  const [row] = await db
    .update(orientations)
    .set(changes)
    .where(eq(orientations.id, id))
    .returning();
  return row!;
}

export async function updateObjectif(
  db: Queryable,
  id: string,
  changes: Partial<Pick<ObjectifRow, 'titre' | 'description' | 'numero'>>,
): Promise<ObjectifRow> {
  const [row] = await db.update(objectifs).set(changes).where(eq(objectifs.id, id)).returning();
  return row!;
}

/**
 * Moves an orientation from position `from` to `to` (1-based), shifting those in between, so the
 * numbering stays 1..n without holes or duplicates.
 */
export async function moveOrientation(
  db: Queryable,
  contratId: string,
  id: string,
  from: number,
  to: number,
): Promise<void> {
  if (from === to) return;
  const inContrat = eq(orientations.contratId, contratId);
  if (to < from) {
    await db
      .update(orientations)
      .set({ numero: sql`${orientations.numero} + 1` })
      .where(and(inContrat, gte(orientations.numero, to), lt(orientations.numero, from)));
  } else {
    await db
      .update(orientations)
      .set({ numero: sql`${orientations.numero} - 1` })
      .where(and(inContrat, gt(orientations.numero, from), lte(orientations.numero, to)));
  }
  await db.update(orientations).set({ numero: to }).where(eq(orientations.id, id));
}

export async function moveObjectif(
  db: Queryable,
  orientationId: string,
  id: string,
  from: number,
  to: number,
): Promise<void> {
  if (from === to) return;
  const inOrientation = eq(objectifs.orientationId, orientationId);
  if (to < from) {
    await db
      .update(objectifs)
      .set({ numero: sql`${objectifs.numero} + 1` })
      .where(and(inOrientation, gte(objectifs.numero, to), lt(objectifs.numero, from)));
  } else {
    await db
      .update(objectifs)
      .set({ numero: sql`${objectifs.numero} - 1` })
      .where(and(inOrientation, gt(objectifs.numero, from), lte(objectifs.numero, to)));
  }
  await db.update(objectifs).set({ numero: to }).where(eq(objectifs.id, id));
}

export async function deleteOrientation(db: Queryable, contratId: string, row: OrientationRow) {
  await db.delete(orientations).where(eq(orientations.id, row.id));
  await db
    .update(orientations)
    .set({ numero: sql`${orientations.numero} - 1` })
    .where(and(eq(orientations.contratId, contratId), gt(orientations.numero, row.numero)));
}

export async function deleteObjectif(db: Queryable, row: ObjectifRow) {
  await db.delete(objectifs).where(eq(objectifs.id, row.id));
  await db
    .update(objectifs)
    .set({ numero: sql`${objectifs.numero} - 1` })
    .where(and(eq(objectifs.orientationId, row.orientationId), gt(objectifs.numero, row.numero)));
}
