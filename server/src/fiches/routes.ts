import {
  type Action,
  createFicheSchema,
  errorMessage,
  exportQuerySchema,
  ficheQuerySchema,
  financementSchema,
  ID_SHAPE,
  importFichesSchema,
  type Role,
  sourceContratSchema,
  updateFicheSchema,
  updateFinancementSchema,
} from '@trame/shared';
import { type RequestHandler, Router } from 'express';
import type { AppContext } from '../context.js';
import { findContrat, roleOf } from '../contrats/repository.js';
import { ficheDecisions } from '../gouvernance/service.js';
import { HttpError } from '../http/errors.js';
import { requirePermission } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import type { FicheRow } from './repository.js';
import * as repository from './repository.js';
import * as service from './service.js';
import { exportFiches, importFiches, isoMatrix } from './transfer.js';

declare global {
  namespace Express {
    interface Request {
      /** Set by `loadFiche`: the fiche named in the URL (its contract is `req.contrat`). */
      fiche?: FicheRow;
      /** The fiche is read as a coopération partner: never written through this request. */
      sharedRead?: boolean;
    }
  }
}

/** Mounted under `/contrats/:id`, after the contract is loaded. */
export function contratFicheRoutes(ctx: AppContext): Router {
  const router = Router({ mergeParams: true });
  const viewer = (req: Parameters<RequestHandler>[0]): service.Viewer => ({
    userId: req.user?.id ?? null,
    role: req.role ?? null,
  });

  router.get('/fiches', requirePermission('contrat.lire'), async (req, res) => {
    const query = parseInput(ficheQuerySchema, req.query, req.locale);
    res.json(await service.listFiches(ctx.db, req.contrat!, viewer(req), query));
  });

  router.post('/fiches', requirePermission('fiche.creer'), async (req, res) => {
    const input = parseInput(createFicheSchema, req.body, req.locale);
    const row = await service.createFiche(ctx.db, req.contrat!, req.user!.id, input, req.locale);
    res
      .status(201)
      .location(`/api/v1/fiches/${row.id}`)
      .json(await service.ficheView(ctx.db, req.contrat!, viewer(req), row));
  });

  router.get('/fiches/export', requirePermission('contrat.lire'), async (req, res) => {
    const { format } = parseInput(exportQuerySchema, req.query, req.locale);
    const file = await exportFiches(ctx, req.contrat!, viewer(req), format, req.locale);
    res.type(file.contentType).attachment(file.filename).send(file.content);
  });

  router.post('/fiches/import', requirePermission('fiche.importer'), async (req, res) => {
    const input = parseInput(importFichesSchema, req.body, req.locale);
    const report = await importFiches(ctx, req.contrat!, req.user!.id, input);
    if (report.erreurs.length > 0 && !report.simulation) {
      const error = new HttpError('import_invalid', { count: report.erreurs.length });
      res.status(error.status).json({
        error: { code: error.code, message: errorMessage(error.code, req.locale, error.params) },
        rapport: report,
      });
      return;
    }
    res.json(report);
  });

  router.get('/sources', requirePermission('contrat.lire'), async (req, res) => {
    const items = await service.listSources(ctx.db, req.contrat!.id, req.locale);
    res.json({ items, total: items.length });
  });

  router.post('/sources', requirePermission('source.gerer'), async (req, res) => {
    const input = parseInput(sourceContratSchema, req.body, req.locale);
    await service.addSource(ctx.db, req.contrat!.id, input);
    res.status(201).json({ ...input, reference: false });
  });

  router.get('/iso37101', requirePermission('contrat.lire'), async (req, res) => {
    res.json(await isoMatrix(ctx.db, req.contrat!, viewer(req)));
  });

  return router;
}

/**
 * Loads the fiche named by `:ficheId`, its contract and the caller's role there. A fiche the
 * caller may not read is not found (signed in) or asks for a sign-in (anonymous), so its existence
 * is not revealed. A fiche shared through a coopération is readable by the partner's members.
 */
