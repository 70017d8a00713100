import type { acceptInvitationSchema, updateMembreSchema } from '@trame/shared';
import {
  type Categorie,
  DEFAULT_CATEGORIE_BY_ROLE,
  type Invitation,
  type InvitationPreview,
  type InviteMembreInput,
  type InviteResult,
  type Locale,
  type Membre,
  type Role,
} from '@trame/shared';
import type { z } from 'zod';
import { hashPassword } from '../auth/passwords.js';
import { hashToken, newToken, revokeAuthTokens } from '../auth/tokens.js';
import {
  findUserByEmail,
  insertUserIfAbsent,
  type UserRow,
  updateUser,
} from '../auth/users-repository.js';
import type { AppContext } from '../context.js';
import type { ContratRow } from '../contrats/repository.js';
import { findContrat } from '../contrats/repository.js';
import { HttpError } from '../http/errors.js';
import { addedToContratMail, invitationMail } from '../mail/templates.js';
import * as repository from './repository.js';

const INVITATION_LIFETIME_MS = 14 * 24 * 3600_000;

type MembreRow = Awaited<ReturnType<typeof repository.membresOf>>[number];

function toMembre(row: MembreRow): Membre {
  return {
    userId: row.membership.userId,
    nom: row.nom,
    email: row.email,
    role: row.membership.role as Role,
    categorie: row.membership.categorie as Categorie,
    depuis: row.membership.createdAt.toISOString(),
  };
}

function toInvitation(row: repository.InvitationRow, invitePar: string | null): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    categorie: row.categorie as Categorie,
    invitePar: invitePar ?? '',
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listMembres(ctx: AppContext, contratId: string): Promise<Membre[]> {
  return (await repository.membresOf(ctx.db, contratId)).map(toMembre);
}

export async function listInvitations(ctx: AppContext, contratId: string): Promise<Invitation[]> {
  const rows = await repository.pendingInvitationsOf(ctx.db, contratId);
  return rows.map((r) => toInvitation(r.invitation, r.invitePar));
}

/**
 * Someone with an account joins at once (and is told by mail); anyone else gets an invitation link
 * valid 14 days, which creates their account when they accept it.
 */
export async function inviteMembre(
  ctx: AppContext,
  contrat: ContratRow,
  inviter: UserRow,
  input: InviteMembreInput,
): Promise<InviteResult> {
  const existing = await findUserByEmail(ctx.db, input.email);
  const contratUrl = new URL(`/contrats/${contrat.slug}`, ctx.config.publicUrl).href;
  const mailInput = {
    contrat: contrat.nom,
    role: input.role,
    invitePar: inviter.nom,
    ...(input.message ? { message: input.message } : {}),
  };

  // An account never confirmed cannot sign in yet: it gets an invitation link, which confirms it.
  if (existing?.emailVerifiedAt) {
    const added = await repository.insertMembership(ctx.db, {
      contratId: contrat.id,
      userId: existing.id,
      role: input.role,
      categorie: input.categorie ?? existing.categorie,
      invitedBy: inviter.id,
    });
    if (!added) throw new HttpError('already_member');
    await ctx.mailer.send({
      to: existing.email,
      ...addedToContratMail(existing.locale as Locale, { ...mailInput, url: contratUrl }),
    });
    const membre = await repository.findMembre(ctx.db, contrat.id, existing.id);
    return { type: 'membre', membre: toMembre(membre!) };
  }

  const { token, hash } = newToken();
  const invitation = await ctx.db.transaction(async (tx) => {
    // Two invitations to one address at once (a double click): the later replaces the earlier
    // instead of colliding with it on the "one pending invitation per address" index.
    await repository.lockMemberships(tx, contrat.id);
    return repository.replaceInvitation(tx, {
      contratId: contrat.id,
      email: input.email,
      role: input.role,
      categorie: input.categorie ?? DEFAULT_CATEGORIE_BY_ROLE[input.role],
      tokenHash: hash,
      invitedBy: inviter.id,
      expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
    });
  });
  const url = new URL(`/invitation/${token}`, ctx.config.publicUrl).href;
  await ctx.mailer.send({
    to: input.email,
    ...invitationMail(inviter.locale as Locale, { ...mailInput, url }),
  });
  return { type: 'invitation', invitation: toInvitation(invitation, inviter.nom) };
}

/** A role change alters what the person's open documents allow: live connections are re-checked. */
/**
 * A signed-in resident joins a published contract as `habitant`, in the stakeholder category they
 * gave when registering. Two requests at once make one membership.
 */
export async function joinAsHabitant(
  ctx: AppContext,
  contratId: string,
  user: UserRow,
): Promise<Membre> {
  const inserted = await repository.insertMembership(ctx.db, {
    contratId,
    userId: user.id,
    role: 'habitant',
    categorie: user.categorie,
  });
  if (!inserted) throw new HttpError('already_member');
  const membre = (await listMembres(ctx, contratId)).find((m) => m.userId === user.id);
  if (!membre) throw new HttpError('already_member');
  return membre;
}

