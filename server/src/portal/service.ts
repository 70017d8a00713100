import {
  type CommentairePublic,
  documentName,
  type Fiche,
  type FicheSummary,
  type Fil,
  type Orientation,
  type Page,
  type ParticipationReport,
  type PropositionPublique,
  parisDate,
  type TypeEvenement,
} from '@trame/shared';
import type * as Y from 'yjs';
import { listFils } from '../commentaires/service.js';
import {
  type CommuneRow,
  type ContratRow,
  communesOf,
  findContrat,
  looksLikeId,
} from '../contrats/repository.js';
import type { Queryable } from '../db/database.js';
import { findFiche, sourcesOf } from '../fiches/repository.js';
import * as fiches from '../fiches/service.js';
import { listOrientations } from '../orientations/service.js';
import { participationReport } from '../participation/service.js';
import { listPropositionsPubliques, propositionPublique } from '../propositions/service.js';
import { loadDocument } from '../realtime/persistence.js';
import type { SyncServer } from '../realtime/sync-server.js';
import { storedDocument } from './document-html.js';
import {
  type FicheRef,
  type ListRequest,
  type PropositionListRequest,
  toFicheQuery,
  toPropositionQuery,
} from './query.js';
import * as repository from './repository.js';

/**
 * What each portal page shows, read for an anonymous visitor: only a published contract, only its
 * public fiches and published proposals, and no more than the JSON API gives an anonymous reader
 * (a proposal without its author, the participation report's counts without any name). Every read
 * is a fixed number of queries, whatever the number of fiches or proposals.
 */

const ANONYMOUS: fiches.Viewer = { userId: null, role: null };
const UPCOMING_EVENTS = 5;

/** The contract behind a portal address: by slug only, and only once published. */
export async function publishedContrat(
  db: Queryable,
  slug: string,
): Promise<ContratRow | undefined> {
  if (looksLikeId(slug)) return undefined;
  const contrat = await findContrat(db, slug);
  return contrat?.publie ? contrat : undefined;
}

export interface UpcomingEvent {
  id: string;
  type: TypeEvenement;
  titre: string;
  date: string;
  heure: string | null;
  lieu: string;
}

export interface HomeView {
  contrat: ContratRow;
  communes: CommuneRow[];
  orientations: Orientation[];
  /** The public fiches the list shows, per orientation id (`null`: without orientation). */
  publicFiches: Map<string | null, number>;
  projet: Y.Doc;
  upcoming: UpcomingEvent[];
}

export async function homeView(db: Queryable, contrat: ContratRow, now: Date): Promise<HomeView> {
  const [communes, orientations, publicFiches, stored, upcoming] = await Promise.all([
    communesOf(db, contrat.id),
    listOrientations(db, contrat.id),
    repository.publicFicheCounts(db, contrat.id),
    loadDocument(db, documentName({ kind: 'projet', contratId: contrat.id })),
    repository.upcomingEvents(db, contrat.id, parisDate(now), UPCOMING_EVENTS),
  ]);
  return {
    contrat,
    communes,
    orientations,
    publicFiches,
    projet: storedDocument(stored),
    upcoming: upcoming.map((event) => ({ ...event, type: event.type as TypeEvenement })),
  };
}

/** A fiche shared by another contract is read on that contract's portal, if it is published. */
export interface SharedFrom {
  slug: string;
  nom: string;
  publie: boolean;
}

export interface ListView {
  contrat: ContratRow;
  communes: CommuneRow[];
  orientations: Orientation[];
  page: Page<FicheSummary>;
  /** The contracts of the listed fiches that are shared with this one, by id. */
  sharedFrom: Map<string, SharedFrom>;
}

export async function listView(
  db: Queryable,
  contrat: ContratRow,
  request: ListRequest,
): Promise<ListView> {
  const [communes, orientations, page] = await Promise.all([
    communesOf(db, contrat.id),
    listOrientations(db, contrat.id),
    fiches.listFiches(db, contrat, ANONYMOUS, toFicheQuery(request)),
  ]);
  const others = [...new Set(page.items.map((f) => f.contratId).filter((id) => id !== contrat.id))];
  const sharedFrom = new Map(
    (await repository.contratsByIds(db, others)).map((c) => [c.id, c] as const),
  );
  return { contrat, communes, orientations, page, sharedFrom };
}

export interface FicheView {
  contrat: ContratRow;
  fiche: Fiche;
  orientation: Orientation | null;
  sources: { code: string; libelle: string }[];
  recit: Y.Doc;
  /** The published threads, as the comments module shows them to anyone (no names). */
  commentaires: Fil<CommentairePublic>[];
}

/**
 * A public fiche of the contract. A fiche another contract shares with this one is listed here but
 * read on its own contract's portal, as the JSON API reads it in its own contract.
 */
export async function ficheView(
  db: Queryable,
  sync: SyncServer,
  contrat: ContratRow,
  ref: FicheRef,
): Promise<FicheView | undefined> {
  const row =
    'numero' in ref
      ? await repository.findFicheByNumero(db, contrat.id, ref.numero)
      : await findFiche(db, ref.id);
  if (!row?.public || row.contratId !== contrat.id) return undefined;
  const [fiche, orientations, sources, stored, threads] = await Promise.all([
    fiches.ficheView(db, contrat, ANONYMOUS, row),
    listOrientations(db, contrat.id),
    sourcesOf(db, contrat.id),
    loadDocument(db, documentName({ kind: 'fiche', ficheId: row.id })),
    listFils(db, sync, contrat, ANONYMOUS, { sujetType: 'fiche', sujetId: row.id }),
  ]);
  return {
    contrat,
    fiche,
    orientation: orientations.find((o) => o.id === row.orientationId) ?? null,
    sources,
    recit: storedDocument(stored),
    commentaires: threads.items as Fil<CommentairePublic>[],
  };
}

export interface PropositionListView {
  contrat: ContratRow;
  page: Page<PropositionPublique>;
}

/** One page of the contract's published proposals, as the proposals module gives them to all. */
export async function propositionListView(
  db: Queryable,
  contrat: ContratRow,
  request: PropositionListRequest,
): Promise<PropositionListView> {
  return {
    contrat,
    page: await listPropositionsPubliques(db, contrat, toPropositionQuery(request)),
  };
}

export interface PropositionView {
  contrat: ContratRow;
  proposition: PropositionPublique;
  /** The contract's own funding sources, to name those the proposal seeks. */
  sources: { code: string; libelle: string }[];
}

/** A published proposal of the contract, by its number; undefined for any other. */
export async function propositionView(
  db: Queryable,
  contrat: ContratRow,
  numero: number,
): Promise<PropositionView | undefined> {
  const [proposition, sources] = await Promise.all([
    propositionPublique(db, contrat, numero),
    sourcesOf(db, contrat.id),
  ]);
  return proposition && { contrat, proposition, sources };
}

export interface ParticipationView {
  contrat: ContratRow;
  /** Counts only, never a name: the report the JSON API gives the public as it is. */
  report: ParticipationReport;
}

export async function participationView(
  db: Queryable,
  contrat: ContratRow,
  now: Date,
): Promise<ParticipationView> {
  return { contrat, report: await participationReport(db, contrat.id, now) };
}
