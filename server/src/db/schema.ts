import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The database schema. Changing it means generating a migration (`npm run db:generate`), never
 * editing an applied one. Enumerations are stored as text and checked by the shared zod schemas at
 * the edge; the reference lists live in `shared/`.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    nom: text('nom').notNull(),
    categorie: text('categorie').notNull().default('autre'),
    locale: text('locale').notNull().default('fr'),
    passwordHash: text('password_hash'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    admin: boolean('admin').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Notification e-mails: `immediat`, `quotidien` (a daily digest) or `aucun`. */
    notificationsEmail: text('notifications_email').notNull().default('quotidien'),
    /** The last notification e-mail sent: at most one an hour unless the person asked otherwise. */
    dernierEmailLe: timestamp('dernier_email_le', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

/** A person's identity at an OpenID Connect provider (ProConnect). */
export const oidcIdentities = pgTable(
  'oidc_identities',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] })],
);

/** One-time links sent by e-mail. Only a SHA-256 of the token is stored. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('auth_tokens_hash_key').on(t.tokenHash)],
);

export const sessions = pgTable(
  'sessions',
  {
    sid: text('sid').primaryKey(),
    /** Kept out of the JSON so all sessions of a person can be ended at once. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    data: jsonb('data').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_expires_idx').on(t.expiresAt), index('sessions_user_idx').on(t.userId)],
);

export const contrats = pgTable(
  'contrats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    nom: text('nom').notNull(),
    description: text('description').notNull().default(''),
    statut: text('statut').notNull().default('en_elaboration'),
    dateDebut: date('date_debut'),
    dateFin: date('date_fin'),
    epciCode: text('epci_code'),
    epciNom: text('epci_nom'),
    publie: boolean('publie').notNull().default(false),
    /**
     * When residents' comments and proposals appear: `a_posteriori` (at once, hidden if a
     * moderator decides so) or `a_priori` (once a moderator published them).
     */
    moderation: text('moderation').notNull().default('a_posteriori'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('contrats_slug_key').on(t.slug)],
);

/**
 * The perimeter: communes by INSEE code, with name and population as the official geography gave
 * them when chosen, so a later merger of communes does not rewrite a signed contract.
 */
export const contratCommunes = pgTable(
  'contrat_communes',
  {
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nom: text('nom').notNull(),
    population: integer('population'),
    departement: text('departement').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contratId, t.code] })],
);

export const memberships = pgTable(
  'memberships',
  {
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    categorie: text('categorie').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.contratId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').notNull(),
    categorie: text('categorie').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    uniqueIndex('invitations_pending_key').on(t.contratId, t.email).where(sql`accepted_at IS NULL`),
  ],
);

export const signataires = pgTable(
  'signataires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    organisation: text('organisation').notNull(),
    representant: text('representant').notNull().default(''),
    qualite: text('qualite').notNull().default(''),
    type: text('type').notNull(),
    dateSignature: date('date_signature'),
    createdAt: createdAt(),
  },
  (t) => [index('signataires_contrat_idx').on(t.contratId)],
);

export const orientations = pgTable(
  'orientations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    numero: integer('numero').notNull(),
    titre: text('titre').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('orientations_contrat_idx').on(t.contratId)],
);

export const objectifs = pgTable(
  'objectifs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orientationId: uuid('orientation_id')
      .notNull()
      .references(() => orientations.id, { onDelete: 'cascade' }),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    numero: integer('numero').notNull(),
    titre: text('titre').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('objectifs_orientation_idx').on(t.orientationId)],
);

export const contratsLies = pgTable(
  'contrats_lies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    nom: text('nom').notNull(),
    articulation: text('articulation').notNull(),
    relationPerimetre: text('relation_perimetre').notNull(),
    description: text('description').notNull().default(''),
    dateSignature: date('date_signature'),
    url: text('url'),
    createdAt: createdAt(),
  },
  (t) => [index('contrats_lies_contrat_idx').on(t.contratId)],
);

