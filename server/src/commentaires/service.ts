import {
  type AncreView,
  apercu,
  type Categorie,
  type Commentaire,
  type CommentaireEvent,
  type CommentairePublic,
  type CommentaireQuery,
  can,
  commentaireVisible,
  corpsEnTexte,
  type createCommentaireSchema,
  destinataires,
  type EtatFil,
  etatAtteignable,
  type Fil,
  ficheReference,
  LIVE_EVENTS,
  type Locale,
  type ModerationEvent,
  moderationModeOf,
  nommerMentions,
  type PublicationCommentaire,
  parseDocumentName,
  parseMentions,
  peutChangerEtat,
  peutMasquerCommentaire,
  peutModifier,
  peutPublierCommentaire,
  peutSignaler,
  peutSupprimer,
  propositionReference,
  publicationApresModification,
  publicationInitialeCommentaire,
  type Role,
  type SujetCommentaire,
} from '@trame/shared';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { ContratRow } from '../contrats/repository.js';
import type { Queryable } from '../db/database.js';
import { mayRead } from '../fiches/service.js';
import { HttpError } from '../http/errors.js';
import type { NotificationRow } from '../notifications/repository.js';
import { announce, type NotificationInput, notify } from '../notifications/service.js';
import { recordContribution } from '../participation/contributions.js';
import { categorieOf, phasesOf } from '../participation/repository.js';
import { currentPhaseOf } from '../participation/service.js';
import type { SyncServer } from '../realtime/sync-server.js';
import { decodePosition, resolvePassage, validAnchor } from './anchors.js';
import * as repository from './repository.js';

/**
 * Comments: threads on a fiche, a proposal or a passage of a collaborative document. The rules are
 * in `shared/src/commentaires.ts`; this file applies them on locked rows, in one transaction with
 * the contribution and the notifications, and tells the live followers once it has committed.
 */

/** Who is asking, in the contract: a member (their role), or the public (`role` null). */
export interface Viewer {
  userId: string | null;
  role: Role | null;
}

export function isModerator(contrat: ContratRow, viewer: Viewer): boolean {
  return can('commentaire.moderer', { role: viewer.role, publie: contrat.publie });
}

// ── what happens after the commit ──

/** Live events and notifications to send once the transaction that caused them committed. */
export interface Effects {
  live: { subject: string; event: string; payload: unknown }[];
  notifications: NotificationRow[];
}

export const noEffects = (): Effects => ({ live: [], notifications: [] });

export function applyEffects(ctx: AppContext, effects: Effects): void {
  for (const { subject, event, payload } of effects.live) ctx.live.emit(subject, event, payload);
  announce(ctx, effects.notifications);
}

export const moderationRoom = (contratId: string) => `moderation:${contratId}`;

export function moderationEvent(effects: Effects, contratId: string, event: ModerationEvent) {
  effects.live.push({
    subject: moderationRoom(contratId),
    event: LIVE_EVENTS.moderation,
    payload: event,
  });
}

// ── subjects ──

/** What a comment is about, as far as comments need to know. */
export interface Sujet {
  type: SujetCommentaire;
  id: string;
  /** How notifications name it. */
  titre: (locale: Locale) => string;
  /** The app path that shows it. */
  lien: string;
  /** The live subject its published comments go to; null when it is not public to its readers. */
  live: string | null;
  /** For a document: its name, to resolve anchors. */
  document: string | null;
}

function notFound(viewer: Viewer, code: 'fiche_not_found' | 'proposition_not_found' | 'not_found') {
  return new HttpError(viewer.userId ? code : 'unauthenticated');
}

/**
 * The subject named by a request, if the viewer may read it in this contract: a fiche of this
 * contract they may read, a proposal of it they may see, the contract's projet de territoire or
 * the narrative of one of its fiches. Anything else is not found (a fiche of another contract
 * too), as its own routes would answer.
 */
