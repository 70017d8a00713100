import type { StatutFinancement } from './fiches.js';

/**
 * Money computations on integer euro cents. Every amount is a safe integer: sums stay exact
 * whatever the number of lines, and nothing is ever rounded.
 */

export interface FinancementAmount {
  source: string;
  montantCents: number;
  annee: number;
  statut: StatutFinancement;
}

export interface PlanSummary {
  /** Acquired plus requested: what the plan counts on. Refused lines are kept apart. */
  totalCents: number;
  acquisCents: number;
  sollicitesCents: number;
  refusesCents: number;
  /** Cost minus total; negative when the plan asks for more than the operation costs. */
  ecartCents: number | null;
  /** Acquired + requested exceed the cost: shown as a warning, never silently accepted. */
  depasseCout: boolean;
}

function add(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError('amount out of the safe integer range');
  return sum;
}

export function sumCents(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) total = add(total, amount);
  return total;
}

export function planSummary(
  lines: readonly Pick<FinancementAmount, 'montantCents' | 'statut'>[],
  coutCents: number | null,
): PlanSummary {
  const byStatut = { acquis: 0, sollicite: 0, refuse: 0 };
  for (const line of lines) byStatut[line.statut] = add(byStatut[line.statut], line.montantCents);
  const totalCents = add(byStatut.acquis, byStatut.sollicite);
  return {
    totalCents,
    acquisCents: byStatut.acquis,
    sollicitesCents: byStatut.sollicite,
    refusesCents: byStatut.refuse,
    ecartCents: coutCents === null ? null : coutCents - totalCents,
    depasseCout: coutCents !== null && totalCents > coutCents,
  };
}

/** Formats cents as French euros ("1 234 567,89 €") without going through a float. */
export function formatEuros(cents: number, locale: 'fr' | 'en' = 'fr'): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.trunc(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'fr' ? '\u202f' : ',');
  const sign = negative ? '-' : '';
  return locale === 'fr' ? `${sign}${grouped},${rest}\u00a0€` : `${sign}€${grouped}.${rest}`;
}

/**
 * Reads an amount typed by a person ("1 234,56", "1234.5", "12 000 €") into cents, or undefined
 * when it is not a non-negative amount with at most two decimals.
 */
export function parseEurosToCents(input: string): number | undefined {
  const cleaned = input.replace(/[\s\u00a0\u202f€]/g, '');
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return undefined;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : undefined;
}
