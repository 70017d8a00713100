import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import {
  contributions,
  evenements,
  memberships,
  phases,
  presences,
  presencesComptees,
  users,
} from '../db/schema.js';

export type PhaseRow = typeof phases.$inferSelect;
export type EvenementRow = typeof evenements.$inferSelect;
export type PresenceRow = typeof presences.$inferSelect;
export type ComptageRow = typeof presencesComptees.$inferSelect;
export type NewContribution = typeof contributions.$inferInsert;

// ── phases ──

/** Serialises changes to a contract's phases: order, the phase set by hand, events moving in. */
export async function lockPhases(db: Queryable, contratId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`phases:${contratId}`}))`);
}

export function phasesOf(db: Queryable, contratId: string): Promise<PhaseRow[]> {
  return db.select().from(phases).where(eq(phases.contratId, contratId)).orderBy(asc(phases.ordre));
}

export async function findPhase(
  db: Queryable,
  contratId: string,
  id: string,
): Promise<PhaseRow | undefined> {
  const [row] = await db
    .select()
    .from(phases)
    .where(and(eq(phases.contratId, contratId), eq(phases.id, id)));
  return row;
}

export async function nextPhaseOrdre(db: Queryable, contratId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${phases.ordre})` })
    .from(phases)
    .where(eq(phases.contratId, contratId));
  return (row?.max ?? 0) + 1;
}

export async function insertPhase(
  db: Queryable,
  values: typeof phases.$inferInsert,
): Promise<PhaseRow> {
  const [row] = await db.insert(phases).values(values).returning();
  return row!;
}

export async function updatePhase(
  db: Queryable,
  id: string,
  changes: Partial<Omit<PhaseRow, 'id' | 'contratId' | 'createdAt'>>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.update(phases).set(changes).where(eq(phases.id, id));
}

/** Moves a phase from position `from` to `to` (1-based), keeping the order 1..n without holes. */
export async function movePhase(
  db: Queryable,
  contratId: string,
  id: string,
  from: number,
  to: number,
): Promise<void> {
  if (from === to) return;
  const inContrat = eq(phases.contratId, contratId);
  if (to < from) {
    await db
      .update(phases)
      .set({ ordre: sql`${phases.ordre} + 1` })
      .where(and(inContrat, gte(phases.ordre, to), lt(phases.ordre, from)));
  } else {
    await db
      .update(phases)
      .set({ ordre: sql`${phases.ordre} - 1` })
      .where(and(inContrat, gt(phases.ordre, from), lte(phases.ordre, to)));
  }
  await db.update(phases).set({ ordre: to }).where(eq(phases.id, id));
}

export async function deletePhase(db: Queryable, row: PhaseRow): Promise<void> {
  await db.delete(phases).where(eq(phases.id, row.id));
  await db
    .update(phases)
    .set({ ordre: sql`${phases.ordre} - 1` })
    .where(and(eq(phases.contratId, row.contratId), gt(phases.ordre, row.ordre)));
}

/** Sets (or, with null, clears) the phase the animateur chose as current. */
export async function setManualPhase(
  db: Queryable,
  contratId: string,
  phaseId: string | null,
): Promise<void> {
  // Two statements: the unique index allows one manual phase per contract at every row written.
  await db
    .update(phases)
    .set({ couranteManuelle: false })
    .where(and(eq(phases.contratId, contratId), eq(phases.couranteManuelle, true)));
  if (phaseId) {
    await db.update(phases).set({ couranteManuelle: true }).where(eq(phases.id, phaseId));
  }
}

export async function eventCountsByPhase(
  db: Queryable,
  contratId: string,
): Promise<{ phaseId: string; nombre: number }[]> {
  return db
    .select({ phaseId: evenements.phaseId, nombre: count() })
    .from(evenements)
    .where(eq(evenements.contratId, contratId))
    .groupBy(evenements.phaseId);
}

// ── événements ──

export interface EvenementWithCounts {
  evenement: EvenementRow;
  nommes: number;
  comptes: number;
}

/** Events with their attendance counted: named participants and people counted per category. */
function evenementsWithCounts(db: Queryable) {
  const named = db
    .select({ evenementId: presences.evenementId, nombre: count().as('nommes') })
    .from(presences)
    .groupBy(presences.evenementId)
    .as('named');
  const counted = db
    .select({
      evenementId: presencesComptees.evenementId,
      nombre: sql<number>`sum(${presencesComptees.nombre})::int`.as('comptes'),
    })
    .from(presencesComptees)
    .groupBy(presencesComptees.evenementId)
    .as('counted');
  return db
    .select({
      evenement: evenements,
      nommes: sql<number>`coalesce(${named.nombre}, 0)::int`,
      comptes: sql<number>`coalesce(${counted.nombre}, 0)::int`,
    })
    .from(evenements)
    .leftJoin(named, eq(named.evenementId, evenements.id))
    .leftJoin(counted, eq(counted.evenementId, evenements.id));
}

export function evenementsOf(
  db: Queryable,
  contratId: string,
  filter: { periode: 'tous' | 'a_venir' | 'passes'; phaseId?: string; today: string },
): Promise<EvenementWithCounts[]> {
  const conditions = [eq(evenements.contratId, contratId)];
  if (filter.phaseId) conditions.push(eq(evenements.phaseId, filter.phaseId));
  if (filter.periode === 'a_venir') conditions.push(gte(evenements.date, filter.today));
  if (filter.periode === 'passes') conditions.push(lt(evenements.date, filter.today));
  // Past events most recent first; otherwise the calendar order.
  const byDate = filter.periode === 'passes' ? desc : asc;
  return evenementsWithCounts(db)
    .where(and(...conditions))
    .orderBy(byDate(evenements.date), byDate(evenements.heure), asc(evenements.createdAt));
}

