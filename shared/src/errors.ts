import { interpolate, type Locale } from './locale.js';

/**
 * Every error the API can answer, with its HTTP status and its message in each language. The body
 * is always `{ "error": { "code", "message" } }` (plus `details` for validation).
 */
export const ERRORS = {
  validation_failed: {
    status: 400,
    fr: 'Les données envoyées sont invalides.',
    en: 'The data sent is invalid.',
  },
  malformed_json: {
    status: 400,
    fr: 'Le corps de la requête n’est pas du JSON valide.',
    en: 'The request body is not valid JSON.',
  },
  promotion_incomplete: {
    status: 400,
    fr: 'Il manque des informations pour en faire une fiche action : {champs}.',
    en: 'Some information is missing to make it an action sheet: {champs}.',
  },
  import_invalid: {
    status: 400,
    fr: 'Le fichier contient {count} erreur(s) : rien n’a été importé.',
    en: 'The file has {count} error(s): nothing was imported.',
  },
  import_file_unreadable: {
    status: 400,
    fr: 'Fichier illisible : {reason}',
    en: 'Unreadable file: {reason}',
  },
  comptage_non_autorise: {
    status: 400,
    fr: 'Le comptage par catégorie est réservé aux réunions publiques : nommez les participants.',
    en: 'Counting per category is only for public meetings: name the participants.',
  },
  malformed_request: {
    status: 400,
    fr: 'La requête est mal formée (adresse ou en-têtes illisibles).',
    en: 'The request is malformed (unreadable address or headers).',
  },
  unknown_commune: {
    status: 400,
    fr: 'Commune inconnue dans la géographie officielle : {codes}.',
    en: 'Unknown commune in the official geography: {codes}.',
  },
  unknown_epci: {
    status: 400,
    fr: 'Intercommunalité inconnue dans la géographie officielle : {code}.',
    en: 'Unknown intercommunality in the official geography: {code}.',
  },
  invalid_period: {
    status: 400,
    fr: 'La date de fin doit suivre la date de début.',
    en: 'The end date must come after the start date.',
  },
  invalid_token: {
    status: 400,
    fr: 'Ce lien n’est plus valide : il a expiré ou a déjà servi.',
    en: 'This link is no longer valid: it has expired or was already used.',
  },
  unauthenticated: {
    status: 401,
    fr: 'Connectez-vous pour continuer.',
    en: 'Please sign in to continue.',
  },
  invalid_credentials: {
    status: 401,
    fr: 'Adresse e-mail ou mot de passe incorrect.',
    en: 'Incorrect email address or password.',
  },
  forbidden: {
    status: 403,
    fr: 'Vous n’avez pas le droit de faire cela.',
    en: 'You are not allowed to do this.',
  },
  csrf_rejected: {
    status: 403,
    fr: 'Requête refusée : elle ne vient pas de Trame.',
    en: 'Request refused: it does not come from Trame.',
  },
  email_not_verified: {
    status: 403,
    fr: 'Confirmez d’abord votre adresse e-mail : un lien vous a été envoyé.',
    en: 'Please confirm your email address first: a link was sent to you.',
  },
  invitation_email_mismatch: {
    status: 403,
    fr: 'Cette invitation est destinée à une autre adresse e-mail.',
    en: 'This invitation was sent to another email address.',
  },
  not_found: { status: 404, fr: 'Introuvable.', en: 'Not found.' },
  contrat_not_found: { status: 404, fr: 'Contrat introuvable.', en: 'Contract not found.' },
  fiche_not_found: { status: 404, fr: 'Fiche introuvable.', en: 'Sheet not found.' },
  proposition_not_found: {
    status: 404,
    fr: 'Proposition introuvable.',
    en: 'Proposal not found.',
  },
  propositions_fermees: {
    status: 409,
    fr: 'Le dépôt de propositions n’est pas ouvert dans la phase en cours de ce contrat.',
    en: 'This contract does not take proposals in its current phase.',
  },
  proposition_transition_invalide: {
    status: 409,
    fr: 'Une proposition au statut « {de} » ne peut pas passer au statut « {vers} ».',
    en: 'A proposal with status “{de}” cannot move to status “{vers}”.',
  },
  proposition_deja_publiee: {
    status: 409,
    fr: 'Cette proposition est déjà publiée.',
    en: 'This proposal is already published.',
  },
  proposition_deja_masquee: {
    status: 409,
    fr: 'Cette proposition est déjà masquée.',
    en: 'This proposal is already hidden.',
  },
  commentaire_not_found: {
    status: 404,
    fr: 'Commentaire introuvable.',
    en: 'Comment not found.',
  },
  commentaires_fermes: {
    status: 409,
    fr: 'Les commentaires ne sont pas ouverts dans la phase en cours de ce contrat.',
    en: 'This contract does not take comments in its current phase.',
  },
  ancre_invalide: {
    status: 400,
    fr: 'Le passage sélectionné est introuvable dans ce document : rechargez-le et sélectionnez-le à nouveau.',
    en: 'The selected passage cannot be found in this document: reload it and select it again.',
  },
  mention_non_membre: {
    status: 400,
    fr: 'Seuls les membres du contrat peuvent être mentionnés.',
    en: 'Only members of the contract can be mentioned.',
  },
  reponse_invalide: {
    status: 400,
    fr: 'On répond au premier commentaire d’un fil, sur le même sujet.',
    en: 'A reply answers the first comment of a thread, on the same subject.',
  },
  commentaire_non_modifiable: {
    status: 403,
    fr: 'Seul son auteur modifie ou supprime un commentaire, tant qu’il n’est pas masqué.',
    en: 'Only its author edits or deletes a comment, unless it was hidden.',
  },
  commentaire_a_des_reponses: {
    status: 409,
    fr: 'D’autres personnes ont répondu à ce commentaire : il ne peut plus être supprimé.',
    en: 'Others replied to this comment: it can no longer be deleted.',
  },
  fil_deja_dans_cet_etat: {
    status: 409,
    fr: 'Ce fil est déjà dans cet état.',
    en: 'This thread is already in this state.',
  },
  commentaire_deja_signale: {
    status: 409,
    fr: 'Vous avez déjà signalé ce commentaire.',
    en: 'You already reported this comment.',
  },
  signalement_impossible: {
    status: 409,
    fr: 'Ce commentaire ne peut pas être signalé (le vôtre, ou pas publié).',
    en: 'This comment cannot be reported (your own, or not published).',
  },
  commentaire_deja_publie: {
    status: 409,
    fr: 'Ce commentaire est déjà publié et n’a pas de signalement en cours.',
    en: 'This comment is already published and has no open report.',
  },
  commentaire_deja_masque: {
    status: 409,
    fr: 'Ce commentaire est déjà masqué.',
    en: 'This comment is already hidden.',
  },
  fiche_conflict: {
    status: 409,
    fr: 'Quelqu’un a modifié cette fiche entre-temps : rechargez-la avant d’enregistrer.',
    en: 'Someone changed this sheet in the meantime: reload it before saving.',
  },
  already_action: {
    status: 409,
    fr: 'Cette fiche est déjà une fiche action.',
    en: 'This sheet is already an action sheet.',
  },
  phase_has_evenements: {
    status: 409,
    fr: 'Cette phase contient des événements : déplacez-les ou supprimez-les d’abord.',
    en: 'This phase holds events: move or delete them first.',
  },
  source_exists: {
    status: 409,
    fr: 'Cette source de financement existe déjà.',
    en: 'This funding source already exists.',
  },
  avis_technique_requis: {
    status: 409,
    fr: 'Le comité technique doit d’abord donner son avis sur : {fiches}.',
    en: 'The technical committee must first give its opinion on: {fiches}.',
  },
  decision_non_autorisee: {
    status: 409,
    fr: 'Une séance de cette instance ({instance}) ne prend pas ce type de décision.',
    en: 'A meeting of this body ({instance}) does not take this kind of decision.',
  },
  seance_annulee: {
    status: 409,
    fr: 'Cette séance est annulée.',
    en: 'This meeting is cancelled.',
  },
  seance_hors_phase: {
    status: 409,
    fr: 'Aucune phase du contrat ne couvre la date de cette séance : créez-la pour enregistrer les présences.',
    en: 'No phase of the contract covers the date of this meeting: create one to record attendance.',
  },
  convocation_sans_destinataire: {
    status: 409,
    fr: 'Cette instance n’a aucun membre à convoquer.',
    en: 'This body has no member to invite.',
  },
  deja_membre_instance: {
    status: 409,
    fr: 'Cette personne siège déjà dans cette instance.',
    en: 'This person already sits on this body.',
  },
  membre_instance_parti: {
    status: 409,
    fr: 'Cette personne a déjà quitté l’instance.',
    en: 'This person has already left the body.',
  },
  avenant_signe: {
    status: 409,
    fr: 'Cet avenant est signé : il ne change plus.',
    en: 'This amendment is signed: it no longer changes.',
  },
  decision_deja_dans_avenant: {
    status: 409,
    fr: 'Une de ces décisions figure déjà dans un avenant.',
    en: 'One of these decisions is already in an amendment.',
  },
  oidc_disabled: {
    status: 404,
    fr: 'La connexion ProConnect n’est pas configurée.',
    en: 'ProConnect sign-in is not configured.',
  },
  slug_taken: {
    status: 409,
    fr: 'L’adresse « {slug} » est déjà utilisée par un autre contrat.',
    en: 'The address “{slug}” is already used by another contract.',
  },
  already_member: {
    status: 409,
    fr: 'Cette personne est déjà membre du contrat.',
    en: 'This person is already a member of the contract.',
  },
  last_animateur: {
    status: 409,
    fr: 'Un contrat garde au moins un animateur.',
    en: 'A contract keeps at least one animateur.',
  },
  cooperation_self: {
    status: 409,
    fr: 'Une coopération relie au moins deux territoires différents.',
    en: 'A cooperation links at least two different territories.',
  },
  payload_too_large: {
    status: 413,
    fr: 'Requête trop volumineuse.',
    en: 'Request too large.',
  },
  rate_limited: {
    status: 429,
    fr: 'Trop de requêtes. Réessayez dans quelques minutes.',
    en: 'Too many requests. Try again in a few minutes.',
  },
  commentaires_trop_rapides: {
    status: 429,
    fr: 'Vous avez publié beaucoup de commentaires en peu de temps : patientez une minute avant le suivant.',
    en: 'You posted many comments in a short time: wait a minute before the next one.',
  },
  account_locked: {
    status: 429,
    fr: 'Trop d’essais infructueux : ce compte est bloqué pendant {minutes} min.',
    en: 'Too many failed attempts: this account is locked for {minutes} min.',
  },
  internal: {
    status: 500,
    fr: 'Une erreur inattendue est survenue.',
    en: 'An unexpected error occurred.',
  },
  unavailable: {
    status: 503,
    fr: 'Service momentanément indisponible.',
    en: 'Service temporarily unavailable.',
  },
} as const satisfies Record<string, { status: number } & Record<Locale, string>>;

export type ErrorCode = keyof typeof ERRORS;

export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `communes.2`. */
  path: string;
  message: string;
}

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: ValidationIssue[] };
}

export function errorMessage(
  code: ErrorCode,
  locale: Locale,
  params?: Record<string, string | number>,
): string {
  return interpolate(ERRORS[code][locale], params);
}
