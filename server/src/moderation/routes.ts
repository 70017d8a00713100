import { modeModerationSchema, motifSchema } from '@trame/shared';
import { type Request, Router } from 'express';
import { masquer, publier } from '../commentaires/service.js';
import type { AppContext } from '../context.js';
import { requirePermission } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import type { SyncServer } from '../realtime/sync-server.js';
import * as service from './service.js';

/** Mounted under `/contrats/:id`, after the contract is loaded. */
export function moderationRoutes(ctx: AppContext, sync: SyncServer): Router {
  const router = Router({ mergeParams: true });
  const moderate = requirePermission('commentaire.moderer');
  const moderateur = (req: Request) => ({ userId: req.user!.id, role: req.role ?? null });

  router.get('/moderation', moderate, async (req, res) => {
    res.json(await service.fileModeration(ctx.db, req.contrat!, moderateur(req)));
  });

  router.put('/moderation/mode', requirePermission('contrat.modifier'), async (req, res) => {
    const { mode } = parseInput(modeModerationSchema, req.body, req.locale);
    res.json(await service.setMode(ctx.db, req.contrat!, mode));
  });

  router.post('/commentaires/:commentaireId/publier', moderate, async (req, res) => {
    const id = idParam(req.params.commentaireId);
    res.json(await publier(ctx, sync, req.contrat!, moderateur(req), id, new Date()));
  });

  router.post('/commentaires/:commentaireId/masquer', moderate, async (req, res) => {
    const id = idParam(req.params.commentaireId);
    const { motif } = parseInput(motifSchema, req.body, req.locale);
    res.json(await masquer(ctx, sync, req.contrat!, moderateur(req), id, motif, new Date()));
  });

  return router;
}
