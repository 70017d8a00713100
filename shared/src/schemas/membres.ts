import { z } from 'zod';
import { CATEGORIES, type Categorie, ROLES, type Role } from '../roles.js';
import { passwordSchema } from './auth.js';
import { emailSchema } from './common.js';

export const inviteMembreSchema = z.strictObject({
  email: emailSchema,
  role: z.enum(ROLES),
  categorie: z.enum(CATEGORIES).optional(),
  /** Shown in the invitation email. */
  message: z.string().trim().max(1000).optional(),
});

export const updateMembreSchema = z.strictObject({
  role: z.enum(ROLES).optional(),
  categorie: z.enum(CATEGORIES).optional(),
});

export const acceptInvitationSchema = z.strictObject({
  /** Required when the invited address has no account yet: the account is created on the spot. */
  nom: z.string().trim().min(2).max(120).optional(),
  password: passwordSchema.optional(),
});

export type InviteMembreInput = z.infer<typeof inviteMembreSchema>;

export interface Membre {
  userId: string;
  nom: string;
  email: string;
  role: Role;
  categorie: Categorie;
  depuis: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  categorie: Categorie;
  invitePar: string;
  expiresAt: string;
  createdAt: string;
}

export type InviteResult =
  | { type: 'membre'; membre: Membre }
  | { type: 'invitation'; invitation: Invitation };

export interface InvitationPreview {
  email: string;
  role: Role;
  contrat: { id: string; slug: string; nom: string };
  compteExistant: boolean;
}