export const cooperations = pgTable('cooperations', {
  id: uuid('id').primaryKey().defaultRandom(),
  nom: text('nom').notNull(),
  type: text('type').notNull(),
  description: text('description').notNull().default(''),
  initiateurId: uuid('initiateur_id')
    .notNull()
    .references(() => contrats.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

/** The territories in a cooperation: contracts in Trame, or external territories by name. */
export const cooperationParties = pgTable(
  'cooperation_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cooperationId: uuid('cooperation_id')
      .notNull()
      .references(() => cooperations.id, { onDelete: 'cascade' }),
    contratId: uuid('contrat_id').references(() => contrats.id, { onDelete: 'cascade' }),
    nomExterne: text('nom_externe'),
    statut: text('statut').notNull(),
    ordre: integer('ordre').notNull(),
  },
  (t) => [
    uniqueIndex('cooperation_parties_contrat_key')
      .on(t.cooperationId, t.contratId)
      .where(sql`contrat_id IS NOT NULL`),
    index('cooperation_parties_contrat_idx').on(t.contratId),
  ],
);

/**
 * A fiche: one operation of the contract. `numero` is its number in the contract (F-001…),
 * assigned under the contract's numbering lock. `version` grows with every saved change, so an
 * editor working from an older version is told instead of overwriting someone else's change.
 * List-like fields that are only ever read with the fiche are jsonb; the ones the fiche list
 * filters on are arrays with GIN indexes.
 */
export const fiches = pgTable(
  'fiches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    numero: integer('numero').notNull(),
    type: text('type').notNull().default('projet'),
    titre: text('titre').notNull(),
    resume: text('resume').notNull().default(''),
    maturite: text('maturite').notNull().default('idee'),
    maitreOuvrage: text('maitre_ouvrage').notNull().default(''),
    partenaires: jsonb('partenaires').$type<string[]>().notNull().default([]),
    porteurId: uuid('porteur_id').references(() => users.id, { onDelete: 'set null' }),
    communes: text('communes').array().notNull().default(sql`'{}'::text[]`),
    orientationId: uuid('orientation_id').references(() => orientations.id, {
      onDelete: 'set null',
    }),
    objectifIds: uuid('objectif_ids').array().notNull().default(sql`'{}'::uuid[]`),
    dateDebut: date('date_debut'),
    dateFin: date('date_fin'),
    jalons: jsonb('jalons')
      .$type<{ libelle: string; date: string; fait: boolean }[]>()
      .notNull()
      .default([]),
    coutCents: bigint('cout_cents', { mode: 'number' }),
    indicateurs: jsonb('indicateurs')
      .$type<{ libelle: string; unite: string; cible: number | null }[]>()
      .notNull()
      .default([]),
    isoFinalites: text('iso_finalites').array().notNull().default(sql`'{}'::text[]`),
    isoDomaines: text('iso_domaines').array().notNull().default(sql`'{}'::text[]`),
    odd: integer('odd').array().notNull().default(sql`'{}'::integer[]`),
    public: boolean('public').notNull().default(false),
    contratLieId: uuid('contrat_lie_id').references(() => contratsLies.id, {
      onDelete: 'set null',
    }),
    partageAvec: uuid('partage_avec').array().notNull().default(sql`'{}'::uuid[]`),
    /** Rank given by the steering committee from a consultation's results; null = not a priority. */
    priorite: integer('priorite'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('fiches_contrat_numero_key').on(t.contratId, t.numero),
    index('fiches_contrat_maturite_idx').on(t.contratId, t.maturite),
    index('fiches_contrat_orientation_idx').on(t.contratId, t.orientationId),
    index('fiches_communes_idx').using('gin', t.communes),
    index('fiches_iso_domaines_idx').using('gin', t.isoDomaines),
    index('fiches_partage_idx').using('gin', t.partageAvec),
  ],
);

/** The plan de financement: one row per line (source, amount, year, status). */
export const financements = pgTable(
  'financements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ficheId: uuid('fiche_id')
      .notNull()
      .references(() => fiches.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    montantCents: bigint('montant_cents', { mode: 'number' }).notNull(),
    annee: integer('annee').notNull(),
    statut: text('statut').notNull().default('sollicite'),
    /** What has actually been spent or paid out on the line so far; null = not reported. */
    realiseCents: bigint('realise_cents', { mode: 'number' }),
    commentaire: text('commentaire').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('financements_fiche_idx').on(t.ficheId),
    index('financements_annee_fiche_idx').on(t.annee, t.ficheId),
  ],
);

/** Funding sources a contract adds to the national reference list. */
export const contratSources = pgTable(
  'contrat_sources',
  {
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    libelle: text('libelle').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.contratId, t.code] })],
);

