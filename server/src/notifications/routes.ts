import { notificationQuerySchema, preferenceNotificationsSchema } from '@trame/shared';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { requireUser } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import * as repository from './repository.js';
import * as service from './service.js';

/** `/api/v1/notifications`: the signed-in person's own notifications. */
export function notificationRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(requireUser);

  router.get('/', async (req, res) => {
    const query = parseInput(notificationQuerySchema, req.query, req.locale);
    res.json(
      await service.listNotifications(ctx.db, req.user!.id, {
        limit: query.limit,
        offset: query.offset,
        nonLues: query.nonLues === '1' || query.nonLues === 'true',
      }),
    );
  });

  router.get('/non-lues', async (req, res) => {
    res.json({ nonLues: await repository.unreadCount(ctx.db, req.user!.id) });
  });

  router.post('/lues', async (req, res) => {
    await repository.markAllRead(ctx.db, req.user!.id, new Date());
    res.json({ nonLues: 0 });
  });

  router.post('/:notificationId/lue', async (req, res) => {
    const id = idParam(req.params.notificationId);
    res.json(await service.markRead(ctx.db, req.user!.id, id, new Date()));
  });

  return router;
}

/** `/api/v1/me/notifications`: how the person wants to be e-mailed. */
export function notificationPreferenceRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(requireUser);

  router.get('/', async (req, res) => {
    res.json({ email: await service.preferenceOf(ctx.db, req.user!.id) });
  });

  router.put('/', async (req, res) => {
    const { email } = parseInput(preferenceNotificationsSchema, req.body, req.locale);
    await repository.setPreference(ctx.db, req.user!.id, email);
    res.json({ email });
  });

  return router;
}
