import type {
  Objectif,
  Orientation,
  objectifSchema,
  orientationSchema,
  updateObjectifSchema,
  updateOrientationSchema,
} from '@trame/shared';
import type { z } from 'zod';
import type { Database, Queryable } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import * as repository from './repository.js';

export function toObjectif(row: repository.ObjectifRow): Objectif {
  return {
    id: row.id,
    orientationId: row.orientationId,
    numero: row.numero,
    titre: row.titre,
    description: row.description,
  };
}

export function toOrientation(
  row: repository.OrientationRow,
  objectifs: repository.ObjectifRow[],
): Orientation {
  return {
    id: row.id,
    numero: row.numero,
    titre: row.titre,
    description: row.description,
    objectifs: objectifs.filter((o) => o.orientationId === row.id).map(toObjectif),
  };
}

export async function listOrientations(db: Queryable, contratId: string): Promise<Orientation[]> {
  const rows = await repository.orientationsOf(db, contratId);
  const objectifs = await repository.objectifsOf(db, contratId);
  return rows.map((row) => toOrientation(row, objectifs));
}

async function orientationOrFail(db: Queryable, contratId: string, id: string) {
  const row = await repository.findOrientation(db, contratId, id);
  if (!row) throw new HttpError('not_found');
  return row;
}

async function objectifOrFail(db: Queryable, contratId: string, id: string) {
  const row = await repository.findObjectif(db, contratId, id);
  if (!row) throw new HttpError('not_found');
  return row;
}

async function orientationWithObjectifs(db: Queryable, row: repository.OrientationRow) {
  const objectifs = await repository.objectifsOf(db, row.contratId);
  return toOrientation(row, objectifs);
}

export function createOrientation(
  db: Database,
  contratId: string,
  input: z.output<typeof orientationSchema>,
): Promise<Orientation> {
  return db.transaction(async (tx) => {
    await repository.lockContratNumbering(tx, contratId);
    const numero = await repository.nextOrientationNumero(tx, contratId);
    const row = await repository.insertOrientation(tx, { contratId, numero, ...input });
    return toOrientation(row, []);
  });
}

export function updateOrientation(
  db: Database,
  contratId: string,
  id: string,
  input: z.output<typeof updateOrientationSchema>,
): Promise<Orientation> {
  return db.transaction(async (tx) => {
    await repository.lockContratNumbering(tx, contratId);
    const current = await orientationOrFail(tx, contratId, id);
    const { numero, ...fields } = input;
    if (numero !== undefined) {
      const last = (await repository.nextOrientationNumero(tx, contratId)) - 1;
      await repository.moveOrientation(tx, contratId, id, current.numero, Math.min(numero, last));
    }
    const row = Object.keys(fields).length
      ? await repository.updateOrientation(tx, id, fields)
      : await orientationOrFail(tx, contratId, id);
    return orientationWithObjectifs(tx, row);
  });
}

export function deleteOrientation(db: Database, contratId: string, id: string): Promise<void> {
  return db.transaction(async (tx) => {
    await repository.lockContratNumbering(tx, contratId);
    const row = await orientationOrFail(tx, contratId, id);
    await repository.deleteOrientation(tx, contratId, row);
  });
}

export function createObjectif(
  db: Database,
  contratId: string,
  orientationId: string,
  input: z.output<typeof objectifSchema>,
): Promise<Objectif> {
  return db.transaction(async (tx) => {
    await repository.lockContratNumbering(tx, contratId);
    await orientationOrFail(tx, contratId, orientationId);
    const numero = await repository.nextObjectifNumero(tx, orientationId);
    return toObjectif(
      await repository.insertObjectif(tx, { contratId, orientationId, numero, ...input }),
    );
  });
}

export function updateObjectif(
  db: Database,
  contratId: string,
  id: string,
  input: z.output<typeof updateObjectifSchema>,
): Promise<Objectif> {
  return db.transaction(async (tx) => {
    await repository.lockContratNumbering(tx, contratId);
    const current = await objectifOrFail(tx, contratId, id);
    const { numero, ...fields } = input;
    if (numero !== undefined) {
      const last = (await repository.nextObjectifNumero(tx, current.orientationId)) - 1;
      await repository.moveObjectif(
        tx,
        current.orientationId,
        id,
        current.numero,
        Math.min(numero, last),
      );
    }
    const row = Object.keys(fields).length
      ? await repository.updateObjectif(tx, id, fields)
      : await objectifOrFail(tx, contratId, id);
    return toObjectif(row);
  });
}

export function deleteObjectif(db: Database, contratId: string, id: string): Promise<void> {
  return db.transaction(async (tx) => {
    await repository.lockContratNumbering(tx, contratId);
    await repository.deleteObjectif(tx, await objectifOrFail(tx, contratId, id));
  });
}
