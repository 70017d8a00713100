import { type Signataire, signataireSchema, updateSignataireSchema } from '@trame/shared';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { requirePermission } from '../http/gate.js';
import { idParam, parseInput } from '../http/validate.js';
import type { SignataireRow } from './repository.js';
import * as repository from './repository.js';

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

  router.post('/signataires', manage, async (req, res) => {
    const input = parseInput(signataireSchema, req.body, req.locale);
    res
      .status(201)
      .json(toSignataire(await repository.insertSignataire(ctx.db, req.contrat!.id, input)));
  });

  router.patch('/signataires/:signataireId', manage, async (req, res) => {
    const id = idParam(req.params.signataireId);
    const input = parseInput(updateSignataireSchema, req.body, req.locale);
    const row = await repository.updateSignataire(ctx.db, req.contrat!.id, id, input);
    if (!row) throw new HttpError('not_found');
    res.json(toSignataire(row));
  });

  router.delete('/signataires/:signataireId', manage, async (req, res) => {
    const id = idParam(req.params.signataireId);
    if (!(await repository.deleteSignataire(ctx.db, req.contrat!.id, id)))
      throw new HttpError('not_found');
    res.status(204).end();
  });

  return router;
}