/**
 * Every change of a fiche: who, when, which field, old and new value. Written in the same
 * transaction as the change, so the history cannot miss one.
 */
export const ficheHistorique = pgTable(
  'fiche_historique',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ficheId: uuid('fiche_id')
      .notNull()
      .references(() => fiches.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    evenement: text('evenement').notNull(),
    champ: text('champ'),
    avant: jsonb('avant'),
    apres: jsonb('apres'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fiche_historique_fiche_idx').on(t.ficheId, t.at)],
);

/**
 * A maquette as the steering committee validated it: the computed table is stored whole, so
 * later edits of fiches cannot change what was decided.
 */
export const maquetteVersions = pgTable(
  'maquette_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    annee: integer('annee').notNull(),
    libelle: text('libelle').notNull(),
    valideeLe: date('validee_le').notNull(),
    validePar: uuid('valide_par').references(() => users.id, { onDelete: 'set null' }),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    donnees: jsonb('donnees').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('maquette_versions_contrat_annee_idx').on(t.contratId, t.annee)],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // node-postgres hands back a Buffer, PGlite a Uint8Array: both are Uint8Array.
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * A collaborative document's compacted state: the Yjs update that rebuilds it up to
 * `compacted_through` (the last log id merged into it). Loading is this state plus the log after it.
 */
export const yjsDocuments = pgTable('yjs_documents', {
  name: text('name').primaryKey(),
  state: bytea('state').notNull(),
  compactedThrough: bigint('compacted_through', { mode: 'number' }).notNull().default(0),
  updatedAt: updatedAt(),
});

/** Every Yjs update, appended in the order the server applied it, until compaction merges it. */
export const yjsUpdates = pgTable(
  'yjs_updates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    update: bytea('update').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('yjs_updates_name_id_idx').on(t.name, t.id)],
);

/** Named versions of a document ("version signée", "avenant n°1"): a full state, never rewritten. */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nom: text('nom').notNull(),
    state: bytea('state').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * Set when an avenant's signature froze this version: it can then be neither renamed nor
     * deleted (a trigger of `0005_gouvernance.sql` refuses it) as long as its avenant exists.
     */
    avenantId: uuid('avenant_id').references((): AnyPgColumn => avenants.id, {
      onDelete: 'cascade',
    }),
    createdAt: createdAt(),
  },
  (t) => [
    index('document_versions_name_idx').on(t.name, t.createdAt),
    index('document_versions_avenant_idx').on(t.avenantId),
  ],
);

/** Who contributed to which document on which day, and how many edits: participation counts. */
export const documentActivity = pgTable(
  'document_activity',
  {
    name: text('name').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    jour: date('jour').notNull(),
    edits: integer('edits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.name, t.userId, t.jour] })],
);

/**
 * The phases of a contract, in the order the animateur set (`ordre`, 1..n). The current phase
 * follows the dates (`currentPhase` in shared), unless one phase is set by hand
 * (`courante_manuelle`, at most one per contract).
 */
export const phases = pgTable(
  'phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    libelle: text('libelle').notNull().default(''),
    ordre: integer('ordre').notNull(),
    dateDebut: date('date_debut'),
    dateFin: date('date_fin'),
    propositions: boolean('propositions').notNull().default(false),
    commentaires: boolean('commentaires').notNull().default(false),
    consultations: boolean('consultations').notNull().default(false),
    couranteManuelle: boolean('courante_manuelle').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('phases_contrat_idx').on(t.contratId, t.ordre),
    uniqueIndex('phases_courante_manuelle_key').on(t.contratId).where(sql`courante_manuelle`),
  ],
);

/**
 * Events held in a phase. A phase that holds events cannot be deleted (`no action`: checked at
 * the end of the statement, so deleting the whole contract still cascades to both).
 */
export const evenements = pgTable(
  'evenements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'no action' }),
    type: text('type').notNull(),
    titre: text('titre').notNull(),
    date: date('date').notNull(),
    /** Local time in France, `HH:MM`. */
    heure: text('heure'),
    lieu: text('lieu').notNull().default(''),
    organisateur: text('organisateur').notNull().default(''),
    description: text('description').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('evenements_contrat_date_idx').on(t.contratId, t.date),
    index('evenements_phase_idx').on(t.phaseId),
  ],
);

