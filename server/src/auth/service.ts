import type { Locale, RegisterInput } from '@trame/shared';
import type { AppContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { alreadyRegisteredMail, resetPasswordMail, verificationMail } from '../mail/templates.js';
import { hasExpiredLock, isLocked, minutesLeft } from './lockout.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { consumeAuthToken, issueAuthToken } from './tokens.js';
import * as users from './users-repository.js';

/**
 * Password sign-in. The lock is checked before the password so a locked account cannot be probed;
 * failures are counted atomically in the database, so they add up across instances.
 */
export async function authenticatePassword(
  ctx: AppContext,
  email: string,
  password: string,
): Promise<users.UserRow> {
  const now = new Date();
  let user = await users.findUserByEmail(ctx.db, email);
  if (user && isLocked(user, now)) {
    throw new HttpError('account_locked', { minutes: minutesLeft(user, now) });
  }
  if (user && hasExpiredLock(user, now)) {
    user = await users.updateUser(ctx.db, user.id, { failedLogins: 0, lockedUntil: null });
  }
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) {
    if (user) {
      const { maxFailures, lockMinutes } = ctx.config.login;
      const after = await users.recordLoginFailure(ctx.db, user.id, maxFailures, lockMinutes);
      if (after && isLocked(after, new Date())) {
        ctx.logger.warn({ userId: user.id }, 'account locked after repeated failed logins');
      }
    }
    throw new HttpError('invalid_credentials');
  }
  if (!user.emailVerifiedAt) throw new HttpError('email_not_verified');
  const updated = await users.updateUser(ctx.db, user.id, {
    failedLogins: 0,
    lockedUntil: null,
    lastLoginAt: now,
  });
  return updated ?? user;
}

function link(ctx: AppContext, path: string, token?: string): string {
  const url = new URL(path, ctx.config.publicUrl);
  if (token) url.searchParams.set('token', token);
  return url.href;
}

async function sendVerification(ctx: AppContext, user: users.UserRow): Promise<void> {
  const token = await issueAuthToken(ctx.db, user.id, 'verify_email');
  await ctx.mailer.send({
    to: user.email,
    ...verificationMail(user.locale as Locale, user.nom, link(ctx, '/verifier-email', token)),
  });
}

/**
 * Always answers the same way, so the form cannot tell which addresses have an account: a new
 * address gets a verification link, an existing one a note to its owner.
 */
export async function register(
  ctx: AppContext,
  input: RegisterInput,
  locale: Locale,
): Promise<void> {
  const created = await users.insertUserIfAbsent(ctx.db, {
    email: input.email,
    nom: input.nom,
    categorie: input.categorie,
    locale: input.locale ?? locale,
    passwordHash: await hashPassword(input.password),
  });
  if (created) return sendVerification(ctx, created);
  const existing = await users.findUserByEmail(ctx.db, input.email);
  if (!existing) return;
  if (!existing.emailVerifiedAt) return sendVerification(ctx, existing);
  await ctx.mailer.send({
    to: existing.email,
    ...alreadyRegisteredMail(existing.locale as Locale, link(ctx, '/mot-de-passe-oublie')),
  });
}

export async function resendVerification(ctx: AppContext, email: string): Promise<void> {
  const user = await users.findUserByEmail(ctx.db, email);
  if (user && !user.emailVerifiedAt) await sendVerification(ctx, user);
}

export async function verifyEmail(ctx: AppContext, token: string): Promise<users.UserRow> {
  const userId = await consumeAuthToken(ctx.db, token, 'verify_email');
  if (!userId) throw new HttpError('invalid_token');
  const user = await users.updateUser(ctx.db, userId, { emailVerifiedAt: new Date() });
  if (!user) throw new HttpError('invalid_token');
  return user;
}

export async function forgotPassword(ctx: AppContext, email: string): Promise<void> {
  const user = await users.findUserByEmail(ctx.db, email);
  if (!user) return;
  const token = await issueAuthToken(ctx.db, user.id, 'reset_password');
  await ctx.mailer.send({
    to: user.email,
    ...resetPasswordMail(user.locale as Locale, user.nom, link(ctx, '/reinitialiser', token)),
  });
}

/**
 * A reset proves control of the mailbox: it also verifies the address and lifts a lock. Every open
 * session of the person ends, in case the old password was known to someone else.
 */
export async function resetPassword(
  ctx: AppContext,
  token: string,
  password: string,
): Promise<void> {
  const userId = await consumeAuthToken(ctx.db, token, 'reset_password');
  if (!userId) throw new HttpError('invalid_token');
  const user = await users.findUserById(ctx.db, userId);
  if (!user) throw new HttpError('invalid_token');
  await users.updateUser(ctx.db, userId, {
    passwordHash: await hashPassword(password),
    emailVerifiedAt: user.emailVerifiedAt ?? new Date(),
    failedLogins: 0,
    lockedUntil: null,
  });
  await ctx.sessions.destroyAllOfUser(userId);
}

export interface OidcProfile {
  issuer: string;
  subject: string;
  email: string | undefined;
  nom: string | undefined;
}

/**
 * ProConnect sign-in: the identity is the (issuer, subject) pair. On first sign-in it is linked to
 * the account with the same address — ProConnect only hands out addresses it has verified — or a
 * new account is created.
 */
export async function oidcSignIn(ctx: AppContext, profile: OidcProfile): Promise<users.UserRow> {
  const known = await users.findUserByOidcIdentity(ctx.db, profile.issuer, profile.subject);
  if (known)
    return (await users.updateUser(ctx.db, known.id, { lastLoginAt: new Date() })) ?? known;
  if (!profile.email) throw new Error('the OpenID provider gave no email address');
  const email = profile.email.toLowerCase();
  const user =
    (await users.insertUserIfAbsent(ctx.db, {
      email,
      nom: profile.nom || email,
      categorie: 'collectivite',
      emailVerifiedAt: new Date(),
    })) ?? (await users.findUserByEmail(ctx.db, email));
  if (!user) throw new Error('could not create the account');
  await users.linkOidcIdentity(ctx.db, {
    issuer: profile.issuer,
    subject: profile.subject,
    userId: user.id,
  });
  return (
    (await users.updateUser(ctx.db, user.id, {
      lastLoginAt: new Date(),
      emailVerifiedAt: user.emailVerifiedAt ?? new Date(),
    })) ?? user
  );
}
