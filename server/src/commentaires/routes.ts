import {
  commentaireQuerySchema,
  createCommentaireSchema,
  motifSchema,
  updateCommentaireSchema,
} from '@trame/shared';
import { type Request, type RequestHandler, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AppContext } from '../context.js';
import { errorBody } from '../http/errors.js';
import { requirePermission, requireUser } from '../http/gate.js';
import { redisRateStore } from '../http/security.js';
import { idParam, parseInput } from '../http/validate.js';
import type { SyncServer } from '../realtime/sync-server.js';
import * as service from './service.js';

/**
 * At most `COMMENTAIRES_PAR_MINUTE` comments a minute per person, counted on every instance when
 * Redis is configured; refused comments (4xx) do not count.
 */
function postingLimit(ctx: AppContext): RequestHandler {
  const prefix = ctx.config.redis?.prefix ?? 'trame:';
  return rateLimit({
    windowMs: 60_000,
    limit: ctx.config.commentairesParMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipFailedRequests: true,
    keyGenerator: (req) => req.user!.id,
    store: redisRateStore(ctx.redis, `${prefix}rl:commentaires:`),
    handler: (req, res) => {
      res.status(429).json(errorBody('commentaires_trop_rapides', req.locale ?? 'fr'));
    },
  });
}

/** Mounted under `/contrats/:id`, after the contract is loaded. */
export function commentaireRoutes(ctx: AppContext, sync: SyncServer): Router {
  const router = Router({ mergeParams: true });
  const read = requirePermission('contrat.lire');
  const write = requirePermission('commentaire.ecrire');
  const viewer = (req: Request): service.Viewer => ({
    userId: req.user?.id ?? null,
    role: req.role ?? null,
  });
  const member = (req: Request) => ({ id: req.user!.id, role: req.role! });

  router.get('/commentaires', read, async (req, res) => {
    const query = parseInput(commentaireQuerySchema, req.query, req.locale);
    res.json(await service.listFils(ctx.db, sync, req.contrat!, viewer(req), query));
  });

  router.post('/commentaires', write, postingLimit(ctx), async (req, res) => {
    const input = parseInput(createCommentaireSchema, req.body, req.locale);
    const created = await service.createCommentaire(
      ctx,
      sync,
      req.contrat!,
      member(req),
      input,
      new Date(),
    );
    res
      .status(201)
      .location(`/api/v1/contrats/${req.contrat!.id}/commentaires/${created.id}`)
      .json(created);
  });

  router.get('/commentaires/:commentaireId', read, async (req, res) => {
    const id = idParam(req.params.commentaireId);
    res.json(await service.commentaireView(ctx.db, sync, req.contrat!, viewer(req), id));
  });

  router.patch('/commentaires/:commentaireId', write, async (req, res) => {
    const id = idParam(req.params.commentaireId);
    const { corps } = parseInput(updateCommentaireSchema, req.body, req.locale);
    res.json(
      await service.updateCommentaire(ctx, sync, req.contrat!, member(req), id, corps, new Date()),
    );
  });

  router.delete('/commentaires/:commentaireId', write, async (req, res) => {
    const id = idParam(req.params.commentaireId);
    await service.deleteCommentaire(ctx, req.contrat!, member(req), id);
    res.status(204).end();
  });

  for (const [path, etat] of [
    ['resoudre', 'resolu'],
    ['rouvrir', 'ouvert'],
  ] as const) {
    router.post(`/commentaires/:commentaireId/${path}`, write, async (req, res) => {
      const id = idParam(req.params.commentaireId);
      res.json(await service.setEtat(ctx, sync, req.contrat!, member(req), id, etat, new Date()));
    });
  }

  router.post(
    '/commentaires/:commentaireId/signalements',
    requirePermission('commentaire.signaler'),
    requireUser,
    async (req, res) => {
      const id = idParam(req.params.commentaireId);
      const { motif } = parseInput(motifSchema, req.body, req.locale);
      const user = { userId: req.user!.id, role: req.role ?? null };
      res.status(201).json(await service.signaler(ctx, req.contrat!, user, id, motif));
    },
  );

  return router;
}
