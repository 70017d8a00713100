import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/database.js';
import {
  commentaires,
  contrats,
  fiches,
  memberships,
  propositions,
  signalements,
  users,
} from '../db/schema.js';

export type CommentaireRow = typeof commentaires.$inferSelect;
export type NewCommentaire = typeof commentaires.$inferInsert;
export type SignalementRow = typeof signalements.$inferSelect;

/** A comment with the names its views show. */
export interface CommentaireListRow extends CommentaireRow {
  auteurNom: string | null;
  modereParNom: string | null;
  resoluParNom: string | null;
}

const auteur = alias(users, 'auteur');
const moderateur = alias(users, 'moderateur');
const resolveur = alias(users, 'resolveur');

function withNames(db: Queryable) {
  return db
    .select({
      row: commentaires,
      auteurNom: auteur.nom,
      modereParNom: moderateur.nom,
      resoluParNom: resolveur.nom,
    })
    .from(commentaires)
    .leftJoin(auteur, eq(auteur.id, commentaires.auteurId))
    .leftJoin(moderateur, eq(moderateur.id, commentaires.moderePar))
    .leftJoin(resolveur, eq(resolveur.id, commentaires.resoluPar));
}

function flat(r: {
  row: CommentaireRow;
  auteurNom: string | null;
  modereParNom: string | null;
  resoluParNom: string | null;
}): CommentaireListRow {
  return {
    ...r.row,
    auteurNom: r.auteurNom,
    modereParNom: r.modereParNom,
    resoluParNom: r.resoluParNom,
  };
}

/** Every comment of one subject of the contract, threads and replies, oldest first. */
export async function commentairesOf(
  db: Queryable,
  contratId: string,
  sujet: { type: string; id: string },
): Promise<CommentaireListRow[]> {
  const rows = await withNames(db)
    .where(
      and(
        eq(commentaires.contratId, contratId),
        eq(commentaires.sujetType, sujet.type),
        eq(commentaires.sujetId, sujet.id),
      ),
    )
    .orderBy(asc(commentaires.createdAt), asc(commentaires.id));
  return rows.map(flat);
}

export async function findView(
  db: Queryable,
  contratId: string,
  id: string,
): Promise<CommentaireListRow | undefined> {
  const [row] = await withNames(db).where(
    and(eq(commentaires.contratId, contratId), eq(commentaires.id, id)),
  );
  return row && flat(row);
}

/** The comment of that contract, locked until the end of the transaction. */
export async function lockCommentaire(
  db: Queryable,
  contratId: string,
  id: string,
): Promise<CommentaireRow | undefined> {
  const [row] = await db
    .select()
    .from(commentaires)
    .where(and(eq(commentaires.contratId, contratId), eq(commentaires.id, id)))
    .for('update');
  return row;
}

export async function insertCommentaire(
  db: Queryable,
  values: NewCommentaire,
): Promise<CommentaireRow> {
  const [row] = await db.insert(commentaires).values(values).returning();
  return row!;
}

export async function updateCommentaire(
  db: Queryable,
  id: string,
  changes: Partial<NewCommentaire>,
): Promise<CommentaireRow> {
  const [row] = await db
    .update(commentaires)
    .set(changes)
    .where(eq(commentaires.id, id))
    .returning();
  return row!;
}

export async function deleteCommentaire(db: Queryable, id: string): Promise<void> {
  await db.delete(commentaires).where(eq(commentaires.id, id));
  await db
    .delete(signalements)
    .where(and(eq(signalements.cibleType, 'commentaire'), eq(signalements.cibleId, id)));
}

/** Replies to a thread written by someone else than `auteurId`. */
export async function repliesByOthers(
  db: Queryable,
  parentId: string,
  auteurId: string,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(commentaires)
    .where(
      and(
        eq(commentaires.parentId, parentId),
        or(isNull(commentaires.auteurId), ne(commentaires.auteurId, auteurId)),
      ),
    );
  return row?.n ?? 0;
}

// ── subjects ──

export async function findFicheOf(db: Queryable, contratId: string, ficheId: string) {
  const [row] = await db
    .select()
    .from(fiches)
    .where(and(eq(fiches.id, ficheId), eq(fiches.contratId, contratId)));
  return row;
}

