import type { Locale } from '@trame/shared';

/**
 * The portal's own words, French first. Reference values (statuses, maturities, sources, ISO
 * 37101) take their labels from `@trame/shared`, like the client.
 */
const fr = {
  skipLink: 'Aller au contenu',
  siteName: 'Portail public',
  poweredBy: 'Portail public du contrat, publié avec Trame.',
  navLabel: 'Navigation du portail',
  navHome: 'Accueil du contrat',
  navFiches: 'Fiches',
  switchLanguage: 'English',
  switchLanguageLang: 'en',
  breadcrumb: 'Fil d’Ariane',
  // home
  homeDescription: (nom: string) =>
    `${nom} : projet de territoire, orientations et fiches publiques.`,
  keyFacts: 'Le contrat en bref',
  territoire: 'Territoire',
  communes: (n: number) => (n === 1 ? '1 commune' : `${n} communes`),
  habitants: (n: string) => `${n} habitants`,
  periode: 'Période',
  periodeDu: (debut: string, fin: string) => `du ${debut} au ${fin}`,
  periodeDepuis: (debut: string) => `depuis le ${debut}`,
  periodeJusque: (fin: string) => `jusqu’au ${fin}`,
  nonRenseigne: 'Non renseigné',
  statut: 'Statut',
  projet: 'Projet de territoire',
  projetVide: 'Le texte du projet de territoire n’est pas encore publié.',
  orientations: 'Orientations stratégiques',
  orientationsVides: 'Les orientations stratégiques ne sont pas encore publiées.',
  orientationTitre: (numero: number, titre: string) => `Orientation ${numero} — ${titre}`,
  objectifsDe: (numero: number) => `Objectifs opérationnels de l’orientation ${numero}`,
  fichesDeLOrientation: (n: number) =>
    n === 0
      ? 'Aucune fiche publique pour cette orientation'
      : n === 1
        ? 'Voir la fiche publique de cette orientation'
        : `Voir les ${n} fiches publiques de cette orientation`,
  toutesLesFiches: (n: number) =>
    n === 1 ? 'Voir la fiche publique' : `Voir les ${n} fiches publiques`,
  aVenir: 'À venir',
  aVenirVide: 'Aucun événement n’est annoncé pour le moment.',
  aVenirCaption: 'Prochains événements du contrat',
  evenementDate: 'Date',
  evenementType: 'Type',
  evenementTitre: 'Événement',
  evenementLieu: 'Lieu',
  aHeure: (heure: string) => `à ${heure.replace(/^0/, '').replace(':', ' h ')}`,
  // list
  listTitle: 'Fiches publiques',
  listDescription: (nom: string) =>
    `${nom} : les opérations publiques, leur avancement, leurs communes, leur coût et leur financement.`,
  filtres: 'Filtrer les fiches',
  recherche: 'Rechercher',
  rechercheAide: 'Titre, résumé, maître d’ouvrage ou numéro (F-007)',
  orientation: 'Orientation',
  toutes: 'Toutes',
  maturite: 'Avancement',
  commune: 'Commune',
  filtrer: 'Filtrer',
  reinitialiser: 'Effacer les filtres',
  resultats: (n: number) =>
    n === 0 ? 'Aucune fiche ne correspond.' : n === 1 ? '1 fiche' : `${n} fiches`,
  pageDe: (page: number, pages: number) => `page ${page} sur ${pages}`,
  aucunResultat: 'Aucune fiche publique ne correspond à ces critères.',
  cout: 'Coût HT',
  financement: 'Financement',
  financementResume: (acquis: string, sollicite: string) =>
    `${acquis} acquis, ${sollicite} sollicités`,
  aucunFinancement: 'Aucun financement renseigné',
  pagination: 'Pages de résultats',
  precedente: 'Page précédente',
  suivante: 'Page suivante',
  pageN: (n: number) => `Page ${n}`,
  // fiche
  ficheDescription: (reference: string, nom: string) => `${nom} — fiche ${reference}.`,
  enBref: 'En bref',
  type: 'Type',
  maitreOuvrage: 'Maître d’ouvrage',
  porteur: 'Porteur',
  partenaires: 'Partenaires',
  communesConcernees: 'Communes concernées',
  objectifs: 'Objectifs opérationnels',
  calendrier: 'Calendrier',
  debut: 'Début',
  fin: 'Fin',
  jalons: 'Jalons',
  jalon: 'Jalon',
  date: 'Date',
  etat: 'État',
  fait: 'Réalisé',
  aFaire: 'À venir',
  aucunJalon: 'Aucun jalon renseigné.',
  planFinancement: 'Plan de financement',
  planCaption: 'Financements acquis et sollicités, par source',
  source: 'Source',
  acquis: 'Acquis',
  sollicite: 'Sollicité',
  total: 'Total',
  resteAFinancer: 'Reste à financer',
  depasseCout: (montant: string) => `Les financements dépassent le coût de ${montant}.`,
  indicateurs: 'Indicateurs de suivi',
  indicateursCaption: 'Indicateurs de suivi et cibles',
  indicateur: 'Indicateur',
  unite: 'Unité',
  cible: 'Cible',
  iso: 'Référentiel ISO 37101',
  isoFinalites: 'Finalités',
  isoDomaines: 'Domaines d’action',
  odd: 'Objectifs de développement durable',
  oddLabel: (numero: number, nom: string) => `ODD ${numero} — ${nom}`,
  recit: 'Récit',
  misAJour: (date: string) => `Dernière mise à jour le ${date}.`,
  partageePar: (nom: string) => `Fiche partagée par un contrat partenaire : ${nom}.`,
  retourListe: 'Toutes les fiches publiques',
  // errors
  introuvable: 'Page introuvable',
  introuvableTexte:
    'Cette page n’existe pas ou n’est pas publique. Vérifiez l’adresse ou revenez à l’accueil.',
  ficheIntrouvable: 'Fiche introuvable',
  ficheIntrouvableTexte: 'Cette fiche n’existe pas dans ce contrat ou n’est pas publique.',
  rechercheInvalide: 'Recherche invalide',
  rechercheInvalideTexte:
    'Les critères de recherche ne sont pas valides. Modifiez-les ou effacez-les.',
  retourAccueil: 'Retour à l’accueil de Trame',
  indisponible: 'Portail momentanément indisponible',
  indisponibleTexte: 'La page n’a pas pu être affichée. Réessayez dans quelques instants.',
};