export async function readableSujet(
  db: Queryable,
  contrat: ContratRow,
  viewer: Viewer,
  query: CommentaireQuery,
): Promise<Sujet> {
  const base = `/contrats/${contrat.slug}`;
  const fiche = async (ficheId: string) => {
    const row = await repository.findFicheOf(db, contrat.id, ficheId);
    if (!row || !mayRead(contrat, viewer, row)) throw notFound(viewer, 'fiche_not_found');
    return row;
  };
  if (query.sujetType === 'fiche') {
    const row = await fiche(query.sujetId);
    return {
      type: 'fiche',
      id: row.id,
      titre: () => `${ficheReference(row.numero)} ${row.titre}`,
      lien: `${base}/fiches/${row.id}`,
      live: `fiche:${row.id}`,
      document: null,
    };
  }
  if (query.sujetType === 'proposition') {
    const row = await repository.findPropositionOf(db, contrat.id, query.sujetId);
    const seen =
      row &&
      (row.publication === 'publiee' ||
        can('proposition.moderer', { role: viewer.role, publie: contrat.publie }) ||
        (viewer.userId !== null && row.auteurId === viewer.userId));
    if (!row || !seen) throw notFound(viewer, 'proposition_not_found');
    return {
      type: 'proposition',
      id: row.id,
      titre: () => `${propositionReference(row.numero)} ${row.titre}`,
      lien: `${base}/propositions/${row.id}`,
      live: row.publication === 'publiee' ? `contrat:${contrat.id}` : null,
      document: null,
    };
  }
  const ref = parseDocumentName(query.sujetId);
  if (ref?.kind === 'projet' && ref.contratId === contrat.id) {
    return {
      type: 'document',
      id: query.sujetId,
      titre: (locale) => (locale === 'en' ? 'Territorial project' : 'Projet de territoire'),
      lien: `${base}/projet`,
      live: `contrat:${contrat.id}`,
      document: query.sujetId,
    };
  }
  if (ref?.kind === 'fiche') {
    const row = await fiche(ref.ficheId);
    const nom = `${ficheReference(row.numero)} ${row.titre}`;
    return {
      type: 'document',
      id: query.sujetId,
      titre: (locale) => (locale === 'en' ? `Narrative of ${nom}` : `Récit de ${nom}`),
      lien: `${base}/fiches/${row.id}`,
      live: `fiche:${row.id}`,
      document: query.sujetId,
    };
  }
  throw notFound(viewer, 'not_found');
}

/**
 * Whether the contract takes comments now: when its current phase opens them. A contract with
 * phases but none current (between two) takes none; one that has no phase at all (participation
 * not organised yet) does, so its members can work together before the animateur sets phases up.
 */
export async function commentairesOuverts(
  db: Queryable,
  contratId: string,
  now: Date,
): Promise<boolean> {
  if ((await phasesOf(db, contratId)).length === 0) return true;
  const phase = await currentPhaseOf(db, contratId, now);
  return phase?.commentaires === true;
}

// ── views ──

const person = (id: string | null, nom: string | null) => (id && nom ? { id, nom } : null);

export function toPublic(
  row: repository.CommentaireRow,
  ancre: AncreView | null,
): CommentairePublic {
  return {
    id: row.id,
    contratId: row.contratId,
    sujet: { type: row.sujetType as SujetCommentaire, id: row.sujetId },
    parentId: row.parentId,
    corps: row.corps,
    categorie: row.categorie as Categorie,
    etat: row.etat as EtatFil,
    ancre,
    createdAt: row.createdAt.toISOString(),
    modifieLe: row.modifieLe?.toISOString() ?? null,
    resoluLe: row.resoluLe?.toISOString() ?? null,
  };
}

/** What the view of a comment needs beyond its row. */
export interface ViewContext {
  contrat: ContratRow;
  viewer: Viewer;
  /** Replies by others, per thread (deleting is refused when there are some). */
  repliesByOthers: (row: repository.CommentaireRow) => number;
  reported: Set<string>;
  openReports: Map<string, number>;
}

