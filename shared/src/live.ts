import { z } from 'zod';

/**
 * Live events (Socket.IO) are sent to *subjects* a client follows: a contract (its public
 * activity), a fiche (its comments) or a contract's moderation queue (its moderators only). Like
 * document names, subject names are typed strings (`contrat:<id>`, `fiche:<id>`,
 * `moderation:<id>`) that the server checks against the permission matrix before a client may
 * follow them. Each signed-in connection also receives its person's own events (notifications)
 * without following anything.
 */
export type LiveSubject =
  | { kind: 'contrat'; contratId: string }
  | { kind: 'fiche'; ficheId: string }
  | { kind: 'moderation'; contratId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseLiveSubject(name: string): LiveSubject | undefined {
  const [kind, id, ...rest] = name.split(':');
  if (rest.length > 0 || !id || !UUID.test(id)) return undefined;
  if (kind === 'contrat') return { kind, contratId: id };
  if (kind === 'fiche') return { kind, ficheId: id };
  if (kind === 'moderation') return { kind, contratId: id };
  return undefined;
}

export function liveSubjectName(subject: LiveSubject): string {
  switch (subject.kind) {
    case 'contrat':
      return `contrat:${subject.contratId}`;
    case 'fiche':
      return `fiche:${subject.ficheId}`;
    case 'moderation':
      return `moderation:${subject.contratId}`;
  }
}

/**
 * Events the server sends: `commentaire` (a `CommentaireEvent`, to the subject's followers),
 * `moderation` (a `ModerationEvent`, to `moderation:<id>`), `notification` (a `NotificationView`,
 * to its person's connections).
 */
export const LIVE_EVENTS = {
  commentaire: 'commentaire',
  moderation: 'moderation',
  notification: 'notification',
} as const;

/** What a client may send: follow or stop following a subject, with an acknowledgement. */
export const LIVE_FOLLOW = 'suivre';
export const LIVE_UNFOLLOW = 'quitter';
export const liveFollowSchema = z.object({ sujet: z.string().min(1).max(200) });

/** The acknowledgement of a follow: accepted, or refused with the API's error shape. */
export type LiveFollowAck = { ok: true } | { ok: false; error: { code: string; message: string } };
