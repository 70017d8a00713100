import { z } from 'zod';
import {
  COMMENTAIRE_MAX,
  ETATS_FIL,
  type EtatFil,
  EXTRAIT_MAX,
  MENTIONS_MAX,
  MOTIF_MAX,
  PREFERENCES_EMAIL,
  type PreferenceEmail,
  type PublicationCommentaire,
  parseMentions,
  SUJETS_COMMENTAIRE,
  type SujetCommentaire,
  type TypeNotification,
} from '../commentaires.js';
import { parseDocumentName } from '../documents.js';
import {
  MODES_MODERATION,
  type ModeModeration,
  type PublicationProposition,
} from '../propositions.js';
import type { Categorie } from '../roles.js';
import { paginationSchema, uuidSchema } from './common.js';

/** A comment's subject: a fiche or a proposal by id, a collaborative document by its name. */
const sujetFields = {
  sujetType: z.enum(SUJETS_COMMENTAIRE),
  sujetId: z.string().min(1).max(200),
};

function checkSujet(
  value: { sujetType: SujetCommentaire; sujetId: string },
  ctx: z.RefinementCtx,
): void {
  const valid =
    value.sujetType === 'document'
      ? parseDocumentName(value.sujetId) !== undefined
      : uuidSchema.safeParse(value.sujetId).success;
  if (!valid) {
    ctx.addIssue({
      code: 'custom',
      path: ['sujetId'],
      message:
        value.sujetType === 'document'
          ? 'nom de document inconnu / unknown document name'
          : 'identifiant invalide / invalid id',
    });
  }
}

/** `GET …/commentaires?sujetType=fiche&sujetId=<uuid>`: the threads of one subject. */
export const commentaireQuerySchema = z.object(sujetFields).superRefine(checkSujet);
export type CommentaireQuery = z.output<typeof commentaireQuerySchema>;

/** A base64 Yjs relative position (`Y.encodeRelativePosition`): a few dozen bytes. */
const positionSchema = z
  .string()
  .min(4)
  .max(400)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 attendu / base64 expected');

/** The passage of a collaborative document a thread is about. */
export const ancreSchema = z.strictObject({
  debut: positionSchema,
  fin: positionSchema,
  extrait: z.string().trim().min(1).max(EXTRAIT_MAX),
});
export type AncreInput = z.input<typeof ancreSchema>;

const corpsSchema = z
  .string()
  .trim()
  .min(1)
  .max(COMMENTAIRE_MAX)
  .refine((corps) => parseMentions(corps).length <= MENTIONS_MAX, {
    message: `au plus ${MENTIONS_MAX} mentions / at most ${MENTIONS_MAX} mentions`,
  });

/**
 * A new comment: a thread's first comment (anchored to a passage when the subject is a document),
 * or a reply to a thread (`parentId`, the thread's first comment; replies are not anchored).
 */
export const createCommentaireSchema = z
  .strictObject({
    ...sujetFields,
    corps: corpsSchema,
    parentId: uuidSchema.optional(),
    ancre: ancreSchema.optional(),
  })
  .superRefine((value, ctx) => {
    checkSujet(value, ctx);
    if (value.ancre && value.sujetType !== 'document') {
      ctx.addIssue({
        code: 'custom',
        path: ['ancre'],
        message: 'seul un document s’annote / only a document takes anchors',
      });
    }
    if (value.ancre && value.parentId) {
      ctx.addIssue({
        code: 'custom',
        path: ['ancre'],
        message: 'une réponse suit l’ancre de son fil / a reply follows its thread’s anchor',
      });
    }
  });
export type CreateCommentaireInput = z.input<typeof createCommentaireSchema>;

export const updateCommentaireSchema = z.strictObject({ corps: corpsSchema });

export const etatFilSchema = z.strictObject({ etat: z.enum(ETATS_FIL) });

/** A report, or a moderator hiding a comment: the reason is required. */
export const motifSchema = z.strictObject({ motif: z.string().trim().min(1).max(MOTIF_MAX) });

export const modeModerationSchema = z.strictObject({ mode: z.enum(MODES_MODERATION) });

export const preferenceNotificationsSchema = z.strictObject({ email: z.enum(PREFERENCES_EMAIL) });

export const notificationQuerySchema = paginationSchema.extend({
  nonLues: z.enum(['1', 'true', '0', 'false']).optional(),
});

// ── responses ──

export interface Personne {
  id: string;
  nom: string;
}

/** An anchored thread's passage, as the document reads now. */
export interface AncreView {
  /** The passage when the comment was written. */
  extrait: string;
  /** The passage now, following the edits; null when it was deleted. */
  passage: string | null;
  passageSupprime: boolean;
}

/** What anyone who may read the subject reads of a published comment: no name, no moderation. */
export interface CommentairePublic {
  id: string;
  contratId: string;
  sujet: { type: SujetCommentaire; id: string };
  /** The thread's first comment, for a reply. */
  parentId: string | null;
  /** Plain text; mentions are `@[Name](id)` (see `corpsSegments`). */
  corps: string;
  categorie: Categorie;
  etat: EtatFil;
  ancre: AncreView | null;
  createdAt: string;
  modifieLe: string | null;
  resoluLe: string | null;
}

/** What the contract's members read; hidden or waiting ones only by their author and moderators. */
export interface Commentaire extends CommentairePublic {
  auteur: Personne | null;
  publication: PublicationCommentaire;
  /** Why it was hidden (for its author and the moderators); who did, for the moderators. */
  moderation: { par: Personne | null; motif: string | null; le: string } | null;
  resoluPar: Personne | null;
  droits: {
    modifier: boolean;
    supprimer: boolean;
    changerEtat: boolean;
    signaler: boolean;
    publier: boolean;
    masquer: boolean;
  };
}

export type Fil<C extends CommentairePublic = CommentairePublic | Commentaire> = C & {
  reponses: C[];
};

/** What a live `commentaire` event carries to everyone following the subject. */
export type CommentaireEvent =
  | { type: 'publie' | 'modifie' | 'etat'; commentaire: CommentairePublic }
  | { type: 'retire'; id: string; parentId: string | null };

export interface SignalementView {
  id: string;
  par: Personne | null;
  motif: string;
  createdAt: string;
}

export interface CommentaireAModerer {
  commentaire: Commentaire;
  /** Open reports (not yet handled by a moderator), oldest first. */
  signalements: SignalementView[];
}

/** A proposal in the queue, as `server/src/propositions/moderation.ts` presents it. */
export interface PropositionAModererView {
  id: string;
  contratId: string;
  numero: number;
  titre: string;
  extrait: string;
  auteur: Personne | null;
  categorie: Categorie;
  publication: PublicationProposition;
  moderation: { par: Personne | null; motif: string | null; le: string } | null;
  createdAt: string;
}

export interface FileModeration {
  mode: ModeModeration;
  /** Waiting comments, then published ones with open reports, oldest first. */
  commentaires: CommentaireAModerer[];
  /** Proposals waiting for a moderator, and the hidden ones. */
  propositions: PropositionAModererView[];
}

/** What a `moderation` live event says: something entered or left the queue. */
export interface ModerationEvent {
  type: 'commentaire' | 'signalement' | 'decision';
  id: string;
}

export interface NotificationView {
  id: string;
  contratId: string | null;
  type: TypeNotification;
  titre: string;
  extrait: string;
  /** The app path it leads to. */
  lien: string;
  lue: boolean;
  createdAt: string;
}

export interface NotificationsPage {
  items: NotificationView[];
  total: number;
  nonLues: number;
}

export interface PreferenceNotifications {
  email: PreferenceEmail;
}
