import { SOURCES_REFERENCE } from './fiches.js';
import { sumCents } from './finance.js';

/**
 * The maquette financière annuelle: for one year, every fiche × funding source with its amount,
 * row and column totals and a subtotal per orientation. Pure, so the same code computes the live
 * maquette, freezes a validated version and compares two versions.
 */

export interface MaquetteFicheInput {
  ficheId: string;
  numero: number;
  titre: string;
  maitreOuvrage: string;
  orientationId: string | null;
}

export interface MaquetteOrientationInput {
  id: string;
  numero: number;
  titre: string;
}

export interface MaquetteLineInput {
  ficheId: string;
  source: string;
  montantCents: number;
}

export interface MaquetteRow extends MaquetteFicheInput {
  /** Amount per source code, only for sources with an amount. */
  montants: Record<string, number>;
  totalCents: number;
}

export interface MaquetteGroup {
  orientationId: string | null;
  numero: number | null;
  titre: string | null;
  rows: MaquetteRow[];
  totauxParSource: Record<string, number>;
  totalCents: number;
}

export interface MaquetteData {
  annee: number;
  /** Columns: the sources with an amount this year, reference list first, then the contract's. */
  sources: string[];
  groups: MaquetteGroup[];
  totauxParSource: Record<string, number>;
  totalCents: number;
}

function columnTotals(rows: readonly MaquetteRow[], sources: readonly string[]) {
  const totals: Record<string, number> = {};
  for (const source of sources) {
    const total = sumCents(rows.map((row) => row.montants[source] ?? 0));
    if (total !== 0) totals[source] = total;
  }
  return totals;
}

export function orderSources(codes: Iterable<string>): string[] {
  const reference: readonly string[] = SOURCES_REFERENCE;
  return [...new Set(codes)].sort((a, b) => {
    const ia = reference.indexOf(a);
    const ib = reference.indexOf(b);
    if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
    return a.localeCompare(b);
  });
}

/**
 * Builds the maquette of `annee` from the fiches that take part in it and their financing lines
 * of that year (the caller leaves out refused lines and abandoned fiches). Fiches with no amount
 * that year are not rows; groups follow the orientations' order, fiches without one come last.
 */
export function buildMaquette(
  annee: number,
  fiches: readonly MaquetteFicheInput[],
  lines: readonly MaquetteLineInput[],
  orientations: readonly MaquetteOrientationInput[],
): MaquetteData {
  const amounts = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const row = amounts.get(line.ficheId) ?? new Map<string, number>();
    row.set(line.source, sumCents([row.get(line.source) ?? 0, line.montantCents]));
    amounts.set(line.ficheId, row);
  }
  const sources = orderSources(lines.map((line) => line.source));
  const rows: MaquetteRow[] = fiches
    .filter((fiche) => amounts.has(fiche.ficheId))
    .map((fiche) => {
      const montants = Object.fromEntries(amounts.get(fiche.ficheId)!);
      return { ...fiche, montants, totalCents: sumCents(Object.values(montants)) };
    })
    .sort((a, b) => a.numero - b.numero);

  const known = new Set(orientations.map((o) => o.id));
  const groups: MaquetteGroup[] = [
    ...[...orientations]
      .sort((a, b) => a.numero - b.numero)
      .map((o) => ({
        key: o.id as string | null,
        numero: o.numero as number | null,
        titre: o.titre as string | null,
      })),
    { key: null, numero: null, titre: null },
  ]
    .map(({ key, numero, titre }) => {
      const groupRows = rows.filter((row) =>
        key === null
          ? row.orientationId === null || !known.has(row.orientationId)
          : row.orientationId === key,
      );
      return {
        orientationId: key,
        numero,
        titre,
        rows: groupRows,
        totauxParSource: columnTotals(groupRows, sources),
        totalCents: sumCents(groupRows.map((row) => row.totalCents)),
      };
    })
    .filter((group) => group.rows.length > 0);

  return {
    annee,
    sources,
    groups,
    totauxParSource: columnTotals(rows, sources),
    totalCents: sumCents(rows.map((row) => row.totalCents)),
  };
}

export interface MaquetteCellChange {
  ficheId: string;
  numero: number;
  titre: string;
  source: string;
  avantCents: number;
  apresCents: number;
  deltaCents: number;
}

export interface MaquetteDiff {
  /** Fiches present in the later maquette only, or in the earlier one only. */
  fichesAjoutees: { ficheId: string; numero: number; titre: string; totalCents: number }[];
  fichesRetirees: { ficheId: string; numero: number; titre: string; totalCents: number }[];
  /** Every fiche × source whose amount moved, including those of added or removed fiches. */
  changements: MaquetteCellChange[];
  totalAvantCents: number;
  totalApresCents: number;
  deltaCents: number;
}

function rowsById(maquette: MaquetteData): Map<string, MaquetteRow> {
  return new Map(maquette.groups.flatMap((g) => g.rows).map((row) => [row.ficheId, row]));
}

/** What moved between two maquettes of the same year: the steering committee's "what changed". */
export function diffMaquettes(avant: MaquetteData, apres: MaquetteData): MaquetteDiff {
  const before = rowsById(avant);
  const after = rowsById(apres);
  const summary = (row: MaquetteRow) => ({
    ficheId: row.ficheId,
    numero: row.numero,
    titre: row.titre,
    totalCents: row.totalCents,
  });
  const changements: MaquetteCellChange[] = [];
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  for (const id of ids) {
    const a = before.get(id);
    const b = after.get(id);
    const label = (b ?? a)!;
    const sources = orderSources([
      ...Object.keys(a?.montants ?? {}),
      ...Object.keys(b?.montants ?? {}),
    ]);
    for (const source of sources) {
      const avantCents = a?.montants[source] ?? 0;
      const apresCents = b?.montants[source] ?? 0;
      if (avantCents !== apresCents) {
        changements.push({
          ficheId: id,
          numero: label.numero,
          titre: label.titre,
          source,
          avantCents,
          apresCents,
          deltaCents: apresCents - avantCents,
        });
      }
    }
  }
  changements.sort((x, y) => x.numero - y.numero || x.source.localeCompare(y.source));
  return {
    fichesAjoutees: [...after.values()].filter((row) => !before.has(row.ficheId)).map(summary),
    fichesRetirees: [...before.values()].filter((row) => !after.has(row.ficheId)).map(summary),
    changements,
    totalAvantCents: avant.totalCents,
    totalApresCents: apres.totalCents,
    deltaCents: apres.totalCents - avant.totalCents,
  };
}
