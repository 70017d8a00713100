import { describe, expect, it } from 'vitest';
import { formatEuros, parseEurosToCents, planSummary, sumCents } from './finance.js';

describe('plan de financement', () => {
  it('counts acquired and requested against the cost, refused lines apart', () => {
    const plan = planSummary(
      [
        { montantCents: 450_000_00, statut: 'acquis' },
        { montantCents: 120_000_50, statut: 'sollicite' },
        { montantCents: 80_000_00, statut: 'refuse' },
      ],
      1_000_000_00,
    );
    expect(plan).toEqual({
      totalCents: 570_000_50,
      acquisCents: 450_000_00,
      sollicitesCents: 120_000_50,
      refusesCents: 80_000_00,
      ecartCents: 429_999_50,
      depasseCout: false,
    });
  });

  it('flags a plan above the cost instead of hiding it', () => {
    const plan = planSummary(
      [
        { montantCents: 70_00, statut: 'acquis' },
        { montantCents: 40_00, statut: 'sollicite' },
      ],
      100_00,
    );
    expect(plan.ecartCents).toBe(-10_00);
    expect(plan.depasseCout).toBe(true);
  });

  it('has no gap without a cost, and is exactly balanced at the cost', () => {
    expect(planSummary([], null)).toMatchObject({
      totalCents: 0,
      ecartCents: null,
      depasseCout: false,
    });
    expect(planSummary([{ montantCents: 100_00, statut: 'acquis' }], 100_00)).toMatchObject({
      ecartCents: 0,
      depasseCout: false,
    });
  });

  it('sums thousands of lines exactly, where floating-point euros would drift', () => {
    const lines = Array.from({ length: 10_000 }, () => ({
      montantCents: 10,
      statut: 'acquis' as const,
    }));
    expect(planSummary(lines, null).totalCents).toBe(100_000);
    let euros = 0;
    for (let i = 0; i < 10_000; i++) euros += 0.1;
    expect(euros).not.toBe(1000);
  });

  it('refuses to go past the safe integer range rather than lose cents', () => {
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('euros as people write them', () => {
  it('formats cents in French and in English', () => {
    expect(formatEuros(123_456_789)).toBe('1\u202f234\u202f567,89\u00a0€');
    expect(formatEuros(5)).toBe('0,05\u00a0€');
    expect(formatEuros(-10_00)).toBe('-10,00\u00a0€');
    expect(formatEuros(123_456_789, 'en')).toBe('€1,234,567.89');
  });

  it('reads typed amounts into cents without floats', () => {
    expect(parseEurosToCents('1 234,56')).toBe(123_456);
    expect(parseEurosToCents('12 000 €')).toBe(1_200_000);
    expect(parseEurosToCents('0.1')).toBe(10);
    expect(parseEurosToCents('19,99')).toBe(1_999);
    for (const bad of ['-5', '1,234', 'douze', '', '1.2.3']) {
      expect(parseEurosToCents(bad), bad).toBeUndefined();
    }
  });
});
