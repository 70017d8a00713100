import { type Action, can, type Role } from '@trame/shared';
import type { RequestHandler } from 'express';
import type { ContratRow } from '../contrats/repository.js';
import { HttpError } from './errors.js';

/**
 * Access checks shared by every route. The rules themselves live in the shared permission matrix;
 * this file only applies them to the request.
 */
declare global {
  namespace Express {
    interface Request {
      /** Set by `loadContrat`: the contract named in the URL and the caller's role in it. */
      contrat?: ContratRow;
      role?: Role | null;
    }
  }
}

export const requireUser: RequestHandler = (req, _res, next) => {
  if (!req.user) return next(new HttpError('unauthenticated'));
  next();
};

/**
 * Refuses unless the caller may do `action` in the loaded contract. Someone who may not even read
 * the contract gets a 404, so unpublished contracts do not reveal they exist; an anonymous caller
 * gets a 401 so the client can offer to sign in.
 */
export function requirePermission(action: Action): RequestHandler {
  return (req, _res, next) => {
    const contrat = req.contrat;
    if (!contrat) return next(new HttpError('contrat_not_found'));
    const context = { role: req.role ?? null, publie: contrat.publie };
    if (can(action, context)) return next();
    if (!can('contrat.lire', context)) {
      return next(new HttpError(req.user ? 'contrat_not_found' : 'unauthenticated'));
    }
    next(new HttpError(req.user ? 'forbidden' : 'unauthenticated'));
  };
}