function loadFiche(ctx: AppContext): RequestHandler {
  return async (req, _res, next) => {
    const hidden = () => new HttpError(req.user ? 'fiche_not_found' : 'unauthenticated');
    const id = String(req.params.ficheId);
    if (!ID_SHAPE.test(id)) throw hidden();
    const fiche = await repository.findFiche(ctx.db, id);
    const contrat = fiche && (await findContrat(ctx.db, fiche.contratId));
    if (!fiche || !contrat) throw hidden();
    const userId = req.user?.id ?? null;
    const role = userId ? ((await roleOf(ctx.db, contrat.id, userId)) as Role | null) : null;
    req.fiche = fiche;
    req.contrat = contrat;
    req.role = role ?? null;
    if (service.mayRead(contrat, { userId, role: req.role }, fiche)) return next();
    if (userId && (await readsThroughCooperation(ctx, fiche, userId))) {
      req.sharedRead = true;
      return next();
    }
    throw hidden();
  };
}

async function readsThroughCooperation(ctx: AppContext, fiche: FicheRow, userId: string) {
  for (const contratId of fiche.partageAvec) {
    const partner = await findContrat(ctx.db, contratId);
    const role = (await roleOf(ctx.db, contratId, userId)) as Role | null;
    if (partner && role && service.mayDo('fiche.lire', partner, { userId, role })) return true;
  }
  return false;
}

function requireFiche(action: Action): RequestHandler {
  return (req, _res, next) => {
    const allowed =
      !req.sharedRead &&
      service.mayDo(
        action,
        req.contrat!,
        { userId: req.user?.id ?? null, role: req.role ?? null },
        req.fiche,
      );
    if (allowed) return next();
    next(new HttpError(req.user ? 'forbidden' : 'unauthenticated'));
  };
}

/** Mounted at `/fiches`. */
export function ficheRoutes(ctx: AppContext): Router {
  const router = Router();
  const one = Router({ mergeParams: true });
  router.use('/:ficheId', loadFiche(ctx), one);
  const viewer = (req: Parameters<RequestHandler>[0]): service.Viewer => ({
    userId: req.user?.id ?? null,
    role: req.role ?? null,
  });
  const reload = async (req: Parameters<RequestHandler>[0]) => {
    const row = await repository.findFiche(ctx.db, req.fiche!.id);
    if (!row) throw new HttpError('fiche_not_found');
    return service.ficheView(ctx.db, req.contrat!, viewer(req), row);
  };

  one.get('/', async (req, res) => {
    res.json(await service.ficheView(ctx.db, req.contrat!, viewer(req), req.fiche!));
  });

  one.patch('/', requireFiche('fiche.modifier'), async (req, res) => {
    const input = parseInput(updateFicheSchema, req.body, req.locale);
    const row = await service.updateFiche(ctx.db, req.contrat!, req.user!.id, req.fiche!, input);
    res.json(await service.ficheView(ctx.db, req.contrat!, viewer(req), row));
  });

  one.delete('/', requireFiche('fiche.supprimer'), async (req, res) => {
    await service.deleteFiche(ctx.db, req.fiche!);
    res.status(204).end();
  });

  one.post('/promouvoir', requireFiche('fiche.promouvoir'), async (req, res) => {
    const row = await service.promoteFiche(ctx.db, req.user!.id, req.fiche!, req.locale);
    res.json(await service.ficheView(ctx.db, req.contrat!, viewer(req), row));
  });

  one.get('/historique', requireFiche('fiche.lire'), async (req, res) => {
    const items = await service.history(ctx.db, req.fiche!.id);
    res.json({ items, total: items.length });
  });

  /** The décisions about the fiche (avis, mesures, évolutions): a partner reads its own fiches'. */
  one.get('/decisions', requireFiche('decision.lire'), async (req, res) => {
    const items = await ficheDecisions(ctx.db, req.fiche!.contratId, req.fiche!.id);
    res.json({ items, total: items.length });
  });

  one.post('/financements', requireFiche('fiche.modifier'), async (req, res) => {
    const input = parseInput(financementSchema, req.body, req.locale);
    await service.addFinancement(ctx.db, req.contrat!, req.user!.id, req.fiche!, input);
    res.status(201).json(await reload(req));
  });

  one.patch('/financements/:ligneId', requireFiche('fiche.modifier'), async (req, res) => {
    const lineId = idParam(req.params.ligneId);
    const input = parseInput(updateFinancementSchema, req.body, req.locale);
    await service.updateFinancement(ctx.db, req.contrat!, req.user!.id, req.fiche!, lineId, input);
    res.json(await reload(req));
  });

  one.delete('/financements/:ligneId', requireFiche('fiche.modifier'), async (req, res) => {
    const lineId = idParam(req.params.ligneId);
    await service.deleteFinancement(ctx.db, req.user!.id, req.fiche!, lineId);
    res.json(await reload(req));
  });

  return router;
}