/**
 * Named participants of an event: a member (`user_id`, name and category as they were that day)
 * or a guest by name and category.
 */
export const presences = pgTable(
  'presences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evenementId: uuid('evenement_id')
      .notNull()
      .references(() => evenements.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    nom: text('nom').notNull(),
    categorie: text('categorie').notNull(),
    ordre: integer('ordre').notNull(),
  },
  (t) => [
    index('presences_evenement_idx').on(t.evenementId),
    uniqueIndex('presences_evenement_user_key')
      .on(t.evenementId, t.userId)
      .where(sql`user_id IS NOT NULL`),
  ],
);

/** Attendance counted per stakeholder category, without names (public meetings). */
export const presencesComptees = pgTable(
  'presences_comptees',
  {
    evenementId: uuid('evenement_id')
      .notNull()
      .references(() => evenements.id, { onDelete: 'cascade' }),
    categorie: text('categorie').notNull(),
    nombre: integer('nombre').notNull(),
  },
  (t) => [primaryKey({ columns: [t.evenementId, t.categorie] })],
);

/**
 * Every contribution to a contract (a fiche created, a change saved, a comment, a proposal, a
 * vote…), written by the module that records it in its own transaction. The category is the
 * person's at that moment, and the phase the one current then: later changes of either do not
 * move past contributions. Deleting a phase leaves its contributions "hors phase".
 */
export const contributions = pgTable(
  'contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    categorie: text('categorie').notNull(),
    type: text('type').notNull(),
    sujetType: text('sujet_type').notNull(),
    sujetId: text('sujet_id').notNull(),
    phaseId: uuid('phase_id').references(() => phases.id, { onDelete: 'set null' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contributions_contrat_phase_idx').on(t.contratId, t.phaseId)],
);

/**
 * An action proposed by a partner or a resident. The comité technique instructs it: `deposee` →
 * `en_instruction` → `retenue` (it becomes the linked fiche projet) or `non_retenue` (with a reason
 * shown publicly). `publication` follows the contract's moderation like a comment's.
 */
export const propositions = pgTable(
  'propositions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    numero: integer('numero').notNull(),
    titre: text('titre').notNull(),
    description: text('description').notNull(),
    /** Who would carry it (an organisation or a person), as the author wrote it. */
    porteur: text('porteur').notNull(),
    auteurId: uuid('auteur_id').references(() => users.id, { onDelete: 'set null' }),
    /** The author's stakeholder category when they proposed it. */
    categorie: text('categorie').notNull(),
    coutEstimeCents: bigint('cout_estime_cents', { mode: 'number' }),
    isoDomaine: text('iso_domaine'),
    /** Funding sources sought (codes of the reference list or of the contract's own sources). */
    financementsRecherches: text('financements_recherches')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    communes: text('communes').array().notNull().default(sql`'{}'::text[]`),
    statut: text('statut').notNull().default('deposee'),
    /** Why it was not retained (public), or a note of the instruction. */
    motifDecision: text('motif_decision'),
    decideePar: uuid('decidee_par').references(() => users.id, { onDelete: 'set null' }),
    decideeLe: timestamp('decidee_le', { withTimezone: true }),
    ficheId: uuid('fiche_id').references(() => fiches.id, { onDelete: 'set null' }),
    publication: text('publication').notNull().default('publiee'),
    moderePar: uuid('modere_par').references(() => users.id, { onDelete: 'set null' }),
    moderationMotif: text('moderation_motif'),
    modereLe: timestamp('modere_le', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('propositions_contrat_numero_key').on(t.contratId, t.numero),
    index('propositions_contrat_statut_idx').on(t.contratId, t.statut),
  ],
);

/** Every change of a proposal's status, with who made it and why. */
export const propositionHistorique = pgTable(
  'proposition_historique',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    propositionId: uuid('proposition_id')
      .notNull()
      .references(() => propositions.id, { onDelete: 'cascade' }),
    de: text('de'),
    vers: text('vers').notNull(),
    motif: text('motif'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('proposition_historique_idx').on(t.propositionId, t.createdAt)],
);

/**
 * A comment, on a fiche, a proposal or a passage of a collaborative document. Replies point to the
 * thread's first comment (`parent_id`); the thread's state (`ouvert` / `resolu`) lives on it. An
 * anchored comment keeps the passage as two Yjs relative positions, which follow the text as it is
 * edited, and the passage as it read (`extrait`), shown when the passage has been deleted.
 * Hidden comments stay, with who hid them and why.
 */
export const commentaires = pgTable(
  'commentaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    /** `fiche`, `proposition` or `document`; the id is a uuid, or a document name. */
    sujetType: text('sujet_type').notNull(),
    sujetId: text('sujet_id').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => commentaires.id, {
      onDelete: 'cascade',
    }),
    auteurId: uuid('auteur_id').references(() => users.id, { onDelete: 'set null' }),
    categorie: text('categorie').notNull(),
    /** Plain text, never interpreted as markup. */
    corps: text('corps').notNull(),
    ancreDebut: bytea('ancre_debut'),
    ancreFin: bytea('ancre_fin'),
    extrait: text('extrait'),
    etat: text('etat').notNull().default('ouvert'),
    resoluPar: uuid('resolu_par').references(() => users.id, { onDelete: 'set null' }),
    resoluLe: timestamp('resolu_le', { withTimezone: true }),
    publication: text('publication').notNull().default('publie'),
    moderePar: uuid('modere_par').references(() => users.id, { onDelete: 'set null' }),
    moderationMotif: text('moderation_motif'),
    modereLe: timestamp('modere_le', { withTimezone: true }),
    createdAt: createdAt(),
    modifieLe: timestamp('modifie_le', { withTimezone: true }),
  },
  (t) => [
    index('commentaires_sujet_idx').on(t.sujetType, t.sujetId, t.createdAt),
    index('commentaires_parent_idx').on(t.parentId),
    index('commentaires_contrat_publication_idx').on(t.contratId, t.publication),
    index('commentaires_auteur_idx').on(t.auteurId, t.createdAt),
  ],
);

