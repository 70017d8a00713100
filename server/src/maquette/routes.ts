import { anneeSchema, exportQuerySchema, ID_SHAPE, validerMaquetteSchema } from '@trame/shared';
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { requirePermission } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import { exportMaquette } from './export.js';
import * as service from './service.js';

function yearParam(value: unknown): number {
  const parsed = anneeSchema.safeParse(Number(value));
  if (!parsed.success) throw new HttpError('not_found');
  return parsed.data;
}

const compareQuerySchema = z.strictObject({
  de: z.union([z.literal('courante'), z.string().regex(ID_SHAPE)]),
  a: z.union([z.literal('courante'), z.string().regex(ID_SHAPE)]).default('courante'),
});

/** Mounted under `/contrats/:id`, after the contract is loaded. */
export function maquetteRoutes(ctx: AppContext): Router {
  const router = Router({ mergeParams: true });
  const read = requirePermission('maquette.lire');

  router.get('/maquettes', read, async (req, res) => {
    res.json(await service.overview(ctx.db, req.contrat!));
  });

  // Every year of the contract in one workbook, a sheet per year (XLSX only).
  router.get('/maquettes/export', read, async (req, res) => {
    const { annees } = await service.overview(ctx.db, req.contrat!);
    if (annees.length === 0) throw new HttpError('not_found');
    const file = await exportMaquette(ctx.db, req.contrat!, annees, 'xlsx', req.locale);
    res.type(file.contentType).attachment(file.filename).send(file.content);
  });

  router.get('/maquettes/:annee', read, async (req, res) => {
    res.json(await service.liveMaquette(ctx.db, req.contrat!, yearParam(req.params.annee)));
  });

  router.get('/maquettes/:annee/export', read, async (req, res) => {
    const annee = yearParam(req.params.annee);
    const { format } = parseInput(exportQuerySchema, req.query, req.locale);
    const file = await exportMaquette(ctx.db, req.contrat!, annee, format, req.locale);
    res.type(file.contentType).attachment(file.filename).send(file.content);
  });

  router.get('/maquettes/:annee/versions', read, async (req, res) => {
    const items = await service.listVersions(ctx.db, req.contrat!, yearParam(req.params.annee));
    res.json({ items, total: items.length });
  });

  router.post(
    '/maquettes/:annee/versions',
    requirePermission('maquette.valider'),
    async (req, res) => {
      const annee = yearParam(req.params.annee);
      const input = parseInput(validerMaquetteSchema, req.body, req.locale);
      res
        .status(201)
        .json(await service.validate(ctx.db, req.contrat!, annee, req.user!.id, input));
    },
  );

  router.get('/maquettes/:annee/versions/:versionId', read, async (req, res) => {
    const annee = yearParam(req.params.annee);
    const versionId = idParam(req.params.versionId);
    res.json(await service.frozenMaquette(ctx.db, req.contrat!, annee, versionId));
  });

  router.get('/maquettes/:annee/comparaison', read, async (req, res) => {
    const annee = yearParam(req.params.annee);
    const { de, a } = parseInput(compareQuerySchema, req.query, req.locale);
    res.json(await service.compare(ctx.db, req.contrat!, annee, de, a));
  });

  return router;
}