type Messages = typeof fr;

const en: Messages = {
  skipLink: 'Skip to content',
  siteName: 'Public portal',
  poweredBy: 'Public portal of the contract, published with Trame.',
  navLabel: 'Portal navigation',
  navHome: 'Contract home',
  navFiches: 'Project sheets',
  switchLanguage: 'Français',
  switchLanguageLang: 'fr',
  breadcrumb: 'Breadcrumb',
  homeDescription: (nom) => `${nom}: territorial project, strategic priorities and public sheets.`,
  keyFacts: 'The contract at a glance',
  territoire: 'Territory',
  communes: (n) => (n === 1 ? '1 municipality' : `${n} municipalities`),
  habitants: (n) => `${n} inhabitants`,
  periode: 'Period',
  periodeDu: (debut, fin) => `from ${debut} to ${fin}`,
  periodeDepuis: (debut) => `since ${debut}`,
  periodeJusque: (fin) => `until ${fin}`,
  nonRenseigne: 'Not specified',
  statut: 'Status',
  projet: 'Territorial project',
  projetVide: 'The text of the territorial project is not published yet.',
  orientations: 'Strategic priorities',
  orientationsVides: 'The strategic priorities are not published yet.',
  orientationTitre: (numero, titre) => `Priority ${numero} — ${titre}`,
  objectifsDe: (numero) => `Operational objectives of priority ${numero}`,
  fichesDeLOrientation: (n) =>
    n === 0
      ? 'No public sheet for this priority'
      : n === 1
        ? 'See the public sheet of this priority'
        : `See the ${n} public sheets of this priority`,
  toutesLesFiches: (n) => (n === 1 ? 'See the public sheet' : `See the ${n} public sheets`),
  aVenir: 'Coming up',
  aVenirVide: 'No event is announced for now.',
  aVenirCaption: 'Upcoming events of the contract',
  evenementDate: 'Date',
  evenementType: 'Type',
  evenementTitre: 'Event',
  evenementLieu: 'Place',
  aHeure: (heure) => `at ${heure}`,
  listTitle: 'Public project sheets',
  listDescription: (nom) =>
    `${nom}: the public operations, their progress, municipalities, cost and funding.`,
  filtres: 'Filter the sheets',
  recherche: 'Search',
  rechercheAide: 'Title, summary, project owner or number (F-007)',
  orientation: 'Priority',
  toutes: 'All',
  maturite: 'Progress',
  commune: 'Municipality',
  filtrer: 'Filter',
  reinitialiser: 'Clear filters',
  resultats: (n) => (n === 0 ? 'No sheet matches.' : n === 1 ? '1 sheet' : `${n} sheets`),
  pageDe: (page, pages) => `page ${page} of ${pages}`,
  aucunResultat: 'No public sheet matches these criteria.',
  cout: 'Cost before tax',
  financement: 'Funding',
  financementResume: (acquis, sollicite) => `${acquis} secured, ${sollicite} requested`,
  aucunFinancement: 'No funding entered',
  pagination: 'Result pages',
  precedente: 'Previous page',
  suivante: 'Next page',
  pageN: (n) => `Page ${n}`,
  ficheDescription: (reference, nom) => `${nom} — project sheet ${reference}.`,
  enBref: 'At a glance',
  type: 'Type',
  maitreOuvrage: 'Project owner',
  porteur: 'Carried by',
  partenaires: 'Partners',
  communesConcernees: 'Municipalities concerned',
  objectifs: 'Operational objectives',
  calendrier: 'Schedule',
  debut: 'Start',
  fin: 'End',
  jalons: 'Milestones',
  jalon: 'Milestone',
  date: 'Date',
  etat: 'Status',
  fait: 'Done',
  aFaire: 'Upcoming',
  aucunJalon: 'No milestone entered.',
  planFinancement: 'Funding plan',
  planCaption: 'Secured and requested funding, by source',
  source: 'Source',
  acquis: 'Secured',
  sollicite: 'Requested',
  total: 'Total',
  resteAFinancer: 'Still to be funded',
  depasseCout: (montant) => `Funding exceeds the cost by ${montant}.`,
  indicateurs: 'Monitoring indicators',
  indicateursCaption: 'Monitoring indicators and targets',
  indicateur: 'Indicator',
  unite: 'Unit',
  cible: 'Target',
  iso: 'ISO 37101 framework',
  isoFinalites: 'Purposes',
  isoDomaines: 'Domains of action',
  odd: 'Sustainable Development Goals',
  oddLabel: (numero, nom) => `SDG ${numero} — ${nom}`,
  recit: 'Narrative',
  misAJour: (date) => `Last updated on ${date}.`,
  partageePar: (nom) => `Sheet shared by a partner contract: ${nom}.`,
  retourListe: 'All public sheets',
  introuvable: 'Page not found',
  introuvableTexte: 'This page does not exist or is not public. Check the address or go back home.',
  ficheIntrouvable: 'Sheet not found',
  ficheIntrouvableTexte: 'This sheet does not exist in this contract or is not public.',
  rechercheInvalide: 'Invalid search',
  rechercheInvalideTexte: 'The search criteria are not valid. Change or clear them.',
  retourAccueil: 'Back to Trame’s home page',
  indisponible: 'Portal temporarily unavailable',
  indisponibleTexte: 'The page could not be shown. Please try again in a moment.',
};

export const MESSAGES: Record<Locale, Messages> = { fr, en };

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};

/** A calendar date (`YYYY-MM-DD`) as words: "1er juillet 2021", "1 July 2021". */
export function formatDate(isoDate: string, locale: Locale): string {
  const parts = dateFormats[locale].formatToParts(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
  return parts
    .map((part) =>
      locale === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value,
    )
    .join('');
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR'),
  en: new Intl.NumberFormat('en-GB'),
};

export function formatNumber(value: number, locale: Locale): string {
  return numberFormats[locale].format(value);
}
