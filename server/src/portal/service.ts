import {
  documentName,
  type Fiche,
  type FicheSummary,
  type Orientation,
  type Page,
  parisDate,
  type TypeEvenement,
} from '@trame/shared';
import type * as Y from 'yjs';
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
import { loadDocument } from '../realtime/persistence.js';
import { storedDocument } from './document-html.js';
import { type FicheRef, type ListRequest, toFicheQuery } from './query.js';
import * as repository from './repository.js';

/**
 * What each portal page shows, read for an anonymous visitor: only a published contract, only its
 * public fiches, and for a fiche no more than the JSON API gives an anonymous reader. Every read
 * is a fixed number of queries, whatever the number of fiches.
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
}

/**
 * A public fiche of the contract. A fiche another contract shares with this one is listed here but
 * read on its own contract's portal, as the JSON API reads it in its own contract.
 */
export async function ficheView(
  db: Queryable,
  contrat: ContratRow,
  ref: FicheRef,
): Promise<FicheView | undefined> {
  const row =
    'numero' in ref
      ? await repository.findFicheByNumero(db, contrat.id, ref.numero)
      : await findFiche(db, ref.id);
  if (!row?.public || row.contratId !== contrat.id) return undefined;
  const [fiche, orientations, sources, stored] = await Promise.all([
    fiches.ficheView(db, contrat, ANONYMOUS, row),
    listOrientations(db, contrat.id),
    sourcesOf(db, contrat.id),
    loadDocument(db, documentName({ kind: 'fiche', ficheId: row.id })),
  ]);
  return {
    contrat,
    fiche,
    orientation: orientations.find((o) => o.id === row.orientationId) ?? null,
    sources,
    recit: storedDocument(stored),
  };
}
