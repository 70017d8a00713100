import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sessionIdFromCookie } from './session-cookie.js';

const secret = 'un secret de session';
const sign = (id: string, key = secret) =>
  `s:${id}.${createHmac('sha256', key).update(id).digest('base64').replace(/=+$/, '')}`;

describe('session cookie of a websocket upgrade', () => {
  it('reads the id express-session signed', () => {
    const cookie = `autre=1; trame.sid=${encodeURIComponent(sign('abc-123'))}; x=y`;
    expect(sessionIdFromCookie(cookie, 'trame.sid', secret)).toBe('abc-123');
  });

  it('refuses a forged, unsigned or missing cookie', () => {
    expect(
      sessionIdFromCookie(
        `trame.sid=${encodeURIComponent(sign('abc', 'autre secret'))}`,
        'trame.sid',
        secret,
      ),
    ).toBeUndefined();
    expect(sessionIdFromCookie('trame.sid=abc', 'trame.sid', secret)).toBeUndefined();
    expect(sessionIdFromCookie('trame.sid=%E0%A4%A', 'trame.sid', secret)).toBeUndefined();
    expect(sessionIdFromCookie(undefined, 'trame.sid', secret)).toBeUndefined();
    expect(
      sessionIdFromCookie(`other=${encodeURIComponent(sign('abc'))}`, 'trame.sid', secret),
    ).toBeUndefined();
  });
});
