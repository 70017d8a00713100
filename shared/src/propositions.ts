import type { Locale } from './locale.js';
import type { Role } from './roles.js';

/**
 * Proposals of action (DESIGN.md §2 "Propositions"): a partner or a resident proposes, the comité
 * technique instructs — `deposee` → `en_instruction` → `retenue` (it becomes a linked fiche projet)
 * or `non_retenue` (with a reason shown publicly). Their publication follows the contract's
 * moderation setting, like a comment's.
 */

type Labels<K extends string> = Record<K, Record<Locale, string>>;

export const STATUTS_PROPOSITION = ['deposee', 'en_instruction', 'retenue', 'non_retenue'] as const;
export type StatutProposition = (typeof STATUTS_PROPOSITION)[number];

export const STATUT_PROPOSITION_LABELS: Labels<StatutProposition> = {
  deposee: { fr: 'Déposée', en: 'Submitted' },
  en_instruction: { fr: 'En instruction', en: 'Under review' },
  retenue: { fr: 'Retenue', en: 'Accepted' },
  non_retenue: { fr: 'Non retenue', en: 'Not accepted' },
};

/** Where each status may go; `retenue` and `non_retenue` are final. */
const TRANSITIONS: Record<StatutProposition, readonly StatutProposition[]> = {
  deposee: ['en_instruction'],
  en_instruction: ['retenue', 'non_retenue'],
  retenue: [],
  non_retenue: [],
};

export function transitionsFrom(statut: StatutProposition): readonly StatutProposition[] {
  return TRANSITIONS[statut];
}

export function transitionAllowed(de: StatutProposition, vers: StatutProposition): boolean {
  return TRANSITIONS[de].includes(vers);
}

/** A proposal not retained says why, and the reason is public. */
export function motifRequis(vers: StatutProposition): boolean {
  return vers === 'non_retenue';
}

/** The decision's reason as the public reads it: only a refusal's, never an instruction note. */
export function motifPublic(statut: StatutProposition, motif: string | null): string | null {
  return statut === 'non_retenue' ? motif : null;
}

/** `P-007`: how a proposal is referred to in meetings, beside the fiches' `F-007`. */
export function propositionReference(numero: number): string {
  return `P-${String(numero).padStart(3, '0')}`;
}

// ── moderation ──

/**
 * When residents' contributions appear, per contract (`contrats.moderation`): `a_posteriori` at
 * once (a moderator may hide them afterwards), `a_priori` once a moderator published them.
 */
export const MODES_MODERATION = ['a_posteriori', 'a_priori'] as const;
export type ModeModeration = (typeof MODES_MODERATION)[number];

/** A contract's stored moderation mode; anything unknown reads as the default, a posteriori. */
export function moderationModeOf(stored: string): ModeModeration {
  const modes: readonly string[] = MODES_MODERATION;
  return modes.includes(stored) ? (stored as ModeModeration) : 'a_posteriori';
}

export const MODE_MODERATION_LABELS: Labels<ModeModeration> = {
  a_posteriori: { fr: 'Modération a posteriori', en: 'Moderation after publication' },
  a_priori: { fr: 'Modération a priori', en: 'Moderation before publication' },
};

export const PUBLICATIONS_PROPOSITION = ['en_attente', 'publiee', 'masquee'] as const;
export type PublicationProposition = (typeof PUBLICATIONS_PROPOSITION)[number];

export const PUBLICATION_PROPOSITION_LABELS: Labels<PublicationProposition> = {
  en_attente: { fr: 'En attente de modération', en: 'Awaiting moderation' },
  publiee: { fr: 'Publiée', en: 'Published' },
  masquee: { fr: 'Masquée', en: 'Hidden' },
};

/**
 * How a new proposal starts: a resident's waits for a moderator when the contract moderates
 * before publication; every other member's is published at once.
 */
export function publicationInitiale(mode: ModeModeration, role: Role): PublicationProposition {
  return mode === 'a_priori' && role === 'habitant' ? 'en_attente' : 'publiee';
}

/** A moderator publishes what waits or was hidden, and hides what waits or is published. */
export function peutPublier(publication: PublicationProposition): boolean {
  return publication !== 'publiee';
}

export function peutMasquer(publication: PublicationProposition): boolean {
  return publication !== 'masquee';
}

/** A proposal waiting or hidden is seen only by its author and the moderators. */
export function propositionVisible(
  proposition: { publication: PublicationProposition; auteurId: string | null },
  viewer: { userId: string | null; moderateur: boolean },
): boolean {
  if (proposition.publication === 'publiee' || viewer.moderateur) return true;
  return viewer.userId !== null && proposition.auteurId === viewer.userId;
}
