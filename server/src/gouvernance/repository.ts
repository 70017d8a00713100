import { and, arrayContains, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import {
  avenants,
  decisions,
  documentVersions,
  fiches,
  instanceMembres,
  instances,
  maquetteVersions,
  memberships,
  ordreDuJour,
  propositions,
  seances,
  users,
} from '../db/schema.js';

export type InstanceRow = typeof instances.$inferSelect;
export type InstanceMembreRow = typeof instanceMembres.$inferSelect;
export type SeanceRow = typeof seances.$inferSelect;
export type PointRow = typeof ordreDuJour.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;
export type NewDecision = typeof decisions.$inferInsert;
export type AvenantRow = typeof avenants.$inferSelect;

// ── instances ──

export function instancesOf(db: Queryable, contratId: string): Promise<InstanceRow[]> {
  return db
    .select()
    .from(instances)
    .where(eq(instances.contratId, contratId))
    .orderBy(asc(instances.createdAt));
}

export async function findInstance(
  db: Queryable,
  contratId: string,
  id: string,
): Promise<InstanceRow | undefined> {
  const [row] = await db
    .select()
    .from(instances)
    .where(and(eq(instances.contratId, contratId), eq(instances.id, id)));
  return row;
}

export async function insertInstance(
  db: Queryable,
  values: typeof instances.$inferInsert,
): Promise<InstanceRow> {
  const [row] = await db.insert(instances).values(values).returning();
  return row!;
}

/** Serialises changes to an instance's composition (one open membership per person). */
export async function lockInstance(db: Queryable, instanceId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`instance:${instanceId}`}))`);
}

export function membresOf(db: Queryable, instanceIds: string[]): Promise<InstanceMembreRow[]> {
  if (instanceIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(instanceMembres)
    .where(inArray(instanceMembres.instanceId, instanceIds))
    .orderBy(asc(instanceMembres.depuis), asc(instanceMembres.createdAt));
}

/** The open membership of a person (by account or, for a guest, by e-mail), if any. */
export async function openMembership(
  db: Queryable,
  instanceId: string,
  who: { userId: string } | { email: string },
): Promise<InstanceMembreRow | undefined> {
  const person =
    'userId' in who
      ? eq(instanceMembres.userId, who.userId)
      : and(isNull(instanceMembres.userId), eq(instanceMembres.email, who.email));
  const [row] = await db
    .select()
    .from(instanceMembres)
    .where(and(eq(instanceMembres.instanceId, instanceId), isNull(instanceMembres.jusquA), person));
  return row;
}

export async function findMembre(
  db: Queryable,
  instanceId: string,
  id: string,
): Promise<InstanceMembreRow | undefined> {
  const [row] = await db
    .select()
    .from(instanceMembres)
    .where(and(eq(instanceMembres.instanceId, instanceId), eq(instanceMembres.id, id)));
  return row;
}

export async function insertMembre(
  db: Queryable,
  values: typeof instanceMembres.$inferInsert,
): Promise<InstanceMembreRow> {
  const [row] = await db.insert(instanceMembres).values(values).returning();
  return row!;
}

export async function endMembre(db: Queryable, id: string, jusquA: string): Promise<void> {
  await db.update(instanceMembres).set({ jusquA }).where(eq(instanceMembres.id, id));
}

/** A contract member's name, e-mail, category and locale. */
export async function contratMember(db: Queryable, contratId: string, userId: string) {
  const [row] = await db
    .select({
      userId: memberships.userId,
      nom: users.nom,
      email: users.email,
      locale: users.locale,
      categorie: memberships.categorie,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.contratId, contratId), eq(memberships.userId, userId)));
  return row;
}

/** Where to send a convocation: each member in office, with their account's address if any. */
export function destinataires(db: Queryable, instanceId: string, jour: string) {
  return db
    .select({
      nom: instanceMembres.nom,
      email: sql<string | null>`coalesce(${users.email}, ${instanceMembres.email})`,
      locale: users.locale,
    })
    .from(instanceMembres)
    .leftJoin(users, eq(users.id, instanceMembres.userId))
    .where(
      and(
        eq(instanceMembres.instanceId, instanceId),
        sql`${instanceMembres.depuis} <= ${jour}`,
        or(isNull(instanceMembres.jusquA), sql`${instanceMembres.jusquA} >= ${jour}`),
      ),
    )
    .orderBy(asc(instanceMembres.nom));
}

// ── séances ──

export function seancesOf(db: Queryable, contratId: string) {
  return db
    .select({
      seance: seances,
      instance: instances,
      decisions: sql<number>`(select count(*)::int from ${decisions} where ${decisions.seanceId} = ${seances.id})`,
    })
    .from(seances)
    .innerJoin(instances, eq(instances.id, seances.instanceId))
    .where(eq(seances.contratId, contratId))
    .orderBy(desc(seances.date), desc(seances.createdAt));
}

export async function findSeance(db: Queryable, contratId: string, id: string) {
  const [row] = await db
    .select({ seance: seances, instance: instances })
    .from(seances)
    .innerJoin(instances, eq(instances.id, seances.instanceId))
    .where(and(eq(seances.contratId, contratId), eq(seances.id, id)));
  return row;
}

/** A séance by its id alone (for its minutes document), with its contract. */
export async function seanceById(db: Queryable, id: string): Promise<SeanceRow | undefined> {
  const [row] = await db.select().from(seances).where(eq(seances.id, id));
  return row;
}

export async function insertSeance(
  db: Queryable,
  values: typeof seances.$inferInsert,
): Promise<SeanceRow> {
  const [row] = await db.insert(seances).values(values).returning();
  return row!;
}

export async function updateSeance(
  db: Queryable,
  id: string,
  values: Partial<typeof seances.$inferInsert>,
): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await db.update(seances).set(values).where(eq(seances.id, id));
}

export function pointsOf(db: Queryable, seanceId: string) {
  return db
    .select({
      point: ordreDuJour,
      fiche: { id: fiches.id, numero: fiches.numero, titre: fiches.titre },
      proposition: {
        id: propositions.id,
        numero: propositions.numero,
        titre: propositions.titre,
      },
      maquette: {
        id: maquetteVersions.id,
        annee: maquetteVersions.annee,
        libelle: maquetteVersions.libelle,
      },
    })
    .from(ordreDuJour)
    .leftJoin(fiches, eq(fiches.id, ordreDuJour.ficheId))
    .leftJoin(propositions, eq(propositions.id, ordreDuJour.propositionId))
    .leftJoin(maquetteVersions, eq(maquetteVersions.id, ordreDuJour.maquetteVersionId))
    .where(eq(ordreDuJour.seanceId, seanceId))
    .orderBy(asc(ordreDuJour.ordre));
}

export async function replacePoints(
  db: Queryable,
  seanceId: string,
  points: Omit<typeof ordreDuJour.$inferInsert, 'seanceId' | 'ordre'>[],
): Promise<void> {
  await db.delete(ordreDuJour).where(eq(ordreDuJour.seanceId, seanceId));
  if (points.length === 0) return;
  await db
    .insert(ordreDuJour)
    .values(points.map((point, index) => ({ ...point, seanceId, ordre: index + 1 })));
}

// ── what agenda items and décisions point to ──

export async function fichesIn(db: Queryable, contratId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: fiches.id, numero: fiches.numero, titre: fiches.titre })
    .from(fiches)
    .where(and(eq(fiches.contratId, contratId), inArray(fiches.id, ids)));
}

export async function propositionsIn(db: Queryable, contratId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: propositions.id })
    .from(propositions)
    .where(and(eq(propositions.contratId, contratId), inArray(propositions.id, ids)));
}

export async function maquetteVersionsIn(db: Queryable, contratId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: maquetteVersions.id })
    .from(maquetteVersions)
    .where(and(eq(maquetteVersions.contratId, contratId), inArray(maquetteVersions.id, ids)));
}

// ── décisions ──

const decisionSelection = {
  decision: decisions,
  seance: { id: seances.id, date: seances.date },
  instance: { type: instances.type, nom: instances.nom },
  fiche: { id: fiches.id, numero: fiches.numero, titre: fiches.titre },
  maquette: {
    id: maquetteVersions.id,
    annee: maquetteVersions.annee,
    libelle: maquetteVersions.libelle,
  },
  avenant: { id: avenants.id, numero: avenants.numero },
  auteurNom: users.nom,
};

function selectDecisions(db: Queryable) {
  return db
    .select(decisionSelection)
    .from(decisions)
    .innerJoin(seances, eq(seances.id, decisions.seanceId))
    .innerJoin(instances, eq(instances.id, seances.instanceId))
    .leftJoin(fiches, eq(fiches.id, decisions.ficheId))
    .leftJoin(maquetteVersions, eq(maquetteVersions.id, decisions.maquetteVersionId))
    .leftJoin(avenants, eq(avenants.id, decisions.avenantId))
    .leftJoin(users, eq(users.id, decisions.createdBy));
}

const chronological = [asc(seances.date), asc(decisions.createdAt)];

export function decisionsOfSeance(db: Queryable, seanceId: string) {
  return selectDecisions(db)
    .where(eq(decisions.seanceId, seanceId))
    .orderBy(...chronological);
}

export type DecisionWithLinks = Awaited<ReturnType<typeof decisionsOfSeance>>[number];

/** Every décision about a fiche: on it, or an évolution that changes it. */
export function decisionsOfFiche(db: Queryable, ficheId: string) {
  return selectDecisions(db)
    .where(or(eq(decisions.ficheId, ficheId), arrayContains(decisions.ficheIds, [ficheId])))
    .orderBy(...chronological);
}

export function decisionsOfAvenants(db: Queryable, avenantIds: string[]) {
  if (avenantIds.length === 0) return Promise.resolve([]);
  return selectDecisions(db)
    .where(inArray(decisions.avenantId, avenantIds))
    .orderBy(...chronological);
}

export function decisionsById(db: Queryable, contratId: string, ids: string[]) {
  return db
    .select()
    .from(decisions)
    .where(and(eq(decisions.contratId, contratId), inArray(decisions.id, ids)));
}

export async function insertDecision(db: Queryable, values: NewDecision): Promise<DecisionRow> {
  const [row] = await db.insert(decisions).values(values).returning();
  return row!;
}

/** The avis techniques given on these fiches, with the date and status of their séance. */
export function avisOn(db: Queryable, ficheIds: string[]) {
  if (ficheIds.length === 0) return Promise.resolve([]);
  return db
    .select({ ficheId: decisions.ficheId, date: seances.date, seanceStatut: seances.statut })
    .from(decisions)
    .innerJoin(seances, eq(seances.id, decisions.seanceId))
    .where(and(eq(decisions.type, 'avis_technique'), inArray(decisions.ficheId, ficheIds)));
}

// ── avenants ──

export async function lockAvenants(db: Queryable, contratId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`avenants:${contratId}`}))`);
}