/** A report of a comment or a proposal to the moderators; one per person and content. */
export const signalements = pgTable(
  'signalements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    /** `commentaire` or `proposition`. */
    cibleType: text('cible_type').notNull(),
    cibleId: uuid('cible_id').notNull(),
    parId: uuid('par_id').references(() => users.id, { onDelete: 'set null' }),
    motif: text('motif').notNull(),
    traiteLe: timestamp('traite_le', { withTimezone: true }),
    traitePar: uuid('traite_par').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('signalements_cible_par_key').on(t.cibleType, t.cibleId, t.parId),
    index('signalements_contrat_idx').on(t.contratId, t.traiteLe),
  ],
);

/**
 * What a person is told about: a mention, a reply, a decision on their proposal, content to
 * moderate. Shown in the app; e-mailed at once or in a daily digest, never more than one e-mail
 * an hour unless the person chose `immediat`.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    contratId: uuid('contrat_id').references(() => contrats.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** Title and excerpt as shown, and the app path it leads to. */
    titre: text('titre').notNull(),
    extrait: text('extrait').notNull().default(''),
    lien: text('lien').notNull(),
    lueLe: timestamp('lue_le', { withTimezone: true }),
    envoyeeLe: timestamp('envoyee_le', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_a_envoyer_idx').on(t.envoyeeLe, t.userId),
  ],
);

/** The governance bodies of a contract: comité de pilotage, comité technique, groupes de travail. */
export const instances = pgTable(
  'instances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    nom: text('nom').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('instances_contrat_idx').on(t.contratId)],
);

/**
 * Who sits in an instance, from when to when: a member of the contract (`user_id`, with name and
 * category as they were on joining) or a person invited by name, e-mail and category. Leaving sets
 * `jusqu_a`; rows are never deleted, so the composition of any past séance can be read back.
 */
export const instanceMembres = pgTable(
  'instance_membres',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => instances.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    nom: text('nom').notNull(),
    email: text('email'),
    categorie: text('categorie').notNull(),
    depuis: date('depuis').notNull(),
    jusquA: date('jusqu_a'),
    createdAt: createdAt(),
  },
  (t) => [
    index('instance_membres_instance_idx').on(t.instanceId, t.depuis),
    uniqueIndex('instance_membres_user_en_fonction_key')
      .on(t.instanceId, t.userId)
      .where(sql`jusqu_a IS NULL AND user_id IS NOT NULL`),
    uniqueIndex('instance_membres_email_en_fonction_key')
      .on(t.instanceId, t.email)
      .where(sql`jusqu_a IS NULL AND user_id IS NULL`),
  ],
);

