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
