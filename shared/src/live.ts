import { z } from 'zod';

/**
 * Live events (Socket.IO) are sent to *subjects* a client follows: a contract (its public
 * activity) or a fiche (its comments). Like document names, subject names are typed strings
 * (`contrat:<id>`, `fiche:<id>`) that the server checks against the permission matrix before a
 * client may follow them.
 */
export type LiveSubject =
  | { kind: 'contrat'; contratId: string }
  | { kind: 'fiche'; ficheId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseLiveSubject(name: string): LiveSubject | undefined {
  const [kind, id, ...rest] = name.split(':');
  if (rest.length > 0 || !id || !UUID.test(id)) return undefined;
  if (kind === 'contrat') return { kind, contratId: id };
  if (kind === 'fiche') return { kind, ficheId: id };
  return undefined;
}

export function liveSubjectName(subject: LiveSubject): string {
  return subject.kind === 'contrat' ? `contrat:${subject.contratId}` : `fiche:${subject.ficheId}`;
}

/** What a client may send: follow or stop following a subject, with an acknowledgement. */
export const LIVE_FOLLOW = 'suivre';
export const LIVE_UNFOLLOW = 'quitter';
export const liveFollowSchema = z.object({ sujet: z.string().min(1).max(200) });

/** The acknowledgement of a follow: accepted, or refused with the API's error shape. */
export type LiveFollowAck = { ok: true } | { ok: false; error: { code: string; message: string } };