/**
 * A meeting of an instance. Its attendance lives in the participation module: `evenement_id` is
 * the `seance` event in the phase covering its date. Its minutes are the document `seance:<id>`.
 */
export const seances = pgTable(
  'seances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => instances.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    /** Local time in France, `HH:MM`. */
    heure: text('heure'),
    lieu: text('lieu').notNull().default(''),
    statut: text('statut').notNull().default('prevue'),
    evenementId: uuid('evenement_id').references(() => evenements.id, { onDelete: 'set null' }),
    convoqueeLe: timestamp('convoquee_le', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('seances_contrat_date_idx').on(t.contratId, t.date),
    index('seances_instance_idx').on(t.instanceId),
  ],
);

/** The agenda of a séance, in order; an item may point to a fiche, a proposal or a maquette. */
export const ordreDuJour = pgTable(
  'ordre_du_jour',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seanceId: uuid('seance_id')
      .notNull()
      .references(() => seances.id, { onDelete: 'cascade' }),
    ordre: integer('ordre').notNull(),
    titre: text('titre').notNull(),
    ficheId: uuid('fiche_id').references(() => fiches.id, { onDelete: 'set null' }),
    propositionId: uuid('proposition_id').references(() => propositions.id, {
      onDelete: 'set null',
    }),
    maquetteVersionId: uuid('maquette_version_id').references(() => maquetteVersions.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [uniqueIndex('ordre_du_jour_seance_ordre_key').on(t.seanceId, t.ordre)],
);

/** Avenants: numbered per contract (under the `avenants:<contrat>` lock); signed once. */
export const avenants = pgTable(
  'avenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    numero: integer('numero').notNull(),
    objet: text('objet').notNull(),
    signeLe: date('signe_le'),
    signePar: uuid('signe_par').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('avenants_contrat_numero_key').on(t.contratId, t.numero)],
);

/**
 * A décision recorded in a séance: an avis technique on a fiche, a programmation (a maquette
 * version), a mesure rectificative applied to a fiche (its field and financing changes are in the
 * fiche's history, written in the same transaction), or an évolution of the contract, which an
 * avenant later gathers. `changements` keeps what was applied, before and after.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    seanceId: uuid('seance_id')
      .notNull()
      .references(() => seances.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    avis: text('avis'),
    mesure: text('mesure'),
    objet: text('objet'),
    texte: text('texte').notNull().default(''),
    ficheId: uuid('fiche_id').references(() => fiches.id, { onDelete: 'cascade' }),
    ficheIds: uuid('fiche_ids').array().notNull().default(sql`'{}'::uuid[]`),
    orientationIds: uuid('orientation_ids').array().notNull().default(sql`'{}'::uuid[]`),
    maquetteVersionId: uuid('maquette_version_id').references(() => maquetteVersions.id, {
      onDelete: 'set null',
    }),
    changements: jsonb('changements'),
    avenantId: uuid('avenant_id').references(() => avenants.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('decisions_seance_idx').on(t.seanceId, t.createdAt),
    index('decisions_fiche_idx').on(t.ficheId),
    index('decisions_fiche_ids_idx').using('gin', t.ficheIds),
    index('decisions_avenant_idx').on(t.avenantId),
  ],
);

/**
 * A live participatory workshop on a phase and a document. Opening it creates its `atelier` event
 * in the phase (guests joining are that event's named attendance); `code` is what participants type
 * on their phone, unique among open workshops. Closing ends every guest token and stores the summary.
 */
