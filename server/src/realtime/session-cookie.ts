import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Reads the session id out of the `trame.sid` cookie the way express-session signs it
 * (`s:<id>.<base64 HMAC-SHA256 of id>`), so a websocket upgrade is authenticated by the same
 * session as the API. Undefined for a missing, malformed or forged cookie.
 */
export function sessionIdFromCookie(
  header: string | undefined,
  cookieName: string,
  secret: string,
): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index === -1 || part.slice(0, index).trim() !== cookieName) continue;
    let value: string;
    try {
      value = decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      return undefined;
    }
    if (!value.startsWith('s:')) return undefined;
    const signed = value.slice(2);
    const dot = signed.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const id = signed.slice(0, dot);
    const expected = Buffer.from(
      createHmac('sha256', secret).update(id).digest('base64').replace(/=+$/, ''),
    );
    const given = Buffer.from(signed.slice(dot + 1));
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
  }
  return undefined;
}
