import type { Cooperation, cooperationSchema, updateCooperationSchema } from '@trame/shared';
import type { z } from 'zod';
import type { Database, Queryable } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import * as repository from './repository.js';

/**
 * `publicView` is what the portal shows: only the parties that agreed, and no way to reach a
 * partner contract that is not published itself (its name only, as the partner accepted).
 */
export function toCooperation(
  { cooperation, parties }: repository.CooperationWithParties,
  publicView = false,
): Cooperation {
  return {
    id: cooperation.id,
    nom: cooperation.nom,
    type: cooperation.type as Cooperation['type'],
    description: cooperation.description,
    initiateurId: cooperation.initiateurId,
    parties: parties
      .filter(({ party }) => !publicView || party.statut === 'acceptee')
      .map(({ party, contratNom, contratSlug, contratPublie }) => {
        const reachable = !publicView || contratPublie !== false;
        return {
          contratId: reachable ? party.contratId : null,
          nom: contratNom ?? party.nomExterne ?? '',
          slug: reachable ? contratSlug : null,
          statut: party.statut as Cooperation['parties'][number]['statut'],
        };
      }),
  };
}

/**
 * Members see proposals still waiting for a partner's answer; the public (the portal) sees only
 * what every party has agreed to, so no territory is shown cooperating before it said yes.
 */
export async function listCooperations(
  db: Queryable,
  contratId: string,
  viewer: { member: boolean },
): Promise<Cooperation[]> {
  const all = await repository.cooperationsOf(db, contratId);
  if (viewer.member) return all.map((c) => toCooperation(c));
  return all
    .filter((c) =>
      c.parties.some((p) => p.party.contratId === contratId && p.party.statut === 'acceptee'),
    )
    .map((c) => toCooperation(c, true));
}

async function cooperationOrFail(db: Queryable, contratId: string, id: string) {
  const found = await repository.findCooperation(db, contratId, id);
  if (!found) throw new HttpError('not_found');
  return found;
}

/**
 * The initiating contract proposes; a partner that is a contract in Trame shows as `en_attente`
 * until its animateur accepts, so nobody is listed as cooperating without having agreed.
 * External territories (not in Trame) are named only.
 */
export function createCooperation(
  db: Database,
  contratId: string,
  callerId: string,
  input: z.output<typeof cooperationSchema>,
): Promise<Cooperation> {
  return db.transaction(async (tx) => {
    const refs = {
      ids: input.partenaires.flatMap((p) => ('contratId' in p ? [p.contratId] : [])),
      slugs: input.partenaires.flatMap((p) => ('slug' in p ? [p.slug] : [])),
    };
    const found = await repository.resolveContrats(tx, refs, callerId);
    const unknown = input.partenaires.flatMap((p, index) => {
      if ('nomExterne' in p) return [];
      const [field, ref] = 'contratId' in p ? ['contratId', p.contratId] : ['slug', p.slug];
      return found.has(ref)
        ? []
        : [{ path: `partenaires.${index}.${field}`, message: `contrat inconnu : ${ref}` }];
    });
    if (unknown.length > 0) throw new HttpError('validation_failed', {}, unknown);
    const partnerIds = input.partenaires.flatMap((p) =>
      'nomExterne' in p ? [] : [found.get('contratId' in p ? p.contratId : p.slug)!],
    );
    if (partnerIds.includes(contratId) || new Set(partnerIds).size !== partnerIds.length) {
      throw new HttpError('cooperation_self');
    }
    let nextPartner = 0;
    const id = await repository.insertCooperation(
      tx,
      { nom: input.nom, type: input.type, description: input.description, initiateurId: contratId },
      [
        { contratId, statut: 'acceptee', ordre: 0 },
        ...input.partenaires.map((p, index) =>
          'nomExterne' in p
            ? { nomExterne: p.nomExterne, statut: 'acceptee', ordre: index + 1 }
            : { contratId: partnerIds[nextPartner++]!, statut: 'en_attente', ordre: index + 1 },
        ),
      ],
    );
    return toCooperation(await cooperationOrFail(tx, contratId, id));
  });
}

async function initiatedOrFail(db: Queryable, contratId: string, id: string) {
  const found = await cooperationOrFail(db, contratId, id);
  // A partner may accept or withdraw, but not rewrite what another territory proposed.
  if (found.cooperation.initiateurId !== contratId) throw new HttpError('forbidden');
  return found;
}

export function updateCooperation(
  db: Database,
  contratId: string,
  id: string,
  input: z.output<typeof updateCooperationSchema>,
): Promise<Cooperation> {
  return db.transaction(async (tx) => {
    await initiatedOrFail(tx, contratId, id);
    await repository.updateCooperation(tx, id, input);
    return toCooperation(await cooperationOrFail(tx, contratId, id));
  });
}

export async function deleteCooperation(
  db: Database,
  contratId: string,
  id: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await cooperationOrFail(tx, contratId, id);
    // The initiator ends the cooperation; a partner declines it or leaves it, which removes only
    // its own participation.
    if (found.cooperation.initiateurId === contratId) await repository.deleteCooperation(tx, id);
    else await repository.removeParty(tx, id, contratId);
  });
}

export function acceptCooperation(
  db: Database,
  contratId: string,
  id: string,
): Promise<Cooperation> {
  return db.transaction(async (tx) => {
    await cooperationOrFail(tx, contratId, id);
    await repository.acceptParty(tx, id, contratId);
    return toCooperation(await cooperationOrFail(tx, contratId, id));
  });
}
