import { negotiateLocale } from '@trame/shared';
import type { RequestHandler } from 'express';

/** Messages follow `Accept-Language`: the browser's preference, which the client keeps in sync. */
export const localeMiddleware: RequestHandler = (req, _res, next) => {
  req.locale = negotiateLocale(req.headers['accept-language']);
  next();
};