export async function updateMembre(
  ctx: AppContext,
  contratId: string,
  userId: string,
  input: z.output<typeof updateMembreSchema>,
): Promise<Membre> {
  const updated = await ctx.db.transaction(async (tx) => {
    await repository.lockMemberships(tx, contratId);
    const current = await repository.findMembre(tx, contratId, userId);
    if (!current) throw new HttpError('not_found');
    const demotesAnimateur =
      current.membership.role === 'animateur' &&
      input.role !== undefined &&
      input.role !== 'animateur';
    if (demotesAnimateur && (await repository.countAnimateurs(tx, contratId)) <= 1) {
      throw new HttpError('last_animateur');
    }
    await repository.updateMembership(tx, contratId, userId, input);
    return toMembre((await repository.findMembre(tx, contratId, userId))!);
  });
  ctx.events.emit('membership', { contratId, userId });
  return updated;
}

/** A removed member is also disconnected from the contract's documents they had open. */
export async function removeMembre(
  ctx: AppContext,
  contratId: string,
  userId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repository.lockMemberships(tx, contratId);
    const current = await repository.findMembre(tx, contratId, userId);
    if (!current) throw new HttpError('not_found');
    if (
      current.membership.role === 'animateur' &&
      (await repository.countAnimateurs(tx, contratId)) <= 1
    ) {
      throw new HttpError('last_animateur');
    }
    await repository.deleteMembership(tx, contratId, userId);
  });
  ctx.events.emit('membership', { contratId, userId });
}

export async function cancelInvitation(
  ctx: AppContext,
  contratId: string,
  id: string,
): Promise<void> {
  if (!(await repository.deleteInvitation(ctx.db, contratId, id))) throw new HttpError('not_found');
}

async function usableInvitation(ctx: AppContext, token: string) {
  const invitation = await repository.findUsableInvitation(ctx.db, hashToken(token));
  if (!invitation) throw new HttpError('invalid_token');
  const contrat = await findContrat(ctx.db, invitation.contratId);
  if (!contrat) throw new HttpError('invalid_token');
  return { invitation, contrat };
}

export async function previewInvitation(
  ctx: AppContext,
  token: string,
): Promise<InvitationPreview> {
  const { invitation, contrat } = await usableInvitation(ctx, token);
  return {
    email: invitation.email,
    role: invitation.role as Role,
    contrat: { id: contrat.id, slug: contrat.slug, nom: contrat.nom },
    compteExistant: (await findUserByEmail(ctx.db, invitation.email))?.emailVerifiedAt != null,
  };
}

/**
 * Accepting proves control of the invited address (the link was mailed there), so an account
 * created here counts as verified. An existing account must be the one signed in — unless it was
 * registered but never confirmed: then, like a password reset, the link lets its owner set the
 * password and name, and confirms the address.
 */
export async function acceptInvitation(
  ctx: AppContext,
  token: string,
  signedIn: UserRow | undefined,
  input: z.output<typeof acceptInvitationSchema>,
  locale: Locale,
): Promise<{ user: UserRow; contrat: ContratRow }> {
  const { invitation, contrat } = await usableInvitation(ctx, token);
  let user = await findUserByEmail(ctx.db, invitation.email);
  if (user?.emailVerifiedAt) {
    if (!signedIn) throw new HttpError('unauthenticated');
    if (signedIn.id !== user.id) throw new HttpError('invitation_email_mismatch');
  } else {
    // Creating an account for the invited address while someone else is signed in would leave
    // that other person in the session: they must sign out first.
    if (signedIn) throw new HttpError('invitation_email_mismatch');
    const missing = [
      ...(input.nom ? [] : [{ path: 'nom', message: 'requis / required' }]),
      ...(input.password ? [] : [{ path: 'password', message: 'requis / required' }]),
    ];
    if (missing.length > 0) throw new HttpError('validation_failed', {}, missing);
    const passwordHash = await hashPassword(input.password!);
    user = user
      ? await updateUser(ctx.db, user.id, {
          nom: input.nom!,
          passwordHash,
          emailVerifiedAt: new Date(),
        })
      : await insertUserIfAbsent(ctx.db, {
          email: invitation.email,
          nom: input.nom!,
          categorie: invitation.categorie,
          locale,
          passwordHash,
          emailVerifiedAt: new Date(),
        });
    if (!user) throw new HttpError('invalid_token');
    await revokeAuthTokens(ctx.db, user.id);
  }
  const accepted = await ctx.db.transaction(async (tx) => {
    if (!(await repository.markInvitationAccepted(tx, invitation.id))) return false;
    await repository.insertMembership(tx, {
      contratId: invitation.contratId,
      userId: user.id,
      role: invitation.role,
      categorie: invitation.categorie,
      invitedBy: invitation.invitedBy,
    });
    return true;
  });
  if (!accepted) throw new HttpError('invalid_token');
  return { user, contrat };
}
