import type { Categorie, TypeContribution, TypeSujet } from '@trame/shared';
import type { Queryable } from '../db/database.js';
import * as repository from './repository.js';
import { currentPhaseOf } from './service.js';

/** What a module says when someone contributes; see `recordContribution`. */
export type ContributionInput = {
  contratId: string;
  type: TypeContribution;
  /** What the contribution is about: `{ type: 'fiche', id }`, `{ type: 'document', id: name }`… */
  sujet: { type: TypeSujet; id: string };
  /** When it happened (default: now). Its day in France picks the phase. */
  occurredAt?: Date;
} & (
  | {
      userId: string;
      /** Defaults to the person's category in the contract (their own if not a member). */
      categorie?: Categorie;
    }
  | {
      /** Someone without an account (a workshop guest): their declared category is required. */
      userId: null;
      categorie: Categorie;
    }
);

export interface RecordedContribution {
  id: string;
  phaseId: string | null;
  categorie: Categorie;
}

/**
 * Counts one contribution to a contract, in the caller's transaction so that it exists exactly
 * when the contribution does. The category is taken now and the phase resolved now (the phase the
 * animateur set by hand, or the one the dates make current on `occurredAt`'s day), so later
 * changes of either do not move it. One call per save, not per field changed.
 */
export async function recordContribution(
  tx: Queryable,
  input: ContributionInput,
): Promise<RecordedContribution> {
  const occurredAt = input.occurredAt ?? new Date();
  let categorie = input.categorie;
  if (categorie === undefined && input.userId !== null) {
    categorie = (await repository.categorieOf(tx, input.contratId, input.userId)) as Categorie;
  }
  // A programming error, not a user's: the caller names an account that does not exist.
  if (!categorie) throw new Error(`recordContribution: unknown user ${input.userId}`);
  const phase = await currentPhaseOf(tx, input.contratId, occurredAt);
  const row = await repository.insertContribution(tx, {
    contratId: input.contratId,
    userId: input.userId,
    categorie,
    type: input.type,
    sujetType: input.sujet.type,
    sujetId: input.sujet.id,
    phaseId: phase?.id ?? null,
    occurredAt,
  });
  return { id: row.id, phaseId: row.phaseId, categorie };
}
