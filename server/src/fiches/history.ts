import { isDeepStrictEqual } from 'node:util';

/**
 * The field-level changes between two states of a fiche, in the order the fields are listed:
 * what the history records for one save. Arrays whose order carries no meaning (communes, tags)
 * are compared as sets, so re-sending them in another order is not a change.
 */
export interface FieldChange {
  champ: string;
  avant: unknown;
  apres: unknown;
}

const UNORDERED = new Set([
  'communes',
  'objectifIds',
  'isoFinalites',
  'isoDomaines',
  'odd',
  'partageAvec',
]);

function normalised(field: string, value: unknown): unknown {
  if (UNORDERED.has(field) && Array.isArray(value)) {
    return [...value].sort((a, b) => String(a).localeCompare(String(b)));
  }
  return value ?? null;
}

export function fieldChanges<T extends object>(
  before: T,
  changes: Partial<T>,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  const result: FieldChange[] = [];
  for (const field of fields) {
    if (!(field in changes) || changes[field] === undefined) continue;
    const avant = normalised(field, before[field]);
    const apres = normalised(field, changes[field]);
    if (!isDeepStrictEqual(avant, apres)) result.push({ champ: field, avant, apres });
  }
  return result;
}
