import type { Locale } from './locale.js';
import type { ModeModeration } from './propositions.js';
import type { Role } from './roles.js';

/**
 * Comments (DESIGN.md §2 "Commentaires"): threads on a fiche, a proposal, or a passage of a
 * collaborative document. A thread is its first comment and the replies to it (one level); its
 * state (`ouvert` / `resolu`) lives on the first comment. Residents' comments follow the
 * contract's moderation (`a_priori`: they wait for a moderator; `a_posteriori`: published at once,
 * hidden if a moderator decides so). Pure rules only: the server applies them on locked rows and
 * the client reads them to show what a person may do.
 */

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** Plain text, 1 to 5,000 characters, never interpreted as markup. */
export const COMMENTAIRE_MAX = 5000;
/** The passage a comment is anchored to, as it read when the comment was written. */
export const EXTRAIT_MAX = 1000;
export const MOTIF_MAX = 1000;

export const SUJETS_COMMENTAIRE = ['fiche', 'proposition', 'document'] as const;
export type SujetCommentaire = (typeof SUJETS_COMMENTAIRE)[number];

export const ETATS_FIL = ['ouvert', 'resolu'] as const;
export type EtatFil = (typeof ETATS_FIL)[number];

export const ETAT_FIL_LABELS: Labels<EtatFil> = {
  ouvert: { fr: 'Ouvert', en: 'Open' },
  resolu: { fr: 'Résolu', en: 'Resolved' },
};

export const PUBLICATIONS_COMMENTAIRE = ['en_attente', 'publie', 'masque'] as const;
export type PublicationCommentaire = (typeof PUBLICATIONS_COMMENTAIRE)[number];

export const PUBLICATION_COMMENTAIRE_LABELS: Labels<PublicationCommentaire> = {
  en_attente: { fr: 'En attente de modération', en: 'Awaiting moderation' },
  publie: { fr: 'Publié', en: 'Published' },
  masque: { fr: 'Masqué par la modération', en: 'Hidden by moderation' },
};

// ── publication ──

/**
 * How a new comment starts: a resident's waits for a moderator when the contract moderates before
 * publication; every other member's is published at once.
 */
export function publicationInitialeCommentaire(
  mode: ModeModeration,
  role: Role,
): PublicationCommentaire {
  return mode === 'a_priori' && role === 'habitant' ? 'en_attente' : 'publie';
}

/**
 * After its author edits it: a resident's published comment goes back to the moderators when the
 * contract moderates before publication (an edit must not bypass moderation); otherwise unchanged.
 */
export function publicationApresModification(
  mode: ModeModeration,
  role: Role,
  publication: PublicationCommentaire,
): PublicationCommentaire {
  return publicationInitialeCommentaire(mode, role) === 'en_attente' ? 'en_attente' : publication;
}

/** Waiting or hidden comments are seen only by their author and the moderators. */
export function commentaireVisible(
  commentaire: { publication: PublicationCommentaire; auteurId: string | null },
  viewer: { userId: string | null; moderateur: boolean },
): boolean {
  if (commentaire.publication === 'publie' || viewer.moderateur) return true;
  return viewer.userId !== null && commentaire.auteurId === viewer.userId;
}

/**
 * A moderator publishes what waits or was hidden, and keeps a reported published comment (which
 * closes its reports); hides what waits or is published.
 */
export function peutPublierCommentaire(
  publication: PublicationCommentaire,
  signalementsOuverts: number,
): boolean {
  return publication !== 'publie' || signalementsOuverts > 0;
}

export function peutMasquerCommentaire(publication: PublicationCommentaire): boolean {
  return publication !== 'masque';
}

// ── what the author and the others may do ──

interface Cible {
  auteurId: string | null;
  publication: PublicationCommentaire;
}

/** Its author edits a comment, unless a moderator hid it (the reason would no longer match). */
export function peutModifier(commentaire: Cible, userId: string | null): boolean {
  return userId !== null && commentaire.auteurId === userId && commentaire.publication !== 'masque';
}

/**
 * Its author deletes a comment, unless others replied to it (deleting a thread's first comment
 * would take their replies with it) or a moderator hid it (the moderation is kept).
 */
export function peutSupprimer(
  commentaire: Cible,
  userId: string | null,
  reponsesDAutres: number,
): boolean {
  return peutModifier(commentaire, userId) && reponsesDAutres === 0;
}

/** The thread's author or a moderator resolves and reopens a thread. */
export function peutChangerEtat(
  fil: Cible & { parentId: string | null },
  viewer: { userId: string | null; moderateur: boolean },
): boolean {
  if (fil.parentId !== null || fil.publication === 'masque') return false;
  return viewer.moderateur || (viewer.userId !== null && fil.auteurId === viewer.userId);
}

/** `resolu` from `ouvert` and back; anything else changes nothing and is refused. */
export function etatAtteignable(de: EtatFil, vers: EtatFil): boolean {
  return de !== vers;
}

/** One can report someone else's comment, once, while it is shown. */
export function peutSignaler(
  commentaire: Cible,
  userId: string | null,
  dejaSignale: boolean,
): boolean {
  return (
    userId !== null &&
    commentaire.auteurId !== userId &&
    commentaire.publication === 'publie' &&
    !dejaSignale
  );
}

// ── mentions ──

/**
 * A mention is written in the body as `@[Name](member id)`: the id is what counts (it is checked
 * against the contract's members and notified), the name is what the reader sees and is rewritten
 * by the server with the member's own.
 */
