import { type FicheQuery, MATURITES } from '@trame/shared';
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import {
  contratSources,
  cooperationParties,
  ficheHistorique,
  fiches,
  financements,
  memberships,
  users,
} from '../db/schema.js';

export type FicheRow = typeof fiches.$inferSelect;
export type NewFiche = typeof fiches.$inferInsert;
export type FinancementRow = typeof financements.$inferSelect;
export type HistoryRow = typeof ficheHistorique.$inferSelect;

/** Serialises numbering within one contract, so two fiches created at once never share a number. */
export async function lockNumbering(db: Queryable, contratId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`fiches:${contratId}`}))`);
}

export async function nextNumero(db: Queryable, contratId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number>`coalesce(max(${fiches.numero}), 0)::int` })
    .from(fiches)
    .where(eq(fiches.contratId, contratId));
  return (row?.max ?? 0) + 1;
}

export async function insertFiche(db: Queryable, values: NewFiche): Promise<FicheRow> {
  const [row] = await db.insert(fiches).values(values).returning();
  return row!;
}

export async function findFiche(db: Queryable, id: string): Promise<FicheRow | undefined> {
  const [row] = await db.select().from(fiches).where(eq(fiches.id, id));
  return row;
}

/**
 * Saves changes only if the fiche is still at `version` (when given), and moves it to the next
 * version; undefined means someone else saved first.
 */
export async function updateFiche(
  db: Queryable,
  id: string,
  changes: Partial<NewFiche>,
  version?: number,
): Promise<FicheRow | undefined> {
  const [row] = await db
    .update(fiches)
    .set({ ...changes, version: sql`${fiches.version} + 1`, updatedAt: new Date() })
    .where(
      version === undefined
        ? eq(fiches.id, id)
        : and(eq(fiches.id, id), eq(fiches.version, version)),
    )
    .returning();
  return row;
}

export async function deleteFiche(db: Queryable, id: string): Promise<void> {
  await db.delete(fiches).where(eq(fiches.id, id));
}

const planColumns = {
  acquis: sql<number>`coalesce(sum(${financements.montantCents}) filter (where ${financements.statut} = 'acquis'), 0)::bigint`,
  sollicite: sql<number>`coalesce(sum(${financements.montantCents}) filter (where ${financements.statut} = 'sollicite'), 0)::bigint`,
  refuse: sql<number>`coalesce(sum(${financements.montantCents}) filter (where ${financements.statut} = 'refuse'), 0)::bigint`,
};

export interface PlanTotals {
  acquis: number;
  sollicite: number;
  refuse: number;
}

const MATURITE_ORDER = sql.raw(`ARRAY[${MATURITES.map((m) => `'${m}'`).join(',')}]::text[]`);

function orderBy(sort: FicheQuery['sort']): SQL[] {
  const direction = sort.startsWith('-') ? desc : asc;
  switch (sort.replace('-', '')) {
    case 'titre':
      return [direction(sql`lower(${fiches.titre})`), asc(fiches.numero)];
    case 'cout':
      return [direction(sql`coalesce(${fiches.coutCents}, -1)`), asc(fiches.numero)];
    case 'maturite':
      return [
        direction(sql`array_position(${MATURITE_ORDER}, ${fiches.maturite})`),
        asc(fiches.numero),
      ];
    case 'maj':
      return [direction(fiches.updatedAt), asc(fiches.numero)];
    default:
      return [direction(fiches.numero)];
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The contract's fiches matching the filters, one page, with the totals of their plans. Fiches
 * shared with this contract by a coopération partner are listed too.
 */
export async function listFiches(
  db: Queryable,
  contratId: string,
  query: FicheQuery,
  publicOnly: boolean,
): Promise<{
  rows: (FicheRow & { plan: PlanTotals; porteurNom: string | null })[];
  total: number;
}> {
  const conditions: SQL[] = [
    sql`(${fiches.contratId} = ${contratId} OR ${fiches.partageAvec} @> ARRAY[${contratId}]::uuid[])`,
  ];
  if (publicOnly || query.public === 'true') conditions.push(eq(fiches.public, true));
  if (query.public === 'false' && !publicOnly) conditions.push(eq(fiches.public, false));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    const numero = /^(?:f-?)?0*(\d{1,6})$/i.exec(query.q)?.[1];
    conditions.push(
      sql`(${fiches.titre} ILIKE ${like} OR ${fiches.resume} ILIKE ${like} OR ${fiches.maitreOuvrage} ILIKE ${like}${
        numero ? sql` OR ${fiches.numero} = ${Number(numero)}` : sql``
      })`,
    );
  }
  if (query.orientation) conditions.push(eq(fiches.orientationId, query.orientation));
  if (query.maturite?.length) conditions.push(inArray(fiches.maturite, query.maturite));
  if (query.type) conditions.push(eq(fiches.type, query.type));
  if (query.porteur) {
    conditions.push(sql`${fiches.maitreOuvrage} ILIKE ${`%${escapeLike(query.porteur)}%`}`);
  }
  if (query.commune) conditions.push(sql`${fiches.communes} @> ARRAY[${query.commune}]::text[]`);
  if (query.isoDomaine) {
    conditions.push(sql`${fiches.isoDomaines} @> ARRAY[${query.isoDomaine}]::text[]`);
  }
  if (query.isoFinalite) {
    conditions.push(sql`${fiches.isoFinalites} @> ARRAY[${query.isoFinalite}]::text[]`);
  }
  if (query.source) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${financements} WHERE ${financements.ficheId} = ${fiches.id} AND ${financements.source} = ${query.source})`,
    );
  }
  const where = and(...conditions);
  // The total comes with the page (a window count), so the filters are evaluated once; only a
  // page past the end needs a count of its own.
  const page = await db
    .select({
      fiche: fiches,
      porteurNom: users.nom,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(fiches)
    .leftJoin(users, eq(users.id, fiches.porteurId))
    .where(where)
    .orderBy(...orderBy(query.sort))
    .limit(query.limit)
    .offset(query.offset);
  const total =
    page[0]?.total ??
    (query.offset === 0
      ? 0
      : ((await db.select({ total: sql<number>`count(*)::int` }).from(fiches).where(where))[0]
          ?.total ?? 0));
  const plans = await planTotals(
    db,
    page.map((row) => row.fiche.id),
  );
  return {
    rows: page.map(({ fiche, porteurNom }) => ({
      ...fiche,
      porteurNom,
      plan: plans.get(fiche.id) ?? { acquis: 0, sollicite: 0, refuse: 0 },
    })),
    total,
  };
}

/** Acquired, requested and refused totals per fiche, summed by the database. */
export async function planTotals(
  db: Queryable,
  ficheIds: string[],
): Promise<Map<string, PlanTotals>> {
  if (ficheIds.length === 0) return new Map();
  const rows = await db
    .select({ ficheId: financements.ficheId, ...planColumns })
    .from(financements)
    .where(inArray(financements.ficheId, ficheIds))
    .groupBy(financements.ficheId);
  return new Map(
    rows.map((r) => [
      r.ficheId,
      { acquis: Number(r.acquis), sollicite: Number(r.sollicite), refuse: Number(r.refuse) },
    ]),
  );
}

export function financementsOf(db: Queryable, ficheIds: string[]): Promise<FinancementRow[]> {
  if (ficheIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(financements)
    .where(inArray(financements.ficheId, ficheIds))
    .orderBy(asc(financements.annee), asc(financements.createdAt));
}

export async function insertFinancement(
  db: Queryable,
  values: typeof financements.$inferInsert,
): Promise<FinancementRow> {
  const [row] = await db.insert(financements).values(values).returning();
  return row!;
}

export async function findFinancement(
  db: Queryable,
  ficheId: string,
  id: string,
): Promise<FinancementRow | undefined> {
  const [row] = await db
    .select()
    .from(financements)
    .where(and(eq(financements.id, id), eq(financements.ficheId, ficheId)));
  return row;
}

export async function updateFinancement(
  db: Queryable,
  id: string,
  changes: Partial<typeof financements.$inferInsert>,
): Promise<void> {
  await db.update(financements).set(changes).where(eq(financements.id, id));
}

export async function deleteFinancement(db: Queryable, id: string): Promise<void> {
  await db.delete(financements).where(eq(financements.id, id));
}

export async function insertHistory(
  db: Queryable,
  entries: (typeof ficheHistorique.$inferInsert)[],
): Promise<void> {
  if (entries.length > 0) await db.insert(ficheHistorique).values(entries);
}

export function historyOf(db: Queryable, ficheId: string) {
  return db
    .select({ entry: ficheHistorique, auteurNom: users.nom })
    .from(ficheHistorique)
    .leftJoin(users, eq(users.id, ficheHistorique.userId))
    .where(eq(ficheHistorique.ficheId, ficheId))
    .orderBy(desc(ficheHistorique.at), desc(ficheHistorique.id));
}

export function sourcesOf(db: Queryable, contratId: string) {
  return db
    .select({ code: contratSources.code, libelle: contratSources.libelle })
    .from(contratSources)
    .where(eq(contratSources.contratId, contratId))
    .orderBy(asc(contratSources.libelle));
}

/** Returns false when the contract already has a source with that code. */
export async function insertSource(
  db: Queryable,
  values: typeof contratSources.$inferInsert,
): Promise<boolean> {
  const rows = await db.insert(contratSources).values(values).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** The members among `userIds`, so a porteur is always someone of the contract. */
export async function membersAmong(db: Queryable, contratId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: memberships.userId, nom: users.nom })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.contratId, contratId), inArray(memberships.userId, userIds)));
}

