import type {
  Articulation,
  RelationPerimetre,
  StatutContrat,
  StatutPartieCooperation,
  TypeContratLie,
  TypeCooperation,
  TypeSignataire,
} from './contrats.js';
import type { Locale } from './locale.js';
import type { Categorie, Role } from './roles.js';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** Display names of reference values, used by the client, the e-mails and the public portal. */
export const ROLE_LABELS: Labels<Role> = {
  animateur: { fr: 'Animateur·rice', en: 'Project lead' },
  copil: { fr: 'Comité de pilotage', en: 'Steering committee' },
  cotech: { fr: 'Comité technique', en: 'Technical committee' },
  partenaire: { fr: 'Partenaire', en: 'Partner' },
  habitant: { fr: 'Habitant·e', en: 'Resident' },
};

export const CATEGORIE_LABELS: Labels<Categorie> = {
  elu: { fr: 'Élu·e', en: 'Elected official' },
  etat: { fr: 'État', en: 'State services' },
  collectivite: { fr: 'Collectivité / service', en: 'Local authority / service' },
  chambre_consulaire: { fr: 'Chambre consulaire', en: 'Chamber (commerce, trades, agriculture)' },
  entreprise: { fr: 'Entreprise', en: 'Business' },
  entreprise_ess: { fr: 'Entreprise de l’ESS', en: 'Social economy business' },
  association: { fr: 'Association', en: 'Association' },
  habitant: { fr: 'Habitant·e', en: 'Resident' },
  conseil_developpement: { fr: 'Conseil de développement', en: 'Development council' },
  autre: { fr: 'Autre', en: 'Other' },
};

export const STATUT_CONTRAT_LABELS: Labels<StatutContrat> = {
  en_elaboration: { fr: 'En élaboration', en: 'Being drafted' },
  signe: { fr: 'Signé', en: 'Signed' },
  en_mise_en_oeuvre: { fr: 'En mise en œuvre', en: 'Being implemented' },
  en_evaluation: { fr: 'En évaluation', en: 'Under evaluation' },
};

export const TYPE_SIGNATAIRE_LABELS: Labels<TypeSignataire> = {
  etat: { fr: 'État', en: 'State' },
  epci: { fr: 'Intercommunalité', en: 'Intercommunality' },
  petr: { fr: 'PETR / Pays', en: 'PETR / Pays' },
  commune: { fr: 'Commune', en: 'Municipality' },
  departement: { fr: 'Département', en: 'Département' },
  region: { fr: 'Région', en: 'Region' },
  operateur: { fr: 'Opérateur / établissement public', en: 'Public operator' },
  autre: { fr: 'Autre', en: 'Other' },
};

export const TYPE_CONTRAT_LIE_LABELS: Labels<TypeContratLie> = {
  territoires_industrie: { fr: 'Territoires d’industrie', en: 'Territoires d’industrie' },
  contrat_de_ville: { fr: 'Contrat de ville', en: 'City contract' },
  contrat_local_sante: { fr: 'Contrat local de santé', en: 'Local health contract' },
  petites_villes_de_demain: { fr: 'Petites villes de demain', en: 'Petites villes de demain' },
  action_coeur_de_ville: { fr: 'Action cœur de ville', en: 'Action cœur de ville' },
  territoire_educatif_rural: { fr: 'Territoire éducatif rural', en: 'Rural education territory' },
  contrat_territoire_lecture: { fr: 'Contrat territoire-lecture', en: 'Reading contract' },
  contrat_securite_integree: {
    fr: 'Contrat de sécurité intégrée',
    en: 'Integrated security contract',
  },
  contrat_relance_logement: {
    fr: 'Contrat de relance du logement',
    en: 'Housing recovery contract',
  },
  autre: { fr: 'Autre contrat', en: 'Other contract' },
};

export const ARTICULATION_LABELS: Labels<Articulation> = {
  integre: { fr: 'Intégré au CRTE', en: 'Merged into the CRTE' },
  valorise: { fr: 'Valorisé dans le CRTE', en: 'Showcased in the CRTE' },
};

export const RELATION_PERIMETRE_LABELS: Labels<RelationPerimetre> = {
  identique: { fr: 'Même périmètre', en: 'Same perimeter' },
  plus_large: { fr: 'Périmètre plus large', en: 'Wider perimeter' },
  plus_restreint: { fr: 'Périmètre plus restreint', en: 'Narrower perimeter' },
  chevauchant: { fr: 'Périmètres qui se chevauchent', en: 'Overlapping perimeters' },
};

export const TYPE_COOPERATION_LABELS: Labels<TypeCooperation> = {
  contrat_reciprocite: { fr: 'Contrat de réciprocité', en: 'Reciprocity contract' },
  projet_commun: { fr: 'Projet commun', en: 'Joint project' },
  mutualisation: { fr: 'Mutualisation de moyens', en: 'Pooling of resources' },
  gouvernance_partagee: { fr: 'Gouvernance partagée', en: 'Shared governance' },
  autre: { fr: 'Autre coopération', en: 'Other cooperation' },
};

export const STATUT_PARTIE_COOPERATION_LABELS: Labels<StatutPartieCooperation> = {
  en_attente: { fr: 'En attente', en: 'Pending' },
  acceptee: { fr: 'Acceptée', en: 'Accepted' },
};

/** The 17 Sustainable Development Goals (ODD), by number: `ODD_LABELS[locale][numero - 1]`. */
export const ODD_LABELS: Record<Locale, readonly string[]> = {
  fr: [
    'Pas de pauvreté',
    'Faim « zéro »',
    'Bonne santé et bien-être',
    'Éducation de qualité',
    'Égalité entre les sexes',
    'Eau propre et assainissement',
    'Énergie propre et d’un coût abordable',
    'Travail décent et croissance économique',
    'Industrie, innovation et infrastructure',
    'Inégalités réduites',
    'Villes et communautés durables',
    'Consommation et production responsables',
    'Mesures relatives à la lutte contre les changements climatiques',
    'Vie aquatique',
    'Vie terrestre',
    'Paix, justice et institutions efficaces',
    'Partenariats pour la réalisation des objectifs',
  ],
  en: [
    'No poverty',
    'Zero hunger',
    'Good health and well-being',
    'Quality education',
    'Gender equality',
    'Clean water and sanitation',
    'Affordable and clean energy',
    'Decent work and economic growth',
    'Industry, innovation and infrastructure',
    'Reduced inequalities',
    'Sustainable cities and communities',
    'Responsible consumption and production',
    'Climate action',
    'Life below water',
    'Life on land',
    'Peace, justice and strong institutions',
    'Partnerships for the goals',
  ],
};