export const ateliers = pgTable(
  'ateliers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id').references(() => phases.id, { onDelete: 'set null' }),
    evenementId: uuid('evenement_id').references(() => evenements.id, { onDelete: 'set null' }),
    titre: text('titre').notNull(),
    /** The collaborative document shown to participants, e.g. `contrat:<id>:projet`. */
    documentName: text('document_name').notNull(),
    code: text('code').notNull(),
    statut: text('statut').notNull().default('ouvert'),
    /** Sticky-note groups named by the facilitator, in display order. */
    groupes: jsonb('groupes').$type<string[]>().notNull().default([]),
    synthese: jsonb('synthese'),
    animePar: uuid('anime_par').references(() => users.id, { onDelete: 'set null' }),
    ouvertLe: timestamp('ouvert_le', { withTimezone: true }).notNull().defaultNow(),
    closLe: timestamp('clos_le', { withTimezone: true }),
  },
  (t) => [
    index('ateliers_contrat_idx').on(t.contratId, t.ouvertLe),
    uniqueIndex('ateliers_code_ouvert_key').on(t.code).where(sql`statut = 'ouvert'`),
  ],
);

/**
 * A participant who joined a workshop from a phone, without an account. Only the SHA-256 of the
 * guest token is stored; the token is valid while the workshop is open.
 */
export const atelierInvites = pgTable(
  'atelier_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    atelierId: uuid('atelier_id')
      .notNull()
      .references(() => ateliers.id, { onDelete: 'cascade' }),
    nom: text('nom').notNull(),
    categorie: text('categorie').notNull(),
    tokenHash: text('token_hash').notNull(),
    presenceId: uuid('presence_id').references(() => presences.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('atelier_invites_token_key').on(t.tokenHash),
    index('atelier_invites_atelier_idx').on(t.atelierId),
  ],
);

/** A sticky note of a workshop, by a guest or a member; the facilitator files it in a group. */
export const atelierNotes = pgTable(
  'atelier_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    atelierId: uuid('atelier_id')
      .notNull()
      .references(() => ateliers.id, { onDelete: 'cascade' }),
    inviteId: uuid('invite_id').references(() => atelierInvites.id, { onDelete: 'set null' }),
    auteurId: uuid('auteur_id').references(() => users.id, { onDelete: 'set null' }),
    nom: text('nom').notNull(),
    categorie: text('categorie').notNull(),
    /** Plain text, never interpreted as markup. */
    corps: text('corps').notNull(),
    groupe: text('groupe'),
    masquee: boolean('masquee').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('atelier_notes_atelier_idx').on(t.atelierId, t.createdAt)],
);

/**
 * A consultation de priorisation: items (fiches, proposals, orientations) voted on by one method
 * between `debut` and `fin` (or until closed by hand, `close_le`), by a public: member roles,
 * residents with an account, and/or the guests of `atelier_id`.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id').references(() => phases.id, { onDelete: 'set null' }),
    atelierId: uuid('atelier_id').references(() => ateliers.id, { onDelete: 'set null' }),
    titre: text('titre').notNull(),
    description: text('description').notNull().default(''),
    methode: text('methode').notNull(),
    /** Points method: the budget of each voter and the most one item can receive. */
    pointsTotal: integer('points_total'),
    pointsMaxParItem: integer('points_max_par_item'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    habitants: boolean('habitants').notNull().default(false),
    invitesAtelier: boolean('invites_atelier').notNull().default(false),
    resultatsPendantVote: boolean('resultats_pendant_vote').notNull().default(false),
    debut: timestamp('debut', { withTimezone: true }).notNull(),
    fin: timestamp('fin', { withTimezone: true }).notNull(),
    closeLe: timestamp('close_le', { withTimezone: true }),
    /** When the steering committee wrote the winners back as priorities on the fiches. */
    prioritesAppliqueesLe: timestamp('priorites_appliquees_le', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('consultations_contrat_idx').on(t.contratId, t.debut),
    index('consultations_atelier_idx').on(t.atelierId),
  ],
);

/** What a consultation votes on, in display order; `libelle` as it read when the vote opened. */
export const consultationItems = pgTable(
  'consultation_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    sujetType: text('sujet_type').notNull(),
    sujetId: uuid('sujet_id').notNull(),
    libelle: text('libelle').notNull(),
    ordre: integer('ordre').notNull(),
  },
  (t) => [
    uniqueIndex('consultation_items_sujet_key').on(t.consultationId, t.sujetType, t.sujetId),
    index('consultation_items_consultation_idx').on(t.consultationId, t.ordre),
  ],
);

