import { ID_SHAPE } from '@trame/shared';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { contratCommunes, contrats, memberships, signataires } from '../db/schema.js';

export type ContratRow = typeof contrats.$inferSelect;
export type NewContrat = typeof contrats.$inferInsert;
export type CommuneRow = typeof contratCommunes.$inferSelect;
export type SignataireRow = typeof signataires.$inferSelect;

/** Ids and slugs share the URL: anything shaped like a uuid is read as an id. */
export function looksLikeId(value: string): boolean {
  return ID_SHAPE.test(value);
}

/** A contract is addressed by its id or by its slug (the readable URL). */
export async function findContrat(
  db: Queryable,
  idOrSlug: string,
): Promise<ContratRow | undefined> {
  const where = looksLikeId(idOrSlug) ? eq(contrats.id, idOrSlug) : eq(contrats.slug, idOrSlug);
  const [row] = await db.select().from(contrats).where(where);
  return row;
}

export async function slugExists(db: Queryable, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: contrats.id }).from(contrats).where(eq(contrats.slug, slug));
  return row !== undefined;
}

/** Serialises slug choices, so two contracts created at once with one name get "x" and "x-2". */
export async function lockSlugs(db: Queryable): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('contrats:slugs'))`);
}

export async function insertContrat(db: Queryable, values: NewContrat): Promise<ContratRow> {
  const [row] = await db.insert(contrats).values(values).returning();
  return row!;
}

export async function updateContrat(
  db: Queryable,
  id: string,
  changes: Partial<NewContrat>,
): Promise<ContratRow> {
  const [row] = await db
    .update(contrats)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(contrats.id, id))
    .returning();
  return row!;
}

export async function replaceCommunes(
  db: Queryable,
  contratId: string,
  communes: Omit<CommuneRow, 'contratId'>[],
): Promise<void> {
  await db.delete(contratCommunes).where(eq(contratCommunes.contratId, contratId));
  if (communes.length > 0) {
    await db.insert(contratCommunes).values(communes.map((c) => ({ ...c, contratId })));
  }
}

export function communesOf(db: Queryable, contratId: string): Promise<CommuneRow[]> {
  return db
    .select()
    .from(contratCommunes)
    .where(eq(contratCommunes.contratId, contratId))
    .orderBy(asc(contratCommunes.nom));
}

export function signatairesOf(db: Queryable, contratId: string): Promise<SignataireRow[]> {
  return db
    .select()
    .from(signataires)
    .where(eq(signataires.contratId, contratId))
    .orderBy(asc(signataires.createdAt));
}

export async function roleOf(
  db: Queryable,
  contratId: string,
  userId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.contratId, contratId), eq(memberships.userId, userId)));
  return row?.role;
}

export interface ContratListRow {
  contrat: ContratRow;
  role: string;
  population: number;
  nombreCommunes: number;
}

/** The contracts a person is a member of, with the perimeter's size. */
export async function contratsOfUser(db: Queryable, userId: string): Promise<ContratListRow[]> {
  const rows = await db
    .select({ contrat: contrats, role: memberships.role })
    .from(memberships)
    .innerJoin(contrats, eq(contrats.id, memberships.contratId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(contrats.nom));
  const sizes = await perimeterSizes(
    db,
    rows.map((r) => r.contrat.id),
  );
  return rows.map((r) => ({
    ...r,
    population: sizes.get(r.contrat.id)?.population ?? 0,
    nombreCommunes: sizes.get(r.contrat.id)?.communes ?? 0,
  }));
}

async function perimeterSizes(db: Queryable, contratIds: string[]) {
  const sizes = new Map<string, { population: number; communes: number }>();
  if (contratIds.length === 0) return sizes;
  const rows = await db
    .select({
      contratId: contratCommunes.contratId,
      population: sql<string>`coalesce(sum(${contratCommunes.population}), 0)`,
      communes: count(),
    })
    .from(contratCommunes)
    .where(inArray(contratCommunes.contratId, contratIds))
    .groupBy(contratCommunes.contratId);
  for (const row of rows) {
    sizes.set(row.contratId, { population: Number(row.population), communes: row.communes });
  }
  return sizes;
}

type SignataireFields = Omit<typeof signataires.$inferInsert, 'id' | 'contratId' | 'createdAt'>;

export async function insertSignataire(
  db: Queryable,
  contratId: string,
  values: SignataireFields,
): Promise<SignataireRow> {
  const [row] = await db
    .insert(signataires)
    .values({ ...values, contratId })
    .returning();
  return row!;
}

export async function updateSignataire(
  db: Queryable,
  contratId: string,
  id: string,
  changes: Partial<SignataireFields>,
): Promise<SignataireRow | undefined> {
  const where = and(eq(signataires.contratId, contratId), eq(signataires.id, id));
  const [row] = Object.keys(changes).length
    ? await db.update(signataires).set(changes).where(where).returning()
    : await db.select().from(signataires).where(where);
  return row;
}

export async function deleteSignataire(
  db: Queryable,
  contratId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .delete(signataires)
    .where(and(eq(signataires.contratId, contratId), eq(signataires.id, id)))
    .returning({ id: signataires.id });
  return rows.length > 0;
}
