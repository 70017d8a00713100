import { contratLieSchema, updateContratLieSchema } from '@trame/shared';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { requirePermission } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import * as repository from './repository.js';
import { toContratLie } from './service.js';

/** Contracts the CRTE integrates or showcases (CTI, contrat de ville…). Under `/contrats/:id`. */
export function contratLieRoutes(ctx: AppContext): Router {
  const router = Router({ mergeParams: true });
  const manage = requirePermission('contratLie.gerer');

  router.get('/contrats-lies', requirePermission('contrat.lire'), async (req, res) => {
    const items = (await repository.contratsLiesOf(ctx.db, req.contrat!.id)).map(toContratLie);
    res.json({ items, total: items.length });
  });

  router.post('/contrats-lies', manage, async (req, res) => {
    const input = parseInput(contratLieSchema, req.body, req.locale);
    const row = await repository.insertContratLie(ctx.db, { ...input, contratId: req.contrat!.id });
    res.status(201).json(toContratLie(row));
  });

  router.patch('/contrats-lies/:lieId', manage, async (req, res) => {
    const id = idParam(req.params.lieId);
    const input = parseInput(updateContratLieSchema, req.body, req.locale);
    const row = await repository.updateContratLie(ctx.db, req.contrat!.id, id, input);
    if (!row) throw new HttpError('not_found');
    res.json(toContratLie(row));
  });

  router.delete('/contrats-lies/:lieId', manage, async (req, res) => {
    const id = idParam(req.params.lieId);
    if (!(await repository.deleteContratLie(ctx.db, req.contrat!.id, id)))
      throw new HttpError('not_found');
    res.status(204).end();
  });

  return router;
}