export function toCommentaire(
  row: repository.CommentaireListRow,
  ancre: AncreView | null,
  view: ViewContext,
): Commentaire {
  const { viewer } = view;
  const moderateur = isModerator(view.contrat, viewer);
  const auteur = viewer.userId !== null && row.auteurId === viewer.userId;
  const publication = row.publication as PublicationCommentaire;
  const membre = viewer.role !== null;
  return {
    ...toPublic(row, ancre),
    auteur: person(row.auteurId, row.auteurNom),
    publication,
    moderation:
      row.modereLe && row.publication !== 'publie' && (moderateur || auteur)
        ? {
            par: moderateur ? person(row.moderePar, row.modereParNom) : null,
            motif: row.moderationMotif,
            le: row.modereLe.toISOString(),
          }
        : null,
    resoluPar: person(row.resoluPar, row.resoluParNom),
    droits: {
      modifier: membre && peutModifier(row as Cible, viewer.userId),
      supprimer: membre && peutSupprimer(row as Cible, viewer.userId, view.repliesByOthers(row)),
      changerEtat: peutChangerEtat(row as Cible & { parentId: string | null }, {
        userId: viewer.userId,
        moderateur,
      }),
      signaler:
        can('commentaire.signaler', { role: viewer.role, publie: view.contrat.publie }) &&
        peutSignaler(row as Cible, viewer.userId, view.reported.has(row.id)),
      publier: moderateur && peutPublierCommentaire(publication, view.openReports.get(row.id) ?? 0),
      masquer: moderateur && peutMasquerCommentaire(publication),
    },
  };
}

type Cible = { auteurId: string | null; publication: PublicationCommentaire };

/** Anchors of a subject's threads, resolved against the live document (one load for all). */
async function resolveAnchors(
  sync: SyncServer,
  documentName: string | null,
  rows: repository.CommentaireRow[],
): Promise<Map<string, AncreView>> {
  const anchored = rows.filter((r) => r.ancreDebut && r.ancreFin);
  const out = new Map<string, AncreView>();
  if (!documentName || anchored.length === 0) return out;
  await sync.withDocument(documentName, (shared) => {
    for (const row of anchored) {
      const debut = decodePosition(Buffer.from(row.ancreDebut!).toString('base64'));
      const fin = decodePosition(Buffer.from(row.ancreFin!).toString('base64'));
      const resolved = debut && fin ? resolvePassage(shared.doc, debut, fin) : null;
      out.set(row.id, {
        extrait: row.extrait ?? '',
        passage: resolved && 'passage' in resolved ? resolved.passage : null,
        passageSupprime: !resolved || !('passage' in resolved),
      });
    }
  });
  return out;
}

async function viewContext(
  db: Queryable,
  contrat: ContratRow,
  viewer: Viewer,
  rows: repository.CommentaireRow[],
): Promise<ViewContext> {
  const ids = rows.map((r) => r.id);
  const reported = viewer.userId
    ? await repository.reportedBy(db, viewer.userId, ids)
    : new Set<string>();
  const openReports = new Map<string, number>();
  if (isModerator(contrat, viewer)) {
    for (const s of await repository.openSignalements(db, contrat.id, ids)) {
      openReports.set(s.cibleId, (openReports.get(s.cibleId) ?? 0) + 1);
    }
  }
  const replies = new Map<string, repository.CommentaireRow[]>();
  for (const row of rows) {
    if (row.parentId) replies.set(row.parentId, [...(replies.get(row.parentId) ?? []), row]);
  }
  return {
    contrat,
    viewer,
    reported,
    openReports,
    repliesByOthers: (row) =>
      (replies.get(row.id) ?? []).filter((r) => r.auteurId !== row.auteurId).length,
  };
}

// ── reading ──

/**
 * The threads of a subject the viewer may see, oldest first, each with its replies: the
 * published comments, plus one's own waiting or hidden ones, plus everything for a moderator. A
 * thread whose first comment the viewer may not see is not listed. Members read `Commentaire`s,
 * the public `CommentairePublic`s.
 */
