import {
  avisTechniqueSchema,
  can,
  createAvenantSchema,
  createInstanceSchema,
  createSeanceSchema,
  decisionSchema,
  departMembreSchema,
  instanceMembreSchema,
  presencesSchema,
  signerAvenantSchema,
  updateSeanceSchema,
} from '@trame/shared';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { requirePermission } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import type { SyncServer } from '../realtime/sync-server.js';
import * as service from './service.js';

/** Mounted under `/contrats/:id`, after the contract is loaded. */
export function gouvernanceRoutes(ctx: AppContext, sync: SyncServer): Router {
  const router = Router({ mergeParams: true });
  const read = requirePermission('gouvernance.lire');
  const manage = requirePermission('gouvernance.gerer');

  router.get('/instances', read, async (req, res) => {
    const items = await service.listInstances(ctx.db, req.contrat!.id, new Date());
    res.json({ items, total: items.length });
  });

  router.post('/instances', manage, async (req, res) => {
    const input = parseInput(createInstanceSchema, req.body, req.locale);
    res.status(201).json(await service.createInstance(ctx.db, req.contrat!.id, input, new Date()));
  });

  router.post('/instances/:instanceId/membres', manage, async (req, res) => {
    const instanceId = idParam(req.params.instanceId);
    const input = parseInput(instanceMembreSchema, req.body, req.locale);
    res
      .status(201)
      .json(await service.addMembre(ctx.db, req.contrat!.id, instanceId, input, new Date()));
  });

  router.post('/instances/:instanceId/membres/:membreId/depart', manage, async (req, res) => {
    const instanceId = idParam(req.params.instanceId);
    const membreId = idParam(req.params.membreId);
    const { jusquA } = parseInput(departMembreSchema, req.body ?? {}, req.locale);
    res.json(
      await service.endMembre(ctx.db, req.contrat!.id, instanceId, membreId, jusquA, new Date()),
    );
  });

  router.get('/seances', read, async (req, res) => {
    const items = await service.listSeances(ctx.db, req.contrat!.id);
    res.json({ items, total: items.length });
  });

  router.post('/seances', manage, async (req, res) => {
    const input = parseInput(createSeanceSchema, req.body, req.locale);
    res.status(201).json(await service.createSeance(ctx.db, req.contrat!.id, req.user!.id, input));
  });

  router.get('/seances/:seanceId', read, async (req, res) => {
    res.json(await service.seanceView(ctx.db, req.contrat!.id, idParam(req.params.seanceId)));
  });

  router.patch('/seances/:seanceId', manage, async (req, res) => {
    const id = idParam(req.params.seanceId);
    const input = parseInput(updateSeanceSchema, req.body, req.locale);
    res.json(await service.updateSeance(ctx.db, req.contrat!.id, req.user!.id, id, input));
  });

  router.post('/seances/:seanceId/convocation', manage, async (req, res) => {
    res.json(await service.convoquer(ctx, req.contrat!, idParam(req.params.seanceId)));
  });

  router.put('/seances/:seanceId/presences', manage, async (req, res) => {
    const id = idParam(req.params.seanceId);
    const input = parseInput(presencesSchema, req.body, req.locale);
    res.json(await service.setPresences(ctx.db, req.contrat!.id, req.user!.id, id, input));
  });

  router.post('/seances/:seanceId/avis', requirePermission('avis.donner'), async (req, res) => {
    const id = idParam(req.params.seanceId);
    const input = parseInput(avisTechniqueSchema, req.body, req.locale);
    res.status(201).json(await service.giveAvis(ctx.db, req.contrat!.id, id, req.user!.id, input));
  });

  router.post(
    '/seances/:seanceId/decisions',
    requirePermission('decision.prendre'),
    async (req, res) => {
      const id = idParam(req.params.seanceId);
      const input = parseInput(decisionSchema, req.body, req.locale);
      res.status(201).json(await service.decide(ctx.db, req.contrat!, id, req.user!.id, input));
    },
  );

  router.get('/avenants', requirePermission('contrat.lire'), async (req, res) => {
    const drafts = can('gouvernance.lire', {
      role: req.role ?? null,
      publie: req.contrat!.publie,
    });
    const items = await service.listAvenants(ctx.db, req.contrat!.id, drafts);
    res.json({ items, total: items.length });
  });

  router.post('/avenants', requirePermission('avenant.gerer'), async (req, res) => {
    const input = parseInput(createAvenantSchema, req.body, req.locale);
    res.status(201).json(await service.createAvenant(ctx.db, req.contrat!.id, req.user!.id, input));
  });

  router.post(
    '/avenants/:avenantId/signer',
    requirePermission('avenant.gerer'),
    async (req, res) => {
      const id = idParam(req.params.avenantId);
      const { signeLe } = parseInput(signerAvenantSchema, req.body, req.locale);
      res.json(await service.signAvenant(ctx, sync, req.contrat!.id, id, req.user!.id, signeLe));
    },
  );

  return router;
}
