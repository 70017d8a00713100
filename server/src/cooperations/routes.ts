import { cooperationSchema, updateCooperationSchema } from '@trame/shared';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { requirePermission } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import * as service from './service.js';

/** Coopérations between territories. Under `/contrats/:id`. */
export function cooperationRoutes(ctx: AppContext): Router {
  const router = Router({ mergeParams: true });
  const manage = requirePermission('cooperation.gerer');

  router.get('/cooperations', requirePermission('contrat.lire'), async (req, res) => {
    const items = await service.listCooperations(ctx.db, req.contrat!.id, {
      member: req.role != null,
    });
    res.json({ items, total: items.length });
  });

  router.post('/cooperations', manage, async (req, res) => {
    const input = parseInput(cooperationSchema, req.body, req.locale);
    res
      .status(201)
      .json(await service.createCooperation(ctx.db, req.contrat!.id, req.user!.id, input));
  });

  router.patch('/cooperations/:cooperationId', manage, async (req, res) => {
    const id = idParam(req.params.cooperationId);
    const input = parseInput(updateCooperationSchema, req.body, req.locale);
    res.json(await service.updateCooperation(ctx.db, req.contrat!.id, id, input));
  });

  router.delete('/cooperations/:cooperationId', manage, async (req, res) => {
    await service.deleteCooperation(ctx.db, req.contrat!.id, idParam(req.params.cooperationId));
    res.status(204).end();
  });

  router.post('/cooperations/:cooperationId/accepter', manage, async (req, res) => {
    res.json(
      await service.acceptCooperation(ctx.db, req.contrat!.id, idParam(req.params.cooperationId)),
    );
  });

  return router;
}