export async function listFils(
  db: Queryable,
  sync: SyncServer,
  contrat: ContratRow,
  viewer: Viewer,
  query: CommentaireQuery,
): Promise<{ items: Fil[]; total: number }> {
  const sujet = await readableSujet(db, contrat, viewer, query);
  const rows = await repository.commentairesOf(db, contrat.id, sujet);
  const seen = { userId: viewer.userId, moderateur: isModerator(contrat, viewer) };
  const visible = rows.filter((row) =>
    commentaireVisible(
      { publication: row.publication as PublicationCommentaire, auteurId: row.auteurId },
      seen,
    ),
  );
  const roots = visible.filter((row) => row.parentId === null);
  const anchors = await resolveAnchors(sync, sujet.document, roots);
  const context = await viewContext(db, contrat, viewer, rows);
  const present = (row: repository.CommentaireListRow) =>
    viewer.role === null
      ? toPublic(row, anchors.get(row.id) ?? null)
      : toCommentaire(row, anchors.get(row.id) ?? null, context);
  const items = roots.map(
    (root): Fil => ({
      ...present(root),
      reponses: visible.filter((r) => r.parentId === root.id).map(present),
    }),
  );
  return { items, total: items.length };
}

/** One comment as the viewer sees it (404 when they may not). */
export async function commentaireView(
  db: Queryable,
  sync: SyncServer,
  contrat: ContratRow,
  viewer: Viewer,
  id: string,
): Promise<Commentaire | CommentairePublic> {
  const row = await repository.findView(db, contrat.id, id);
  if (!row || !visibleTo(row, contrat, viewer)) throw notFound(viewer, 'not_found');
  const sujet = await readableSujet(db, contrat, viewer, {
    sujetType: row.sujetType as SujetCommentaire,
    sujetId: row.sujetId,
  });
  const anchors = await resolveAnchors(sync, sujet.document, [row]);
  const ancre = anchors.get(row.id) ?? null;
  if (viewer.role === null) return toPublic(row, ancre);
  const siblings = await repository.commentairesOf(db, contrat.id, sujet);
  return toCommentaire(row, ancre, await viewContext(db, contrat, viewer, siblings));
}

function visibleTo(row: repository.CommentaireRow, contrat: ContratRow, viewer: Viewer) {
  return commentaireVisible(
    { publication: row.publication as PublicationCommentaire, auteurId: row.auteurId },
    { userId: viewer.userId, moderateur: isModerator(contrat, viewer) },
  );
}

/** The live event of a published comment, to its subject's followers. */
function liveEvent(sujet: Sujet, event: CommentaireEvent) {
  return sujet.live
    ? [{ subject: sujet.live, event: LIVE_EVENTS.commentaire, payload: event }]
    : [];
}

/** The comment's subject, as the server (not a viewer) reads it: for effects after a change. */
export function sujetOf(db: Queryable, contrat: ContratRow, row: repository.CommentaireRow) {
  return readableSujet(
    db,
    contrat,
    { userId: null, role: 'animateur' },
    { sujetType: row.sujetType as SujetCommentaire, sujetId: row.sujetId },
  );
}

// ── mentions and notifications ──

/** The members a body mentions, checked (400 otherwise), and the body with their own names. */
async function checkMentions(db: Queryable, contratId: string, corps: string): Promise<string> {
  const ids = parseMentions(corps);
  if (ids.length === 0) return corps;
  const members = await repository.membersAmong(db, contratId, ids);
  if (members.length !== ids.length) throw new HttpError('mention_non_membre');
  return nommerMentions(corps, new Map(members.map((m) => [m.id, m.nom])));
}

const localeOf = (value: string): Locale => (value === 'en' ? 'en' : 'fr');

/**
 * The notifications a comment gets when it becomes public: its mentions (only those in `only`
 * when given: the ones an edit added) and the author of the thread it answers.
 */
