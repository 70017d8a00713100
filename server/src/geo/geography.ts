import { createRequire } from 'node:module';
import {
  type GeoCommune,
  type GeoEpci,
  type GeoEpciDetail,
  type GeoResult,
  normalizeSearch,
} from '@trame/shared';

/**
 * The official geography (DGCL / INSEE, published by Etalab as `@etalab/decoupage-administratif`).
 * Loaded once, indexed in memory: 35 000 communes and 1 250 EPCI fit in a few megabytes, and a
 * search must answer while a person types.
 */
interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
}

interface RawEpci {
  code: string;
  nom: string;
  type: string;
  populationTotale?: number;
  membres: { code: string; nom: string }[];
}

interface IndexedCommune {
  commune: GeoCommune;
  searchKey: string;
}

interface IndexedEpci {
  epci: GeoEpci;
  memberCodes: string[];
  searchKey: string;
}

export class Geography {
  private readonly communes = new Map<string, IndexedCommune>();
  private readonly epcis = new Map<string, IndexedEpci>();

  constructor(rawCommunes: RawCommune[], rawEpcis: RawEpci[]) {
    const epciOfCommune = new Map<string, { code: string; nom: string }>();
    for (const raw of rawEpcis) {
      for (const membre of raw.membres)
        epciOfCommune.set(membre.code, { code: raw.code, nom: raw.nom });
    }
    for (const raw of rawCommunes) {
      // Former communes merged into a commune nouvelle keep their code as `commune-deleguee`; only
      // current communes can be in a perimeter.
      if (raw.type !== 'commune-actuelle') continue;
      const commune: GeoCommune = {
        type: 'commune',
        code: raw.code,
        nom: raw.nom,
        population: raw.population ?? null,
        departement: raw.departement ?? '',
        codesPostaux: raw.codesPostaux ?? [],
        epci: epciOfCommune.get(raw.code) ?? null,
      };
      this.communes.set(raw.code, {
        commune,
        searchKey: normalizeSearch(`${raw.nom} ${raw.code}`),
      });
    }
    for (const raw of rawEpcis) {
      const memberCodes = raw.membres.map((m) => m.code).filter((code) => this.communes.has(code));
      const departements = [
        ...new Set(memberCodes.map((code) => this.communes.get(code)!.commune.departement)),
      ].sort();
      const epci: GeoEpci = {
        type: 'epci',
        code: raw.code,
        nom: raw.nom,
        nature: raw.type,
        population: raw.populationTotale ?? null,
        departements,
        nombreCommunes: memberCodes.length,
      };
      this.epcis.set(raw.code, {
        epci,
        memberCodes,
        searchKey: normalizeSearch(`${raw.nom} ${raw.code}`),
      });
    }
  }

  commune(code: string): GeoCommune | undefined {
    return this.communes.get(code)?.commune;
  }

  epci(code: string): GeoEpciDetail | undefined {
    const entry = this.epcis.get(code);
    if (!entry) return undefined;
    return { ...entry.epci, communes: entry.memberCodes.map((c) => this.communes.get(c)!.commune) };
  }

  /**
   * Name or code, accent- and case-insensitive. Every word typed must appear; names starting with
   * the query come first, then the most populated, which is what a person looking for "Thouars"
   * expects above "Saint-Jacques-de-Thouars".
   */
  search(
    query: string,
    options: { type?: 'epci' | 'commune'; limit: number },
  ): { items: GeoResult[]; total: number } {
    const words = normalizeSearch(query).split(' ').filter(Boolean);
    if (words.length === 0) return { items: [], total: 0 };
    const prefix = words.join(' ');
    const matches = (key: string) => words.every((word) => key.includes(word));
    const rank = (key: string, population: number | null) => [
      key.startsWith(prefix) ? 0 : 1,
      -(population ?? 0),
    ];
    const compare = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]!;

    const epcis =
      options.type === 'commune'
        ? []
        : [...this.epcis.values()]
            .filter((e) => matches(e.searchKey))
            .sort((a, b) =>
              compare(rank(a.searchKey, a.epci.population), rank(b.searchKey, b.epci.population)),
            )
            .map((e) => e.epci);
    const communes =
      options.type === 'epci'
        ? []
        : [...this.communes.values()]
            .filter((c) => matches(c.searchKey))
            .sort((a, b) =>
              compare(
                rank(a.searchKey, a.commune.population),
                rank(b.searchKey, b.commune.population),
              ),
            )
            .map((c) => c.commune);
    const all = [...epcis, ...communes];
    return { items: all.slice(0, options.limit), total: all.length };
  }
}

let shared: Geography | undefined;

/** The geography of the installed data package, built on first use and shared by all apps. */
export function officialGeography(): Geography {
  if (!shared) {
    const require = createRequire(import.meta.url);
    shared = new Geography(
      require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[],
      require('@etalab/decoupage-administratif/data/epci.json') as RawEpci[],
    );
  }
  return shared;
}
