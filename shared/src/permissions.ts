import type { Audience, Role } from './roles.js';

/**
 * The permission matrix: one row per action, one column per audience. It is the only place where
 * "who may do what in a contract" is written; the server enforces it on every route and the
 * client reads it to hide what a person cannot do.
 *
 * - `oui`: always allowed;
 * - `si_publie`: allowed once the contract is published (what residents read on the portal);
 * - `si_porteur`: allowed on a fiche the person carries (its `porteur`);
 * - a missing cell: refused.
 */
export type Grant = 'oui' | 'si_publie' | 'si_porteur';

export const PERMISSIONS = {
  /** The contract, its perimeter, signatories, orientations, linked contracts, coopérations. */
  'contrat.lire': {
    animateur: 'oui',
    copil: 'oui',
    cotech: 'oui',
    partenaire: 'oui',
    habitant: 'oui',
    public: 'si_publie',
  },
  /** Name, status, period, perimeter, signatories, publication. */
  'contrat.modifier': { animateur: 'oui' },
  'membre.lister': { animateur: 'oui', copil: 'oui', cotech: 'oui', partenaire: 'oui' },
  /**
   * A resident with an account joins a published contract as `habitant`, to comment, propose
   * and vote; members already have a role.
   */
  'contrat.rejoindre': { public: 'si_publie' },
  /** Invite, change a role or category, remove, cancel an invitation. */
  'membre.gerer': { animateur: 'oui' },
  /** Orientations stratégiques and their objectifs opérationnels. */
  'orientation.gerer': { animateur: 'oui', copil: 'oui' },
  'contratLie.gerer': { animateur: 'oui' },
  'cooperation.gerer': { animateur: 'oui' },
  /** The text of the projet de territoire (a collaborative document). */
  'projet.modifier': { animateur: 'oui', copil: 'oui', cotech: 'oui' },
  /** Reading it with the right to comment (comments themselves come with participation). */
  'projet.commenter': {
    animateur: 'oui',
    copil: 'oui',
    cotech: 'oui',
    partenaire: 'oui',
    habitant: 'oui',
  },
  /**
   * Every fiche, public or not. Public fiches need only `contrat.lire`: residents read them on
   * the portal once the contract is published.
   */
  'fiche.lire': { animateur: 'oui', copil: 'oui', cotech: 'oui', partenaire: 'oui' },
  'fiche.creer': { animateur: 'oui', copil: 'oui', cotech: 'oui' },
  /** The fiche's fields and its plan de financement. */
  'fiche.modifier': { animateur: 'oui', copil: 'oui', cotech: 'oui', partenaire: 'si_porteur' },
  /** Turning a fiche projet into a fiche action. */
  'fiche.promouvoir': { animateur: 'oui', copil: 'oui', cotech: 'oui' },
  'fiche.supprimer': { animateur: 'oui' },
  'fiche.importer': { animateur: 'oui' },
  /** The contract's own funding sources, beside the national reference list. */
  'source.gerer': { animateur: 'oui' },
  'maquette.lire': { animateur: 'oui', copil: 'oui', cotech: 'oui', partenaire: 'oui' },
  /** The steering committee validates a maquette at a date, which freezes it as a version. */
  'maquette.valider': { animateur: 'oui', copil: 'oui' },
  /**
   * The phases, the events and the participation report: counts only, never a name, so residents
   * read them on the portal once the contract is published.
   */
  'participation.lire': {
    animateur: 'oui',
    copil: 'oui',
    cotech: 'oui',
    partenaire: 'oui',
    habitant: 'oui',
    public: 'si_publie',
  },
  /** Who came to an event, by name: the committees that run the contract. */
  'presence.lire': { animateur: 'oui', copil: 'oui', cotech: 'oui' },
  /** Phases (dates, order, what is open, the current one), events and their attendance. */
  'participation.gerer': { animateur: 'oui' },
  /**
   * Proposing an action, when the current phase receives proposals. Reading proposals needs only
   * `contrat.lire`: the published ones are public, the others are seen by their author and the
   * moderators.
   */
  'proposition.deposer': {
    animateur: 'oui',
    copil: 'oui',
    cotech: 'oui',
    partenaire: 'oui',
    habitant: 'oui',
  },
  /** Instructing a proposal: en instruction, then retenue (a fiche projet) or non retenue. */
  'proposition.instruire': { animateur: 'oui', cotech: 'oui' },
  /** Publishing a proposal that waits for moderation, or hiding one, with a reason. */
  'proposition.moderer': { animateur: 'oui' },
  /**
   * Commenting a fiche, a proposal or a passage of a collaborative document, when the current
   * phase takes comments. Reading comments needs only to read their subject: the published ones
   * are public with it, the others are seen by their author and the moderators.
   */
  'commentaire.ecrire': {
    animateur: 'oui',
    copil: 'oui',
    cotech: 'oui',
    partenaire: 'oui',
    habitant: 'oui',
  },
  /**
   * Reporting a published comment to the moderators, once: every member, and anyone signed in
   * who reads the published contract (the route also requires an account).
   */
  'commentaire.signaler': {
    animateur: 'oui',
    copil: 'oui',
    cotech: 'oui',
    partenaire: 'oui',
    habitant: 'oui',
    public: 'si_publie',
  },
  /** The moderation queue: publishing, hiding with a reason; the contract's moderation mode. */
  'commentaire.moderer': { animateur: 'oui' },
  /**
   * Governance: the instances and their composition, the séances with their agenda, attendance and
   * décisions. Signed avenants need only `contrat.lire`: they are part of the contract.
   */
  'gouvernance.lire': { animateur: 'oui', copil: 'oui', cotech: 'oui' },
  /** Instances and members, séances, agenda, convocation and attendance: the animateur's work. */
  'gouvernance.gerer': { animateur: 'oui' },
  /** Steering-committee décisions: programmation, mesures rectificatives, évolutions. */
  'decision.prendre': { animateur: 'oui', copil: 'oui' },
  /** The comité technique's avis technique on a fiche. */
  'avis.donner': { animateur: 'oui', cotech: 'oui' },
  /** The décisions about a fiche, on its page: a partner reads those of the fiches it carries. */
  'decision.lire': { animateur: 'oui', copil: 'oui', cotech: 'oui', partenaire: 'si_porteur' },
  /** Opening an avenant over évolution décisions, and signing it (which freezes versions). */
  'avenant.gerer': { animateur: 'oui', copil: 'oui' },
  /** The minutes of a séance (a collaborative document): written by the committees… */
  'compteRendu.modifier': { animateur: 'oui', copil: 'oui', cotech: 'oui' },
  /** …and read by every member of the contract. */
  'compteRendu.lire': {
    animateur: 'oui',
    copil: 'oui',
    cotech: 'oui',
    partenaire: 'oui',
    habitant: 'oui',
  },
} as const satisfies Record<string, Partial<Record<Audience, Grant>>>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export interface ContratContext {
  /** The person's role in this contract, or null when they are not a member. */
  role: Role | null;
  publie: boolean;
  /** For actions on a fiche: whether the person carries it. */
  porteur?: boolean;
}

export function grantFor(action: Action, audience: Audience): Grant | undefined {
  const row: Partial<Record<Audience, Grant>> = PERMISSIONS[action];
  return row[audience];
}

export function can(action: Action, context: ContratContext): boolean {
  const grant = grantFor(action, context.role ?? 'public');
  if (grant === 'oui') return true;
  if (grant === 'si_publie') return context.publie;
  if (grant === 'si_porteur') return context.porteur === true;
  return false;
}

export function allowedActions(context: ContratContext): Action[] {
  return ACTIONS.filter((action) => can(action, context));
}

/**
 * Creating a contract is not a per-contract right: platform administrators and people who
 * already lead a contract (animateurs) may open a new one, and become its animateur.
 */
export function canCreateContrat(person: { admin: boolean; roles: readonly Role[] }): boolean {
  return person.admin || person.roles.includes('animateur');
}
