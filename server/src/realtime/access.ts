import type { DocumentAccess, DocumentRef, Role } from '@trame/shared';
import type { AppContext } from '../context.js';
import { findContrat, roleOf } from '../contrats/repository.js';
import { findFiche } from '../fiches/repository.js';
import { mayDo, mayRead } from '../fiches/service.js';
import { seanceById } from '../gouvernance/repository.js';

export type AccessDecision =
  | { access: DocumentAccess; contratIds: string[] }
  | { refused: 'not_found' | 'forbidden' };

async function roleIn(ctx: AppContext, contratId: string, userId: string | null) {
  return userId ? (((await roleOf(ctx.db, contratId, userId)) as Role | null) ?? null) : null;
}

/**
 * What a person may do with a document, from the shared permission matrix: the projet de
 * territoire follows `projet.*`, a fiche's narrative follows the fiche, a séance's minutes follow
 * `compteRendu.*`. `contratIds` are the contracts whose membership changes must re-check the
 * connection.
 */
export async function documentAccess(
  ctx: AppContext,
  ref: DocumentRef,
  userId: string | null,
): Promise<AccessDecision> {
  if (ref.kind === 'projet') {
    const contrat = await findContrat(ctx.db, ref.contratId);
    if (!contrat) return { refused: 'not_found' };
    const viewer = { userId, role: await roleIn(ctx, contrat.id, userId) };
    const contratIds = [contrat.id];
    if (mayDo('projet.modifier', contrat, viewer)) return { access: 'edit', contratIds };
    if (mayDo('projet.commenter', contrat, viewer)) return { access: 'comment', contratIds };
    if (mayDo('contrat.lire', contrat, viewer)) return { access: 'read', contratIds };
    return { refused: 'forbidden' };
  }
  if (ref.kind === 'fiche') {
    const fiche = await findFiche(ctx.db, ref.ficheId);
    const contrat = fiche && (await findContrat(ctx.db, fiche.contratId));
    if (!fiche || !contrat) return { refused: 'not_found' };
    const viewer = { userId, role: await roleIn(ctx, contrat.id, userId) };
    const contratIds = [contrat.id, ...fiche.partageAvec];
    if (mayDo('fiche.modifier', contrat, viewer, fiche)) return { access: 'edit', contratIds };
    if (mayRead(contrat, viewer, fiche)) return { access: 'read', contratIds };
    for (const partnerId of fiche.partageAvec) {
      const partner = await findContrat(ctx.db, partnerId);
      const role = await roleIn(ctx, partnerId, userId);
      if (partner && role && mayDo('fiche.lire', partner, { userId, role })) {
        return { access: 'read', contratIds };
      }
    }
    return { refused: 'forbidden' };
  }
  // The minutes of a séance: written by the committees, read by the contract's members.
  const seance = await seanceById(ctx.db, ref.seanceId);
  const contrat = seance && (await findContrat(ctx.db, seance.contratId));
  if (!seance || !contrat) return { refused: 'not_found' };
  const viewer = { userId, role: await roleIn(ctx, contrat.id, userId) };
  const contratIds = [contrat.id];
  if (mayDo('compteRendu.modifier', contrat, viewer)) return { access: 'edit', contratIds };
  if (mayDo('compteRendu.lire', contrat, viewer)) return { access: 'read', contratIds };
  return { refused: 'forbidden' };
}