export async function publicationNotifications(
  db: Queryable,
  contrat: ContratRow,
  row: repository.CommentaireRow,
  sujet: Sujet,
  only?: Set<string>,
): Promise<NotificationInput[]> {
  if (!row.auteurId) return [];
  const parent = row.parentId ? await repository.findView(db, contrat.id, row.parentId) : undefined;
  const mentions = parseMentions(row.corps).filter((id) => !only || only.has(id));
  const targets = destinataires({
    auteurId: row.auteurId,
    mentions,
    auteurDuFil: only ? null : (parent?.auteurId ?? null),
  });
  if (targets.length === 0) return [];
  const members = new Map(
    (
      await repository.membersAmong(
        db,
        contrat.id,
        targets.map((t) => t.userId),
      )
    ).map((m) => [m.id, m]),
  );
  const auteurNom = await repository.userName(db, row.auteurId);
  const extrait = apercu(corpsEnTexte(row.corps), 280);
  return targets.flatMap(({ userId, type }) => {
    const member = members.get(userId);
    if (!member) return [];
    const locale = localeOf(member.locale);
    const titre =
      type === 'mention'
        ? locale === 'en'
          ? `${auteurNom} mentioned you — ${sujet.titre(locale)}`
          : `${auteurNom} vous a mentionné·e — ${sujet.titre(locale)}`
        : locale === 'en'
          ? `${auteurNom} replied to your comment — ${sujet.titre(locale)}`
          : `${auteurNom} a répondu à votre commentaire — ${sujet.titre(locale)}`;
    return [
      {
        userId,
        contratId: contrat.id,
        type,
        titre,
        extrait,
        lien: `${sujet.lien}#commentaire-${row.id}`,
      },
    ];
  });
}

/** Tells the contract's moderators something entered their queue. */
export async function moderationNotifications(
  db: Queryable,
  contrat: ContratRow,
  row: repository.CommentaireRow,
  sujet: Sujet,
  kind: 'en_attente' | 'signale',
  exclude: string | null,
): Promise<NotificationInput[]> {
  const moderators = await repository.membersWithRoles(db, contrat.id, ['animateur']);
  const extrait = apercu(corpsEnTexte(row.corps), 280);
  return moderators
    .filter((m) => m.id !== exclude)
    .map((m) => {
      const locale = localeOf(m.locale);
      const what =
        kind === 'en_attente'
          ? locale === 'en'
            ? 'Comment awaiting moderation'
            : 'Commentaire à modérer'
          : locale === 'en'
            ? 'Comment reported'
            : 'Commentaire signalé';
      return {
        userId: m.id,
        contratId: contrat.id,
        type: 'moderation' as const,
        titre: `${what} — ${sujet.titre(locale)}`,
        extrait,
        lien: `/contrats/${contrat.slug}/moderation`,
      };
    });
}

// ── writing ──

/**
 * Posts a comment, in one transaction: refused unless the contract takes comments now; a reply
 * answers the first comment of a visible thread on the same subject; published at once or held
 * for moderation; its contribution (`commentaire`) and its notifications written with it. An
 * anchor is checked against the live document first (400 `ancre_invalide`).
 */
