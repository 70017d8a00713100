import type { MaquetteData } from '@trame/shared';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { fiches, financements, maquetteVersions, orientations, users } from '../db/schema.js';

export type VersionRow = typeof maquetteVersions.$inferSelect;

/**
 * What a maquette is computed from: the contract's fiches still alive (not abandoned) and their
 * financing lines of the year that are acquired or requested. Served by the
 * (annee, fiche_id) index on financements and the (contrat_id, …) indexes on fiches.
 */
export async function maquetteInputs(db: Queryable, contratId: string, annee: number) {
  const lines = await db
    .select({
      ficheId: financements.ficheId,
      source: financements.source,
      montantCents: sql<number>`sum(${financements.montantCents})::bigint`,
    })
    .from(financements)
    .innerJoin(fiches, eq(fiches.id, financements.ficheId))
    .where(
      and(
        eq(fiches.contratId, contratId),
        ne(fiches.maturite, 'abandonnee'),
        eq(financements.annee, annee),
        ne(financements.statut, 'refuse'),
      ),
    )
    .groupBy(financements.ficheId, financements.source);
  // Only the fiches that have an amount this year become rows: no need to read the others.
  const financed = db
    .selectDistinct({ id: financements.ficheId })
    .from(financements)
    .where(and(eq(financements.annee, annee), ne(financements.statut, 'refuse')));
  const rows = await db
    .select({
      ficheId: fiches.id,
      numero: fiches.numero,
      titre: fiches.titre,
      maitreOuvrage: fiches.maitreOuvrage,
      orientationId: fiches.orientationId,
    })
    .from(fiches)
    .where(
      and(
        eq(fiches.contratId, contratId),
        ne(fiches.maturite, 'abandonnee'),
        inArray(fiches.id, financed),
      ),
    );
  const axes = await db
    .select({ id: orientations.id, numero: orientations.numero, titre: orientations.titre })
    .from(orientations)
    .where(eq(orientations.contratId, contratId));
  return {
    fiches: rows,
    lines: lines.map((line) => ({ ...line, montantCents: Number(line.montantCents) })),
    orientations: axes,
  };
}

/** Years that have at least one financing line in the contract. */
export async function yearsWithFinancing(db: Queryable, contratId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ annee: financements.annee })
    .from(financements)
    .innerJoin(fiches, eq(fiches.id, financements.ficheId))
    .where(eq(fiches.contratId, contratId))
    .orderBy(asc(financements.annee));
  return rows.map((row) => row.annee);
}

export async function insertVersion(
  db: Queryable,
  values: Omit<typeof maquetteVersions.$inferInsert, 'donnees'> & { donnees: MaquetteData },
): Promise<VersionRow> {
  const [row] = await db.insert(maquetteVersions).values(values).returning();
  return row!;
}

export function versionsOf(db: Queryable, contratId: string, annee?: number) {
  return db
    .select({ version: maquetteVersions, auteurNom: users.nom })
    .from(maquetteVersions)
    .leftJoin(users, eq(users.id, maquetteVersions.validePar))
    .where(
      annee === undefined
        ? eq(maquetteVersions.contratId, contratId)
        : and(eq(maquetteVersions.contratId, contratId), eq(maquetteVersions.annee, annee)),
    )
    .orderBy(desc(maquetteVersions.valideeLe), desc(maquetteVersions.createdAt));
}

export async function findVersion(db: Queryable, contratId: string, annee: number, id: string) {
  const [row] = await db
    .select({ version: maquetteVersions, auteurNom: users.nom })
    .from(maquetteVersions)
    .leftJoin(users, eq(users.id, maquetteVersions.validePar))
    .where(
      and(
        eq(maquetteVersions.id, id),
        eq(maquetteVersions.contratId, contratId),
        eq(maquetteVersions.annee, annee),
      ),
    );
  return row;
}
