import type { RequestHandler } from 'express';
import { HttpError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * CSRF protection by origin (OWASP "verifying origin with standard headers"), on top of
 * `SameSite=Lax` cookies. A state-changing request is refused when its `Origin` — or, lacking it,
 * its `Referer` — is not the app's own origin. Requests carrying neither header and no
 * `Sec-Fetch-Site: cross-site` do not come from a browser page (curl, scripts): they cannot ride
 * on a victim's cookies, so they pass, as in Go's `CrossOriginProtection`.
 */
export function originCheck(publicOrigin: string): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    const referer = req.headers.referer;
    const claimed = origin ? originOf(origin) : referer ? originOf(referer) : undefined;
    if (claimed === undefined) {
      const site = req.headers['sec-fetch-site'];
      if (site && site !== 'same-origin' && site !== 'none')
        return next(new HttpError('csrf_rejected'));
      return next();
    }
    if (claimed === publicOrigin || claimed === `${req.protocol}://${req.headers.host}`)
      return next();
    next(new HttpError('csrf_rejected'));
  };
}
