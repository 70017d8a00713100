import type { FinancementLine } from '@trame/shared';
import { describe, expect, it } from 'vitest';
import { financingBySource } from './financing.js';

const line = (
  source: string,
  montantCents: number,
  statut: FinancementLine['statut'],
  annee = 2024,
): FinancementLine => ({
  id: `${source}-${annee}-${statut}`,
  source,
  montantCents,
  annee,
  statut,
  commentaire: '',
});

describe('the plan de financement by source', () => {
  it('sums acquired and requested amounts per source over the years, without refused lines', () => {
    expect(
      financingBySource([
        line('fonds_vert', 900_000_00, 'acquis', 2023),
        line('dsil', 300_000_00, 'refuse'),
        line('fonds_vert', 100_000_01, 'sollicite', 2024),
        line('region', 250_000_00, 'sollicite'),
        line('fonds_vert', 50_000_00, 'acquis', 2025),
      ]),
    ).toEqual([
      {
        source: 'fonds_vert',
        acquisCents: 950_000_00,
        sollicitesCents: 100_000_01,
        totalCents: 1_050_000_01,
      },
      { source: 'region', acquisCents: 0, sollicitesCents: 250_000_00, totalCents: 250_000_00 },
    ]);
  });

  it('is empty when every line was refused', () => {
    expect(financingBySource([line('dsil', 1_00, 'refuse')])).toEqual([]);
  });
});
