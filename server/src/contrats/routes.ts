import {
  canCreateContrat,
  createContratSchema,
  type Role,
  updateContratSchema,
} from '@trame/shared';
import { type RequestHandler, Router } from 'express';
import { isAdmin } from '../auth/me.js';
import { rolesOfUser } from '../auth/users-repository.js';
import { commentaireRoutes } from '../commentaires/routes.js';
import type { AppContext } from '../context.js';
import { contratLieRoutes } from '../contrats-lies/routes.js';
import { cooperationRoutes } from '../cooperations/routes.js';
import { contratFicheRoutes } from '../fiches/routes.js';
import { gouvernanceRoutes } from '../gouvernance/routes.js';
import { HttpError } from '../http/errors.js';
import { requirePermission, requireUser } from '../http/gate.js';
import { parseInput } from '../http/validate.js';
import { maquetteRoutes } from '../maquette/routes.js';
import { membreRoutes } from '../membres/routes.js';
import { moderationRoutes } from '../moderation/routes.js';
import { orientationRoutes } from '../orientations/routes.js';
import { participationRoutes } from '../participation/routes.js';
import { propositionRoutes } from '../propositions/routes.js';
import type { SyncServer } from '../realtime/sync-server.js';
import * as repository from './repository.js';
import * as service from './service.js';
import { signataireRoutes } from './signataires.js';

/** Loads the contract named by `:id` (uuid or slug) and the caller's role in it. */
function loadContrat(ctx: AppContext): RequestHandler {
  return async (req, _res, next) => {
    const contrat = await repository.findContrat(ctx.db, String(req.params.id));
    if (!contrat) throw new HttpError(req.user ? 'contrat_not_found' : 'unauthenticated');
    req.contrat = contrat;
    req.role = req.user
      ? (((await repository.roleOf(ctx.db, contrat.id, req.user.id)) as Role) ?? null)
      : null;
    next();
  };
}

export function contratRoutes(ctx: AppContext, sync: SyncServer): Router {
  const router = Router();

  router.get('/', requireUser, async (req, res) => {
    const items = await service.listContratsOfUser(ctx.db, req.user!.id);
    res.json({ items, total: items.length });
  });

  router.post('/', requireUser, async (req, res) => {
    const user = req.user!;
    const roles = (await rolesOfUser(ctx.db, user.id)).map((r) => r.role as Role);
    if (!canCreateContrat({ admin: isAdmin(ctx, user), roles })) throw new HttpError('forbidden');
    const input = parseInput(createContratSchema, req.body, req.locale);
    const contrat = await service.createContrat(
      ctx.db,
      ctx.geography,
      user.id,
      user.categorie,
      input,
    );
    res.status(201).location(`/api/v1/contrats/${contrat.id}`).json(contrat);
  });

  const one = Router({ mergeParams: true });
  router.use('/:id', loadContrat(ctx), one);

  one.get('/', requirePermission('contrat.lire'), async (req, res) => {
    res.json(await service.contratView(ctx.db, req.contrat!, req.role ?? null));
  });

  one.patch('/', requirePermission('contrat.modifier'), async (req, res) => {
    const input = parseInput(updateContratSchema, req.body, req.locale);
    res.json(
      await service.updateContrat(ctx.db, ctx.geography, req.contrat!, req.role ?? null, input),
    );
  });

  one.use(signataireRoutes(ctx));
  one.use(orientationRoutes(ctx));
  one.use(contratLieRoutes(ctx));
  one.use(cooperationRoutes(ctx));
  one.use(membreRoutes(ctx));
  one.use(contratFicheRoutes(ctx));
  one.use(maquetteRoutes(ctx));
  one.use(participationRoutes(ctx));
  one.use(propositionRoutes(ctx));
  one.use(commentaireRoutes(ctx, sync));
  one.use(moderationRoutes(ctx, sync));
  one.use(gouvernanceRoutes(ctx, sync));
  return router;
}