/** A proposal of the contract (read-only: proposals belong to `propositions/`). */
export async function findPropositionOf(db: Queryable, contratId: string, id: string) {
  const [row] = await db
    .select({
      id: propositions.id,
      numero: propositions.numero,
      titre: propositions.titre,
      auteurId: propositions.auteurId,
      publication: propositions.publication,
    })
    .from(propositions)
    .where(and(eq(propositions.id, id), eq(propositions.contratId, contratId)));
  return row;
}

// ── people ──

/** Members of the contract among `ids`, with their name and language. */
export function membersAmong(db: Queryable, contratId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: users.id, nom: users.nom, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.contratId, contratId), inArray(memberships.userId, ids)));
}

/** The contract's members with a role, with their language: the moderators to tell. */
export function membersWithRoles(db: Queryable, contratId: string, roles: string[]) {
  return db
    .select({ id: users.id, nom: users.nom, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.contratId, contratId), inArray(memberships.role, roles)));
}

export async function userName(db: Queryable, id: string): Promise<string> {
  const [row] = await db.select({ nom: users.nom }).from(users).where(eq(users.id, id));
  return row?.nom ?? '';
}

export async function setModerationMode(
  db: Queryable,
  contratId: string,
  mode: string,
): Promise<void> {
  await db
    .update(contrats)
    .set({ moderation: mode, updatedAt: new Date() })
    .where(eq(contrats.id, contratId));
}

// ── reports ──

/** Inserts a report; undefined when this person already reported this comment. */
export async function insertSignalement(
  db: Queryable,
  values: typeof signalements.$inferInsert,
): Promise<SignalementRow | undefined> {
  const [row] = await db.insert(signalements).values(values).onConflictDoNothing().returning();
  return row;
}

export async function hasReported(db: Queryable, cibleId: string, userId: string) {
  const [row] = await db
    .select({ id: signalements.id })
    .from(signalements)
    .where(
      and(
        eq(signalements.cibleType, 'commentaire'),
        eq(signalements.cibleId, cibleId),
        eq(signalements.parId, userId),
      ),
    );
  return row !== undefined;
}

/** Open reports of comments, with who made them, oldest first. */
export async function openSignalements(
  db: Queryable,
  contratId: string,
  cibleIds?: string[],
): Promise<(SignalementRow & { parNom: string | null })[]> {
  if (cibleIds && cibleIds.length === 0) return [];
  const rows = await db
    .select({ row: signalements, parNom: users.nom })
    .from(signalements)
    .leftJoin(users, eq(users.id, signalements.parId))
    .where(
      and(
        eq(signalements.contratId, contratId),
        eq(signalements.cibleType, 'commentaire'),
        isNull(signalements.traiteLe),
        cibleIds ? inArray(signalements.cibleId, cibleIds) : undefined,
      ),
    )
    .orderBy(asc(signalements.createdAt));
  return rows.map((r) => ({ ...r.row, parNom: r.parNom }));
}

/** Closes a comment's open reports, with the moderator's decision. */
export async function closeSignalements(
  db: Queryable,
  cibleId: string,
  moderateurId: string,
  at: Date,
): Promise<void> {
  await db
    .update(signalements)
    .set({ traiteLe: at, traitePar: moderateurId })
    .where(
      and(
        eq(signalements.cibleType, 'commentaire'),
        eq(signalements.cibleId, cibleId),
        isNull(signalements.traiteLe),
      ),
    );
}

/** The queue's comments: those waiting for a moderator, and those with open reports. */
export async function aModerer(db: Queryable, contratId: string): Promise<CommentaireListRow[]> {
  const reported = db
    .select({ id: signalements.cibleId })
    .from(signalements)
    .where(
      and(
        eq(signalements.contratId, contratId),
        eq(signalements.cibleType, 'commentaire'),
        isNull(signalements.traiteLe),
      ),
    );
  const rows = await withNames(db)
    .where(
      and(
        eq(commentaires.contratId, contratId),
        or(eq(commentaires.publication, 'en_attente'), inArray(commentaires.id, reported)),
      ),
    )
    .orderBy(asc(commentaires.createdAt), asc(commentaires.id))
    .limit(500);
  return rows.map(flat);
}

/** Among `ids`, the comments this person reported. */
export async function reportedBy(
  db: Queryable,
  userId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: signalements.cibleId })
    .from(signalements)
    .where(
      and(
        eq(signalements.cibleType, 'commentaire'),
        eq(signalements.parId, userId),
        inArray(signalements.cibleId, ids),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