/**
 * One ballot per voter (a person or a workshop guest) and consultation, replaced whole by each
 * vote; the unique indexes make a second ballot impossible whatever the concurrency. `contenu` is
 * the ballot as submitted; `categorie` the voter's stakeholder category when they voted.
 */
export const bulletins = pgTable(
  'bulletins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    inviteId: uuid('invite_id').references(() => atelierInvites.id, { onDelete: 'cascade' }),
    categorie: text('categorie').notNull(),
    contenu: jsonb('contenu').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('bulletins_consultation_user_key')
      .on(t.consultationId, t.userId)
      .where(sql`user_id IS NOT NULL`),
    uniqueIndex('bulletins_consultation_invite_key')
      .on(t.consultationId, t.inviteId)
      .where(sql`invite_id IS NOT NULL`),
  ],
);

/**
 * A ballot spread into one row per item (a support, a number of points, a grade 0–6 with
 * 0 = Excellent), rewritten with the ballot, so results are one GROUP BY, whatever the method.
 */
export const bulletinChoix = pgTable(
  'bulletin_choix',
  {
    bulletinId: uuid('bulletin_id')
      .notNull()
      .references(() => bulletins.id, { onDelete: 'cascade' }),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => consultationItems.id, { onDelete: 'cascade' }),
    categorie: text('categorie').notNull(),
    valeur: integer('valeur').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bulletinId, t.itemId] }),
    index('bulletin_choix_consultation_idx').on(t.consultationId, t.itemId),
  ],
);

/**
 * The indicators of a contract: the CRTE core set (`code` from `shared/src/indicateurs-socle.ts`,
 * added to every contract) and custom ones. Baseline is a value and a year.
 */
export const indicateurs = pgTable(
  'indicateurs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contratId: uuid('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    code: text('code'),
    libelle: text('libelle').notNull(),
    unite: text('unite').notNull(),
    source: text('source').notNull().default(''),
    description: text('description').notNull().default(''),
    /** `hausse` or `baisse`: which way is progress, for attainment against targets. */
    sens: text('sens').notNull().default('hausse'),
    valeurReference: doublePrecision('valeur_reference'),
    anneeReference: integer('annee_reference'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('indicateurs_contrat_idx').on(t.contratId),
    uniqueIndex('indicateurs_contrat_code_key')
      .on(t.contratId, t.code)
      .where(sql`code IS NOT NULL`),
  ],
);

/** The target of an indicator for a year. */
export const indicateurCibles = pgTable(
  'indicateur_cibles',
  {
    indicateurId: uuid('indicateur_id')
      .notNull()
      .references(() => indicateurs.id, { onDelete: 'cascade' }),
    annee: integer('annee').notNull(),
    valeur: doublePrecision('valeur').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicateurId, t.annee] })],
);

/** A measured value of an indicator: when, how much, from where, and who entered it. */
export const indicateurValeurs = pgTable(
  'indicateur_valeurs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicateurId: uuid('indicateur_id')
      .notNull()
      .references(() => indicateurs.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    valeur: doublePrecision('valeur').notNull(),
    source: text('source').notNull().default(''),
    commentaire: text('commentaire').notNull().default(''),
    saisiPar: uuid('saisi_par').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('indicateur_valeurs_indicateur_idx').on(t.indicateurId, t.date)],
);

/** Which indicators measure a fiche. */
export const ficheIndicateurs = pgTable(
  'fiche_indicateurs',
  {
    ficheId: uuid('fiche_id')
      .notNull()
      .references(() => fiches.id, { onDelete: 'cascade' }),
    indicateurId: uuid('indicateur_id')
      .notNull()
      .references(() => indicateurs.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.ficheId, t.indicateurId] }),
    index('fiche_indicateurs_indicateur_idx').on(t.indicateurId),
  ],
);

/**
 * The suivi of a fiche beyond what is computed: a status forced by hand (with its reason) and the
 * qualitative assessment of its impact on each objective it serves.
 */
export const ficheSuivi = pgTable('fiche_suivi', {
  ficheId: uuid('fiche_id')
    .primaryKey()
    .references(() => fiches.id, { onDelete: 'cascade' }),
  statutForce: text('statut_force'),
  motif: text('motif'),
  impacts: jsonb('impacts')
    .$type<{ objectifId: string; appreciation: string; commentaire: string }[]>()
    .notNull()
    .default([]),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});