export async function avenantNumeros(db: Queryable, contratId: string): Promise<number[]> {
  const rows = await db
    .select({ numero: avenants.numero })
    .from(avenants)
    .where(eq(avenants.contratId, contratId));
  return rows.map((r) => r.numero);
}

export function avenantsOf(db: Queryable, contratId: string, signedOnly: boolean) {
  const contrat = eq(avenants.contratId, contratId);
  return db
    .select()
    .from(avenants)
    .where(signedOnly ? and(contrat, sql`${avenants.signeLe} IS NOT NULL`) : contrat)
    .orderBy(asc(avenants.numero));
}

export async function findAvenant(
  db: Queryable,
  contratId: string,
  id: string,
): Promise<AvenantRow | undefined> {
  const [row] = await db
    .select()
    .from(avenants)
    .where(and(eq(avenants.contratId, contratId), eq(avenants.id, id)));
  return row;
}

export async function insertAvenant(
  db: Queryable,
  values: typeof avenants.$inferInsert,
): Promise<AvenantRow> {
  const [row] = await db.insert(avenants).values(values).returning();
  return row!;
}

export async function attachDecisions(db: Queryable, avenantId: string, ids: string[]) {
  await db.update(decisions).set({ avenantId }).where(inArray(decisions.id, ids));
}

