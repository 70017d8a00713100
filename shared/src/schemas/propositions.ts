import { z } from 'zod';
import { ISO_DOMAINES, type IsoDomaine } from '../fiches.js';
import {
  motifRequis,
  PUBLICATIONS_PROPOSITION,
  type PublicationProposition,
  STATUTS_PROPOSITION,
  type StatutProposition,
} from '../propositions.js';
import type { Categorie } from '../roles.js';
import { communeCodeSchema } from './common.js';
import { centsSchema, sourceCodeSchema } from './fiches.js';

const distinct = <T>(items: T[]) => new Set(items).size === items.length;
const duplicates = { message: 'valeurs en double / duplicate values' };

/** What the proposal form sends. The cost is typed in euros and sent in cents (`parseEurosToCents`). */
export const createPropositionSchema = z.strictObject({
  titre: z.string().trim().min(3).max(200),
  description: z.string().trim().min(1).max(5000),
  /** Who would carry the action: an organisation or a person, as the author names it. */
  porteur: z.string().trim().min(2).max(200),
  coutEstimeCents: centsSchema.nullable().default(null),
  isoDomaine: z.enum(ISO_DOMAINES).nullable().default(null),
  /** Codes of the reference list or of the contract's own sources. */
  financementsRecherches: z
    .array(sourceCodeSchema)
    .max(20)
    .refine(distinct, duplicates)
    .default([]),
  /** INSEE codes, all in the contract's perimeter. */
  communes: z.array(communeCodeSchema).max(500).refine(distinct, duplicates).default([]),
});
export type CreatePropositionInput = z.input<typeof createPropositionSchema>;

/** The statuses instruction moves a proposal to (it is `deposee` only when it is created). */
export const STATUTS_DECISION = ['en_instruction', 'retenue', 'non_retenue'] as const;

/**
 * One step of the instruction. A proposal not retained says why (`motif`, shown publicly); the
 * other steps may carry a note, kept in the history.
 */
export const decisionPropositionSchema = z
  .strictObject({
    statut: z.enum(STATUTS_DECISION),
    motif: z.string().trim().max(2000).optional(),
  })
  .superRefine((decision, ctx) => {
    if (motifRequis(decision.statut) && !decision.motif) {
      ctx.addIssue({
        code: 'too_small',
        origin: 'string',
        minimum: 1,
        inclusive: true,
        path: ['motif'],
        input: decision.motif ?? '',
      });
    }
  });
export type DecisionPropositionInput = z.input<typeof decisionPropositionSchema>;

/** Hiding a proposal says why: the author reads it. */
export const masquerPropositionSchema = z.strictObject({
  motif: z.string().trim().min(1).max(1000),
});

const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item).max(10),
  );

/**
 * Query parameters of the list; list values are comma-separated. `publication` narrows what the
 * caller may see anyway: a moderator's queue, or an author's own waiting proposals.
 */
export const propositionQuerySchema = z.strictObject({
  statut: commaList(z.enum(STATUTS_PROPOSITION)).optional(),
  publication: commaList(z.enum(PUBLICATIONS_PROPOSITION)).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PropositionQuery = z.output<typeof propositionQuerySchema>;

// ── responses ──

/** What anyone who reads the contract sees of a published proposal: never who wrote it. */
export interface PropositionPublique {
  id: string;
  contratId: string;
  numero: number;
  titre: string;
  description: string;
  porteur: string;
  /** The author's stakeholder category when they proposed it. */
  categorie: Categorie;
  coutEstimeCents: number | null;
  isoDomaine: IsoDomaine | null;
  financementsRecherches: string[];
  communes: { code: string; nom: string }[];
  statut: StatutProposition;
  /** The public reason of a proposal not retained; null otherwise. */
  motifDecision: string | null;
  decideeLe: string | null;
  /** The fiche projet it became, when the reader may open it. */
  fiche: { id: string; numero: number } | null;
  createdAt: string;
}

/**
 * What a member of the contract sees. `motifDecision` is also the note of a decision to retain,
 * which the public does not read.
 */
export interface Proposition extends PropositionPublique {
  auteur: { id: string; nom: string } | null;
  decideePar: { id: string; nom: string } | null;
  publication: PublicationProposition;
  /** Who hid it or published it and why: for the author and the moderators. */
  moderation: { par: { id: string; nom: string } | null; motif: string | null; le: string } | null;
  version: number;
  updatedAt: string;
  droits: {
    /** The statuses the caller may move it to now. */
    transitions: StatutProposition[];
    publier: boolean;
    masquer: boolean;
  };
}

export interface PropositionHistoryEntry {
  id: string;
  at: string;
  auteur: { id: string; nom: string } | null;
  de: StatutProposition | null;
  vers: StatutProposition;
  motif: string | null;
}

export interface PropositionDetail extends Proposition {
  historique: PropositionHistoryEntry[];
}
