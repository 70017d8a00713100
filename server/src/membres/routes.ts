import { acceptInvitationSchema, can, inviteMembreSchema, updateMembreSchema } from '@trame/shared';
import { type RequestHandler, Router } from 'express';
import { logIn } from '../auth/session.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { requirePermission, requireUser } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import * as service from './service.js';

/** Members and invitations of a contract. Under `/contrats/:id`. */
export function membreRoutes(ctx: AppContext): Router {
  const router = Router({ mergeParams: true });
  const manage = requirePermission('membre.gerer');

  router.get('/membres', requirePermission('membre.lister'), async (req, res) => {
    const items = await service.listMembres(ctx, req.contrat!.id);
    res.json({ items, total: items.length });
  });

  router.post('/membres', manage, async (req, res) => {
    const input = parseInput(inviteMembreSchema, req.body, req.locale);
    res.status(201).json(await service.inviteMembre(ctx, req.contrat!, req.user!, input));
  });

  router.patch('/membres/:userId', manage, async (req, res) => {
    const userId = idParam(req.params.userId);
    const input = parseInput(updateMembreSchema, req.body, req.locale);
    res.json(await service.updateMembre(ctx, req.contrat!.id, userId, input));
  });

  // Leaving a contract is everyone's right; removing someone else needs `membre.gerer`.
  router.delete('/membres/:userId', async (req, res) => {
    const userId = idParam(req.params.userId);
    const context = { role: req.role ?? null, publie: req.contrat!.publie };
    const leaving = req.user?.id === userId && req.role != null;
    if (!leaving && !can('membre.gerer', context)) {
      throw new HttpError(
        !req.user
          ? 'unauthenticated'
          : can('contrat.lire', context)
            ? 'forbidden'
            : 'contrat_not_found',
      );
    }
    await service.removeMembre(ctx, req.contrat!.id, userId);
    res.status(204).end();
  });

  router.post(
    '/adhesion',
    requireUser,
    requirePermission('contrat.rejoindre'),
    async (req, res) => {
      res.status(201).json(await service.joinAsHabitant(ctx, req.contrat!.id, req.user!));
    },
  );

  router.get('/invitations', manage, async (req, res) => {
    const items = await service.listInvitations(ctx, req.contrat!.id);
    res.json({ items, total: items.length });
  });

  router.delete('/invitations/:invitationId', manage, async (req, res) => {
    await service.cancelInvitation(ctx, req.contrat!.id, idParam(req.params.invitationId));
    res.status(204).end();
  });

  return router;
}

/** The link mailed to an invited person: readable without an account. Under `/invitations`. */
export function invitationRoutes(ctx: AppContext, authLimiter: RequestHandler): Router {
  const router = Router();

  router.get('/:token', async (req, res) => {
    res.json(await service.previewInvitation(ctx, String(req.params.token)));
  });

  router.post('/:token/accepter', authLimiter, async (req, res) => {
    const input = parseInput(acceptInvitationSchema, req.body ?? {}, req.locale);
    const { user, contrat } = await service.acceptInvitation(
      ctx,
      String(req.params.token),
      req.user,
      input,
      req.locale,
    );
    if (!req.user) await logIn(req, user);
    res.json({ contrat: { id: contrat.id, slug: contrat.slug, nom: contrat.nom } });
  });

  return router;
}
