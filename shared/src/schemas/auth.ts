import { z } from 'zod';
import { LOCALES } from '../locale.js';
import { CATEGORIES, type Categorie, type Role } from '../roles.js';
import { emailSchema } from './common.js';

/** ANSSI / CNIL guidance: length beats complexity rules; 12 characters minimum. */
export const PASSWORD_MIN_LENGTH = 12;
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(256);

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(256),
});

export const registerSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  nom: z.string().trim().min(2).max(120),
  categorie: z.enum(CATEGORIES).default('habitant'),
  locale: z.enum(LOCALES).optional(),
});

export const emailOnlySchema = z.strictObject({ email: emailSchema });
export const tokenSchema = z.strictObject({ token: z.string().min(20).max(200) });
export const resetPasswordSchema = z.strictObject({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});

export const updateMeSchema = z.strictObject({
  nom: z.string().trim().min(2).max(120).optional(),
  categorie: z.enum(CATEGORIES).optional(),
  locale: z.enum(LOCALES).optional(),
});

export type LoginInput = z.infer<typeof loginSchema>;
export type RegisterInput = z.infer<typeof registerSchema>;
export type UpdateMeInput = z.infer<typeof updateMeSchema>;

export interface MembershipSummary {
  contratId: string;
  slug: string;
  nom: string;
  role: Role;
}

export interface Me {
  id: string;
  email: string;
  nom: string;
  categorie: Categorie;
  locale: (typeof LOCALES)[number];
  admin: boolean;
  peutCreerContrat: boolean;
  memberships: MembershipSummary[];
}

export interface AuthConfig {
  oidc: { enabled: boolean; label: string };
  passwordMinLength: number;
}
