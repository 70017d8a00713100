import {
  createPropositionSchema,
  decisionPropositionSchema,
  masquerPropositionSchema,
  propositionQuerySchema,
} from '@trame/shared';
import { type Request, Router } from 'express';
import type { AppContext } from '../context.js';
import { requirePermission } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import { masquerProposition, publierProposition } from './moderation.js';
import * as service from './service.js';

/** Mounted under `/contrats/:id`, after the contract is loaded. */
export function propositionRoutes(ctx: AppContext): Router {
  const router = Router({ mergeParams: true });
  const read = requirePermission('contrat.lire');
  const moderate = requirePermission('proposition.moderer');
  const viewer = (req: Request): service.Viewer => ({
    userId: req.user?.id ?? null,
    role: req.role ?? null,
  });
  const detail = (req: Request, id: string) =>
    service.propositionDetail(ctx.db, req.contrat!, viewer(req), id);

  router.get('/propositions', read, async (req, res) => {
    const query = parseInput(propositionQuerySchema, req.query, req.locale);
    res.json(await service.listPropositions(ctx.db, req.contrat!, viewer(req), query));
  });

  router.post('/propositions', requirePermission('proposition.deposer'), async (req, res) => {
    const input = parseInput(createPropositionSchema, req.body, req.locale);
    const row = await service.deposerProposition(
      ctx.db,
      req.contrat!,
      { id: req.user!.id, role: req.role! },
      input,
      new Date(),
    );
    res
      .status(201)
      .location(`/api/v1/contrats/${req.contrat!.id}/propositions/${row.id}`)
      .json(await detail(req, row.id));
  });

  router.get('/propositions/:propositionId', read, async (req, res) => {
    res.json(await detail(req, idParam(req.params.propositionId)));
  });

  router.post(
    '/propositions/:propositionId/statut',
    requirePermission('proposition.instruire'),
    async (req, res) => {
      const id = idParam(req.params.propositionId);
      const input = parseInput(decisionPropositionSchema, req.body, req.locale);
      const user = { ...viewer(req), userId: req.user!.id };
      await service.deciderProposition(ctx.db, req.contrat!, user, id, input, req.locale);
      res.json(await detail(req, id));
    },
  );

  router.post('/propositions/:propositionId/publier', moderate, async (req, res) => {
    const id = idParam(req.params.propositionId);
    await publierProposition(ctx.db, req.contrat!.id, req.user!.id, id);
    res.json(await detail(req, id));
  });

  router.post('/propositions/:propositionId/masquer', moderate, async (req, res) => {
    const id = idParam(req.params.propositionId);
    const { motif } = parseInput(masquerPropositionSchema, req.body, req.locale);
    await masquerProposition(ctx.db, req.contrat!.id, req.user!.id, id, motif);
    res.json(await detail(req, id));
  });

  return router;
}