/** Signs an avenant not yet signed; false when someone signed it first. */
export async function markSigned(
  db: Queryable,
  id: string,
  signeLe: string,
  signePar: string,
): Promise<boolean> {
  const rows = await db
    .update(avenants)
    .set({ signeLe, signePar })
    .where(and(eq(avenants.id, id), isNull(avenants.signeLe)))
    .returning({ id: avenants.id });
  return rows.length === 1;
}

export async function freezeVersions(db: Queryable, avenantId: string, versionIds: string[]) {
  await db
    .update(documentVersions)
    .set({ avenantId })
    .where(and(inArray(documentVersions.id, versionIds), isNull(documentVersions.avenantId)));
}

/** Versions taken for a signature that did not happen (someone else signed first). */
export async function dropUnfrozenVersions(db: Queryable, versionIds: string[]) {
  if (versionIds.length === 0) return;
  await db
    .delete(documentVersions)
    .where(and(inArray(documentVersions.id, versionIds), isNull(documentVersions.avenantId)));
}

export function frozenVersionsOf(db: Queryable, avenantIds: string[]) {
  if (avenantIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: documentVersions.id,
      name: documentVersions.name,
      nom: documentVersions.nom,
      avenantId: documentVersions.avenantId,
    })
    .from(documentVersions)
    .where(inArray(documentVersions.avenantId, avenantIds))
    .orderBy(asc(documentVersions.name));
}
