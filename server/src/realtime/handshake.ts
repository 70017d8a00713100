import type { IncomingHttpHeaders } from 'node:http';
import { SESSION_COOKIE } from '../app.js';
import { findUserById } from '../auth/users-repository.js';
import type { AppContext } from '../context.js';
import { sessionIdFromCookie } from './session-cookie.js';

/**
 * What every websocket (Yjs documents and live events) checks when it opens: the person behind
 * the session cookie, and the page's origin.
 */

/** The signed-in person, or null for an anonymous, expired or forged session. */
export async function userFromHeaders(
  ctx: AppContext,
  headers: IncomingHttpHeaders,
): Promise<string | null> {
  const sid = sessionIdFromCookie(headers.cookie, SESSION_COOKIE, ctx.config.session.secret);
  if (!sid) return null;
  const data = await new Promise<{ passport?: { user?: string } } | null | undefined>(
    (resolve, reject) =>
      ctx.sessions.get(sid, (err, session) => (err ? reject(err) : resolve(session))),
  );
  const userId = data?.passport?.user;
  if (!userId) return null;
  return (await findUserById(ctx.db, userId)) ? userId : null;
}

/** Same rule as the API's CSRF check: a browser page of another site may not connect. */
export function originAllowed(ctx: AppContext, headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (!origin) return true;
  return origin === ctx.config.publicUrl.origin || origin === `http://${headers.host}`;
}