/** Contracts that accepted a coopération with this one: those a fiche can be shared with. */
export async function cooperationPartners(db: Queryable, contratId: string): Promise<string[]> {
  const mine = db
    .select({ id: cooperationParties.cooperationId })
    .from(cooperationParties)
    .where(
      and(eq(cooperationParties.contratId, contratId), eq(cooperationParties.statut, 'acceptee')),
    );
  const rows = await db
    .selectDistinct({ contratId: cooperationParties.contratId })
    .from(cooperationParties)
    .where(
      and(
        inArray(cooperationParties.cooperationId, mine),
        eq(cooperationParties.statut, 'acceptee'),
        ne(cooperationParties.contratId, contratId),
      ),
    );
  return rows.flatMap((row) => (row.contratId ? [row.contratId] : []));
}

export function userNames(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select({ id: users.id, nom: users.nom }).from(users).where(inArray(users.id, ids));
}

/** Every fiche of the contract (only the public ones if asked), by number: what an export holds. */
export function allFiches(db: Queryable, contratId: string, publicOnly: boolean) {
  return db
    .select()
    .from(fiches)
    .where(
      publicOnly
        ? and(eq(fiches.contratId, contratId), eq(fiches.public, true))
        : eq(fiches.contratId, contratId),
    )
    .orderBy(asc(fiches.numero));
}
