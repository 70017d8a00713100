import {
  type AuthConfig,
  emailOnlySchema,
  loginSchema,
  PASSWORD_MIN_LENGTH,
  registerSchema,
  resetPasswordSchema,
  tokenSchema,
  updateMeSchema,
} from '@trame/shared';
import { type RequestHandler, type Response, Router } from 'express';
import type { AppContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { requireUser } from '../http/gate.js';
import { parseInput } from '../http/validate.js';
import { toMe } from './me.js';
import { type createPassport, OIDC_STRATEGY } from './passport.js';
import * as service from './service.js';
import { logIn, logOut } from './session.js';
import { type UserRow, updateUser } from './users-repository.js';

export function authRoutes(
  ctx: AppContext,
  { passport, ensureOidc }: ReturnType<typeof createPassport>,
  authLimiter: RequestHandler,
): Router {
  const router = Router();

  router.get('/config', (_req, res) => {
    const body: AuthConfig = {
      oidc: { enabled: ctx.config.oidc !== null, label: ctx.config.oidc?.label ?? 'ProConnect' },
      passwordMinLength: PASSWORD_MIN_LENGTH,
    };
    res.json(body);
  });

  router.post('/login', authLimiter, (req, res, next) => {
    req.body = parseInput(loginSchema, req.body, req.locale);
    passport.authenticate('local', { session: false }, (err: unknown, user: UserRow | false) => {
      if (err) return next(err);
      if (!user) return next(new HttpError('invalid_credentials'));
      logIn(req, user)
        .then(() => toMe(ctx, user))
        .then((me) => res.json(me), next);
    })(req, res, next);
  });

  router.post('/logout', async (req, res) => {
    if (req.user) await logOut(req);
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.clearCookie('trame.sid', { path: '/' });
    res.status(204).end();
  });

  router.post('/register', authLimiter, async (req, res) => {
    const input = parseInput(registerSchema, req.body, req.locale);
    await service.register(ctx, input, req.locale);
    res.status(202).json({});
  });

  router.post('/verify-email', authLimiter, async (req, res) => {
    const { token } = parseInput(tokenSchema, req.body, req.locale);
    const user = await service.verifyEmail(ctx, token);
    await logIn(req, user);
    res.json(await toMe(ctx, user));
  });

  router.post('/resend-verification', authLimiter, async (req, res) => {
    const { email } = parseInput(emailOnlySchema, req.body, req.locale);
    await service.resendVerification(ctx, email);
    res.status(202).json({});
  });

  router.post('/forgot-password', authLimiter, async (req, res) => {
    const { email } = parseInput(emailOnlySchema, req.body, req.locale);
    await service.forgotPassword(ctx, email);
    res.status(202).json({});
  });

  router.post('/reset-password', authLimiter, async (req, res) => {
    const { token, password } = parseInput(resetPasswordSchema, req.body, req.locale);
    await service.resetPassword(ctx, token, password);
    res.status(204).end();
  });

  // Both legs are browser navigations: failures send the person back to the sign-in page with a
  // message rather than showing them JSON.
  const oidcFailed: (res: Response) => void = (res) => res.redirect('/connexion?erreur=oidc');
  const oidcAvailable = async (res: Response): Promise<boolean> => {
    if (!ctx.config.oidc) throw new HttpError('oidc_disabled');
    try {
      await ensureOidc(ctx.config.oidc);
      return true;
    } catch (error) {
      ctx.logger.error({ err: error }, 'OpenID Connect discovery failed');
      oidcFailed(res);
      return false;
    }
  };

  router.get('/oidc', authLimiter, async (req, res, next) => {
    if (await oidcAvailable(res)) passport.authenticate(OIDC_STRATEGY)(req, res, next);
  });

  router.get('/oidc/callback', async (req, res, next) => {
    if (!(await oidcAvailable(res))) return;
    passport.authenticate(
      OIDC_STRATEGY,
      { session: false },
      (err: unknown, user: UserRow | false) => {
        if (err || !user) {
          ctx.logger.warn({ err }, 'OpenID Connect sign-in failed');
          return oidcFailed(res);
        }
        logIn(req, user).then(() => res.redirect('/'), next);
      },
    )(req, res, next);
  });

  return router;
}

export function meRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(requireUser);

  router.get('/', async (req, res) => {
    res.json(await toMe(ctx, req.user!));
  });

  router.patch('/', async (req, res) => {
    const input = parseInput(updateMeSchema, req.body, req.locale);
    const user = Object.keys(input).length
      ? await updateUser(ctx.db, req.user!.id, input)
      : req.user;
    res.json(await toMe(ctx, user!));
  });

  return router;
}
