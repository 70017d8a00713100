import type { Locale } from './locale.js';

/** Reference lists of fiches and their financing (DESIGN.md §2 "Fiche", "Sources", "ISO 37101"). */

type Labels<K extends string> = Record<K, Record<Locale, string>>;

export const TYPES_FICHE = ['projet', 'action'] as const;
export type TypeFiche = (typeof TYPES_FICHE)[number];

/** In the order a fiche usually goes through them; `abandonnee` can happen at any point. */
export const MATURITES = [
  'idee',
  'en_emergence',
  'en_instruction',
  'prete_a_demarrer',
  'engagee',
  'realisee',
  'abandonnee',
] as const;
export type Maturite = (typeof MATURITES)[number];

export const STATUTS_FINANCEMENT = ['sollicite', 'acquis', 'refuse'] as const;
export type StatutFinancement = (typeof STATUTS_FINANCEMENT)[number];

/**
 * The national reference list of funding sources named by the CRTE guide. A contract adds its own
 * (a regional scheme, a foundation…) with codes of the same shape; see `sourceCodeSchema`.
 */
export const SOURCES_REFERENCE = [
  'plan_relance',
  'dsil',
  'detr',
  'fnadt',
  'fonds_vert',
  'feder',
  'fse_plus',
  'leader',
  'cper',
  'contrats_locaux',
  'region',
  'departement',
  'credits_collectivites',
  'autofinancement',
  'partenaires_prives',
  'financement_participatif',
  'autre',
] as const;
export type SourceReference = (typeof SOURCES_REFERENCE)[number];

export const SOURCE_LABELS: Labels<SourceReference> = {
  plan_relance: { fr: 'Plan de relance', en: 'Recovery plan' },
  dsil: { fr: 'DSIL', en: 'DSIL (local investment grant)' },
  detr: { fr: 'DETR', en: 'DETR (rural equipment grant)' },
  fnadt: { fr: 'FNADT', en: 'FNADT (regional planning fund)' },
  fonds_vert: { fr: 'Fonds vert', en: 'Green fund' },
  feder: { fr: 'FEDER', en: 'ERDF' },
  fse_plus: { fr: 'FSE+', en: 'ESF+' },
  leader: { fr: 'LEADER', en: 'LEADER' },
  cper: { fr: 'CPER 2021-2027', en: 'State-region plan 2021-2027' },
  contrats_locaux: { fr: 'Contrats locaux', en: 'Local contracts' },
  region: { fr: 'Région', en: 'Region' },
  departement: { fr: 'Département', en: 'Department' },
  credits_collectivites: { fr: 'Crédits des collectivités', en: 'Local authority funds' },
  autofinancement: { fr: 'Autofinancement du maître d’ouvrage', en: 'Own funds of the owner' },
  partenaires_prives: { fr: 'Partenaires privés', en: 'Private partners' },
  financement_participatif: { fr: 'Financement participatif', en: 'Crowdfunding' },
  autre: { fr: 'Autre', en: 'Other' },
};

/** ISO 37101 — the six purposes of sustainable development in communities. */
export const ISO_FINALITES = [
  'attractivite',
  'environnement',
  'resilience',
  'ressources',
  'cohesion_sociale',
  'bien_etre',
] as const;
export type IsoFinalite = (typeof ISO_FINALITES)[number];

/** ISO 37101 — the twelve domains of action. */
export const ISO_DOMAINES = [
  'gouvernance',
  'education',
  'innovation',
  'sante',
  'culture',
  'vivre_ensemble',
  'economie',
  'cadre_de_vie',
  'securite',
  'infrastructures',
  'mobilite',
  'biodiversite',
] as const;
export type IsoDomaine = (typeof ISO_DOMAINES)[number];

export const ISO_FINALITE_LABELS: Labels<IsoFinalite> = {
  attractivite: { fr: 'Attractivité', en: 'Attractiveness' },
  environnement: {
    fr: 'Préservation et amélioration de l’environnement',
    en: 'Preservation and improvement of the environment',
  },
  resilience: { fr: 'Résilience', en: 'Resilience' },
  ressources: { fr: 'Utilisation responsable des ressources', en: 'Responsible resource use' },
  cohesion_sociale: { fr: 'Cohésion sociale', en: 'Social cohesion' },
  bien_etre: { fr: 'Bien-être', en: 'Well-being' },
};

