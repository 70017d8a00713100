import { type FinancementLine, sumCents } from '@trame/shared';

export interface SourceRow {
  source: string;
  acquisCents: number;
  sollicitesCents: number;
  totalCents: number;
}

/**
 * A fiche's plan de financement as the portal shows it: one row per source, acquired and requested
 * amounts summed over the years, in the order sources first appear. Refused lines are left out:
 * the portal shows what the operation counts on.
 */
export function financingBySource(lines: readonly FinancementLine[]): SourceRow[] {
  const bySource = new Map<string, { acquis: number[]; sollicite: number[] }>();
  for (const line of lines) {
    if (line.statut === 'refuse') continue;
    const entry = bySource.get(line.source) ?? { acquis: [], sollicite: [] };
    entry[line.statut].push(line.montantCents);
    bySource.set(line.source, entry);
  }
  return [...bySource].map(([source, { acquis, sollicite }]) => {
    const acquisCents = sumCents(acquis);
    const sollicitesCents = sumCents(sollicite);
    return { source, acquisCents, sollicitesCents, totalCents: acquisCents + sollicitesCents };
  });
}
