import { and, asc, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { contrats, evenements, fiches } from '../db/schema.js';
import type { FicheRow } from '../fiches/repository.js';

/**
 * The few reads the portal needs that the domain modules do not offer; everything else comes from
 * the contract, orientation and fiche modules.
 */

export async function findFicheByNumero(
  db: Queryable,
  contratId: string,
  numero: number,
): Promise<FicheRow | undefined> {
  const [row] = await db
    .select()
    .from(fiches)
    .where(and(eq(fiches.contratId, contratId), eq(fiches.numero, numero)));
  return row;
}

/**
 * The public fiches the contract's list shows (its own and those partners share with it), counted
 * per orientation (`null`: without one), in one query.
 */
export async function publicFicheCounts(
  db: Queryable,
  contratId: string,
): Promise<Map<string | null, number>> {
  const rows = await db
    .select({ orientationId: fiches.orientationId, n: count() })
    .from(fiches)
    .where(
      and(
        sql`(${fiches.contratId} = ${contratId} OR ${fiches.partageAvec} @> ARRAY[${contratId}]::uuid[])`,
        eq(fiches.public, true),
      ),
    )
    .groupBy(fiches.orientationId);
  return new Map(rows.map((row) => [row.orientationId, row.n]));
}

/** Slug, name and publication of contracts, for the fiches another contract shares. */
export function contratsByIds(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: contrats.id, slug: contrats.slug, nom: contrats.nom, publie: contrats.publie })
    .from(contrats)
    .where(inArray(contrats.id, ids));
}

/** The contract's next events from `today` (a date in France), soonest first. */
export function upcomingEvents(db: Queryable, contratId: string, today: string, limit: number) {
  return db
    .select({
      id: evenements.id,
      type: evenements.type,
      titre: evenements.titre,
      date: evenements.date,
      heure: evenements.heure,
      lieu: evenements.lieu,
    })
    .from(evenements)
    .where(and(eq(evenements.contratId, contratId), gte(evenements.date, today)))
    .orderBy(asc(evenements.date), asc(evenements.heure))
    .limit(limit);
}
