import { z } from 'zod';
import {
  ISO_DOMAINES,
  ISO_FINALITES,
  type IsoDomaine,
  type IsoFinalite,
  MATURITES,
  type Maturite,
  STATUTS_FINANCEMENT,
  type StatutFinancement,
  TYPES_FICHE,
  type TypeFiche,
} from '../fiches.js';
import type { PlanSummary } from '../finance.js';
import type { MaquetteData, MaquetteDiff } from '../maquette.js';
import { communeCodeSchema, isoDateSchema, uuidSchema } from './common.js';

/** Cents are integers: a float amount is refused, never rounded. */
export const centsSchema = z.number().int().min(0).max(1_000_000_000_000_00);
/** Source codes: the reference list (`SOURCES_REFERENCE`) or one a contract added. */
export const sourceCodeSchema = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/);
export const anneeSchema = z.number().int().min(2000).max(2100);

const jalonSchema = z.strictObject({
  libelle: z.string().trim().min(1).max(200),
  date: isoDateSchema,
  fait: z.boolean().default(false),
});

const indicateurSchema = z.strictObject({
  libelle: z.string().trim().min(1).max(200),
  unite: z.string().trim().max(40).default(''),
  cible: z.number().finite().nullable().default(null),
});

const unique = <T>(items: T[]) => new Set(items).size === items.length;
const distinct = { message: 'valeurs en double / duplicate values' };

const ficheFields = {
  titre: z.string().trim().min(3).max(200),
  resume: z.string().trim().max(2000),
  maturite: z.enum(MATURITES),
  maitreOuvrage: z.string().trim().max(200),
  partenaires: z.array(z.string().trim().min(1).max(200)).max(50),
  /** The member who carries the fiche: a partner may edit the fiches it carries. */
  porteurId: uuidSchema.nullable(),
  communes: z.array(communeCodeSchema).max(500).refine(unique, distinct),
  orientationId: uuidSchema.nullable(),
  objectifIds: z.array(uuidSchema).max(50).refine(unique, distinct),
  dateDebut: isoDateSchema.nullable(),
  dateFin: isoDateSchema.nullable(),
  jalons: z.array(jalonSchema).max(50),
  coutCents: centsSchema.nullable(),
  indicateurs: z.array(indicateurSchema).max(30),
  isoFinalites: z.array(z.enum(ISO_FINALITES)).refine(unique, distinct),
  isoDomaines: z.array(z.enum(ISO_DOMAINES)).refine(unique, distinct),
  odd: z.array(z.number().int().min(1).max(17)).refine(unique, distinct),
  public: z.boolean(),
  /** The linked contract the fiche comes from (e.g. a CTI action `valorisée` in the CRTE). */
  contratLieId: uuidSchema.nullable(),
  /** Coopération partner contracts the fiche is shared with. */
  partageAvec: z.array(uuidSchema).max(20).refine(unique, distinct),
};

const periodOk = (f: { dateDebut?: string | null; dateFin?: string | null }) =>
  !f.dateDebut || !f.dateFin || f.dateDebut <= f.dateFin;
const periodIssue = { message: 'la fin précède le début / end before start', path: ['dateFin'] };

export const createFicheSchema = z
  .strictObject({
    titre: ficheFields.titre,
    type: z.enum(TYPES_FICHE).default('projet'),
    resume: ficheFields.resume.default(''),
    maturite: ficheFields.maturite.default('idee'),
    maitreOuvrage: ficheFields.maitreOuvrage.default(''),
    partenaires: ficheFields.partenaires.default([]),
    porteurId: ficheFields.porteurId.default(null),
    communes: ficheFields.communes.default([]),
    orientationId: ficheFields.orientationId.default(null),
    objectifIds: ficheFields.objectifIds.default([]),
    dateDebut: ficheFields.dateDebut.default(null),
    dateFin: ficheFields.dateFin.default(null),
    jalons: ficheFields.jalons.default([]),
    coutCents: ficheFields.coutCents.default(null),
    indicateurs: ficheFields.indicateurs.default([]),
    isoFinalites: ficheFields.isoFinalites.default([]),
    isoDomaines: ficheFields.isoDomaines.default([]),
    odd: ficheFields.odd.default([]),
    public: ficheFields.public.default(false),
    contratLieId: ficheFields.contratLieId.default(null),
    partageAvec: ficheFields.partageAvec.default([]),
  })
  .refine(periodOk, periodIssue);
export type CreateFicheInput = z.input<typeof createFicheSchema>;

/**
 * A PATCH changes only the fields it names. `version` is the version the editor started from: if
 * someone saved in between, the change is refused (409) rather than silently overwriting theirs.
 * The type changes only through promotion.
 */
export const updateFicheSchema = z
  .strictObject(ficheFields)
  .partial()
  .extend({ version: z.number().int().min(1).optional() })
  .refine(periodOk, periodIssue);
export type UpdateFicheInput = z.input<typeof updateFicheSchema>;
export type FicheField = keyof typeof ficheFields;

