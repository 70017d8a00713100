import { z } from 'zod';
import {
  ARTICULATIONS,
  type Articulation,
  RELATIONS_PERIMETRE,
  type RelationPerimetre,
  STATUTS_CONTRAT,
  type StatutContrat,
  type StatutPartieCooperation,
  TYPES_CONTRAT_LIE,
  TYPES_COOPERATION,
  TYPES_SIGNATAIRE,
  type TypeContratLie,
  type TypeCooperation,
  type TypeSignataire,
} from '../contrats.js';
import type { Role } from '../roles.js';
import {
  communeCodeSchema,
  epciCodeSchema,
  isoDateSchema,
  slugSchema,
  uuidSchema,
} from './common.js';

const nomSchema = z.string().trim().min(3).max(200);
const longText = z.string().trim().max(5000);
const urlSchema = z.url({ protocol: /^https?$/ }).max(500);

const contratFields = {
  nom: nomSchema,
  slug: slugSchema,
  description: longText,
  statut: z.enum(STATUTS_CONTRAT),
  dateDebut: isoDateSchema.nullable(),
  dateFin: isoDateSchema.nullable(),
  /** SIREN of the intercommunalité the contract covers, if it covers one EPCI. */
  epciCode: epciCodeSchema.nullable(),
  /** INSEE codes of the communes in the perimeter; when omitted with an EPCI, all its members. */
  communes: z.array(communeCodeSchema).min(1).max(2000),
  publie: z.boolean(),
};

export const createContratSchema = z
  .strictObject({
    nom: contratFields.nom,
    slug: contratFields.slug.optional(),
    description: contratFields.description.default(''),
    statut: contratFields.statut.default('en_elaboration'),
    dateDebut: contratFields.dateDebut.default(null),
    dateFin: contratFields.dateFin.default(null),
    epciCode: contratFields.epciCode.default(null),
    communes: contratFields.communes.optional(),
    publie: contratFields.publie.default(false),
  })
  .refine((input) => input.epciCode !== null || input.communes !== undefined, {
    message: 'epciCode ou communes requis / epciCode or communes required',
    path: ['communes'],
  });

export const updateContratSchema = z.strictObject({
  nom: contratFields.nom.optional(),
  slug: contratFields.slug.optional(),
  description: contratFields.description.optional(),
  statut: contratFields.statut.optional(),
  dateDebut: contratFields.dateDebut.optional(),
  dateFin: contratFields.dateFin.optional(),
  epciCode: contratFields.epciCode.optional(),
  communes: contratFields.communes.optional(),
  publie: contratFields.publie.optional(),
});

export type CreateContratInput = z.infer<typeof createContratSchema>;
export type UpdateContratInput = z.infer<typeof updateContratSchema>;

export const signataireSchema = z.strictObject({
  organisation: z.string().trim().min(2).max(200),
  representant: z.string().trim().max(200).default(''),
  qualite: z.string().trim().max(200).default(''),
  type: z.enum(TYPES_SIGNATAIRE),
  dateSignature: isoDateSchema.nullable().default(null),
});
export const updateSignataireSchema = z.strictObject({
  organisation: z.string().trim().min(2).max(200).optional(),
  representant: z.string().trim().max(200).optional(),
  qualite: z.string().trim().max(200).optional(),
  type: z.enum(TYPES_SIGNATAIRE).optional(),
  dateSignature: isoDateSchema.nullable().optional(),
});

export const orientationSchema = z.strictObject({
  titre: z.string().trim().min(3).max(300),
  description: longText.default(''),
});
export const updateOrientationSchema = z.strictObject({
  titre: z.string().trim().min(3).max(300).optional(),
  description: longText.optional(),
  /** New 1-based position among the contract's orientations. */
  numero: z.number().int().min(1).optional(),
});
export const objectifSchema = orientationSchema;
export const updateObjectifSchema = updateOrientationSchema;

export const contratLieSchema = z.strictObject({
  type: z.enum(TYPES_CONTRAT_LIE),
  nom: nomSchema,
  articulation: z.enum(ARTICULATIONS),
  relationPerimetre: z.enum(RELATIONS_PERIMETRE),
  description: longText.default(''),
  dateSignature: isoDateSchema.nullable().default(null),
  url: urlSchema.nullable().default(null),
});
export const updateContratLieSchema = z.strictObject({
  type: z.enum(TYPES_CONTRAT_LIE).optional(),
  nom: nomSchema.optional(),
  articulation: z.enum(ARTICULATIONS).optional(),
  relationPerimetre: z.enum(RELATIONS_PERIMETRE).optional(),
  description: longText.optional(),
  dateSignature: isoDateSchema.nullable().optional(),
  url: urlSchema.nullable().optional(),
});

/**
 * A partner is another contract in Trame — by id, or by the slug of its address, since an
 * unpublished contract cannot be looked up by someone outside it — or a territory outside Trame.
 */
export const partenaireCooperationSchema = z.union([
  z.strictObject({ contratId: uuidSchema }),
  z.strictObject({ slug: slugSchema }),
  z.strictObject({ nomExterne: z.string().trim().min(2).max(200) }),
]);

export const cooperationSchema = z.strictObject({
  nom: nomSchema,
  type: z.enum(TYPES_COOPERATION),
  description: longText.default(''),
  partenaires: z.array(partenaireCooperationSchema).min(1).max(50),
});
export const updateCooperationSchema = z.strictObject({
  nom: nomSchema.optional(),
  type: z.enum(TYPES_COOPERATION).optional(),
  description: longText.optional(),
});

export interface Commune {
  code: string;
  nom: string;
  population: number | null;
  departement: string;
}

export interface Signataire {
  id: string;
  organisation: string;
  representant: string;
  qualite: string;
  type: TypeSignataire;
  dateSignature: string | null;
}

export interface Objectif {
  id: string;
  orientationId: string;
  numero: number;
  titre: string;
  description: string;
}

export interface Orientation {
  id: string;
  numero: number;
  titre: string;
  description: string;
  objectifs: Objectif[];
}

export interface ContratLie {
  id: string;
  type: TypeContratLie;
  nom: string;
  articulation: Articulation;
  relationPerimetre: RelationPerimetre;
  description: string;
  dateSignature: string | null;
  url: string | null;
}

export interface PartieCooperation {
  contratId: string | null;
  /** The contract's name in Trame, or the external territory's name. */
  nom: string;
  slug: string | null;
  statut: StatutPartieCooperation;
}

export interface Cooperation {
  id: string;
  nom: string;
  type: TypeCooperation;
  description: string;
  /** The contract that proposed the cooperation. */
  initiateurId: string;
  parties: PartieCooperation[];
}

export interface ContratSummary {
  id: string;
  slug: string;
  nom: string;
  statut: StatutContrat;
  publie: boolean;
  epci: { code: string; nom: string } | null;
  population: number;
  nombreCommunes: number;
  monRole: Role | null;
}

export interface Contrat extends ContratSummary {
  description: string;
  dateDebut: string | null;
  dateFin: string | null;
  perimetre: { population: number; communes: Commune[] };
  signataires: Signataire[];
  orientations: Orientation[];
  contratsLies: ContratLie[];
  cooperations: Cooperation[];
  createdAt: string;
  updatedAt: string;
}
