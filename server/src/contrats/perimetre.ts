import type { Geography } from '../geo/geography.js';
import { HttpError } from '../http/errors.js';
import type { CommuneRow } from './repository.js';

export interface PerimetreInput {
  epciCode: string | null;
  communes?: string[] | undefined;
}

export interface Perimetre {
  epci: { code: string; nom: string } | null;
  communes: Omit<CommuneRow, 'contratId'>[];
}

/**
 * Resolves a perimeter against the official geography: an EPCI alone means all its member
 * communes; an explicit list is checked code by code. Names and populations are copied so the
 * contract keeps the geography it was signed with.
 */
export function resolvePerimetre(geography: Geography, input: PerimetreInput): Perimetre {
  const epci = input.epciCode ? geography.epci(input.epciCode) : null;
  if (input.epciCode && !epci) throw new HttpError('unknown_epci', { code: input.epciCode });
  const codes = [...new Set(input.communes ?? epci?.communes.map((c) => c.code) ?? [])];
  const unknown = codes.filter((code) => !geography.commune(code));
  if (unknown.length > 0) throw new HttpError('unknown_commune', { codes: unknown.join(', ') });
  return {
    epci: epci ? { code: epci.code, nom: epci.nom } : null,
    communes: codes.map((code) => {
      const commune = geography.commune(code)!;
      return {
        code,
        nom: commune.nom,
        population: commune.population,
        departement: commune.departement,
      };
    }),
  };
}
