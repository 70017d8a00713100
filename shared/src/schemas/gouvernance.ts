import { z } from 'zod';
import {
  AVIS_TECHNIQUES,
  type AvisTechnique,
  type MesureRectificative,
  OBJETS_EVOLUTION,
  type ObjetEvolution,
  STATUTS_SEANCE,
  type StatutSeance,
  TYPES_INSTANCE,
  type TypeDecision,
  type TypeInstance,
} from '../gouvernance.js';
import { CATEGORIES, type Categorie } from '../roles.js';
import { emailSchema, isoDateSchema, uuidSchema } from './common.js';
import { financementSchema, updateFinancementSchema } from './fiches.js';
import type { Participant } from './participation.js';

const distinct = <T>(items: T[]) => new Set(items).size === items.length;
const distinctMessage = 'valeurs en double / duplicate values';
const motifsSchema = z.string().trim().min(3).max(5000);

// ── instances ──

export const createInstanceSchema = z.strictObject({
  type: z.enum(TYPES_INSTANCE),
  nom: z.string().trim().min(2).max(120),
  description: z.string().trim().max(2000).default(''),
});

/**
 * A member joins an instance from a day (today when absent): a member of the contract by id, or a
 * person invited by name, e-mail and stakeholder category.
 */
export const instanceMembreSchema = z.union([
  z.strictObject({ userId: uuidSchema, depuis: isoDateSchema.optional() }),
  z.strictObject({
    nom: z.string().trim().min(2).max(120),
    email: emailSchema,
    categorie: z.enum(CATEGORIES),
    depuis: isoDateSchema.optional(),
  }),
]);

/** A member leaves on a day (today when absent); the row stays in the history. */
export const departMembreSchema = z.strictObject({ jusquA: isoDateSchema.optional() });

// ── séances ──

/** An agenda item: a title, pointing at most to one fiche, proposal or maquette version. */
export const pointOrdreDuJourSchema = z
  .strictObject({
    titre: z.string().trim().min(2).max(200),
    ficheId: uuidSchema.nullable().default(null),
    propositionId: uuidSchema.nullable().default(null),
    maquetteVersionId: uuidSchema.nullable().default(null),
  })
  .refine(
    (p) => [p.ficheId, p.propositionId, p.maquetteVersionId].filter(Boolean).length <= 1,
    'un point vise au plus une fiche, une proposition ou une maquette / an item points to one thing at most',
  );

const heureSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/);
const ordreDuJourSchema = z.array(pointOrdreDuJourSchema).max(50);

export const createSeanceSchema = z.strictObject({
  instanceId: uuidSchema,
  date: isoDateSchema,
  /** Local time in France, `HH:MM`. */
  heure: heureSchema.nullable().default(null),
  lieu: z.string().trim().max(200).default(''),
  ordreDuJour: ordreDuJourSchema.default([]),
});

export const updateSeanceSchema = z.strictObject({
  date: isoDateSchema.optional(),
  heure: heureSchema.nullable().optional(),
  lieu: z.string().trim().max(200).optional(),
  statut: z.enum(STATUTS_SEANCE).optional(),
  /** Replaces the whole agenda, in this order. */
  ordreDuJour: ordreDuJourSchema.optional(),
});

// ── décisions ──

/** The comité technique's opinion on a fiche, always with its reasons. */
export const avisTechniqueSchema = z.strictObject({
  ficheId: uuidSchema,
  avis: z.enum(AVIS_TECHNIQUES),
  motifs: motifsSchema,
});

const programmationSchema = z.strictObject({
  type: z.literal('programmation_validee'),
  maquetteVersionId: uuidSchema,
  description: z.string().trim().max(5000).default(''),
});

const reorienterSchema = z.strictObject({
  type: z.literal('mesure_rectificative'),
  mesure: z.literal('reorienter'),
  ficheId: uuidSchema,
  orientationId: uuidSchema,
  objectifIds: z.array(uuidSchema).max(20).refine(distinct, distinctMessage).default([]),
  motifs: motifsSchema,
});

/** A reallocation moves money between lines: amounts, sources, years; lines added or removed. */
const reallouerSchema = z
  .strictObject({
    type: z.literal('mesure_rectificative'),
    mesure: z.literal('reallouer'),
    ficheId: uuidSchema,
    modifications: z
      .array(
        updateFinancementSchema
          .extend({ ligneId: uuidSchema })
          .refine((m) => Object.keys(m).length > 1, 'rien à modifier / nothing to change'),
      )
      .max(50)
      .refine((items) => distinct(items.map((m) => m.ligneId)), distinctMessage)
      .default([]),
    ajouts: z.array(financementSchema).max(50).default([]),
    suppressions: z.array(uuidSchema).max(50).refine(distinct, distinctMessage).default([]),
    motifs: motifsSchema,
  })
  .refine(
    (r) => r.modifications.length + r.ajouts.length + r.suppressions.length > 0,
    'une réallocation change au moins une ligne / a reallocation changes at least one line',
  )
  .refine(
    (r) => !r.modifications.some((m) => r.suppressions.includes(m.ligneId)),
    'une ligne ne peut être à la fois modifiée et supprimée / a line cannot be both changed and removed',
  );

