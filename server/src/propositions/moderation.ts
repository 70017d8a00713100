import type { Categorie, Page, PublicationProposition } from '@trame/shared';
import { peutMasquer, peutPublier } from '@trame/shared';
import type { Database, Queryable } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import * as repository from './repository.js';

/**
 * Moderation of proposals, for the proposal routes and for the moderation queue that also holds
 * comments. The callers check `proposition.moderer`; these functions apply the state rules
 * (`peutPublier`, `peutMasquer`) on the locked row and keep who moderated, when and why.
 */

/** What a moderation queue shows of a proposal. */
export interface PropositionAModerer {
  id: string;
  contratId: string;
  numero: number;
  titre: string;
  /** The beginning of the description, for the queue's line. */
  extrait: string;
  auteur: { id: string; nom: string } | null;
  categorie: Categorie;
  publication: PublicationProposition;
  /** Who hid it and why, for a hidden one. */
  moderation: { par: { id: string; nom: string } | null; motif: string | null; le: string } | null;
  createdAt: string;
}

const EXTRAIT = 280;

function toAModerer(row: repository.PropositionListRow): PropositionAModerer {
  return {
    id: row.id,
    contratId: row.contratId,
    numero: row.numero,
    titre: row.titre,
    extrait:
      row.description.length <= EXTRAIT
        ? row.description
        : `${row.description.slice(0, EXTRAIT - 1)}…`,
    auteur: row.auteurId && row.auteurNom ? { id: row.auteurId, nom: row.auteurNom } : null,
    categorie: row.categorie as Categorie,
    publication: row.publication as PublicationProposition,
    moderation: row.modereLe
      ? {
          par:
            row.moderePar && row.modereParNom ? { id: row.moderePar, nom: row.modereParNom } : null,
          motif: row.moderationMotif,
          le: row.modereLe.toISOString(),
        }
      : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The contract's proposals waiting for a moderator and, unless narrowed, the hidden ones. */
export async function listPropositionsAModerer(
  db: Queryable,
  contratId: string,
  options: {
    publication?: Exclude<PublicationProposition, 'publiee'>[];
    limit?: number;
    offset?: number;
  } = {},
): Promise<Page<PropositionAModerer>> {
  const { rows, total } = await repository.listPropositions(
    db,
    contratId,
    {
      publication: options.publication ?? ['en_attente', 'masquee'],
      limit: options.limit ?? 50,
      offset: options.offset ?? 0,
    },
    { moderateur: true, userId: null },
  );
  return { items: rows.map(toAModerer), total };
}

async function lockedOrFail(tx: Queryable, contratId: string, id: string) {
  const row = await repository.findProposition(tx, contratId, id, true);
  if (!row) throw new HttpError('proposition_not_found');
  return row;
}

/** Publishes a proposal waiting for moderation, or one hidden before (409 if already published). */
export function publierProposition(
  db: Database,
  contratId: string,
  moderateurId: string,
  id: string,
): Promise<repository.PropositionRow> {
  return db.transaction(async (tx) => {
    const row = await lockedOrFail(tx, contratId, id);
    if (!peutPublier(row.publication as PublicationProposition)) {
      throw new HttpError('proposition_deja_publiee');
    }
    return repository.updateProposition(tx, id, {
      publication: 'publiee',
      moderePar: moderateurId,
      moderationMotif: null,
      modereLe: new Date(),
    });
  });
}

/**
 * Hides a proposal, published or waiting, with the reason its author reads (409 if already
 * hidden). It stays in the database, with who hid it, when and why.
 */
export function masquerProposition(
  db: Database,
  contratId: string,
  moderateurId: string,
  id: string,
  motif: string,
): Promise<repository.PropositionRow> {
  return db.transaction(async (tx) => {
    const row = await lockedOrFail(tx, contratId, id);
    if (!peutMasquer(row.publication as PublicationProposition)) {
      throw new HttpError('proposition_deja_masquee');
    }
    return repository.updateProposition(tx, id, {
      publication: 'masquee',
      moderePar: moderateurId,
      moderationMotif: motif,
      modereLe: new Date(),
    });
  });
}
