import {
  createPhaseSchema,
  evenementQuerySchema,
  evenementSchema,
  phaseCouranteSchema,
  presencesSchema,
  rapportExportQuerySchema,
  updateEvenementSchema,
  updatePhaseSchema,
} from '@trame/shared';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { participationCsv, participationPdf } from '../exports/participation-export.js';
import { requirePermission } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import * as service from './service.js';

/** Mounted under `/contrats/:id`, after the contract is loaded. */
export function participationRoutes(ctx: AppContext): Router {
  const router = Router({ mergeParams: true });
  const read = requirePermission('participation.lire');
  const manage = requirePermission('participation.gerer');

  router.get('/phases', read, async (req, res) => {
    res.json(await service.listPhases(ctx.db, req.contrat!.id, new Date()));
  });

  router.post('/phases', manage, async (req, res) => {
    const input = parseInput(createPhaseSchema, req.body, req.locale);
    res.status(201).json(await service.createPhase(ctx.db, req.contrat!.id, input, new Date()));
  });

  router.patch('/phases/:phaseId', manage, async (req, res) => {
    const id = idParam(req.params.phaseId);
    const input = parseInput(updatePhaseSchema, req.body, req.locale);
    res.json(await service.updatePhase(ctx.db, req.contrat!.id, id, input, new Date()));
  });

  router.delete('/phases/:phaseId', manage, async (req, res) => {
    await service.deletePhase(ctx.db, req.contrat!.id, idParam(req.params.phaseId));
    res.status(204).end();
  });

  router.put('/phase-courante', manage, async (req, res) => {
    const { phaseId } = parseInput(phaseCouranteSchema, req.body, req.locale);
    res.json(await service.setCurrentPhase(ctx.db, req.contrat!.id, phaseId, new Date()));
  });

  router.get('/evenements', read, async (req, res) => {
    const query = parseInput(evenementQuerySchema, req.query, req.locale);
    const items = await service.listEvenements(ctx.db, req.contrat!.id, query, new Date());
    res.json({ items, total: items.length });
  });

  router.post('/evenements', manage, async (req, res) => {
    const input = parseInput(evenementSchema, req.body, req.locale);
    res
      .status(201)
      .json(await service.createEvenement(ctx.db, req.contrat!.id, req.user!.id, input));
  });

  router.patch('/evenements/:evenementId', manage, async (req, res) => {
    const id = idParam(req.params.evenementId);
    const input = parseInput(updateEvenementSchema, req.body, req.locale);
    res.json(await service.updateEvenement(ctx.db, req.contrat!.id, id, input));
  });

  router.delete('/evenements/:evenementId', manage, async (req, res) => {
    await service.deleteEvenement(ctx.db, req.contrat!.id, idParam(req.params.evenementId));
    res.status(204).end();
  });

  router.get(
    '/evenements/:evenementId/presences',
    requirePermission('presence.lire'),
    async (req, res) => {
      const id = idParam(req.params.evenementId);
      await service.findEvenement(ctx.db, req.contrat!.id, id);
      res.json(await service.presencesOf(ctx.db, id));
    },
  );

  router.put('/evenements/:evenementId/presences', manage, async (req, res) => {
    const id = idParam(req.params.evenementId);
    const input = parseInput(presencesSchema, req.body, req.locale);
    res.json(await service.setPresences(ctx.db, req.contrat!.id, id, input));
  });

  router.get('/participation', read, async (req, res) => {
    res.json(await service.participationReport(ctx.db, req.contrat!.id, new Date()));
  });

  router.get('/participation/export', read, async (req, res) => {
    const { format } = parseInput(rapportExportQuerySchema, req.query, req.locale);
    const contrat = req.contrat!;
    const report = await service.participationReport(ctx.db, contrat.id, new Date());
    const opts = { contratNom: contrat.nom, locale: req.locale };
    const filename = `participation-${contrat.slug}.${format}`;
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(filename).send(participationCsv(report, opts));
      return;
    }
    res
      .type('application/pdf')
      .attachment(filename)
      .send(await participationPdf(report, opts));
  });

  return router;
}
