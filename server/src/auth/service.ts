import type { Locale, RegisterInput } from '@trame/shared';
import type { AppContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { alreadyRegisteredMail, resetPasswordMail, verificationMail } from '../mail/templates.js';
import { isLocked, minutesLeft } from './lockout.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { consumeAuthToken, issueAuthToken, revokeAuthTokens } from './tokens.js';
import * as users from './users-repository.js';

/**
 * Password sign-in. Each attempt is claimed in the database before the password is checked (see
 * `claimLoginAttempt`), so a locked account cannot be probed, not even by parallel requests, and
 * failures add up across instances.
 */
export async function authenticatePassword(
  ctx: AppContext,
  email: string,
  password: string,
): Promise<users.UserRow> {
  const known = await users.findUserByEmail(ctx.db, email);
  if (!known) {
    await verifyPassword(undefined, password);
    throw new HttpError('invalid_credentials');
  }
  const { maxFailures, lockMinutes } = ctx.config.login;
  const user = await users.claimLoginAttempt(ctx.db, known.id, maxFailures, lockMinutes);
  if (!user) {
    const current = (await users.findUserById(ctx.db, known.id)) ?? known;
    throw new HttpError('account_locked', { minutes: minutesLeft(current, new Date()) });
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    if (isLocked(user, new Date())) {
      ctx.logger.warn({ userId: user.id }, 'account locked after repeated failed logins');
    }
    throw new HttpError('invalid_credentials');
  }
  const signedIn = await users.updateUser(ctx.db, user.id, {
    failedLogins: 0,
    lockedUntil: null,
    ...(user.emailVerifiedAt ? { lastLoginAt: new Date() } : {}),
  });
  if (!user.emailVerifiedAt) throw new HttpError('email_not_verified');
  return signedIn ?? user;
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
 * address gets a verification link, an existing one a note to its owner. An address registered but
 * never confirmed belongs to whoever confirms it: the latest registration replaces the earlier one
 * (password, name, category) and the earlier links stop working, so a stranger who registered the
 * address first cannot keep a password on the account its owner then confirms.
 */
export async function register(
  ctx: AppContext,
  input: RegisterInput,
  locale: Locale,
): Promise<void> {
  const profile = {
    nom: input.nom,
    categorie: input.categorie,
    locale: input.locale ?? locale,
    passwordHash: await hashPassword(input.password),
  };
  const created = await users.insertUserIfAbsent(ctx.db, { email: input.email, ...profile });
  if (created) return sendVerification(ctx, created);
  const existing = await users.findUserByEmail(ctx.db, input.email);
  if (!existing) return;
  if (!existing.emailVerifiedAt) {
    const replaced = await users.replaceUnverifiedProfile(ctx.db, existing.id, profile);
    if (!replaced) return;
    await revokeAuthTokens(ctx.db, existing.id);
    return sendVerification(ctx, replaced);
  }
  await ctx.mailer.send({
    to: existing.email,
    ...alreadyRegisteredMail(existing.locale as Locale, link(ctx, '/mot-de-passe-oublie')),
  });
}

export async function resendVerification(ctx: AppContext, email: string): Promise<void> {
  const user = await users.findUserByEmail(ctx.db, email);
  if (user && !user.emailVerifiedAt) await sendVerification(ctx, user);
}

/** A confirmation link works once; confirming also ends every other outstanding link. */
export async function verifyEmail(ctx: AppContext, token: string): Promise<users.UserRow> {
  const userId = await consumeAuthToken(ctx.db, token, 'verify_email');
  if (!userId) throw new HttpError('invalid_token');
  const user = await users.markEmailVerified(ctx.db, userId);
  if (!user) throw new HttpError('invalid_token');
  await revokeAuthTokens(ctx.db, userId);
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
  await revokeAuthTokens(ctx.db, userId);
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
 * new account is created. Linking an account whose address was never confirmed also drops its
 * password: whoever registered it may not have been the owner ProConnect has just vouched for.
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
  if (!user.emailVerifiedAt) await revokeAuthTokens(ctx.db, user.id);
  return (
    (await users.updateUser(ctx.db, user.id, {
      lastLoginAt: new Date(),
      ...(user.emailVerifiedAt ? {} : { emailVerifiedAt: new Date(), passwordHash: null }),
    })) ?? user
  );
}