export async function createCommentaire(
  ctx: AppContext,
  sync: SyncServer,
  contrat: ContratRow,
  user: { id: string; role: Role },
  input: z.output<typeof createCommentaireSchema>,
  now: Date,
): Promise<Commentaire> {
  const viewer: Viewer = { userId: user.id, role: user.role };
  const sujet = await readableSujet(ctx.db, contrat, viewer, input);
  const { ancre } = input;
  if (ancre) {
    const ok = await sync.withDocument(sujet.document!, (shared) =>
      validAnchor(shared.doc, ancre.debut, ancre.fin),
    );
    if (!ok) throw new HttpError('ancre_invalide');
  }
  const corps = await checkMentions(ctx.db, contrat.id, input.corps);
  const effects = noEffects();
  const row = await ctx.db.transaction(async (tx) => {
    if (!(await commentairesOuverts(tx, contrat.id, now))) {
      throw new HttpError('commentaires_fermes');
    }
    if (input.parentId) {
      const parent = await repository.lockCommentaire(tx, contrat.id, input.parentId);
      if (!parent || !visibleTo(parent, contrat, viewer)) {
        throw new HttpError('commentaire_not_found');
      }
      if (
        parent.parentId !== null ||
        parent.sujetType !== sujet.type ||
        parent.sujetId !== sujet.id ||
        parent.publication === 'masque'
      ) {
        throw new HttpError('reponse_invalide');
      }
    }
    const categorie = await categorieOf(tx, contrat.id, user.id);
    // A programming error, not a user's: a signed-in person always has an account.
    if (!categorie) throw new Error(`createCommentaire: unknown user ${user.id}`);
    const inserted = await repository.insertCommentaire(tx, {
      contratId: contrat.id,
      sujetType: sujet.type,
      sujetId: sujet.id,
      parentId: input.parentId ?? null,
      auteurId: user.id,
      categorie,
      corps,
      ancreDebut: ancre ? Buffer.from(ancre.debut, 'base64') : null,
      ancreFin: ancre ? Buffer.from(ancre.fin, 'base64') : null,
      extrait: ancre?.extrait ?? null,
      publication: publicationInitialeCommentaire(moderationModeOf(contrat.moderation), user.role),
      createdAt: now,
    });
    await recordContribution(tx, {
      contratId: contrat.id,
      userId: user.id,
      type: 'commentaire',
      sujet: { type: sujet.type, id: sujet.id },
      occurredAt: now,
    });
    const notifications =
      inserted.publication === 'publie'
        ? await publicationNotifications(tx, contrat, inserted, sujet)
        : await moderationNotifications(tx, contrat, inserted, sujet, 'en_attente', user.id);
    effects.notifications.push(...(await notify(tx, notifications)));
    return inserted;
  });
  if (row.publication === 'publie') {
    const anchors = await resolveAnchors(sync, sujet.document, [row]);
    effects.live.push(
      ...liveEvent(sujet, {
        type: 'publie',
        commentaire: toPublic(row, anchors.get(row.id) ?? null),
      }),
    );
  } else {
    moderationEvent(effects, contrat.id, { type: 'commentaire', id: row.id });
  }
  applyEffects(ctx, effects);
  return (await commentaireView(ctx.db, sync, contrat, viewer, row.id)) as Commentaire;
}

/** The comment, locked, if the viewer may see it (404 otherwise). */
async function lockedVisible(
  tx: Queryable,
  contrat: ContratRow,
  viewer: Viewer,
  id: string,
): Promise<repository.CommentaireRow> {
  const row = await repository.lockCommentaire(tx, contrat.id, id);
  if (!row || !visibleTo(row, contrat, viewer)) throw new HttpError('commentaire_not_found');
  return row;
}

/**
 * Its author edits a comment (not a hidden one). A resident's comment goes back to the moderators
 * when the contract moderates before publication; members newly mentioned are notified.
 */
export async function updateCommentaire(
  ctx: AppContext,
  sync: SyncServer,
  contrat: ContratRow,
  user: { id: string; role: Role },
  id: string,
  corpsInput: string,
  now: Date,
): Promise<Commentaire> {
  const viewer: Viewer = { userId: user.id, role: user.role };
  const corps = await checkMentions(ctx.db, contrat.id, corpsInput);
  const effects = noEffects();
  const { before, after } = await ctx.db.transaction(async (tx) => {
    const row = await lockedVisible(tx, contrat, viewer, id);
    if (!peutModifier(row as Cible, user.id)) throw new HttpError('commentaire_non_modifiable');
    const publication = publicationApresModification(
      moderationModeOf(contrat.moderation),
      user.role,
      row.publication as PublicationCommentaire,
    );
    const saved = await repository.updateCommentaire(tx, id, {
      corps,
      modifieLe: now,
      publication,
    });
    if (publication === 'publie') {
      const added = new Set(
        parseMentions(corps).filter((m) => !parseMentions(row.corps).includes(m)),
      );
      if (added.size > 0) {
        const sujet = await sujetOf(tx, contrat, saved);
        const inputs = await publicationNotifications(tx, contrat, saved, sujet, added);
        effects.notifications.push(...(await notify(tx, inputs)));
      }
    }
    return { before: row, after: saved };
  });
  const sujet = await sujetOf(ctx.db, contrat, after);
  if (after.publication === 'publie') {
    const anchors = await resolveAnchors(sync, sujet.document, [after]);
    effects.live.push(
      ...liveEvent(sujet, {
        type: 'modifie',
        commentaire: toPublic(after, anchors.get(after.id) ?? null),
      }),
    );
  } else {
    if (before.publication === 'publie') {
      effects.live.push(...liveEvent(sujet, { type: 'retire', id, parentId: after.parentId }));
    }
    moderationEvent(effects, contrat.id, { type: 'commentaire', id });
  }
  applyEffects(ctx, effects);
  return (await commentaireView(ctx.db, sync, contrat, viewer, id)) as Commentaire;
}

