import type { PropositionQuery } from '@trame/shared';
import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/database.js';
import { fiches, propositionHistorique, propositions, users } from '../db/schema.js';

export type PropositionRow = typeof propositions.$inferSelect;
export type NewProposition = typeof propositions.$inferInsert;

/** A proposal with the names and the fiche it points to, as the views need them. */
export interface PropositionListRow extends PropositionRow {
  auteurNom: string | null;
  decideeParNom: string | null;
  modereParNom: string | null;
  ficheNumero: number | null;
  fichePublic: boolean | null;
}

/** Who may see what: everything (a moderator), or the published ones plus one's own. */
export interface Visibility {
  moderateur: boolean;
  userId: string | null;
}

/** Serialises numbering within one contract, so two proposals deposited at once never share one. */
export async function lockNumbering(db: Queryable, contratId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`propositions:${contratId}`}))`);
}

export async function nextNumero(db: Queryable, contratId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number>`coalesce(max(${propositions.numero}), 0)::int` })
    .from(propositions)
    .where(eq(propositions.contratId, contratId));
  return (row?.max ?? 0) + 1;
}

export async function insertProposition(
  db: Queryable,
  values: NewProposition,
): Promise<PropositionRow> {
  const [row] = await db.insert(propositions).values(values).returning();
  return row!;
}

/** The proposal of that contract, locked until the end of the transaction when `forUpdate`. */
export async function findProposition(
  db: Queryable,
  contratId: string,
  id: string,
  forUpdate = false,
): Promise<PropositionRow | undefined> {
  const query = db
    .select()
    .from(propositions)
    .where(and(eq(propositions.contratId, contratId), eq(propositions.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateProposition(
  db: Queryable,
  id: string,
  changes: Partial<NewProposition>,
): Promise<PropositionRow> {
  const [row] = await db
    .update(propositions)
    .set({ ...changes, version: sql`${propositions.version} + 1`, updatedAt: new Date() })
    .where(eq(propositions.id, id))
    .returning();
  return row!;
}

export async function insertHistory(
  db: Queryable,
  entry: typeof propositionHistorique.$inferInsert,
): Promise<void> {
  await db.insert(propositionHistorique).values(entry);
}

export function historyOf(db: Queryable, propositionId: string) {
  return db
    .select({ entry: propositionHistorique, auteurNom: users.nom })
    .from(propositionHistorique)
    .leftJoin(users, eq(users.id, propositionHistorique.userId))
    .where(eq(propositionHistorique.propositionId, propositionId))
    .orderBy(asc(propositionHistorique.createdAt), asc(propositionHistorique.id));
}

function visibleTo(visibility: Visibility): SQL | undefined {
  if (visibility.moderateur) return undefined;
  const published = eq(propositions.publication, 'publiee');
  return visibility.userId === null
    ? published
    : or(published, eq(propositions.auteurId, visibility.userId));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const auteur = alias(users, 'auteur');
const decideur = alias(users, 'decideur');
const moderateur = alias(users, 'moderateur');

/** The selection every view reads: the proposal, its people's names and its fiche. */
function selectViews(db: Queryable) {
  return db
    .select({
      proposition: propositions,
      auteurNom: auteur.nom,
      decideeParNom: decideur.nom,
      modereParNom: moderateur.nom,
      ficheNumero: fiches.numero,
      fichePublic: fiches.public,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(propositions)
    .leftJoin(auteur, eq(auteur.id, propositions.auteurId))
    .leftJoin(decideur, eq(decideur.id, propositions.decideePar))
    .leftJoin(moderateur, eq(moderateur.id, propositions.moderePar))
    .leftJoin(fiches, eq(fiches.id, propositions.ficheId));
}

type ViewRow = Awaited<ReturnType<typeof selectViews>>[number];

function toListRow(row: ViewRow): PropositionListRow {
  return {
    ...row.proposition,
    auteurNom: row.auteurNom,
    decideeParNom: row.decideeParNom,
    modereParNom: row.modereParNom,
    ficheNumero: row.ficheNumero,
    fichePublic: row.fichePublic,
  };
}

/** One page of the contract's proposals the caller may see, newest first, with the total. */
export async function listPropositions(
  db: Queryable,
  contratId: string,
  query: PropositionQuery,
  visibility: Visibility,
): Promise<{ rows: PropositionListRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [
    eq(propositions.contratId, contratId),
    visibleTo(visibility),
  ];
  if (query.statut?.length) conditions.push(inArray(propositions.statut, query.statut));
  if (query.publication?.length) {
    conditions.push(inArray(propositions.publication, query.publication));
  }
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    const numero = /^(?:p-?)?0*(\d{1,6})$/i.exec(query.q)?.[1];
    conditions.push(
      sql`(${propositions.titre} ILIKE ${like} OR ${propositions.porteur} ILIKE ${like}${
        numero ? sql` OR ${propositions.numero} = ${Number(numero)}` : sql``
      })`,
    );
  }
  const where = and(...conditions);
  const page = await selectViews(db)
    .where(where)
    .orderBy(desc(propositions.numero))
    .limit(query.limit)
    .offset(query.offset);
  // The total comes with the page (a window count); only a page past the end counts again.
  const total =
    page[0]?.total ??
    (query.offset === 0
      ? 0
      : ((await db.select({ total: sql<number>`count(*)::int` }).from(propositions).where(where))[0]
          ?.total ?? 0));
  return { rows: page.map(toListRow), total };
}

/** One proposal with the names and fiche its view needs. */
export async function findView(
  db: Queryable,
  contratId: string,
  where: { id: string } | { numero: number },
): Promise<PropositionListRow | undefined> {
  const [row] = await selectViews(db).where(
    and(
      eq(propositions.contratId, contratId),
      'id' in where ? eq(propositions.id, where.id) : eq(propositions.numero, where.numero),
    ),
  );
  return row && toListRow(row);
}
