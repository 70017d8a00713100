import { type DocumentAccess, parseDocumentName } from '@trame/shared';
import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { requireUser } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import { documentAccess } from './access.js';
import type { SyncServer } from './sync-server.js';
import * as versions from './versions.js';

const versionSchema = z.strictObject({ nom: z.string().trim().min(2).max(120) });

declare global {
  namespace Express {
    interface Request {
      /** Set by `loadDocument`: the document named in the URL and what the caller may do. */
      documentName?: string;
      documentAccess?: DocumentAccess;
    }
  }
}

/**
 * Loads the document named by `:name` and the caller's access, with the same rules as the
 * websocket: a document the caller may not read is not found (signed in) or asks for a sign-in.
 */
function loadDocument(ctx: AppContext): RequestHandler {
  return async (req, _res, next) => {
    const name = String(req.params.name);
    const ref = parseDocumentName(name);
    if (!ref) throw new HttpError('not_found');
    const decision = await documentAccess(ctx, ref, req.user?.id ?? null);
    if ('refused' in decision) throw new HttpError(req.user ? 'not_found' : 'unauthenticated');
    req.documentName = name;
    req.documentAccess = decision.access;
    next();
  };
}

const requireEdit: RequestHandler = (req, _res, next) => {
  if (req.documentAccess !== 'edit')
    return next(new HttpError(req.user ? 'forbidden' : 'unauthenticated'));
  next();
};

/** Mounted at `/documents`: named versions of the collaborative documents. */
export function documentRoutes(ctx: AppContext, sync: SyncServer): Router {
  const router = Router();
  const one = Router({ mergeParams: true });
  router.use('/:name', loadDocument(ctx), one);

  one.get('/versions', async (req, res) => {
    const items = await versions.listVersions(ctx.db, req.documentName!);
    res.json({ items, total: items.length });
  });

  one.post('/versions', requireUser, requireEdit, async (req, res) => {
    const { nom } = parseInput(versionSchema, req.body, req.locale);
    res
      .status(201)
      .json(await versions.saveVersion(ctx.db, sync, req.documentName!, nom, req.user!.id));
  });

  one.get('/versions/:versionId', async (req, res) => {
    res.json(await versions.getVersion(ctx.db, req.documentName!, idParam(req.params.versionId)));
  });

  one.get('/versions/:versionId/comparaison', async (req, res) => {
    const id = idParam(req.params.versionId);
    res.json(await versions.compareWithCurrent(ctx.db, sync, req.documentName!, id));
  });

  one.post('/versions/:versionId/restaurer', requireUser, requireEdit, async (req, res) => {
    const id = idParam(req.params.versionId);
    await versions.restoreVersion(ctx.db, sync, req.documentName!, id, req.user!.id);
    res.json({ restauree: true });
  });

  return router;
}
