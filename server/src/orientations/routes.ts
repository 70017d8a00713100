import {
  objectifSchema,
  orientationSchema,
  updateObjectifSchema,
  updateOrientationSchema,
} from '@trame/shared';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { requirePermission } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import * as service from './service.js';

/** Mounted under `/contrats/:id`, after the contract is loaded. */
export function orientationRoutes(ctx: AppContext): Router {
  const router = Router({ mergeParams: true });
  const manage = requirePermission('orientation.gerer');

  router.get('/orientations', requirePermission('contrat.lire'), async (req, res) => {
    const items = await service.listOrientations(ctx.db, req.contrat!.id);
    res.json({ items, total: items.length });
  });

  router.post('/orientations', manage, async (req, res) => {
    const input = parseInput(orientationSchema, req.body, req.locale);
    res.status(201).json(await service.createOrientation(ctx.db, req.contrat!.id, input));
  });

  router.patch('/orientations/:orientationId', manage, async (req, res) => {
    const id = idParam(req.params.orientationId);
    const input = parseInput(updateOrientationSchema, req.body, req.locale);
    res.json(await service.updateOrientation(ctx.db, req.contrat!.id, id, input));
  });

  router.delete('/orientations/:orientationId', manage, async (req, res) => {
    const id = idParam(req.params.orientationId);
    await service.deleteOrientation(ctx.db, req.contrat!.id, id);
    res.status(204).end();
  });

  router.post('/orientations/:orientationId/objectifs', manage, async (req, res) => {
    const orientationId = idParam(req.params.orientationId);
    const input = parseInput(objectifSchema, req.body, req.locale);
    res
      .status(201)
      .json(await service.createObjectif(ctx.db, req.contrat!.id, orientationId, input));
  });

  router.patch('/objectifs/:objectifId', manage, async (req, res) => {
    const id = idParam(req.params.objectifId);
    const input = parseInput(updateObjectifSchema, req.body, req.locale);
    res.json(await service.updateObjectif(ctx.db, req.contrat!.id, id, input));
  });

  router.delete('/objectifs/:objectifId', manage, async (req, res) => {
    const id = idParam(req.params.objectifId);
    await service.deleteObjectif(ctx.db, req.contrat!.id, id);
    res.status(204).end();
  });

  return router;
}
