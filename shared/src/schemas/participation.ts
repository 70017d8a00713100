import { z } from 'zod';
import {
  type ModePhaseCourante,
  TYPES_EVENEMENT,
  TYPES_PHASE,
  type TypeEvenement,
  type TypePhase,
} from '../participation.js';
import { CATEGORIES, type Categorie } from '../roles.js';
import { isoDateSchema, uuidSchema } from './common.js';

const libelleSchema = z.string().trim().max(120);
const texteCourt = z.string().trim().max(200);

export const createPhaseSchema = z.strictObject({
  type: z.enum(TYPES_PHASE),
  /** Optional own name ("Concertation sur le projet de territoire"); the kind's name otherwise. */
  libelle: libelleSchema.default(''),
  dateDebut: isoDateSchema.nullable().default(null),
  dateFin: isoDateSchema.nullable().default(null),
  propositions: z.boolean().default(false),
  commentaires: z.boolean().default(false),
  consultations: z.boolean().default(false),
});

export const updatePhaseSchema = z.strictObject({
  type: z.enum(TYPES_PHASE).optional(),
  libelle: libelleSchema.optional(),
  dateDebut: isoDateSchema.nullable().optional(),
  dateFin: isoDateSchema.nullable().optional(),
  propositions: z.boolean().optional(),
  commentaires: z.boolean().optional(),
  consultations: z.boolean().optional(),
  /** New 1-based position among the contract's phases. */
  ordre: z.number().int().min(1).optional(),
});

/** Sets the current phase by hand, or (`null`) lets the dates decide again. */
export const phaseCouranteSchema = z.strictObject({ phaseId: uuidSchema.nullable() });

const heureSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/);

const evenementFields = {
  phaseId: uuidSchema,
  type: z.enum(TYPES_EVENEMENT),
  titre: z.string().trim().min(3).max(200),
  date: isoDateSchema,
  /** Local time in France, `HH:MM`. */
  heure: heureSchema.nullable(),
  lieu: texteCourt,
  organisateur: texteCourt,
  description: z.string().trim().max(5000),
};

export const evenementSchema = z.strictObject({
  ...evenementFields,
  heure: evenementFields.heure.default(null),
  lieu: evenementFields.lieu.default(''),
  organisateur: evenementFields.organisateur.default(''),
  description: evenementFields.description.default(''),
});

export const updateEvenementSchema = z.strictObject({
  phaseId: evenementFields.phaseId.optional(),
  type: evenementFields.type.optional(),
  titre: evenementFields.titre.optional(),
  date: evenementFields.date.optional(),
  heure: evenementFields.heure.optional(),
  lieu: evenementFields.lieu.optional(),
  organisateur: evenementFields.organisateur.optional(),
  description: evenementFields.description.optional(),
});

export const PERIODES_EVENEMENT = ['tous', 'a_venir', 'passes'] as const;

export const evenementQuerySchema = z.strictObject({
  periode: z.enum(PERIODES_EVENEMENT).default('tous'),
  phaseId: uuidSchema.optional(),
});

/** A participant: a member of the contract by id, or a guest by name and category. */
export const participantSchema = z.union([
  z.strictObject({ userId: uuidSchema }),
  z.strictObject({ nom: z.string().trim().min(2).max(120), categorie: z.enum(CATEGORIES) }),
]);

const comptageSchema = z.strictObject({
  categorie: z.enum(CATEGORIES),
  nombre: z.number().int().min(0).max(100_000),
});

const noDuplicates = <T>(key: (item: T) => string | undefined) => ({
  check: (items: T[]) => {
    const keys = items.map(key).filter((k) => k !== undefined);
    return new Set(keys).size === keys.length;
  },
  message: 'valeurs en double / duplicate values',
});

const distinctMembers = noDuplicates<z.output<typeof participantSchema>>((p) =>
  'userId' in p ? p.userId : undefined,
);
const distinctCategories = noDuplicates<z.output<typeof comptageSchema>>((c) => c.categorie);

/** The whole attendance of an event: it replaces what was recorded before. */
export const presencesSchema = z.strictObject({
  participants: z
    .array(participantSchema)
    .max(2000)
    .refine(distinctMembers.check, distinctMembers.message)
    .default([]),
  comptages: z
    .array(comptageSchema)
    .max(CATEGORIES.length)
    .refine(distinctCategories.check, distinctCategories.message)
    .default([]),
});

export const RAPPORT_FORMATS = ['csv', 'pdf'] as const;
export type RapportFormat = (typeof RAPPORT_FORMATS)[number];
export const rapportExportQuerySchema = z.strictObject({
  format: z.enum(RAPPORT_FORMATS).default('pdf'),
});

export type CreatePhaseInput = z.input<typeof createPhaseSchema>;
export type UpdatePhaseInput = z.input<typeof updatePhaseSchema>;
export type EvenementInput = z.input<typeof evenementSchema>;
export type UpdateEvenementInput = z.input<typeof updateEvenementSchema>;
export type PresencesInput = z.input<typeof presencesSchema>;

export interface Phase {
  id: string;
  type: TypePhase;
  libelle: string;
  ordre: number;
  dateDebut: string | null;
  dateFin: string | null;
  propositions: boolean;
  commentaires: boolean;
  consultations: boolean;
  /** The current phase of the contract, by its dates or set by hand. */
  courante: boolean;
  evenements: number;
}

export interface PhasesView {
  items: Phase[];
  total: number;
  courante: { phaseId: string | null; mode: ModePhaseCourante };
}

export interface Evenement {
  id: string;
  phaseId: string;
  type: TypeEvenement;
  titre: string;
  date: string;
  heure: string | null;
  lieu: string;
  organisateur: string;
  description: string;
  /** How many came: named participants and people counted (names are read with the attendance). */
  presents: { nommes: number; comptes: number };
}

export interface Participant {
  /** The member's account, or null for a guest named at the event. */
  userId: string | null;
  nom: string;
  categorie: Categorie;
}

export interface Presences {
  evenementId: string;
  participants: Participant[];
  comptages: { categorie: Categorie; nombre: number }[];
}
