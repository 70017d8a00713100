import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { contratsLies } from '../db/schema.js';

export type ContratLieRow = typeof contratsLies.$inferSelect;
export type NewContratLie = typeof contratsLies.$inferInsert;

export function contratsLiesOf(db: Queryable, contratId: string): Promise<ContratLieRow[]> {
  return db
    .select()
    .from(contratsLies)
    .where(eq(contratsLies.contratId, contratId))
    .orderBy(asc(contratsLies.createdAt));
}

export async function insertContratLie(
  db: Queryable,
  values: NewContratLie,
): Promise<ContratLieRow> {
  const [row] = await db.insert(contratsLies).values(values).returning();
  return row!;
}

export async function updateContratLie(
  db: Queryable,
  contratId: string,
  id: string,
  changes: Partial<NewContratLie>,
): Promise<ContratLieRow | undefined> {
  const where = and(eq(contratsLies.contratId, contratId), eq(contratsLies.id, id));
  if (Object.keys(changes).length === 0) {
    const [row] = await db.select().from(contratsLies).where(where);
    return row;
  }
  const [row] = await db.update(contratsLies).set(changes).where(where).returning();
  return row;
}

export async function deleteContratLie(
  db: Queryable,
  contratId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .delete(contratsLies)
    .where(and(eq(contratsLies.contratId, contratId), eq(contratsLies.id, id)))
    .returning({ id: contratsLies.id });
  return rows.length > 0;
}