const MENTION =
  /@\[([^\]\n]{1,120})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/g;
export const MENTIONS_MAX = 20;

export function mentionToken(id: string, nom: string): string {
  return `@[${nom.replace(/[\]\n]/g, ' ').slice(0, 120)}](${id})`;
}

/** The distinct member ids mentioned in a body, in order of first appearance. */
export function parseMentions(corps: string): string[] {
  const ids = new Set<string>();
  for (const match of corps.matchAll(MENTION)) ids.add(match[2]!);
  return [...ids];
}

export type CorpsSegment = { texte: string } | { mention: { id: string; nom: string } };

/** A body cut into text and mentions, for rendering (as text: never markup). */
export function corpsSegments(corps: string): CorpsSegment[] {
  const segments: CorpsSegment[] = [];
  let last = 0;
  for (const match of corps.matchAll(MENTION)) {
    if (match.index > last) segments.push({ texte: corps.slice(last, match.index) });
    segments.push({ mention: { id: match[2]!, nom: match[1]! } });
    last = match.index + match[0].length;
  }
  if (last < corps.length) segments.push({ texte: corps.slice(last) });
  return segments;
}

/** The body with each mention showing the member's own name (names from the server). */
export function nommerMentions(corps: string, noms: ReadonlyMap<string, string>): string {
  return corps.replace(MENTION, (token, _nom: string, id: string) => {
    const nom = noms.get(id);
    return nom === undefined ? token : mentionToken(id, nom);
  });
}

/** The body as plain text, mentions shown as `@Name` (e-mails, notification excerpts). */
export function corpsEnTexte(corps: string): string {
  return corps.replace(MENTION, (_token, nom: string) => `@${nom}`);
}

/** The beginning of a text, cut at `max` characters with an ellipsis. */
export function apercu(texte: string, max = 200): string {
  const flat = texte.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

// ── notifications ──

export const TYPES_NOTIFICATION = ['mention', 'reponse', 'moderation'] as const;
export type TypeNotification = (typeof TYPES_NOTIFICATION)[number];

export const PREFERENCES_EMAIL = ['immediat', 'quotidien', 'aucun'] as const;
export type PreferenceEmail = (typeof PREFERENCES_EMAIL)[number];
export const PREFERENCE_EMAIL_DEFAUT: PreferenceEmail = 'quotidien';

export const PREFERENCE_EMAIL_LABELS: Labels<PreferenceEmail> = {
  immediat: { fr: 'À chaque notification', en: 'For each notification' },
  quotidien: { fr: 'Un résumé par jour', en: 'A daily digest' },
  aucun: { fr: 'Jamais', en: 'Never' },
};

/**
 * Who is told about a new published comment: the members it mentions, and the author of the
 * thread it replies to; never its own author, and one notification per person (a mention wins
 * over a reply).
 */
export function destinataires(input: {
  auteurId: string;
  mentions: readonly string[];
  auteurDuFil: string | null;
}): { userId: string; type: 'mention' | 'reponse' }[] {
  const out = new Map<string, 'mention' | 'reponse'>();
  for (const id of input.mentions) if (id !== input.auteurId) out.set(id, 'mention');
  if (input.auteurDuFil && input.auteurDuFil !== input.auteurId && !out.has(input.auteurDuFil)) {
    out.set(input.auteurDuFil, 'reponse');
  }
  return [...out].map(([userId, type]) => ({ userId, type }));
}

/** The daily digest leaves at this hour, Paris time. */
export const HEURE_RESUME = 7;

/** Paris's offset from UTC at an instant, in milliseconds (1 or 2 hours). */
function parisOffset(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/** The instant it is `hour`:00 in Paris on `day` (`YYYY-MM-DD`). */
export function parisInstant(day: string, hour: number): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour);
  let instant = wall - parisOffset(wall);
  // Around a change of time, the offset at the first guess may be the other one.
  instant = wall - parisOffset(instant);
  return new Date(instant);
}

function parisDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * When a person's waiting notifications are e-mailed, or null for never:
 * - `immediat`: at once (each notification: the person asked for it);
 * - `quotidien`: one digest, at `HEURE_RESUME` Paris time, on the first day the oldest waiting
 *   notification exists by then and no e-mail left yet that day — never two in a day;
 * - `aucun`: never.
 * So no one but an `immediat` person gets two e-mails within an hour: two digests are at least
 * a night apart (after the last e-mail's day, at `HEURE_RESUME`).
 */
export function envoiPrevu(input: {
  preference: PreferenceEmail;
  dernierEmailLe: Date | null;
  /** The oldest notification not yet e-mailed (nor read); null when there is none. */
  plusAncienne: Date | null;
}): Date | null {
  const { preference, dernierEmailLe, plusAncienne } = input;
  if (plusAncienne === null || preference === 'aucun') return null;
  if (preference === 'immediat') return plusAncienne;
  let day = parisDay(plusAncienne);
  let due = parisInstant(day, HEURE_RESUME);
  if (due < plusAncienne) {
    day = nextDay(day);
    due = parisInstant(day, HEURE_RESUME);
  }
  if (dernierEmailLe && parisDay(dernierEmailLe) >= day) {
    day = nextDay(parisDay(dernierEmailLe));
    due = parisInstant(day, HEURE_RESUME);
  }
  return due;
}

export function envoiDu(input: Parameters<typeof envoiPrevu>[0], now: Date): boolean {
  const due = envoiPrevu(input);
  return due !== null && due.getTime() <= now.getTime();
}
