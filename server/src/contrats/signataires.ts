import { type Signataire, signataireSchema, updateSignataireSchema } from '@trame/shared';
import { and, eq } from 'drizzle-orm';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { signataires } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { requirePermission } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import type { SignataireRow } from './repository.js';

export function toSignataire(row: SignataireRow): Signataire {
  return {
    id: row.id,
    organisation: row.organisation,
    representant: row.representant,
    qualite: row.qualite,
    type: row.type as Signataire['type'],
    dateSignature: row.dateSignature,
  };
}

/** The contract's signatories (État, EPCI, Région…). Under `/contrats/:id`. */
export function signataireRoutes(ctx: AppContext): Router {
  const router = Router({ mergeParams: true });
  const manage = requirePermission('contrat.modifier');
  const thisOne = (contratId: string, id: string) =>
    and(eq(signataires.contratId, contratId), eq(signataires.id, id));

  router.post('/signataires', manage, async (req, res) => {
    const input = parseInput(signataireSchema, req.body, req.locale);
    const [row] = await ctx.db
      .insert(signataires)
      .values({ ...input, contratId: req.contrat!.id })
      .returning();
    res.status(201).json(toSignataire(row!));
  });

  router.patch('/signataires/:signataireId', manage, async (req, res) => {
    const id = idParam(req.params.signataireId);
    const input = parseInput(updateSignataireSchema, req.body, req.locale);
    const where = thisOne(req.contrat!.id, id);
    const [row] = Object.keys(input).length
      ? await ctx.db.update(signataires).set(input).where(where).returning()
      : await ctx.db.select().from(signataires).where(where);
    if (!row) throw new HttpError('not_found');
    res.json(toSignataire(row));
  });

  router.delete('/signataires/:signataireId', manage, async (req, res) => {
    const id = idParam(req.params.signataireId);
    const rows = await ctx.db
      .delete(signataires)
      .where(thisOne(req.contrat!.id, id))
      .returning({ id: signataires.id });
    if (rows.length === 0) throw new HttpError('not_found');
    res.status(204).end();
  });

  return router;
}