export const ISO_DOMAINE_LABELS: Labels<IsoDomaine> = {
  gouvernance: {
    fr: 'Gouvernance, responsabilisation et engagement',
    en: 'Governance, empowerment and engagement',
  },
  education: {
    fr: 'Éducation et renforcement des capacités',
    en: 'Education and capacity building',
  },
  innovation: {
    fr: 'Innovation, créativité et recherche',
    en: 'Innovation, creativity and research',
  },
  sante: { fr: 'Santé et soins dans la communauté', en: 'Health and care in the community' },
  culture: { fr: 'Culture et identité communautaire', en: 'Culture and community identity' },
  vivre_ensemble: {
    fr: 'Vivre ensemble, interdépendance et mutualité',
    en: 'Living together, interdependence and mutuality',
  },
  economie: {
    fr: 'Économie et production et consommation durables',
    en: 'Economy and sustainable production and consumption',
  },
  cadre_de_vie: {
    fr: 'Cadre de vie et environnement de travail',
    en: 'Living and working environment',
  },
  securite: { fr: 'Sécurité et sûreté', en: 'Safety and security' },
  infrastructures: { fr: 'Infrastructures communautaires', en: 'Community infrastructures' },
  mobilite: { fr: 'Mobilité', en: 'Mobility' },
  biodiversite: {
    fr: 'Biodiversité et services écosystémiques',
    en: 'Biodiversity and ecosystem services',
  },
};

/** The 17 Sustainable Development Goals (objectifs de développement durable), by number. */
export const ODD = Array.from({ length: 17 }, (_, index) => index + 1);

export const TYPE_FICHE_LABELS: Labels<TypeFiche> = {
  projet: { fr: 'Fiche projet', en: 'Project sheet' },
  action: { fr: 'Fiche action', en: 'Action sheet' },
};

export const MATURITE_LABELS: Labels<Maturite> = {
  idee: { fr: 'Idée', en: 'Idea' },
  en_emergence: { fr: 'En émergence', en: 'Emerging' },
  en_instruction: { fr: 'En instruction', en: 'Under review' },
  prete_a_demarrer: { fr: 'Prête à démarrer', en: 'Ready to start' },
  engagee: { fr: 'Engagée', en: 'Under way' },
  realisee: { fr: 'Réalisée', en: 'Completed' },
  abandonnee: { fr: 'Abandonnée', en: 'Abandoned' },
};

export const STATUT_FINANCEMENT_LABELS: Labels<StatutFinancement> = {
  sollicite: { fr: 'Sollicité', en: 'Requested' },
  acquis: { fr: 'Acquis', en: 'Secured' },
  refuse: { fr: 'Refusé', en: 'Refused' },
};

/** The label of a funding source: the reference list, else the contract's own list, else the code. */
export function sourceLabel(
  code: string,
  locale: Locale,
  contratSources: readonly { code: string; libelle: string }[] = [],
): string {
  if (code in SOURCE_LABELS) return SOURCE_LABELS[code as SourceReference][locale];
  return contratSources.find((source) => source.code === code)?.libelle ?? code;
}

/** What a fiche action must have (DESIGN.md §2): checked when a fiche projet is promoted. */
export const CHAMPS_REQUIS_ACTION = [
  'maitreOuvrage',
  'coutCents',
  'calendrier',
  'financements',
] as const;
export type ChampRequisAction = (typeof CHAMPS_REQUIS_ACTION)[number];

export const CHAMP_REQUIS_LABELS: Labels<ChampRequisAction> = {
  maitreOuvrage: { fr: 'maître d’ouvrage', en: 'project owner' },
  coutCents: { fr: 'coût HT', en: 'cost before tax' },
  calendrier: { fr: 'calendrier (début et fin)', en: 'schedule (start and end)' },
  financements: { fr: 'au moins une ligne de financement', en: 'at least one financing line' },
};

export function missingForAction(fiche: {
  maitreOuvrage: string;
  coutCents: number | null;
  dateDebut: string | null;
  dateFin: string | null;
  financements: number;
}): ChampRequisAction[] {
  const missing: ChampRequisAction[] = [];
  if (fiche.maitreOuvrage.trim() === '') missing.push('maitreOuvrage');
  if (fiche.coutCents === null || fiche.coutCents <= 0) missing.push('coutCents');
  if (!fiche.dateDebut || !fiche.dateFin) missing.push('calendrier');
  if (fiche.financements === 0) missing.push('financements');
  return missing;
}

/** `F-007`: how a fiche is referred to in meetings and tables. */
export function ficheReference(numero: number): string {
  return `F-${String(numero).padStart(3, '0')}`;
}
