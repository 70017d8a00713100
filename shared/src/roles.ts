/**
 * Roles are per contract (DESIGN.md §1). `public` stands for anyone who is not a member of the
 * contract: an anonymous visitor or a signed-in person from elsewhere.
 */
export const ROLES = ['animateur', 'copil', 'cotech', 'partenaire', 'habitant'] as const;
export type Role = (typeof ROLES)[number];

export type Audience = Role | 'public';
export const AUDIENCES: readonly Audience[] = [...ROLES, 'public'];

/** Participation is counted by stakeholder category, independently of the role. */
export const CATEGORIES = [
  'elu',
  'etat',
  'collectivite',
  'chambre_consulaire',
  'entreprise',
  'entreprise_ess',
  'association',
  'habitant',
  'conseil_developpement',
  'autre',
] as const;
export type Categorie = (typeof CATEGORIES)[number];

/** The category a new member gets when the inviter does not choose one. */
export const DEFAULT_CATEGORIE_BY_ROLE: Record<Role, Categorie> = {
  animateur: 'collectivite',
  copil: 'elu',
  cotech: 'collectivite',
  partenaire: 'association',
  habitant: 'habitant',
};
