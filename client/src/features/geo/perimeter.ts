import type { Commune, GeoCommune } from '@trame/shared';

/** A perimeter being chosen: the EPCI it started from, if any, and its communes. */
export interface Perimeter {
  epci: { code: string; nom: string } | null;
  communes: Commune[];
}

export const EMPTY_PERIMETER: Perimeter = { epci: null, communes: [] };

export const toCommune = ({ code, nom, population, departement }: GeoCommune): Commune => ({
  code,
  nom,
  population,
  departement,
});

const byName = (a: Commune, b: Commune) => a.nom.localeCompare(b.nom, 'fr');

export function addCommune(perimeter: Perimeter, commune: Commune): Perimeter {
  if (perimeter.communes.some((item) => item.code === commune.code)) return perimeter;
  return { ...perimeter, communes: [...perimeter.communes, commune].sort(byName) };
}

export function removeCommune(perimeter: Perimeter, code: string): Perimeter {
  return { ...perimeter, communes: perimeter.communes.filter((item) => item.code !== code) };
}

export function withEpci(epci: { code: string; nom: string }, communes: GeoCommune[]): Perimeter {
  return { epci, communes: communes.map(toCommune).sort(byName) };
}

export function totalPopulation(communes: readonly Commune[]): number {
  return communes.reduce((sum, commune) => sum + (commune.population ?? 0), 0);
}
