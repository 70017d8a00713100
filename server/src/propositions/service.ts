import {
  type Categorie,
  can,
  createFicheSchema,
  type createPropositionSchema,
  type decisionPropositionSchema,
  type IsoDomaine,
  type Locale,
  moderationModeOf,
  motifPublic,
  type Page,
  type Proposition,
  type PropositionDetail,
  type PropositionHistoryEntry,
  type PropositionPublique,
  type PropositionQuery,
  type PublicationProposition,
  peutMasquer,
  peutPublier,
  propositionVisible,
  publicationInitiale,
  type Role,
  SOURCES_REFERENCE,
  STATUT_PROPOSITION_LABELS,
  type StatutProposition,
  transitionAllowed,
  transitionsFrom,
  type ValidationIssue,
} from '@trame/shared';
import type { z } from 'zod';
import type { ContratRow } from '../contrats/repository.js';
import { communesOf } from '../contrats/repository.js';
import type { Database, Queryable } from '../db/database.js';
import { sourcesOf } from '../fiches/repository.js';
import { createFicheIn } from '../fiches/service.js';
import { HttpError } from '../http/errors.js';
import { recordContribution } from '../participation/contributions.js';
import { categorieOf } from '../participation/repository.js';
import { currentPhaseOf } from '../participation/service.js';
import * as repository from './repository.js';

/** Who is asking, in the contract: a member (their role), or the public (`role` null). */
export interface Viewer {
  userId: string | null;
  role: Role | null;
}

/** The public: an anonymous visitor or a signed-in person from elsewhere (the portal). */
export const PUBLIC_VIEWER: Viewer = { userId: null, role: null };

function context(contrat: ContratRow, viewer: Viewer) {
  return { role: viewer.role, publie: contrat.publie };
}

export function isModerator(contrat: ContratRow, viewer: Viewer): boolean {
  return can('proposition.moderer', context(contrat, viewer));
}

function visibility(contrat: ContratRow, viewer: Viewer): repository.Visibility {
  return { moderateur: isModerator(contrat, viewer), userId: viewer.userId };
}

// ── views ──

async function communeNames(db: Queryable, contratId: string): Promise<Map<string, string>> {
  return new Map((await communesOf(db, contratId)).map((c) => [c.code, c.nom]));
}

/** A fiche is linked for whoever may open it: every fiche for its readers, a public one for all. */
function ficheLink(
  row: repository.PropositionListRow,
  contrat: ContratRow,
  viewer: Viewer,
): PropositionPublique['fiche'] {
  if (!row.ficheId || row.ficheNumero === null) return null;
  const readable = row.fichePublic === true || can('fiche.lire', context(contrat, viewer));
  return readable ? { id: row.ficheId, numero: row.ficheNumero } : null;
}

function toPublique(
  row: repository.PropositionListRow,
  contrat: ContratRow,
  viewer: Viewer,
  names: Map<string, string>,
): PropositionPublique {
  const statut = row.statut as StatutProposition;
  return {
    id: row.id,
    contratId: row.contratId,
    numero: row.numero,
    titre: row.titre,
    description: row.description,
    porteur: row.porteur,
    categorie: row.categorie as Categorie,
    coutEstimeCents: row.coutEstimeCents,
    isoDomaine: row.isoDomaine as IsoDomaine | null,
    financementsRecherches: row.financementsRecherches,
    communes: row.communes.map((code) => ({ code, nom: names.get(code) ?? code })),
    statut,
    motifDecision: motifPublic(statut, row.motifDecision),
    decideeLe: row.decideeLe?.toISOString() ?? null,
    fiche: ficheLink(row, contrat, viewer),
    createdAt: row.createdAt.toISOString(),
  };
}

const person = (id: string | null, nom: string | null) => (id && nom ? { id, nom } : null);

function toProposition(
  row: repository.PropositionListRow,
  contrat: ContratRow,
  viewer: Viewer,
  names: Map<string, string>,
): Proposition {
  const statut = row.statut as StatutProposition;
  const publication = row.publication as PublicationProposition;
  const moderateur = isModerator(contrat, viewer);
  const auteur = viewer.userId !== null && row.auteurId === viewer.userId;
  const instruire = can('proposition.instruire', context(contrat, viewer));
  return {
    ...toPublique(row, contrat, viewer, names),
    motifDecision: row.motifDecision,
    auteur: person(row.auteurId, row.auteurNom),
    decideePar: person(row.decideePar, row.decideeParNom),
    publication,
    moderation:
      row.modereLe && (moderateur || auteur)
        ? {
            par: moderateur ? person(row.moderePar, row.modereParNom) : null,
            motif: row.moderationMotif,
            le: row.modereLe.toISOString(),
          }
        : null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    droits: {
      transitions: instruire ? [...transitionsFrom(statut)] : [],
      publier: moderateur && peutPublier(publication),
      masquer: moderateur && peutMasquer(publication),
    },
  };
}

