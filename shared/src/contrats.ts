/** Reference lists of the contract model (DESIGN.md §2 "Contrat", "Contrats liés", "Coopérations"). */

export const STATUTS_CONTRAT = [
  'en_elaboration',
  'signe',
  'en_mise_en_oeuvre',
  'en_evaluation',
] as const;
export type StatutContrat = (typeof STATUTS_CONTRAT)[number];

export const TYPES_SIGNATAIRE = [
  'etat',
  'epci',
  'petr',
  'commune',
  'departement',
  'region',
  'operateur',
  'autre',
] as const;
export type TypeSignataire = (typeof TYPES_SIGNATAIRE)[number];

/** Contracts a CRTE references, as listed by the CRTE guide and the CTI FAQ. */
export const TYPES_CONTRAT_LIE = [
  'territoires_industrie',
  'contrat_de_ville',
  'contrat_local_sante',
  'petites_villes_de_demain',
  'action_coeur_de_ville',
  'territoire_educatif_rural',
  'contrat_territoire_lecture',
  'contrat_securite_integree',
  'contrat_relance_logement',
  'autre',
] as const;
export type TypeContratLie = (typeof TYPES_CONTRAT_LIE)[number];

/**
 * `integre`: merged into the CRTE, one contract in the end. `valorise`: its actions are shown in
 * the CRTE while it keeps its own governance (FAQ CTI / CRTE, May 2021).
 */
export const ARTICULATIONS = ['integre', 'valorise'] as const;
export type Articulation = (typeof ARTICULATIONS)[number];

/** How the linked contract's perimeter compares with the CRTE's. */
export const RELATIONS_PERIMETRE = [
  'identique',
  'plus_large',
  'plus_restreint',
  'chevauchant',
] as const;
export type RelationPerimetre = (typeof RELATIONS_PERIMETRE)[number];

export const TYPES_COOPERATION = [
  'contrat_reciprocite',
  'projet_commun',
  'mutualisation',
  'gouvernance_partagee',
  'autre',
] as const;
export type TypeCooperation = (typeof TYPES_COOPERATION)[number];

/** A Trame contract named as a cooperation partner confirms before the link shows as active. */
export const STATUTS_PARTIE_COOPERATION = ['en_attente', 'acceptee'] as const;
export type StatutPartieCooperation = (typeof STATUTS_PARTIE_COOPERATION)[number];