/** Its author deletes a comment, unless others replied to it or it was hidden. */
export async function deleteCommentaire(
  ctx: AppContext,
  contrat: ContratRow,
  user: { id: string; role: Role },
  id: string,
): Promise<void> {
  const viewer: Viewer = { userId: user.id, role: user.role };
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await lockedVisible(tx, contrat, viewer, id);
    if (!peutModifier(locked as Cible, user.id)) throw new HttpError('commentaire_non_modifiable');
    const others = await repository.repliesByOthers(tx, id, user.id);
    if (!peutSupprimer(locked as Cible, user.id, others)) {
      throw new HttpError('commentaire_a_des_reponses');
    }
    await repository.deleteCommentaire(tx, id);
    return locked;
  });
  const effects = noEffects();
  if (row.publication === 'publie') {
    const sujet = await sujetOf(ctx.db, contrat, row);
    effects.live.push(...liveEvent(sujet, { type: 'retire', id, parentId: row.parentId }));
  } else {
    moderationEvent(effects, contrat.id, { type: 'decision', id });
  }
  applyEffects(ctx, effects);
}

/** The thread's author or a moderator resolves or reopens a thread (409 if already so). */
export async function setEtat(
  ctx: AppContext,
  sync: SyncServer,
  contrat: ContratRow,
  user: { id: string; role: Role },
  id: string,
  etat: EtatFil,
  now: Date,
): Promise<Commentaire> {
  const viewer: Viewer = { userId: user.id, role: user.role };
  const saved = await ctx.db.transaction(async (tx) => {
    const row = await lockedVisible(tx, contrat, viewer, id);
    const allowed = peutChangerEtat(row as Cible & { parentId: string | null }, {
      userId: user.id,
      moderateur: isModerator(contrat, viewer),
    });
    if (!allowed) throw new HttpError('forbidden');
    if (!etatAtteignable(row.etat as EtatFil, etat)) throw new HttpError('fil_deja_dans_cet_etat');
    return repository.updateCommentaire(tx, id, {
      etat,
      resoluPar: etat === 'resolu' ? user.id : null,
      resoluLe: etat === 'resolu' ? now : null,
    });
  });
  if (saved.publication === 'publie') {
    const sujet = await sujetOf(ctx.db, contrat, saved);
    const anchors = await resolveAnchors(sync, sujet.document, [saved]);
    const effects = noEffects();
    effects.live.push(
      ...liveEvent(sujet, { type: 'etat', commentaire: toPublic(saved, anchors.get(id) ?? null) }),
    );
    applyEffects(ctx, effects);
  }
  return (await commentaireView(ctx.db, sync, contrat, viewer, id)) as Commentaire;
}

/**
 * Reports a published comment to the moderators, once per person, with a reason; they are told
 * (notification and queue).
 */
export async function signaler(
  ctx: AppContext,
  contrat: ContratRow,
  viewer: Viewer & { userId: string },
  id: string,
  motif: string,
): Promise<{ id: string; motif: string; createdAt: string }> {
  const effects = noEffects();
  const report = await ctx.db.transaction(async (tx) => {
    const row = await lockedVisible(tx, contrat, viewer, id);
    const sujet = await readableSujet(tx, contrat, viewer, {
      sujetType: row.sujetType as SujetCommentaire,
      sujetId: row.sujetId,
    });
    const already = await repository.hasReported(tx, id, viewer.userId);
    if (already) throw new HttpError('commentaire_deja_signale');
    if (!peutSignaler(row as Cible, viewer.userId, false)) {
      throw new HttpError('signalement_impossible');
    }
    const inserted = await repository.insertSignalement(tx, {
      contratId: contrat.id,
      cibleType: 'commentaire',
      cibleId: id,
      parId: viewer.userId,
      motif,
    });
    if (!inserted) throw new HttpError('commentaire_deja_signale');
    const inputs = await moderationNotifications(tx, contrat, row, sujet, 'signale', viewer.userId);
    effects.notifications.push(...(await notify(tx, inputs)));
    return inserted;
  });
  moderationEvent(effects, contrat.id, { type: 'signalement', id });
  applyEffects(ctx, effects);
  return { id: report.id, motif: report.motif, createdAt: report.createdAt.toISOString() };
}