export const financementSchema = z.strictObject({
  source: sourceCodeSchema,
  montantCents: centsSchema.refine((cents) => cents > 0, {
    message: 'le montant doit être positif / the amount must be positive',
  }),
  annee: anneeSchema,
  statut: z.enum(STATUTS_FINANCEMENT).default('sollicite'),
  commentaire: z.string().trim().max(500).default(''),
});
export const updateFinancementSchema = z.strictObject({
  source: financementSchema.shape.source.optional(),
  montantCents: financementSchema.shape.montantCents.optional(),
  annee: anneeSchema.optional(),
  statut: z.enum(STATUTS_FINANCEMENT).optional(),
  commentaire: z.string().trim().max(500).optional(),
});

export const sourceContratSchema = z.strictObject({
  code: sourceCodeSchema,
  libelle: z.string().trim().min(2).max(120),
});

const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item).max(50),
  );

export const FICHE_SORTS = [
  'numero',
  '-numero',
  'titre',
  '-titre',
  'cout',
  '-cout',
  'maturite',
  '-maturite',
  'maj',
  '-maj',
] as const;

/** Query parameters of the fiche list; list values are comma-separated. */
export const ficheQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  orientation: uuidSchema.optional(),
  maturite: listOf(z.enum(MATURITES)).optional(),
  type: z.enum(TYPES_FICHE).optional(),
  porteur: z.string().trim().max(200).optional(),
  source: sourceCodeSchema.optional(),
  commune: communeCodeSchema.optional(),
  isoDomaine: z.enum(ISO_DOMAINES).optional(),
  isoFinalite: z.enum(ISO_FINALITES).optional(),
  public: z.enum(['true', 'false']).optional(),
  sort: z.enum(FICHE_SORTS).default('numero'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FicheQuery = z.output<typeof ficheQuerySchema>;

export const validerMaquetteSchema = z.strictObject({
  libelle: z.string().trim().min(3).max(200),
  valideeLe: isoDateSchema,
});

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportQuerySchema = z.strictObject({ format: z.enum(EXPORT_FORMATS).default('xlsx') });

/** Fields an import column can fill. */
export const IMPORT_FIELDS = [
  'titre',
  'type',
  'maturite',
  'maitreOuvrage',
  'resume',
  'communes',
  'orientation',
  'dateDebut',
  'dateFin',
  'coutHt',
  'public',
  'isoDomaines',
  'isoFinalites',
  'odd',
  'partenaires',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const importFichesSchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  /** The file, base64-encoded. */
  contenu: z.base64().max(14_000_000),
  /** Column header → field; absent on the first, analysing call. */
  correspondance: z.record(z.string(), z.enum(IMPORT_FIELDS)).optional(),
  /** Check everything and report, but write nothing. */
  simulation: z.boolean().default(false),
});

// ── responses ──

export interface FinancementLine {
  id: string;
  source: string;
  montantCents: number;
  annee: number;
  statut: StatutFinancement;
  commentaire: string;
}

export interface FicheSummary {
  id: string;
  contratId: string;
  numero: number;
  type: TypeFiche;
  titre: string;
  resume: string;
  maturite: Maturite;
  maitreOuvrage: string;
  porteur: { id: string; nom: string } | null;
  orientationId: string | null;
  communes: { code: string; nom: string }[];
  coutCents: number | null;
  isoFinalites: IsoFinalite[];
  isoDomaines: IsoDomaine[];
  public: boolean;
  plan: PlanSummary;
  updatedAt: string;
}

export interface Fiche extends FicheSummary {
  partenaires: string[];
  objectifIds: string[];
  dateDebut: string | null;
  dateFin: string | null;
  jalons: { libelle: string; date: string; fait: boolean }[];
  indicateurs: { libelle: string; unite: string; cible: number | null }[];
  odd: number[];
  contratLieId: string | null;
  partageAvec: { contratId: string; nom: string }[];
  financements: FinancementLine[];
  version: number;
  createdAt: string;
  /** What the caller may do with this fiche, from the permission matrix. */
  droits: { modifier: boolean; supprimer: boolean; promouvoir: boolean };
  /** Mandatory fields still missing before the fiche can become a fiche action. */
  manquePourAction: string[];
}

export interface FicheHistoryEntry {
  id: string;
  at: string;
  auteur: { id: string; nom: string } | null;
  evenement: 'creation' | 'modification' | 'promotion' | 'financement' | 'import';
  champ: string | null;
  avant: unknown;
  apres: unknown;
}

export interface MaquetteVersionSummary {
  id: string;
  annee: number;
  libelle: string;
  valideeLe: string;
  validePar: { id: string; nom: string } | null;
  totalCents: number;
  createdAt: string;
}

export interface MaquetteView extends MaquetteData {
  contratId: string;
  /** The frozen version this is, or null for the live maquette. */
  version: MaquetteVersionSummary | null;
}

export type { MaquetteDiff };

export interface ImportRowIssue {
  /** Line number in the file as a spreadsheet shows it (header is line 1). */
  ligne: number;
  colonne: string | null;
  message: string;
}

export interface ImportReport {
  colonnes: string[];
  /** Suggested or used mapping, column header → field. */
  correspondance: Record<string, ImportField>;
  lignes: number;
  importees: number;
  erreurs: ImportRowIssue[];
  simulation: boolean;
}

export interface IsoMatrix {
  cells: { finalite: IsoFinalite; domaine: IsoDomaine; fiches: number; coutCents: number }[];
  totalFiches: number;
}