export async function findEvenement(
  db: Queryable,
  contratId: string,
  id: string,
): Promise<EvenementWithCounts | undefined> {
  const [row] = await evenementsWithCounts(db).where(
    and(eq(evenements.contratId, contratId), eq(evenements.id, id)),
  );
  return row;
}

export async function insertEvenement(
  db: Queryable,
  values: typeof evenements.$inferInsert,
): Promise<EvenementRow> {
  const [row] = await db.insert(evenements).values(values).returning();
  return row!;
}

export async function updateEvenement(
  db: Queryable,
  id: string,
  changes: Partial<Omit<EvenementRow, 'id' | 'contratId' | 'createdAt' | 'createdBy'>>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.update(evenements).set(changes).where(eq(evenements.id, id));
}

export async function deleteEvenement(db: Queryable, id: string): Promise<void> {
  await db.delete(evenements).where(eq(evenements.id, id));
}

export function presencesOf(db: Queryable, evenementId: string): Promise<PresenceRow[]> {
  return db
    .select()
    .from(presences)
    .where(eq(presences.evenementId, evenementId))
    .orderBy(asc(presences.ordre));
}

export function comptagesOf(db: Queryable, evenementId: string): Promise<ComptageRow[]> {
  return db.select().from(presencesComptees).where(eq(presencesComptees.evenementId, evenementId));
}

export async function replacePresences(
  db: Queryable,
  evenementId: string,
  named: Omit<typeof presences.$inferInsert, 'evenementId' | 'id'>[],
  counted: Omit<ComptageRow, 'evenementId'>[],
): Promise<void> {
  await db.delete(presences).where(eq(presences.evenementId, evenementId));
  await db.delete(presencesComptees).where(eq(presencesComptees.evenementId, evenementId));
  if (named.length > 0) {
    await db.insert(presences).values(named.map((p) => ({ ...p, evenementId })));
  }
  if (counted.length > 0) {
    await db.insert(presencesComptees).values(counted.map((c) => ({ ...c, evenementId })));
  }
}

/** Members of the contract among `userIds`, with their name and their category in it. */
export function membersAmong(db: Queryable, contratId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .select({ userId: memberships.userId, nom: users.nom, categorie: memberships.categorie })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.contratId, contratId), inArray(memberships.userId, userIds)));
}

// ── contributions ──

/** A person's category in the contract, or their own when they are not a member. */
export async function categorieOf(
  db: Queryable,
  contratId: string,
  userId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ categorie: sql<string>`coalesce(${memberships.categorie}, ${users.categorie})` })
    .from(users)
    .leftJoin(
      memberships,
      and(eq(memberships.userId, users.id), eq(memberships.contratId, contratId)),
    )
    .where(eq(users.id, userId));
  return row?.categorie;
}

export async function insertContribution(
  db: Queryable,
  values: NewContribution,
): Promise<typeof contributions.$inferSelect> {
  const [row] = await db.insert(contributions).values(values).returning();
  return row!;
}

// ── the report ──

export function contributionCounts(db: Queryable, contratId: string) {
  return db
    .select({
      phaseId: contributions.phaseId,
      categorie: contributions.categorie,
      type: contributions.type,
      nombre: count(),
    })
    .from(contributions)
    .where(eq(contributions.contratId, contratId))
    .groupBy(contributions.phaseId, contributions.categorie, contributions.type);
}

/** Everyone who took part, once per phase and category: contributors, then named participants. */
export async function participantsOf(db: Queryable, contratId: string) {
  const contributors = await db
    .selectDistinct({
      phaseId: contributions.phaseId,
      categorie: contributions.categorie,
      userId: contributions.userId,
    })
    .from(contributions)
    .where(and(eq(contributions.contratId, contratId), isNotNull(contributions.userId)));
  const attendees = await db
    .selectDistinct({
      phaseId: evenements.phaseId,
      categorie: presences.categorie,
      userId: presences.userId,
      nom: presences.nom,
    })
    .from(presences)
    .innerJoin(evenements, eq(evenements.id, presences.evenementId))
    .where(eq(evenements.contratId, contratId));
  return { contributors, attendees };
}

export async function attendanceCounts(db: Queryable, contratId: string) {
  const named = await db
    .select({ phaseId: evenements.phaseId, categorie: presences.categorie, nombre: count() })
    .from(presences)
    .innerJoin(evenements, eq(evenements.id, presences.evenementId))
    .where(eq(evenements.contratId, contratId))
    .groupBy(evenements.phaseId, presences.categorie);
  const counted = await db
    .select({
      phaseId: evenements.phaseId,
      categorie: presencesComptees.categorie,
      nombre: sql<number>`sum(${presencesComptees.nombre})::int`,
    })
    .from(presencesComptees)
    .innerJoin(evenements, eq(evenements.id, presencesComptees.evenementId))
    .where(eq(evenements.contratId, contratId))
    .groupBy(evenements.phaseId, presencesComptees.categorie);
  return { named, counted };
}