/** Members read the whole proposal; the public reads what `PropositionPublique` promises. */
function toView(
  row: repository.PropositionListRow,
  contrat: ContratRow,
  viewer: Viewer,
  names: Map<string, string>,
): PropositionPublique | Proposition {
  return viewer.role === null
    ? toPublique(row, contrat, viewer, names)
    : toProposition(row, contrat, viewer, names);
}

async function historique(db: Queryable, propositionId: string) {
  const rows = await repository.historyOf(db, propositionId);
  return rows.map(
    ({ entry, auteurNom }): PropositionHistoryEntry => ({
      id: entry.id,
      at: entry.createdAt.toISOString(),
      auteur: person(entry.userId, auteurNom),
      de: entry.de as StatutProposition | null,
      vers: entry.vers as StatutProposition,
      motif: entry.motif,
    }),
  );
}

// ── reading ──

/** The proposals the caller may see: all for a moderator, else the published ones and their own. */
export async function listPropositions(
  db: Queryable,
  contrat: ContratRow,
  viewer: Viewer,
  query: PropositionQuery,
): Promise<Page<PropositionPublique | Proposition>> {
  const { rows, total } = await repository.listPropositions(
    db,
    contrat.id,
    query,
    visibility(contrat, viewer),
  );
  const names = await communeNames(db, contrat.id);
  return { items: rows.map((row) => toView(row, contrat, viewer, names)), total };
}

async function visibleRow(
  db: Queryable,
  contrat: ContratRow,
  viewer: Viewer,
  where: { id: string } | { numero: number },
): Promise<repository.PropositionListRow> {
  const row = await repository.findView(db, contrat.id, where);
  const seen =
    row &&
    propositionVisible(
      { publication: row.publication as PublicationProposition, auteurId: row.auteurId },
      { userId: viewer.userId, moderateur: isModerator(contrat, viewer) },
    );
  if (!row || !seen)
    throw new HttpError(viewer.userId ? 'proposition_not_found' : 'unauthenticated');
  return row;
}

/** One proposal; members also read its history. Hidden from who may not see it (404 / 401). */
export async function propositionDetail(
  db: Queryable,
  contrat: ContratRow,
  viewer: Viewer,
  id: string,
): Promise<PropositionDetail | PropositionPublique> {
  const row = await visibleRow(db, contrat, viewer, { id });
  const names = await communeNames(db, contrat.id);
  if (viewer.role === null) return toPublique(row, contrat, viewer, names);
  return {
    ...toProposition(row, contrat, viewer, names),
    historique: await historique(db, row.id),
  };
}

/**
 * For the public portal: the published proposals of a published contract, with their status and,
 * when not retained, the public reason — never who wrote them.
 */
export async function listPropositionsPubliques(
  db: Queryable,
  contrat: ContratRow,
  query: PropositionQuery,
): Promise<Page<PropositionPublique>> {
  if (!contrat.publie) return { items: [], total: 0 };
  const { rows, total } = await repository.listPropositions(db, contrat.id, query, {
    moderateur: false,
    userId: null,
  });
  const names = await communeNames(db, contrat.id);
  return { items: rows.map((row) => toPublique(row, contrat, PUBLIC_VIEWER, names)), total };
}

/** For the public portal: one published proposal by its number, or undefined. */
export async function propositionPublique(
  db: Queryable,
  contrat: ContratRow,
  numero: number,
): Promise<PropositionPublique | undefined> {
  if (!contrat.publie) return undefined;
  const row = await repository.findView(db, contrat.id, { numero });
  if (row?.publication !== 'publiee') return undefined;
  return toPublique(row, contrat, PUBLIC_VIEWER, await communeNames(db, contrat.id));
}

// ── depositing ──

/** The communes are the contract's, the funding sources known (reference list or the contract's). */
async function checkReferences(
  db: Queryable,
  contrat: ContratRow,
  input: z.output<typeof createPropositionSchema>,
): Promise<void> {
  const issues: ValidationIssue[] = [];
  if (input.communes.length > 0) {
    const perimeter = new Set((await communesOf(db, contrat.id)).map((c) => c.code));
    const outside = input.communes.filter((code) => !perimeter.has(code));
    if (outside.length > 0) {
      issues.push({
        path: 'communes',
        message: `hors du périmètre du contrat / outside the contract's perimeter : ${outside.join(', ')}`,
      });
    }
  }
  if (input.financementsRecherches.length > 0) {
    const known = new Set<string>([
      ...SOURCES_REFERENCE,
      ...(await sourcesOf(db, contrat.id)).map((s) => s.code),
    ]);
    const unknown = input.financementsRecherches.filter((code) => !known.has(code));
    if (unknown.length > 0) {
      issues.push({
        path: 'financementsRecherches',
        message: `source de financement inconnue / unknown funding source : ${unknown.join(', ')}`,
      });
    }
  }
  if (issues.length > 0) throw new HttpError('validation_failed', {}, issues);
}

