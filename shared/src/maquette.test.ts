import { describe, expect, it } from 'vitest';
import { buildMaquette, diffMaquettes, orderSources } from './maquette.js';

const orientations = [
  { id: 'o2', numero: 2, titre: 'Industrie' },
  { id: 'o1', numero: 1, titre: 'Transition' },
];
const fiches = [
  {
    ficheId: 'a',
    numero: 1,
    titre: 'Réseau de chaleur',
    maitreOuvrage: 'Ville',
    orientationId: 'o1',
  },
  { ficheId: 'b', numero: 2, titre: 'Zone d’activités', maitreOuvrage: 'CC', orientationId: 'o2' },
  { ficheId: 'c', numero: 3, titre: 'Centrale solaire', maitreOuvrage: 'SAS', orientationId: 'o1' },
  { ficheId: 'd', numero: 4, titre: 'Sans axe', maitreOuvrage: 'Asso', orientationId: null },
  { ficheId: 'e', numero: 5, titre: 'Sans argent', maitreOuvrage: 'Asso', orientationId: 'o1' },
];
const lines = [
  { ficheId: 'a', source: 'dsil', montantCents: 100_000_00 },
  { ficheId: 'a', source: 'fonds_vert', montantCents: 50_000_01 },
  { ficheId: 'a', source: 'dsil', montantCents: 25_000_00 },
  { ficheId: 'b', source: 'fondation_locale', montantCents: 10_000_00 },
  { ficheId: 'c', source: 'fonds_vert', montantCents: 7_00 },
  { ficheId: 'd', source: 'detr', montantCents: 3_33 },
];

describe('maquette financière annuelle', () => {
  const maquette = buildMaquette(2024, fiches, lines, orientations);

  it('puts fiches with an amount in their orientation, in order, with row totals', () => {
    expect(maquette.groups.map((g) => [g.numero, g.rows.map((r) => r.ficheId)])).toEqual([
      [1, ['a', 'c']],
      [2, ['b']],
      [null, ['d']],
    ]);
    const a = maquette.groups[0]!.rows[0]!;
    expect(a.montants).toEqual({ dsil: 125_000_00, fonds_vert: 50_000_01 });
    expect(a.totalCents).toBe(175_000_01);
  });

  it('adds up columns per orientation and overall, to the cent', () => {
    expect(maquette.groups[0]!.totauxParSource).toEqual({
      dsil: 125_000_00,
      fonds_vert: 50_007_01,
    });
    expect(maquette.groups[0]!.totalCents).toBe(175_007_01);
    expect(maquette.totauxParSource).toEqual({
      dsil: 125_000_00,
      detr: 3_33,
      fonds_vert: 50_007_01,
      fondation_locale: 10_000_00,
    });
    expect(maquette.totalCents).toBe(185_010_34);
    expect(Object.values(maquette.totauxParSource).reduce((s, v) => s + v, 0)).toBe(
      maquette.totalCents,
    );
  });

  it('lists the reference sources in their order, the contract’s own after them', () => {
    expect(maquette.sources).toEqual(['dsil', 'detr', 'fonds_vert', 'fondation_locale']);
    expect(orderSources(['zeta_locale', 'autre', 'alpha_locale', 'plan_relance'])).toEqual([
      'plan_relance',
      'autre',
      'alpha_locale',
      'zeta_locale',
    ]);
  });

  it('stays exact over thousands of fiches and lines', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => ({
      ficheId: `f${i}`,
      numero: i + 1,
      titre: `Fiche ${i}`,
      maitreOuvrage: '',
      orientationId: i % 2 ? 'o1' : 'o2',
    }));
    const manyLines = many.flatMap((f) =>
      Array.from({ length: 10 }, (_, j) => ({
        ficheId: f.ficheId,
        source: j % 2 ? 'dsil' : 'detr',
        montantCents: 1 + j,
      })),
    );
    const big = buildMaquette(2025, many, manyLines, orientations);
    expect(big.totalCents).toBe(2_000 * 55);
    expect(big.totauxParSource).toEqual({ dsil: 2_000 * 30, detr: 2_000 * 25 });
  });

  it('compares two maquettes: moved amounts, added and removed fiches, total delta', () => {
    const later = buildMaquette(
      2024,
      fiches,
      [
        ...lines.filter((l) => l.ficheId !== 'd'),
        { ficheId: 'a', source: 'dsil', montantCents: -25_000_00 },
        { ficheId: 'e', source: 'leader', montantCents: 12_00 },
      ],
      orientations,
    );
    const diff = diffMaquettes(maquette, later);
    expect(diff.changements).toEqual([
      expect.objectContaining({
        ficheId: 'a',
        source: 'dsil',
        avantCents: 125_000_00,
        apresCents: 100_000_00,
        deltaCents: -25_000_00,
      }),
      expect.objectContaining({ ficheId: 'd', source: 'detr', avantCents: 3_33, apresCents: 0 }),
      expect.objectContaining({ ficheId: 'e', source: 'leader', avantCents: 0, apresCents: 12_00 }),
    ]);
    expect(diff.fichesAjoutees.map((f) => f.ficheId)).toEqual(['e']);
    expect(diff.fichesRetirees.map((f) => f.ficheId)).toEqual(['d']);
    expect(diff.deltaCents).toBe(later.totalCents - maquette.totalCents);
    expect(diff.deltaCents).toBe(-25_000_00 - 3_33 + 12_00);
    expect(diffMaquettes(maquette, maquette).changements).toEqual([]);
  });
});
