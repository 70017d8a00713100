import type { Locale } from './locale.js';

/**
 * Reference lists and rules of participation (DESIGN.md §2 "Participation"): the phases of a
 * contract, the events held in them, the kinds of contribution counted in them, and which phase is
 * the current one.
 */

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** The phases the CRTE guide names, in the order a contract usually goes through them. */
export const TYPES_PHASE = [
  'elaboration',
  'concertation',
  'mise_en_oeuvre',
  'animation',
  'pilotage',
  'montage_operationnel',
  'evaluation',
] as const;
export type TypePhase = (typeof TYPES_PHASE)[number];

export const TYPE_PHASE_LABELS: Labels<TypePhase> = {
  elaboration: { fr: 'Élaboration', en: 'Drafting' },
  concertation: { fr: 'Concertation', en: 'Public consultation' },
  mise_en_oeuvre: { fr: 'Mise en œuvre', en: 'Implementation' },
  animation: { fr: 'Animation', en: 'Facilitation' },
  pilotage: { fr: 'Pilotage', en: 'Steering' },
  montage_operationnel: { fr: 'Montage opérationnel', en: 'Project set-up' },
  evaluation: { fr: 'Évaluation', en: 'Evaluation' },
};

/** What a phase may open to participation: each is a switch of the phase. */
export const OUVERTURES_PHASE = ['propositions', 'commentaires', 'consultations'] as const;
export type OuverturePhase = (typeof OUVERTURES_PHASE)[number];

export const OUVERTURE_PHASE_LABELS: Labels<OuverturePhase> = {
  propositions: { fr: 'Propositions', en: 'Proposals' },
  commentaires: { fr: 'Commentaires', en: 'Comments' },
  consultations: { fr: 'Consultations', en: 'Consultations' },
};

export const TYPES_EVENEMENT = [
  'atelier',
  'reunion_publique',
  'seance',
  'consultation_en_ligne',
  'permanence',
  'visite',
] as const;
export type TypeEvenement = (typeof TYPES_EVENEMENT)[number];

export const TYPE_EVENEMENT_LABELS: Labels<TypeEvenement> = {
  atelier: { fr: 'Atelier', en: 'Workshop' },
  reunion_publique: { fr: 'Réunion publique', en: 'Public meeting' },
  seance: { fr: 'Séance', en: 'Committee meeting' },
  consultation_en_ligne: { fr: 'Consultation en ligne', en: 'Online consultation' },
  permanence: { fr: 'Permanence', en: 'Drop-in session' },
  visite: { fr: 'Visite', en: 'Site visit' },
};

/**
 * Events whose attendance may be counted per stakeholder category rather than by name: a public
 * meeting fills a hall, nobody signs a sheet. Every event may list named participants.
 */
export const TYPES_EVENEMENT_COMPTES: readonly TypeEvenement[] = ['reunion_publique'];

export function comptageAutorise(type: TypeEvenement): boolean {
  return TYPES_EVENEMENT_COMPTES.includes(type);
}

/**
 * What a person did that counts as participation. `fiche`: created a fiche; `edition`: saved a
 * change to a fiche or edited a shared document; the others come with their modules.
 */
export const TYPES_CONTRIBUTION = [
  'fiche',
  'edition',
  'commentaire',
  'proposition',
  'vote',
] as const;
export type TypeContribution = (typeof TYPES_CONTRIBUTION)[number];

export const TYPE_CONTRIBUTION_LABELS: Labels<TypeContribution> = {
  fiche: { fr: 'Fiches créées', en: 'Sheets created' },
  edition: { fr: 'Modifications', en: 'Edits' },
  commentaire: { fr: 'Commentaires', en: 'Comments' },
  proposition: { fr: 'Propositions', en: 'Proposals' },
  vote: { fr: 'Votes', en: 'Votes' },
};

/** What a contribution is about: a fiche, a collaborative document (by its name), a proposal… */
export const TYPES_SUJET = [
  'fiche',
  'document',
  'proposition',
  'commentaire',
  'consultation',
] as const;
export type TypeSujet = (typeof TYPES_SUJET)[number];

/** A phase's display name: its own label when it has one, else the name of its kind. */
export function phaseName(phase: { type: TypePhase; libelle: string }, locale: Locale): string {
  return phase.libelle || TYPE_PHASE_LABELS[phase.type][locale];
}

/** What the current-phase rule reads of each phase. Dates are ISO `YYYY-MM-DD`, inclusive. */
export interface PhaseDates {
  id: string;
  ordre: number;
  dateDebut: string | null;
  dateFin: string | null;
  /** Set by the animateur: this phase is current whatever the dates say. */
  couranteManuelle: boolean;
}

export type ModePhaseCourante = 'automatique' | 'manuelle';

export interface PhaseCourante {
  phaseId: string | null;
  mode: ModePhaseCourante;
}

/**
 * The current phase of a contract on `today` (an ISO date).
 *
 * - A phase the animateur set by hand is current, whatever the dates.
 * - Otherwise a phase is current when it has started (`dateDebut <= today`) and has not ended
 *   (`today <= dateFin`, or no end date: it runs until a later phase starts). A phase with no
 *   start date is not placed in time and is never current by its dates.
 * - When phases overlap, the one that started last is current; on the same start day, the later
 *   one in the contract's order.
 * - Between two phases (the first ended, the next not begun), before the first, or with no dated
 *   phase, there is no current phase: contributions then count as "hors phase".
 */
export function currentPhase(phases: readonly PhaseDates[], today: string): PhaseCourante {
  const manual = phases.find((p) => p.couranteManuelle);
  if (manual) return { phaseId: manual.id, mode: 'manuelle' };
  let best: PhaseDates | undefined;
  for (const phase of phases) {
    if (phase.dateDebut === null || phase.dateDebut > today) continue;
    if (phase.dateFin !== null && phase.dateFin < today) continue;
    if (
      !best ||
      phase.dateDebut > best.dateDebut! ||
      (phase.dateDebut === best.dateDebut && phase.ordre > best.ordre)
    ) {
      best = phase;
    }
  }
  return { phaseId: best?.id ?? null, mode: 'automatique' };
}

/**
 * The calendar day of an instant in metropolitan France, as `YYYY-MM-DD`: a contribution made at
 * 00:30 in Thouars on 1 March belongs to 1 March, although it is still February in UTC.
 */
export function parisDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
