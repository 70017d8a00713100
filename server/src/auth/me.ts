import { type Categorie, canCreateContrat, type Locale, type Me, type Role } from '@trame/shared';
import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { contrats, memberships } from '../db/schema.js';
import type { UserRow } from './users-repository.js';

export function isAdmin(ctx: AppContext, user: UserRow): boolean {
  return user.admin || ctx.config.adminEmails.includes(user.email);
}

export async function toMe(ctx: AppContext, user: UserRow): Promise<Me> {
  const rows = await ctx.db
    .select({
      contratId: contrats.id,
      slug: contrats.slug,
      nom: contrats.nom,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(contrats, eq(contrats.id, memberships.contratId))
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(contrats.nom));
  const admin = isAdmin(ctx, user);
  return {
    id: user.id,
    email: user.email,
    nom: user.nom,
    categorie: user.categorie as Categorie,
    locale: user.locale as Locale,
    admin,
    peutCreerContrat: canCreateContrat({ admin, roles: rows.map((r) => r.role as Role) }),
    memberships: rows.map((r) => ({ ...r, role: r.role as Role })),
  };
}