/**
 * A moderator publishes a waiting or hidden comment, or keeps a reported one; its open reports
 * are closed. A comment that becomes public is announced and notified like a new one.
 */
export async function publier(
  ctx: AppContext,
  sync: SyncServer,
  contrat: ContratRow,
  moderateur: Viewer & { userId: string },
  id: string,
  now: Date,
): Promise<Commentaire> {
  const effects = noEffects();
  const { before, after } = await ctx.db.transaction(async (tx) => {
    const row = await repository.lockCommentaire(tx, contrat.id, id);
    if (!row) throw new HttpError('commentaire_not_found');
    const open = (await repository.openSignalements(tx, contrat.id, [id])).length;
    if (!peutPublierCommentaire(row.publication as PublicationCommentaire, open)) {
      throw new HttpError('commentaire_deja_publie');
    }
    const saved =
      row.publication === 'publie'
        ? row
        : await repository.updateCommentaire(tx, id, {
            publication: 'publie',
            moderePar: moderateur.userId,
            moderationMotif: null,
            modereLe: now,
          });
    await repository.closeSignalements(tx, id, moderateur.userId, now);
    if (row.publication !== 'publie') {
      const sujet = await sujetOf(tx, contrat, saved);
      const inputs = await publicationNotifications(tx, contrat, saved, sujet);
      effects.notifications.push(...(await notify(tx, inputs)));
    }
    return { before: row, after: saved };
  });
  if (before.publication !== 'publie') {
    const sujet = await sujetOf(ctx.db, contrat, after);
    const anchors = await resolveAnchors(sync, sujet.document, [after]);
    effects.live.push(
      ...liveEvent(sujet, {
        type: 'publie',
        commentaire: toPublic(after, anchors.get(id) ?? null),
      }),
    );
  }
  moderationEvent(effects, contrat.id, { type: 'decision', id });
  applyEffects(ctx, effects);
  return (await commentaireView(ctx.db, sync, contrat, moderateur, id)) as Commentaire;
}

/**
 * A moderator hides a comment, with the reason its author reads; it stays in the database with
 * who hid it and when, and leaves every public view at once. Its open reports are closed.
 */
export async function masquer(
  ctx: AppContext,
  sync: SyncServer,
  contrat: ContratRow,
  moderateur: Viewer & { userId: string },
  id: string,
  motif: string,
  now: Date,
): Promise<Commentaire> {
  const before = await ctx.db.transaction(async (tx) => {
    const row = await repository.lockCommentaire(tx, contrat.id, id);
    if (!row) throw new HttpError('commentaire_not_found');
    if (!peutMasquerCommentaire(row.publication as PublicationCommentaire)) {
      throw new HttpError('commentaire_deja_masque');
    }
    await repository.updateCommentaire(tx, id, {
      publication: 'masque',
      moderePar: moderateur.userId,
      moderationMotif: motif,
      modereLe: now,
    });
    await repository.closeSignalements(tx, id, moderateur.userId, now);
    return row;
  });
  const effects = noEffects();
  if (before.publication === 'publie') {
    const sujet = await sujetOf(ctx.db, contrat, before);
    effects.live.push(...liveEvent(sujet, { type: 'retire', id, parentId: before.parentId }));
  }
  moderationEvent(effects, contrat.id, { type: 'decision', id });
  applyEffects(ctx, effects);
  return (await commentaireView(ctx.db, sync, contrat, moderateur, id)) as Commentaire;
}
