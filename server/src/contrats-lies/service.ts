import type { ContratLie } from '@trame/shared';
import type { ContratLieRow } from './repository.js';

export function toContratLie(row: ContratLieRow): ContratLie {
  return {
    id: row.id,
    type: row.type as ContratLie['type'],
    nom: row.nom,
    articulation: row.articulation as ContratLie['articulation'],
    relationPerimetre: row.relationPerimetre as ContratLie['relationPerimetre'],
    description: row.description,
    dateSignature: row.dateSignature,
    url: row.url,
  };
}
