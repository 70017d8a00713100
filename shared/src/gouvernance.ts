import type { Locale } from './locale.js';

/**
 * Reference lists and rules of governance (DESIGN.md §2 "Gouvernance", "Contrat … avenants"): the
 * instances of a contract, their séances, the décisions recorded there and the avenants that
 * gather the évolutions of the contract. Pure functions over plain data: the server applies them
 * inside its transactions, the client uses them to offer only what is allowed.
 */

type Labels<K extends string> = Record<K, Record<Locale, string>>;

export const TYPES_INSTANCE = ['comite_pilotage', 'comite_technique', 'groupe_travail'] as const;
export type TypeInstance = (typeof TYPES_INSTANCE)[number];

export const TYPE_INSTANCE_LABELS: Labels<TypeInstance> = {
  comite_pilotage: { fr: 'Comité de pilotage', en: 'Steering committee' },
  comite_technique: { fr: 'Comité technique', en: 'Technical committee' },
  groupe_travail: { fr: 'Groupe de travail', en: 'Working group' },
};

export const STATUTS_SEANCE = ['prevue', 'tenue', 'annulee'] as const;
export type StatutSeance = (typeof STATUTS_SEANCE)[number];

export const STATUT_SEANCE_LABELS: Labels<StatutSeance> = {
  prevue: { fr: 'Prévue', en: 'Scheduled' },
  tenue: { fr: 'Tenue', en: 'Held' },
  annulee: { fr: 'Annulée', en: 'Cancelled' },
};

export const TYPES_DECISION = [
  'programmation_validee',
  'avis_technique',
  'mesure_rectificative',
  'evolution_contrat',
] as const;
export type TypeDecision = (typeof TYPES_DECISION)[number];

export const TYPE_DECISION_LABELS: Labels<TypeDecision> = {
  programmation_validee: { fr: 'Programmation validée', en: 'Programme approved' },
  avis_technique: { fr: 'Avis technique', en: 'Technical opinion' },
  mesure_rectificative: { fr: 'Mesure rectificative', en: 'Corrective measure' },
  evolution_contrat: { fr: 'Évolution du contrat', en: 'Change to the contract' },
};

export const AVIS_TECHNIQUES = ['favorable', 'favorable_reserves', 'defavorable'] as const;
export type AvisTechnique = (typeof AVIS_TECHNIQUES)[number];

export const AVIS_TECHNIQUE_LABELS: Labels<AvisTechnique> = {
  favorable: { fr: 'Favorable', en: 'Favourable' },
  favorable_reserves: { fr: 'Favorable avec réserves', en: 'Favourable with reservations' },
  defavorable: { fr: 'Défavorable', en: 'Unfavourable' },
};

/** What a mesure rectificative does to a fiche: the guide's reorient, reallocate, stop. */
export const MESURES_RECTIFICATIVES = ['reorienter', 'reallouer', 'arreter'] as const;
export type MesureRectificative = (typeof MESURES_RECTIFICATIVES)[number];

export const MESURE_RECTIFICATIVE_LABELS: Labels<MesureRectificative> = {
  reorienter: { fr: 'Réorientation', en: 'Reorientation' },
  reallouer: { fr: 'Réallocation des financements', en: 'Reallocation of funding' },
  arreter: { fr: 'Arrêt de la fiche', en: 'Sheet stopped' },
};

/** What an évolution du contrat changes, in the guide's words. */
export const OBJETS_EVOLUTION = ['perimetre', 'orientations', 'partenaires', 'actions'] as const;
export type ObjetEvolution = (typeof OBJETS_EVOLUTION)[number];

export const OBJET_EVOLUTION_LABELS: Labels<ObjetEvolution> = {
  perimetre: { fr: 'Périmètre', en: 'Perimeter' },
  orientations: { fr: 'Orientations', en: 'Strategic directions' },
  partenaires: { fr: 'Partenaires', en: 'Partners' },
  actions: { fr: 'Actions', en: 'Actions' },
};

/**
 * Which décisions each instance records. The comité technique gives avis techniques; the comité
 * de pilotage validates the programmation, decides mesures rectificatives and évolutions of the
 * contract; a groupe de travail prepares and decides nothing.
 */
const DECISIONS_PAR_INSTANCE: Record<TypeInstance, readonly TypeDecision[]> = {
  comite_pilotage: ['programmation_validee', 'mesure_rectificative', 'evolution_contrat'],
  comite_technique: ['avis_technique'],
  groupe_travail: [],
};

export function decisionsAutorisees(instance: TypeInstance): readonly TypeDecision[] {
  return DECISIONS_PAR_INSTANCE[instance];
}

export function decisionAutorisee(instance: TypeInstance, type: TypeDecision): boolean {
  return DECISIONS_PAR_INSTANCE[instance].includes(type);
}

/** A décision is recorded in a séance that was not cancelled. */
export function seanceAccepteDecisions(statut: StatutSeance): boolean {
  return statut !== 'annulee';
}

/** An avis technique already given on a fiche: the date of its séance and whether it still counts. */
export interface AvisDonne {
  ficheId: string;
  /** The date (YYYY-MM-DD) of the comité technique's séance. */
  date: string;
  seanceStatut: StatutSeance;
}

/**
 * The guide's rule: the comité technique gives its avis before the steering committee decides.
 * Returns the fiches among `ficheIds` with no avis technique from a séance held on or before
 * `dateSeance` (a cancelled séance gave no avis). Each fiche is reported once, in the given order.
 */
export function fichesSansAvis(
  ficheIds: readonly string[],
  avis: readonly AvisDonne[],
  dateSeance: string,
): string[] {
  const covered = new Set(
    avis.filter((a) => a.seanceStatut !== 'annulee' && a.date <= dateSeance).map((a) => a.ficheId),
  );
  return [...new Set(ficheIds)].filter((id) => !covered.has(id));
}

/** The fiches a steering-committee décision points to, which each need an avis technique. */
export function fichesDecidees(decision: {
  type: TypeDecision;
  ficheId?: string | null;
  ficheIds?: readonly string[];
}): string[] {
  if (decision.type === 'avis_technique' || decision.type === 'programmation_validee') return [];
  return [
    ...new Set([...(decision.ficheId ? [decision.ficheId] : []), ...(decision.ficheIds ?? [])]),
  ];
}

/** Avenants are numbered 1, 2, 3… per contract, in the order they are opened; never reused. */
export function nextAvenantNumero(existing: readonly number[]): number {
  return existing.reduce((max, n) => Math.max(max, n), 0) + 1;
}

/** The name of the named versions an avenant freezes: « Avenant n°2 ». */
export function avenantVersionNom(numero: number): string {
  return `Avenant n°${numero}`;
}

/**
 * Who sits in an instance on a day: members who joined on or before it and had not left before it
 * (a member leaving on a day still sat that day). History rows are never deleted: the composition
 * of any past séance can be read back.
 */
export function membreEnFonction(
  membre: { depuis: string; jusquA: string | null },
  jour: string,
): boolean {
  return membre.depuis <= jour && (membre.jusquA === null || membre.jusquA >= jour);
}