const arreterSchema = z.strictObject({
  type: z.literal('mesure_rectificative'),
  mesure: z.literal('arreter'),
  ficheId: uuidSchema,
  motifs: motifsSchema,
});

const evolutionSchema = z.strictObject({
  type: z.literal('evolution_contrat'),
  objet: z.enum(OBJETS_EVOLUTION),
  description: z.string().trim().min(3).max(5000),
  /** The fiches it adds, changes or removes from the contract. */
  ficheIds: z.array(uuidSchema).max(100).refine(distinct, distinctMessage).default([]),
  orientationIds: z.array(uuidSchema).max(20).refine(distinct, distinctMessage).default([]),
});

/** A steering-committee décision (the avis technique has its own route and schema). */
export const decisionSchema = z.union([
  programmationSchema,
  reorienterSchema,
  reallouerSchema,
  arreterSchema,
  evolutionSchema,
]);

// ── avenants ──

export const createAvenantSchema = z.strictObject({
  objet: z.string().trim().min(3).max(300),
  /** The évolution décisions it gathers. */
  decisionIds: z.array(uuidSchema).min(1).max(100).refine(distinct, distinctMessage),
});

export const signerAvenantSchema = z.strictObject({ signeLe: isoDateSchema });

export type CreateInstanceInput = z.input<typeof createInstanceSchema>;
export type InstanceMembreInput = z.input<typeof instanceMembreSchema>;
export type CreateSeanceInput = z.input<typeof createSeanceSchema>;
export type UpdateSeanceInput = z.input<typeof updateSeanceSchema>;
export type PointOrdreDuJourInput = z.input<typeof pointOrdreDuJourSchema>;
export type AvisTechniqueInput = z.input<typeof avisTechniqueSchema>;
export type DecisionInput = z.input<typeof decisionSchema>;
export type CreateAvenantInput = z.input<typeof createAvenantSchema>;

// ── answers ──

export interface InstanceMembre {
  id: string;
  /** The member's account, or null for a person invited by name. */
  userId: string | null;
  nom: string;
  email: string | null;
  categorie: Categorie;
  depuis: string;
  jusquA: string | null;
}

export interface Instance {
  id: string;
  type: TypeInstance;
  nom: string;
  description: string;
  /** Members in office today. */
  membres: InstanceMembre[];
  /** Every membership, past and present, in the order they began: the composition over time. */
  historique: InstanceMembre[];
}

export interface PointOrdreDuJour {
  id: string;
  ordre: number;
  titre: string;
  fiche: { id: string; numero: number; titre: string } | null;
  proposition: { id: string; numero: number; titre: string } | null;
  maquetteVersion: { id: string; annee: number; libelle: string } | null;
}

export interface SeanceSummary {
  id: string;
  instance: { id: string; type: TypeInstance; nom: string };
  date: string;
  heure: string | null;
  lieu: string;
  statut: StatutSeance;
  /** When the convocation was last sent. */
  convoqueeLe: string | null;
  decisions: number;
}

export interface Decision {
  id: string;
  seance: { id: string; date: string; instance: { type: TypeInstance; nom: string } };
  type: TypeDecision;
  avis: AvisTechnique | null;
  mesure: MesureRectificative | null;
  objet: ObjetEvolution | null;
  /** Reasons of an avis or a mesure; the text of an évolution or a programmation. */
  texte: string;
  fiche: { id: string; numero: number; titre: string } | null;
  /** Fiches an évolution du contrat changes. */
  fiches: { id: string; numero: number; titre: string }[];
  orientationIds: string[];
  maquetteVersion: { id: string; annee: number; libelle: string } | null;
  /** What the décision changed, as applied (financing lines before and after, orientation…). */
  changements: unknown;
  avenant: { id: string; numero: number } | null;
  auteur: { id: string; nom: string } | null;
  createdAt: string;
}

export interface Seance extends SeanceSummary {
  /** The collaborative document holding the minutes. */
  compteRendu: string;
  /** The participation event the attendance is recorded in (null outside any phase). */
  evenementId: string | null;
  ordreDuJour: PointOrdreDuJour[];
  presents: Participant[];
  decisionsPrises: Decision[];
}

export interface Avenant {
  id: string;
  numero: number;
  objet: string;
  signeLe: string | null;
  decisions: Decision[];
  /** Fiches changed by its décisions. */
  fiches: { id: string; numero: number; titre: string }[];
  /** Named versions frozen at signature: the projet de territoire and each fiche's narrative. */
  versions: { id: string; document: string; nom: string }[];
  createdAt: string;
}