/**
 * Deposits a proposal, in one transaction: refused unless the contract's current phase takes
 * proposals (a contract with no current phase — none dated today, or none at all — takes none);
 * numbered under the contract's lock; published at once or held for moderation; its first history
 * line (`deposee`) and its contribution (`proposition`) written with it.
 */
export function deposerProposition(
  db: Database,
  contrat: ContratRow,
  user: { id: string; role: Role },
  input: z.output<typeof createPropositionSchema>,
  now: Date,
): Promise<repository.PropositionRow> {
  return db.transaction(async (tx) => {
    const phase = await currentPhaseOf(tx, contrat.id, now);
    if (!phase?.propositions) throw new HttpError('propositions_fermees');
    await checkReferences(tx, contrat, input);
    await repository.lockNumbering(tx, contrat.id);
    const numero = await repository.nextNumero(tx, contrat.id);
    const categorie = await categorieOf(tx, contrat.id, user.id);
    // A programming error, not a user's: a signed-in person always has an account.
    if (!categorie) throw new Error(`deposerProposition: unknown user ${user.id}`);
    const row = await repository.insertProposition(tx, {
      ...input,
      contratId: contrat.id,
      numero,
      auteurId: user.id,
      categorie,
      statut: 'deposee',
      publication: publicationInitiale(moderationModeOf(contrat.moderation), user.role),
    });
    await repository.insertHistory(tx, {
      propositionId: row.id,
      de: null,
      vers: 'deposee',
      userId: user.id,
    });
    await recordContribution(tx, {
      contratId: contrat.id,
      userId: user.id,
      type: 'proposition',
      sujet: { type: 'proposition', id: row.id },
    });
    return row;
  });
}

// ── instructing ──

/** The résumé of a fiche holds 2,000 characters; the proposal keeps its whole description. */
const RESUME_MAX = 2000;

/** The fiche projet a retained proposal becomes: what the proposal says, in the fiche's fields. */
async function ficheInput(db: Queryable, contrat: ContratRow, row: repository.PropositionRow) {
  const perimeter = new Set((await communesOf(db, contrat.id)).map((c) => c.code));
  const resume =
    row.description.length <= RESUME_MAX
      ? row.description
      : `${row.description.slice(0, RESUME_MAX - 1)}…`;
  return createFicheSchema.parse({
    titre: row.titre,
    type: 'projet',
    maturite: 'en_emergence',
    resume,
    maitreOuvrage: row.porteur,
    coutCents: row.coutEstimeCents,
    // The perimeter may have changed since the proposal was deposited.
    communes: row.communes.filter((code) => perimeter.has(code)),
    isoDomaines: row.isoDomaine ? [row.isoDomaine] : [],
  });
}

/**
 * Moves a proposal one step of the instruction, in one transaction: the transition is checked on
 * the locked row (409 otherwise), the history line written, and a proposal retained becomes a
 * fiche projet through the fiches' own creation path (number, history, contribution), linked.
 */
export function deciderProposition(
  db: Database,
  contrat: ContratRow,
  viewer: Viewer & { userId: string },
  id: string,
  input: z.output<typeof decisionPropositionSchema>,
  locale: Locale,
): Promise<repository.PropositionRow> {
  return db.transaction(async (tx) => {
    const row = await repository.findProposition(tx, contrat.id, id, true);
    const seen =
      row &&
      propositionVisible(
        { publication: row.publication as PublicationProposition, auteurId: row.auteurId },
        { userId: viewer.userId, moderateur: isModerator(contrat, viewer) },
      );
    if (!row || !seen) throw new HttpError('proposition_not_found');
    const de = row.statut as StatutProposition;
    const vers = input.statut;
    if (!transitionAllowed(de, vers)) {
      throw new HttpError('proposition_transition_invalide', {
        de: STATUT_PROPOSITION_LABELS[de][locale],
        vers: STATUT_PROPOSITION_LABELS[vers][locale],
      });
    }
    const motif = input.motif || null;
    const changes: Partial<repository.NewProposition> = { statut: vers };
    if (vers === 'retenue' || vers === 'non_retenue') {
      Object.assign(changes, {
        motifDecision: motif,
        decideePar: viewer.userId,
        decideeLe: new Date(),
      });
    }
    if (vers === 'retenue') {
      const fiche = await createFicheIn(
        tx,
        contrat,
        viewer.userId,
        await ficheInput(tx, contrat, row),
        locale,
      );
      changes.ficheId = fiche.id;
    }
    const saved = await repository.updateProposition(tx, row.id, changes);
    await repository.insertHistory(tx, {
      propositionId: row.id,
      de,
      vers,
      motif,
      userId: viewer.userId,
    });
    return saved;
  });
}
