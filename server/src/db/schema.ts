import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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
